import struct Foundation.Date
import struct Foundation.UUID

/// A value that can stand in a one-dimensional PostgreSQL array.
public protocol PostgresArrayElement: PostgresEncodable, PostgresDecodable {
    /// The array type whose elements are of this type (`int8[]` for `Int`).
    static var postgresArrayType: PostgresDataType { get }
}

extension Int: PostgresArrayElement {
    public static var postgresArrayType: PostgresDataType { .int8Array }
}

extension Int64: PostgresArrayElement {
    public static var postgresArrayType: PostgresDataType { .int8Array }
}

extension Double: PostgresArrayElement {
    public static var postgresArrayType: PostgresDataType { .float8Array }
}

extension Bool: PostgresArrayElement {
    public static var postgresArrayType: PostgresDataType { .boolArray }
}

extension String: PostgresArrayElement {
    public static var postgresArrayType: PostgresDataType { .textArray }
}

extension UUID: PostgresArrayElement {
    public static var postgresArrayType: PostgresDataType { .uuidArray }
}

extension Date: PostgresArrayElement {
    public static var postgresArrayType: PostgresDataType { .timestamptzArray }
}

extension PostgresCalendarDate: PostgresArrayElement {
    public static var postgresArrayType: PostgresDataType { .dateArray }
}

/// Arrays travel in the array text format, every element quoted, so that no element text
/// (commas, braces, quotes, the word NULL) can change the array's shape.
extension Array: PostgresEncodable where Element: PostgresArrayElement {
    public static var postgresType: PostgresDataType { Element.postgresArrayType }

    public var postgresText: String? {
        var text = "{"
        for (index, element) in enumerated() {
            if index > 0 { text += "," }
            guard let elementText = element.postgresText else {
                text += "NULL"
                continue
            }
            text += "\""
            for character in elementText {
                if character == "\"" || character == "\\" { text += "\\" }
                text.append(character)
            }
            text += "\""
        }
        return text + "}"
    }
}

extension Array: PostgresDecodable where Element: PostgresArrayElement {
    public init(postgresText text: String?, type: PostgresDataType) throws(PostgresDecodingFailure) {
        let elementType = PostgresDataType(oid: 0)
        self = try PostgresArrayText.elements(of: try text.requireText()).map { (element) throws(PostgresDecodingFailure) in
            try Element(postgresText: element, type: elementType)
        }
    }
}

/// Splits the text of a one-dimensional array into its elements (`nil` for NULL).
enum PostgresArrayText {
    static func elements(of text: String) throws(PostgresDecodingFailure) -> [String?] {
        var characters = Substring(text)
        guard characters.first == "{", characters.last == "}" else { throw .invalidText }
        characters = characters.dropFirst().dropLast()
        var elements: [String?] = []
        var index = characters.startIndex
        while index < characters.endIndex {
            if characters[index] == "\"" {
                var element = ""
                index = characters.index(after: index)
                while index < characters.endIndex, characters[index] != "\"" {
                    if characters[index] == "\\" { index = characters.index(after: index) }
                    guard index < characters.endIndex else { throw .invalidText }
                    element.append(characters[index])
                    index = characters.index(after: index)
                }
                guard index < characters.endIndex else { throw .invalidText }
                index = characters.index(after: index)
                elements.append(element)
            } else {
                let end = characters[index...].firstIndex(of: ",") ?? characters.endIndex
                let element = String(characters[index..<end])
                guard !element.isEmpty, !element.contains("{") else { throw .invalidText }
                elements.append(element == "NULL" ? nil : element)
                index = end
            }
            if index < characters.endIndex {
                guard characters[index] == "," else { throw .invalidText }
                index = characters.index(after: index)
                guard index < characters.endIndex else { throw .invalidText }
            }
        }
        return elements
    }
}
