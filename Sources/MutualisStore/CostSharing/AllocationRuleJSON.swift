import Foundation
import MutualisDomain

/// Allocation rules as stored in `jsonb`: the API's own shape.
enum AllocationRuleJSON {
    static func encode(_ rule: AllocationRule) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return String(decoding: try encoder.encode(rule), as: UTF8.self)
    }

    static func decode(_ text: String) throws -> AllocationRule {
        try JSONDecoder().decode(AllocationRule.self, from: Data(text.utf8))
    }
}
