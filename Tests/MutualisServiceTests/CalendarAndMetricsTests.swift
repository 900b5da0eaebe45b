import Foundation
import HummingbirdTesting
import MutualisDomain
import MutualisStore
import Testing

@Suite("Calendar feeds and metrics")
struct CalendarAndMetricsTests {
    /// Parses a feed with Python's `icalendar` (a real RFC 5545 parser), returning each event's
    /// UID, start (UTC, ISO), summary and description, one per line.
    private func parseWithPython(_ feed: Data) throws -> [String] {
        try ensurePythonICalendar()
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("feed-\(UUID()).ics")
        try feed.write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let script = """
            import sys, icalendar
            calendar = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())
            for event in calendar.walk('VEVENT'):
                assert event.get('DTSTAMP') is not None
                start = event.decoded('DTSTART').astimezone(__import__('datetime').timezone.utc).isoformat()
                print('|'.join([str(event['UID']), start, str(event['SUMMARY']), str(event.get('DESCRIPTION', ''))]).replace('\\n', '/'))
            """
        let output = try run("/usr/bin/env", ["python3", "-c", script, file.path])
        return output.split(separator: "\n").map(String.init)
    }

    private func ensurePythonICalendar() throws {
        if (try? run("/usr/bin/env", ["python3", "-c", "import icalendar"])) != nil { return }
        _ = try run("/usr/bin/env", ["python3", "-m", "pip", "install", "--quiet", "icalendar"])
    }

    private func run(_ executable: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw CocoaError(.executableLoad) }
        return String(decoding: data, as: UTF8.self)
    }

    @Test("a resource feed is valid RFC 5545, reachable with a calendar key, and hides other members' names")
    func resourceFeed() async throws {
        try await withAPI { client, fixture, pool in
            let resource = try await client.call(
                .post, "/api/v1/resources", token: fixture.coordinator, json: resourceJSON("Studio de répétition"))["id"]!
            // A feed shows the coming year: the bookings are a week and eight days ahead.
            let (firstStart, secondStart) = (wholeHour(fromNow: 7 * 24), wholeHour(fromNow: 8 * 24))
            let mine = try await client.call(
                .post, "/api/v1/bookings", token: fixture.userA,
                json: bookingJSON(
                    resource, firstStart, wholeHour(fromNow: 7 * 24 + 3),
                    extra: #", "note": "Répétition, batterie; ampli\nsalle B — merci""#))
            let theirs = try await client.call(
                .post, "/api/v1/bookings", token: fixture.userB, json: bookingJSON(resource, secondStart, wholeHour(fromNow: 8 * 24 + 3)))
            let users = try await UserStore(database: MutualisDatabase(pool: pool)).list(pole: fixture.pole)
            let userA = try #require(users.first { $0.memberID == fixture.memberA })
            let key = try await client.call(
                .post, "/api/v1/users/\(userA.id)/tokens", token: fixture.coordinator, json: #"{"scope": "calendar"}"#)["token"]!

            let feed = try await client.call(.get, "/api/v1/resources/\(resource)/calendar.ics?key=\(key)", token: nil)
            expect(feed, .ok)
            #expect(feed.contentType == "text/calendar; charset=utf-8")
            #expect(String(decoding: feed.data, as: UTF8.self).contains("\r\n"))
            let events = try parseWithPython(feed.data)
            #expect(
                events == [
                    "\(mine["id"]!)@mutualis|\(firstStart.dropLast())+00:00|Studio de répétition — Les Fabriques|Répétition, batterie; ampli/salle B — merci",
                    "\(theirs["id"]!)@mutualis|\(secondStart.dropLast())+00:00|Studio de répétition — réservé|",
                ])
        }
    }

    @Test("a hostile note cannot add an event or a property to a feed: every line break and separator is escaped")
    func feedInjection() async throws {
        try await withAPI { client, fixture, _ in
            let resource = try await client.call(.post, "/api/v1/resources", token: fixture.coordinator, json: resourceJSON("Studio"))[
                "id"]!
            let notes = [
                #"x\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:forged\r\nDTSTART:20270101T000000Z\r\nSUMMARY:forged"#,
                #"lone\rcarriage;return, and\\backslash\nSTATUS:CANCELLED"#,
            ]
            var ids: [String] = []
            for (day, note) in notes.enumerated() {
                let start = wholeHour(fromNow: (day + 2) * 24)
                let booked = try await client.call(
                    .post, "/api/v1/bookings", token: fixture.userA,
                    json: bookingJSON(
                        resource, start, wholeHour(fromNow: (day + 2) * 24 + 1), extra: #", "note": "\#(note)""#))
                expect(booked, .created)
                ids.append(booked["id"]!)
            }
            let feed = try await client.call(.get, "/api/v1/members/\(fixture.memberA)/calendar.ics", token: fixture.userA)
            expect(feed, .ok)
            let text = String(decoding: feed.data, as: UTF8.self)
            #expect(text.components(separatedBy: "\r\nBEGIN:VEVENT\r\n").count == 3)
            #expect(!text.contains("\r\nUID:forged") && !text.contains("\r\nSTATUS:CANCELLED"))
            let events = try parseWithPython(feed.data)
            #expect(events.count == 2)
            #expect(events.map { String($0.split(separator: "@")[0]) } == ids)
            #expect(events[0].hasSuffix("|x/END:VEVENT/BEGIN:VEVENT/UID:forged/DTSTART:20270101T000000Z/SUMMARY:forged"))
            #expect(events[1].hasSuffix(#"|lone/carriage;return, and\backslash/STATUS:CANCELLED"#))
        }
    }

    @Test("a calendar key opens feeds only; an API token in ?key= opens nothing; another member's feed is 404")
    func calendarKeys() async throws {
        try await withAPI { client, fixture, pool in
            let users = try await UserStore(database: MutualisDatabase(pool: pool)).list(pole: fixture.pole)
            let userA = try #require(users.first { $0.memberID == fixture.memberA })
            let key = try await client.call(
                .post, "/api/v1/users/\(userA.id)/tokens", token: fixture.coordinator, json: #"{"scope": "calendar"}"#)["token"]!
            expect(try await client.call(.get, "/api/v1/members/\(fixture.memberA)/calendar.ics?key=\(key)", token: nil), .ok)
            expect(try await client.call(.get, "/api/v1/members/\(fixture.memberB)/calendar.ics?key=\(key)", token: nil), .notFound)
            expect(try await client.call(.get, "/api/v1/members?key=\(key)", token: nil), .unauthorized)
            expect(try await client.call(.get, "/api/v1/members", token: key), .unauthorized)
            expect(
                try await client.call(.get, "/api/v1/members/\(fixture.memberA)/calendar.ics?key=\(fixture.userA)", token: nil),
                .unauthorized)
        }
    }

    @Test("/metrics counts requests by route and status, bookings by outcome, and shows the pool")
    func metrics() async throws {
        try await withAPI { client, fixture, _ in
            let resource = try await client.call(.post, "/api/v1/resources", token: fixture.coordinator, json: resourceJSON("Van"))["id"]!
            let body = bookingJSON(resource, "2027-03-10T09:00:00+01:00", "2027-03-10T10:00:00+01:00")
            expect(try await client.call(.post, "/api/v1/bookings", token: fixture.userA, json: body), .created)
            expect(try await client.call(.post, "/api/v1/bookings", token: fixture.userB, json: body), .conflict)
            let metrics = try await client.call(.get, "/metrics", token: nil)
            expect(metrics, .ok)
            let text = String(decoding: metrics.data, as: UTF8.self)
            #expect(text.contains(#"mutualis_bookings_total{outcome="created"} 1"#))
            #expect(text.contains(#"mutualis_bookings_total{outcome="conflict"} 1"#))
            #expect(text.contains(#"http_requests_total{route="/api/v1/bookings",method="POST",status="409"} 1"#))
            #expect(text.contains("http_request_duration_seconds_bucket"))
            #expect(text.contains("mutualis_pool_connections_in_use"))
            #expect(text.contains("mutualis_pool_waiting"))
        }
    }
}
