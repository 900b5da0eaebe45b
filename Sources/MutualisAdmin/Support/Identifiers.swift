import Foundation
import MutualisDomain
import MutualisStore

extension GlobalOptions {
    /// An id given on the command line, or a usage error naming the option.
    func id<Entity>(_ text: String, as type: Identifier<Entity>.Type, option: String) throws -> Identifier<Entity> {
        guard let id = Identifier<Entity>(text) else { throw AdminError.usage("--\(option) is not an id: \(text)") }
        return id
    }

    /// A date given on the command line, or a usage error naming the option.
    func date(_ text: String?, option: String) throws -> LocalDate? {
        guard let text else { return nil }
        guard let date = LocalDate(text) else { throw AdminError.usage("--\(option) must be \(LocalDate.expectedText): \(text)") }
        return date
    }
}

extension GlobalOptions {
    /// A period from `--from` and `--to` (end exclusive), or a usage error naming them.
    func period(from start: String, to end: String) throws -> DatePeriod {
        guard let first = try date(start, option: "from"), let last = try date(end, option: "to") else {
            throw AdminError.usage("--from and --to are required")
        }
        guard let period = DatePeriod(start: first, end: last) else { throw AdminError.usage("--to must be after --from") }
        return period
    }

    /// An allocation rule given as JSON, as the API takes it.
    func allocationRule(_ json: String) throws -> AllocationRule {
        do {
            return try StrictJSONDecoder().decode(AllocationRule.self, from: Data(json.utf8))
        } catch let unknown as UnknownJSONField {
            throw AdminError.usage("--rule: \(unknown.field) \(unknown.message)")
        } catch {
            throw AdminError.usage(#"--rule is not an allocation rule, such as '{"method": "usage", "idle": "absorb"}'"#)
        }
    }
}
