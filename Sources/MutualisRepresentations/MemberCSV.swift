import CSV
import Foundation
import MutualisDomain

/// Members as CSV, in the API's field names, so that an export (of either dialect) can be
/// edited in a spreadsheet and imported again.
public enum MemberCSV {
    public static let header = ["name", "legalForm", "siret", "category", "headcount", "annualBudgetCents", "joinedOn", "leftOn"]

    /// A file that cannot be imported: the line and field at fault, in one sentence.
    public struct Refusal: Error, CustomStringConvertible, Equatable {
        public var description: String
    }

    /// Reads every row of a file of either dialect (a `;` file with decimal commas and
    /// `JJ/MM/AAAA` dates as well as RFC 4180), or fails on the first bad one naming its line
    /// and field.
    public static func read(_ text: String, categories: [MemberCategory]) throws -> [(line: Int, input: MemberInput)] {
        let reader: CSVReader
        do {
            reader = try CSVDocument.reader(text)
        } catch {
            throw Refusal(description: "the file is not CSV: \(error)")
        }
        let columns = reader.headerRow ?? []
        for required in ["name", "legalForm"] where !columns.contains(required) {
            throw Refusal(description: "line 1: the header has no \(required) column (expected \(header.joined(separator: ",")))")
        }
        if let unknown = columns.first(where: { !header.contains($0) }) {
            throw Refusal(description: "line 1: unknown column \(unknown) (expected \(header.joined(separator: ",")))")
        }
        var rows: [(line: Int, input: MemberInput)] = []
        var line = 1
        while reader.next() != nil {
            line += 1
            func field(_ name: String) -> String? {
                guard var value = reader[name], !value.isEmpty else { return nil }
                // What an export wrote after an apostrophe so that no spreadsheet ran it.
                if value.hasPrefix("'"), let second = value.unicodeScalars.dropFirst().first, "=+-@\t\r".unicodeScalars.contains(second) {
                    value.removeFirst()
                }
                return value
            }
            func refuse(_ name: String, _ message: String) -> Refusal {
                Refusal(description: "line \(line): \(name): \(message)")
            }
            guard let name = field("name") else { throw refuse("name", "is required") }
            guard let form = field("legalForm").flatMap(LegalForm.init(rawValue:)) else {
                throw refuse("legalForm", "must be one of \(LegalForm.namesText)")
            }
            var input = MemberInput(name: name, legalForm: form, siret: field("siret"))
            if let category = field("category") {
                guard let match = categories.first(where: { $0.name == category || $0.id.description == category }) else {
                    throw refuse("category", "no category \(category) in this pole")
                }
                input.categoryID = match.id
            }
            if let headcount = field("headcount") {
                guard case .success(let hundredths) = AmountText.cents(headcount, limit: Int(InputBounds.maxWeight) * 100) else {
                    throw refuse("headcount", "must be a number of FTE with at most two decimals (3.5 or 3,5)")
                }
                input.headcount = Double(hundredths) / 100
            }
            if let budget = field("annualBudgetCents") {
                guard let value = Int(budget) else { throw refuse("annualBudgetCents", "must be a whole number of cents") }
                input.annualBudgetCents = value
            }
            if let joined = field("joinedOn") {
                guard let date = LocalDate(typed: joined) else { throw refuse("joinedOn", "must be a date YYYY-MM-DD or DD/MM/YYYY") }
                input.joinedOn = date
            }
            if let left = field("leftOn") {
                guard let date = LocalDate(typed: left) else { throw refuse("leftOn", "must be a date YYYY-MM-DD or DD/MM/YYYY") }
                input.leftOn = date
            }
            if let error = input.validationErrors().first { throw refuse(error.field, error.message) }
            rows.append((line, input))
        }
        return rows
    }

    /// Writes members in `dialect`, with the API's field names as header in both, so that
    /// either file imports again.
    public static func write(_ members: [Member], categories: [MemberCategory], dialect: CSVDialect = .rfc4180) throws -> String {
        try CSVDocument.write(
            [header.map(CSVCell.text)]
                + members.map { member in
                    [
                        .text(member.name), .text(member.legalForm.rawValue), .text(member.siret?.digits ?? ""),
                        .text(categories.first { $0.id == member.categoryID }?.name ?? ""),
                        .fixed(Double(member.headcountHundredths) / 100, decimals: 2), .integer(member.annualBudgetCents),
                        .date(member.joinedOn.description), .date(member.leftOn?.description ?? ""),
                    ]
                }, dialect: dialect)
    }
}
