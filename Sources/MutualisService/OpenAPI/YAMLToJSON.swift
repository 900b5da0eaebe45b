import Foundation
import Yams

/// Writes a YAML tree as JSON, mappings in the order they are written (so that `/openapi.json`
/// reads like the YAML it comes from, which a dictionary would shuffle).
enum YAMLToJSON {
    /// Why a YAML tree has no JSON form.
    struct Failure: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }

    /// Appends the JSON form of `node` to `json`.
    static func write(_ node: Node, to json: inout String) throws {
        switch node {
        case .scalar(let scalar):
            try write(scalar, tagged: Tag.Name(rawValue: node.tag.rawValue), to: &json)
        case .sequence(let sequence):
            json += "["
            for (index, element) in sequence.enumerated() {
                if index > 0 { json += "," }
                try write(element, to: &json)
            }
            json += "]"
        case .mapping(let mapping):
            json += "{"
            for (index, pair) in mapping.enumerated() {
                guard case .scalar(let key) = pair.key, Tag.Name(rawValue: pair.key.tag.rawValue) == .str else {
                    throw Failure(message: "a key that is not a string, line \(pair.key.mark?.line ?? 0)")
                }
                if index > 0 { json += "," }
                writeString(key.string, to: &json)
                json += ":"
                try write(pair.value, to: &json)
            }
            json += "}"
        case .alias(let alias):
            throw Failure(message: "an alias (*\(alias.anchor.rawValue)): write the value out, JSON has no references")
        }
    }

    private static func write(_ scalar: Node.Scalar, tagged tag: Tag.Name, to json: inout String) throws {
        switch tag {
        case .null:
            json += "null"
        case .bool:
            json += scalar.string.lowercased()
        case .int:
            guard let value = Int(scalar.string) else { throw Failure(message: "an integer out of range: \(scalar.string)") }
            json += String(value)
        case .float:
            guard let value = Double(scalar.string), value.isFinite else {
                throw Failure(message: "a number JSON cannot hold: \(scalar.string)")
            }
            json += String(value)
        default:
            writeString(scalar.string, to: &json)
        }
    }

    private static func writeString(_ string: String, to json: inout String) {
        json += "\""
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\"": json += "\\\""
            case "\\": json += "\\\\"
            case "\n": json += "\\n"
            case "\r": json += "\\r"
            case "\t": json += "\\t"
            case _ where scalar.value < 0x20:
                json +=
                    "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count)
                    + String(scalar.value, radix: 16)
            default: json.unicodeScalars.append(scalar)
            }
        }
        json += "\""
    }
}
