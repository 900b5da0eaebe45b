import CSV
import Foundation
import MutualisDomain
import MutualisRepresentations
import MutualisStore

/// Members as CSV (UTF-8, a header row, RFC 4180 quoting), in the API's field names, so that
/// an export can be edited and imported again.
enum MemberCSV {
    static let header = ["name", "legalForm", "siret", "category", "headcount", "annualBudgetCents", "joinedOn", "leftOn"]

    /// Reads every row, or fails on the first bad one naming its line and field.
    static func read(_ text: String, categories: [MemberCategory]) throws -> [(line: Int, input: MemberInput)] {
        let reader: CSVReader
        do {
            reader = try CSVReader(string: text, hasHeaderRow: true, trimFields: true)
        } catch {
            throw AdminError.refused("the file is not CSV: \(error)")
        }
        let columns = reader.headerRow ?? []
        for required in ["name", "legalForm"] where !columns.contains(required) {
            throw AdminError.refused("line 1: the header has no \(required) column (expected \(header.joined(separator: ",")))")
        }
        if let unknown = columns.first(where: { !header.contains($0) }) {
            throw AdminError.refused("line 1: unknown column \(unknown) (expected \(header.joined(separator: ",")))")
        }
        var rows: [(line: Int, input: MemberInput)] = []
        var line = 1
        while reader.next() != nil {
            line += 1
            func field(_ name: String) -> String? {
                guard let value = reader[name], !value.isEmpty else { return nil }
                return value
            }
            func refuse(_ name: String, _ message: String) -> AdminError {
                .refused("line \(line): \(name): \(message)")
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
                guard let value = Double(headcount) else { throw refuse("headcount", "must be a number") }
                input.headcount = value
            }
            if let budget = field("annualBudgetCents") {
                guard let value = Int(budget) else { throw refuse("annualBudgetCents", "must be a whole number of cents") }
                input.annualBudgetCents = value
            }
            if let joined = field("joinedOn") {
                guard let date = LocalDate(joined) else { throw refuse("joinedOn", "must be a date YYYY-MM-DD") }
                input.joinedOn = date
            }
            if let left = field("leftOn") {
                guard let date = LocalDate(left) else { throw refuse("leftOn", "must be a date YYYY-MM-DD") }
                input.leftOn = date
            }
            if let error = input.validationErrors().first { throw refuse(error.field, error.message) }
            rows.append((line, input))
        }
        return rows
    }

    /// Writes members in `dialect`, with the API's field names as header in both, so that
    /// either file imports again.
    static func write(_ members: [Member], categories: [MemberCategory], dialect: CSVDialect = .rfc4180) throws -> String {
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
