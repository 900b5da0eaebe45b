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

extension Int32: PostgresArrayElement {
    public static var postgresArrayType: PostgresDataType { .int4Array }
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
        // Built as UTF-8 bytes: a run's arrays hold a million elements, and walking them
        // as Characters would cost more than the query.
        var bytes: [UInt8] = [UInt8(ascii: "{")]
        bytes.reserveCapacity(count * 24 + 2)
        for (index, element) in enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            guard let elementText = element.postgresText else {
                bytes.append(contentsOf: "NULL".utf8)
                continue
            }
            bytes.append(UInt8(ascii: "\""))
            for byte in elementText.utf8 {
                if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") { bytes.append(UInt8(ascii: "\\")) }
                bytes.append(byte)
            }
            bytes.append(UInt8(ascii: "\""))
        }
        bytes.append(UInt8(ascii: "}"))
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// Array elements that can also travel in PostgreSQL's binary format: 4- and 8-byte numbers.
public protocol PostgresBinaryArrayElement: PostgresArrayElement {
    /// The element type's OID, written in the array's header.
    static var postgresElementOID: UInt32 { get }
    /// The element's size in binary format, in bytes.
    static var postgresElementSize: Int { get }
    /// Writes elements one after another at `pointer`, each as its length then its bytes,
    /// big-endian.
    ///
    /// A loop over a whole array, written for each type: a run's lines are arrays of a million
    /// elements, where a generic call per element would cost more than the rest of sending.
    static func writePostgresBinary(_ elements: UnsafeBufferPointer<Self>, to pointer: UnsafeMutableRawPointer)
}

extension Int: PostgresBinaryArrayElement {
    public static var postgresElementOID: UInt32 { PostgresDataType.int8.oid }
    public static var postgresElementSize: Int { 8 }
    public static func writePostgresBinary(_ elements: UnsafeBufferPointer<Int>, to pointer: UnsafeMutableRawPointer) {
        PostgresBinaryArray.write(elements, to: pointer) { Int64($0) }
    }
}

extension Int32: PostgresBinaryArrayElement {
    public static var postgresElementOID: UInt32 { PostgresDataType.int4.oid }
    public static var postgresElementSize: Int { 4 }
    public static func writePostgresBinary(_ elements: UnsafeBufferPointer<Int32>, to pointer: UnsafeMutableRawPointer) {
        PostgresBinaryArray.write(elements, to: pointer) { $0 }
    }
}

extension Double: PostgresBinaryArrayElement {
    public static var postgresElementOID: UInt32 { PostgresDataType.float8.oid }
    public static var postgresElementSize: Int { 8 }
    public static func writePostgresBinary(_ elements: UnsafeBufferPointer<Double>, to pointer: UnsafeMutableRawPointer) {
        PostgresBinaryArray.write(elements, to: pointer) { $0.bitPattern }
    }
}

extension Array: PostgresBinaryEncodable where Element: PostgresBinaryArrayElement {
    public var postgresBinarySize: Int { PostgresBinaryArray.size(count: count, of: Element.self) }

    public func writePostgresBinary(to pointer: UnsafeMutableRawPointer) {
        withUnsafeBufferPointer { PostgresBinaryArray.write($0, to: pointer) }
    }
}

extension ArraySlice: PostgresBinaryEncodable where Element: PostgresBinaryArrayElement {
    public var postgresBinarySize: Int { PostgresBinaryArray.size(count: count, of: Element.self) }

    public func writePostgresBinary(to pointer: UnsafeMutableRawPointer) {
        withUnsafeBufferPointer { PostgresBinaryArray.write($0, to: pointer) }
    }
}

/// Arrays of numbers in PostgreSQL's binary format: one dimension, no NULL, lower bound 1.
enum PostgresBinaryArray {
    static func size<Element: PostgresBinaryArrayElement>(count: Int, of _: Element.Type) -> Int {
        (count == 0 ? 12 : 20) + count * (4 + Element.postgresElementSize)
    }

    /// Writes the header, then the elements.
    static func write<Element: PostgresBinaryArrayElement>(_ elements: UnsafeBufferPointer<Element>, to base: UnsafeMutableRawPointer) {
        base.storeBytes(of: UInt32(elements.isEmpty ? 0 : 1).bigEndian, toByteOffset: 0, as: UInt32.self)
        base.storeBytes(of: UInt32(0).bigEndian, toByteOffset: 4, as: UInt32.self)
        base.storeBytes(of: Element.postgresElementOID.bigEndian, toByteOffset: 8, as: UInt32.self)
        guard !elements.isEmpty else { return }
        base.storeBytes(of: UInt32(elements.count).bigEndian, toByteOffset: 12, as: UInt32.self)
        base.storeBytes(of: UInt32(1).bigEndian, toByteOffset: 16, as: UInt32.self)
        Element.writePostgresBinary(elements, to: base + 20)
    }

    /// Writes each element's length and bytes, the bytes given by `bits`.
    static func write<Element, Bits: FixedWidthInteger>(
        _ elements: UnsafeBufferPointer<Element>, to base: UnsafeMutableRawPointer, bits: (Element) -> Bits
    ) {
        let length = UInt32(MemoryLayout<Bits>.size).bigEndian
        var offset = 0
        for element in elements {
            base.storeBytes(of: length, toByteOffset: offset, as: UInt32.self)
            base.storeBytes(of: bits(element).bigEndian, toByteOffset: offset + 4, as: Bits.self)
            offset += 4 + MemoryLayout<Bits>.size
        }
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
    /// The elements of a one-dimensional array in text form, read as UTF-8 bytes (the
    /// delimiters are ASCII, so a multi-byte character is never split).
    static func elements(of text: String) throws(PostgresDecodingFailure) -> [String?] {
        let bytes = Array(text.utf8)
        let quote = UInt8(ascii: "\"")
        let backslash = UInt8(ascii: "\\")
        let comma = UInt8(ascii: ",")
        guard bytes.count >= 2, bytes.first == UInt8(ascii: "{"), bytes.last == UInt8(ascii: "}") else { throw .invalidText }
        let end = bytes.count - 1
        var elements: [String?] = []
        var index = 1
        while index < end {
            if bytes[index] == quote {
                var element: [UInt8] = []
                index += 1
                while index < end, bytes[index] != quote {
                    if bytes[index] == backslash { index += 1 }
                    guard index < end else { throw .invalidText }
                    element.append(bytes[index])
                    index += 1
                }
                guard index < end else { throw .invalidText }
                index += 1
                elements.append(String(decoding: element, as: UTF8.self))
            } else {
                var stop = index
                while stop < end, bytes[stop] != comma { stop += 1 }
                let element = bytes[index..<stop]
                guard !element.isEmpty, !element.contains(UInt8(ascii: "{")) else { throw .invalidText }
                let text = String(decoding: element, as: UTF8.self)
                elements.append(text == "NULL" ? nil : text)
                index = stop
            }
            if index < end {
                guard bytes[index] == comma else { throw .invalidText }
                index += 1
                guard index < end else { throw .invalidText }
            }
        }
        return elements
    }
}
