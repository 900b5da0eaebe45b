import MutualisDomain
import MutualisRepresentations
import Testing

@Suite("CSV for scripts and for French spreadsheets")
struct CSVDialectTests {
    let rows: [[CSVCell]] = [["label", "amount", "day"], [.text("Loyer; « salle »"), .euros(123_456), .date("2026-11-30")]]

    @Test("RFC 4180: commas, a decimal point, ISO dates, CRLF, no byte-order mark")
    func rfc4180() throws {
        #expect(try CSVDocument.write(rows) == "label,amount,day\r\nLoyer; « salle »,1234.56,2026-11-30\r\n")
    }

    @Test("French: a byte-order mark, semicolons (quoting a field that holds one), decimal commas, JJ/MM/AAAA")
    func french() throws {
        #expect(try CSVDocument.write(rows, dialect: .french) == "\u{FEFF}label;amount;day\r\n\"Loyer; « salle »\";1234,56;30/11/2026\r\n")
    }

    @Test("a text field a spreadsheet would run as a formula is written as text, in both dialects; numbers keep their sign")
    func formulas() throws {
        for dialect in CSVDialect.allCases {
            let text = try CSVDocument.write(
                [[.text("=HYPERLINK(\"http://x\")"), .text("+1"), .text("-2"), .text("@SUM(A1)"), .euros(-250)]], dialect: dialect)
            let separator = dialect == .french ? ";" : ","
            #expect(text.contains("'=HYPERLINK") && text.contains("'+1\(separator)'-2\(separator)'@SUM(A1)"))
            #expect(text.hasSuffix(dialect == .french ? ";-2,50\r\n" : ",-2.50\r\n"))
        }
    }

    @Test("file names say what they hold")
    func fileNames() {
        let november = DatePeriod(start: LocalDate("2026-11-01")!, end: LocalDate("2026-12-01")!)!
        #expect(FileName.statement(november, member: "Les Fabriques de Romans") == "releve-2026-11-les-fabriques-de-romans.csv")
        #expect(FileName.slug("Atelier Cuir & Chaussure — Drôme") == "atelier-cuir-chaussure-drome")
        let quarter = DatePeriod(start: LocalDate("2026-10-01")!, end: LocalDate("2027-01-01")!)!
        #expect(FileName.period(quarter) == "2026-10-01-au-2026-12-31")
    }
}
