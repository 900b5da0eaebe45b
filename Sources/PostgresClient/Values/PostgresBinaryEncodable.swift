import struct Foundation.UUID

/// A value that can be written in PostgreSQL's binary format: a field of a binary `COPY`, or
/// a parameter sent as bytes.
public protocol PostgresBinaryEncodable {
    /// How many bytes the value takes.
    var postgresBinarySize: Int { get }
    /// Writes the value at `pointer`, which has room for ``postgresBinarySize`` bytes.
    func writePostgresBinary(to pointer: UnsafeMutableRawPointer)
}

extension PostgresBinaryEncodable {
    /// The value's bytes, on their own.
    public var postgresBinary: [UInt8] {
        let size = postgresBinarySize
        return [UInt8](unsafeUninitializedCapacity: size) { buffer, initialized in
            writePostgresBinary(to: UnsafeMutableRawPointer(buffer.baseAddress!))
            initialized = size
        }
    }
}

extension UUID: PostgresBinaryEncodable {
    public var postgresBinarySize: Int { 16 }

    public func writePostgresBinary(to pointer: UnsafeMutableRawPointer) {
        withUnsafeBytes(of: uuid) { pointer.copyMemory(from: $0.baseAddress!, byteCount: 16) }
    }
}
