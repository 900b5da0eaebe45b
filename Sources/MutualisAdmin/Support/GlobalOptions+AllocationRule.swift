import Foundation
import MutualisDomain
import MutualisRepresentations
import MutualisStore

extension GlobalOptions {
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
