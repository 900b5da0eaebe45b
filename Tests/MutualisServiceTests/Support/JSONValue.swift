import Foundation

/// Any JSON value, read exactly: booleans stay booleans and numbers stay numbers, which
/// `JSONSerialization`'s `NSNumber` does not promise on Linux.
enum JSONValue: Decodable, Equatable, Sendable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([JSONValue].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: JSONValue].self))
        }
    }

    /// Reads a JSON text.
    init(parsing data: Data) throws {
        self = try JSONDecoder().decode(JSONValue.self, from: data)
    }

    /// The member `key` of an object.
    subscript(key: String) -> JSONValue? {
        if case .object(let members) = self { return members[key] }
        return nil
    }

    /// The value as a string, when it is one.
    var string: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    /// The value as a number, when it is one.
    var number: Double? {
        if case .number(let value) = self { return value }
        return nil
    }

    /// The value's members, when it is an object.
    var members: [String: JSONValue]? {
        if case .object(let value) = self { return value }
        return nil
    }

    /// The value's elements, when it is an array.
    var elements: [JSONValue]? {
        if case .array(let value) = self { return value }
        return nil
    }
}
