import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import MutualisDomain
import MutualisStore
import PostgresClient
import Testing

/// The pages through the real router and database, without a browser (Tests/Browser has one).
@Suite("Web pages")
struct WebPagesTests {
    static let password = "Vercors-2027-salle"

    /// A page's answer: status, location, body.
    struct Page {
        var status: HTTPResponse.Status
        var location: String?
        var html: String
    }

    /// Signs the member user A of the fixture in, and runs `body` with its cookie.
    private func withSignedIn(
        _ body: @escaping @Sendable (any TestClientProtocol, PoleFixture, String, PostgresConnectionPool) async throws -> Void
    ) async throws {
        try await withAPI { client, fixture, pool in
            let database = MutualisDatabase(pool: pool)
            let accounts = AccountStore(database: database, hasher: PasswordHasher(logN: 10, blockSize: 1, parallelism: 1))
            let user = try #require(
                try await UserStore(database: database).list(pole: fixture.pole).first { $0.memberID == fixture.memberA })
            try await accounts.setPassword(of: user.id, to: Self.password, actor: .adminCLI)
            guard case .signedIn(let signedIn) = try await accounts.signIn(email: user.email, password: Self.password, address: "test")
            else {
                Issue.record("sign-in refused")
                return
            }
            try await body(client, fixture, "mutualis_session=\(signedIn.secret)", pool)
        }
    }

    private func get(_ client: any TestClientProtocol, _ path: String, cookie: String?) async throws -> Page {
        var headers: HTTPFields = [:]
        if let cookie { headers[.cookie] = cookie }
        return try await client.execute(uri: path, method: .get, headers: headers) { response in
            Page(status: response.status, location: response.headers[.location], html: String(buffer: response.body))
        }
    }

    private func post(_ client: any TestClientProtocol, _ path: String, cookie: String, form: String, headers extra: HTTPFields = [:])
        async throws -> Page
    {
        var headers = extra
        headers[.cookie] = cookie
        headers[.contentType] = "application/x-www-form-urlencoded"
        return try await client.execute(uri: path, method: .post, headers: headers, body: ByteBuffer(string: form)) { response in
            Page(status: response.status, location: response.headers[.location], html: String(buffer: response.body))
        }
    }

    private func csrf(_ html: String) -> String {
        guard let range = html.range(of: #"name="csrf" value="([0-9A-Za-z_-]+)""#, options: .regularExpression) else { return "" }
        return String(html[range].dropFirst(#"name="csrf" value=""#.count).dropLast())
    }

    private func room(_ client: any TestClientProtocol, _ fixture: PoleFixture) async throws -> String {
        let rules = #"{"openingHours": {"sunday": [{"opens": "00:00", "closes": "24:00"}]}}"#
        let answer = try await client.call(
            .post, "/api/v1/resources", token: fixture.coordinator, json: resourceJSON("Salle", rules: rules))
        return try #require(answer["id"])
    }

    @Test("a page asks for sign-in and comes back to itself; the answer of every page keeps to our origin")
    func signInFirst() async throws {
        try await withAPI { client, _, _ in
            let page = try await get(client, "/mes-reservations?x=1", cookie: nil)
            #expect(page.status == .seeOther)
            #expect(page.location == "/connexion?suite=%2Fmes%2Dreservations%3Fx%3D1")
            let signIn = try await client.execute(uri: "/connexion", method: .get) { $0 }
            #expect(signIn.headers[.contentSecurityPolicy]?.contains("default-src 'none'") == true)
            #expect(signIn.headers[.setCookie]?.contains("SameSite=Strict") == true)
        }
    }

    @Test("a member's user is refused every coordination page and form, with its token or not, and nothing changes")
    func coordinationIsForCoordinators() async throws {
        try await withSignedIn { client, fixture, cookie, pool in
            let token = csrf(try await get(client, "/compte", cookie: cookie).html)
            for path in [
                "/coordination", "/coordination/membres", "/coordination/couts", "/coordination/cloture", "/coordination/rapport",
                "/coordination/rapport.csv", "/coordination/membres/\(fixture.memberA)", "/coordination/validations",
            ] {
                #expect(try await get(client, path, cookie: cookie).status == .forbidden, "\(path)")
                #expect(try await get(client, path, cookie: nil).status == .seeOther, "\(path)")
            }
            let posts = [
                ("/coordination/couts", "label=X&category=other&amount=10&periodStart=2027-03-01&lastDay=2027-03-31"),
                ("/coordination/cloture", "mois=2027-03"), ("/coordination/membres", "name=X&legalForm=scop"),
                ("/coordination/rapport/publier", "du=2027-03-01&au=2027-03-31"),
            ]
            for (path, form) in posts {
                #expect(try await post(client, path, cookie: cookie, form: "csrf=\(token)&\(form)").status == .forbidden, "\(path)")
            }
            let counts = try await pool.withConnection { connection in
                try connection.query(
                    "SELECT (SELECT count(*) FROM costs) + (SELECT count(*) FROM allocation_runs) + (SELECT count(*) FROM poles WHERE published_from IS NOT NULL)"
                ).first!.decode(Int.self, at: 0)
            }
            #expect(counts == 0)
        }
    }

    @Test(
        "the weeks of the daylight-saving changes: the missing hour of 28 March 2027 shows as none, the doubled one of 31 October is kept")
    func daylightSavingWeeks() async throws {
        try await withSignedIn { client, fixture, cookie, _ in
            let room = try await room(client, fixture)
            let march = try await get(client, "/ressources/\(room)?semaine=2027-03-25", cookie: cookie)
            #expect(march.status == .ok)
            #expect(march.html.contains("semaine du lundi 22 mars 2027 au dimanche 28 mars 2027"))
            let marchRow = try #require(row(march.html, "2\u{00A0}h – 3\u{00A0}h"))
            #expect(
                marchRow.hasSuffix(
                    #"<td class="none">—<span class="visually-hidden"> heure sautée au passage à l’heure d’été</span></td></tr>"#),
                "\(marchRow)")
            let october = try await get(client, "/ressources/\(room)?semaine=2027-10-31", cookie: cookie)
            let octoberRow = try #require(row(october.html, "2\u{00A0}h – 3\u{00A0}h"))
            #expect(!octoberRow.contains("—"))
            #expect(!october.html.contains("UTC") && !october.html.contains("Z<"))
        }
    }

    private func row(_ html: String, _ label: String) -> String? {
        html.components(separatedBy: "\n").first { $0.hasPrefix("<tr><th scope=\"row\">\(label)</th>") }
    }

    @Test("a member books from the form after a summary that books nothing, sees it in its list, and cancels after a confirmation page")
    func bookAndCancel() async throws {
        try await withSignedIn { client, fixture, cookie, pool in
            let room = try await room(client, fixture)
            let form = try await get(client, "/reserver?resourceId=\(room)", cookie: cookie)
            let token = csrf(form.html)
            let day = LocalDate(daysSinceEpoch: Int(Date().timeIntervalSince1970 / 86_400) + 10)
            let sunday = day.adding(days: 7 - day.weekday.isoNumber)
            let fields = "csrf=\(token)&resourceId=\(room)&date=\(sunday)&start=10:00&end=12:00&quantity=1"
            let summary = try await post(client, "/reserver", cookie: cookie, form: fields)
            #expect(summary.status == .ok && summary.html.contains("Rien n’est encore réservé"))
            let count = { try await pool.withConnection { try $0.query("SELECT count(*) FROM bookings").first!.decode(Int.self, at: 0) } }
            #expect(try await count() == 0)
            let booked = try await post(client, "/reserver", cookie: cookie, form: fields + "&etape=confirmer")
            #expect(booked.status == .seeOther)
            #expect(try await count() == 1)
            let list = try await get(client, try #require(booked.location), cookie: cookie)
            #expect(list.html.contains("Réservation confirmée : Salle, dimanche"))
            let again = try await post(
                client, "/reserver", cookie: cookie,
                form: "csrf=\(token)&resourceId=\(room)&date=\(sunday)&start=11:00&end=12:00&quantity=1")
            #expect(again.status == .unprocessableContent)
            #expect(again.html.contains("Ce créneau est déjà réservé. Prochain créneau libre de même durée : dimanche"))
            let id = try #require(
                list.html.range(of: #"/reservations/[0-9a-f-]+/annuler"#, options: .regularExpression).map { list.html[$0] })
            let confirmation = try await get(client, String(id), cookie: cookie)
            #expect(confirmation.html.contains("sans frais"))
            let cancelled = try await post(client, String(id), cookie: cookie, form: "csrf=\(token)")
            #expect(cancelled.status == .seeOther)
            #expect(try await get(client, try #require(cancelled.location), cookie: cookie).html.contains("La réservation est annulée."))
        }
    }

    @Test("a POST without the form's token, from another origin, or said cross-site by the browser changes nothing")
    func crossSite() async throws {
        try await withSignedIn { client, fixture, cookie, pool in
            let room = try await room(client, fixture)
            let token = csrf(try await get(client, "/reserver", cookie: cookie).html)
            let form = "resourceId=\(room)&date=2027-03-14&start=10:00&end=12:00&quantity=1&etape=confirmer"
            #expect(try await post(client, "/reserver", cookie: cookie, form: form).status == .forbidden)
            #expect(try await post(client, "/reserver", cookie: cookie, form: "csrf=x&" + form).status == .forbidden)
            let evil = try await post(
                client, "/reserver", cookie: cookie, form: "csrf=\(token)&" + form, headers: [.origin: "https://evil.example"])
            #expect(evil.status == .forbidden)
            let crossSite = try await post(
                client, "/reserver", cookie: cookie, form: "csrf=\(token)&" + form,
                headers: [HTTPField.Name("Sec-Fetch-Site")!: "cross-site"])
            #expect(crossSite.status == .forbidden)
            let count = try await pool.withConnection { try $0.query("SELECT count(*) FROM bookings").first!.decode(Int.self, at: 0) }
            #expect(count == 0)
        }
    }

    @Test("a member's week shows another member's booking as taken, without its name or note")
    func othersStayPrivate() async throws {
        try await withSignedIn { client, fixture, cookie, _ in
            let room = try await room(client, fixture)
            let booked = try await client.call(
                .post, "/api/v1/bookings", token: fixture.userB,
                json: bookingJSON(room, "2027-03-14T10:00:00+01:00", "2027-03-14T12:00:00+01:00", extra: #", "note": "Assemblée secrète""#))
            expect(booked, .created)
            let week = try await get(client, "/ressources/\(room)?semaine=2027-03-14", cookie: cookie)
            #expect(week.html.contains(#"<td class="taken">Réservé</td>"#))
            #expect(!week.html.contains("secrète") && !week.html.contains("Ardelaine"))
        }
    }

    @Test("a form larger than any page sends is refused with 413, not taken for a fault of ours")
    func oversizedForm() async throws {
        try await withSignedIn { client, _, cookie, _ in
            let token = csrf(try await get(client, "/reserver", cookie: cookie).html)
            let page = try await post(
                client, "/reserver", cookie: cookie, form: "csrf=\(token)&note=" + String(repeating: "a", count: 70_000))
            #expect(page.status == .contentTooLarge)
        }
    }
}
