import Foundation
import MutualisDomain
import Testing

@testable import MutualisWeb

@Suite("Pages")
struct PageTests {
    @Test("every template of Templates/ is registered, and every one parses")
    func templates() throws {
        let folder = URL(filePath: #filePath).deletingLastPathComponent().appending(path: "../../Sources/MutualisWeb/Templates")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".mustache") }
        #expect(Set(files.map { String($0.dropLast(".mustache".count)) }) == Set(PageRenderer.Template.allCases.map(\.rawValue)))
        _ = try PageRenderer()
    }

    @Test("after sign-in, only a path of this site: not another host, not //host, not a backslash")
    func localPaths() {
        #expect(localPath("/mes-reservations?x=1") == "/mes-reservations?x=1")
        for hostile in ["https://evil.example", "//evil.example", "/\\evil.example", "evil", "/a b", "/\u{0}", nil] {
            #expect(localPath(hostile) == nil)
        }
    }

    @Test("tokens compare whole, and an empty one never matches")
    func tokens() {
        #expect(tokensMatch("abc", "abc"))
        #expect(!tokensMatch("abd", "abc"))
        #expect(!tokensMatch("ab", "abc"))
        #expect(!tokensMatch("", ""))
    }

    @Test("rules in plain words, in French, with their figures")
    func rules() {
        let rules = ResourceRules(
            slotMinutes: 30, minNoticeMinutes: 1_440, bufferMinutes: 15, approvalRequired: true,
            cancellationTiers: [.init(withinMinutes: 2_880, countedPercent: 100), .init(withinMinutes: 10_080, countedPercent: 50)])
        let sentences = Sentences.rules(rules)
        #expect(
            sentences.contains(
                "Annulation sans frais jusqu’à 7 jours avant le début ; à moins de 7 jours, 50 % du temps réservé reste compté ; à moins de 2 jours, 100 %."
            ))
        #expect(sentences.contains("Par tranches de 30 minutes."))
        #expect(sentences.contains("À réserver 1 jour à l’avance au moins."))
        #expect(sentences.contains("Chaque réservation attend l’accord de la coordination."))
        #expect(Sentences.duration(minutes: 90) == "1 heure 30")
        #expect(Sentences.violation(.quantity, rules, units: 3) == "Cette ressource n’a que 3 unités.")
    }

    @Test("cancellation tiers are typed as a coordinator says them, and written back the same way")
    func typedTiers() {
        #expect(
            TypedTiers.read("7 j : 50 %, 48 h : 100 %")
                == [.init(withinMinutes: 10_080, countedPercent: 50), .init(withinMinutes: 2_880, countedPercent: 100)])
        #expect(
            TypedTiers.read("1,5 h : 30 % ; 0 h : 100%") == [
                .init(withinMinutes: 90, countedPercent: 30), .init(withinMinutes: 0, countedPercent: 100),
            ])
        #expect(TypedTiers.read("") == [])
        #expect(TypedTiers.read("48 : 100 %") == nil)
        #expect(TypedTiers.read("48 h 100 %") == nil)
        #expect(TypedTiers.read("99999999999 j : 100 %") == nil)
        #expect(
            TypedTiers.write([.init(withinMinutes: 2_880, countedPercent: 100), .init(withinMinutes: 10_080, countedPercent: 50)])
                == "7 j : 50 % ; 48 h : 100 %")
        #expect(
            TypedTiers.read(TypedTiers.write([.init(withinMinutes: 90, countedPercent: 30)])) == [
                .init(withinMinutes: 90, countedPercent: 30)
            ])
    }

    @Test("the week shows whole slots, at least half an hour each")
    func rowMinutes() {
        #expect(Website.rowMinutes(nil) == 60)
        #expect(Website.rowMinutes(15) == 30)
        #expect(Website.rowMinutes(20) == 40)
        #expect(Website.rowMinutes(45) == 45)
    }

    @Test("a date is read as date fields send it or as people type it, within the accepted years")
    func dates() {
        #expect(Forms.date("2027-03-10") == LocalDate("2027-03-10"))
        #expect(Forms.date(" 10/03/2027 ") == LocalDate("2027-03-10"))
        for wrong in ["31/02/2027", "10/03/27", "10/03/9999", "03-10-2027", "", nil] {
            #expect(Forms.date(wrong) == nil)
        }
    }

    @Test("the week's markup escapes every text it writes, as the templates do")
    func weekMarkupEscapes() {
        let cell = WeekPage.Cell(label: "<b>", state: "free", link: "/reserver?a=1&b=\"2\"", context: "l'heure", spoken: nil)
        let html = WeekMarkup.rows([WeekPage.Row(label: "9 h & <10 h>", cells: [cell])])
        #expect(html.contains("9 h &amp; &lt;10 h&gt;"))
        #expect(html.contains(#"<a href="/reserver?a=1&amp;b=&quot;2&quot;">&lt;b&gt;"#))
        #expect(html.contains("l&#39;heure"))
        #expect(!html.contains("<b>"))
    }

    @Test("a text shown back in its form keeps its lines and drops the control characters HTML cannot hold")
    func textShownBack() {
        #expect(Forms.text("a\u{0}b\u{7}\nc\td", limit: 100) == "ab\nc\td")
        #expect(Forms.text(String(repeating: "x", count: 3_000), limit: 2_000).count == 2_000)
    }
}
