import CLibPQ

/// Rows on their way into a table by ``PostgresConnection/copy(into:_:)``, in PostgreSQL's
/// binary COPY format, sent a megabyte at a time.
public struct PostgresCopyWriter: ~Copyable {
    private let connection: PostgresConnection
    private var buffer: UnsafeMutableRawPointer
    private var capacity: Int
    private var count = 0
    /// Rows written so far.
    public private(set) var rows = 0

    /// Sent whenever this much is waiting: large enough that each send is worth its call,
    /// small enough that neither side ever holds the whole load at once.
    private static let chunk = 1 << 20

    init(connection: PostgresConnection) {
        self.connection = connection
        capacity = Self.chunk * 2
        buffer = .allocate(byteCount: capacity, alignment: 8)
        // The signature, no flags, no header extension.
        let signature: [UInt8] = [0x50, 0x47, 0x43, 0x4F, 0x50, 0x59, 0x0A, 0xFF, 0x0D, 0x0A, 0x00]
        signature.withUnsafeBytes { claim($0.count).copyMemory(from: $0.baseAddress!, byteCount: $0.count) }
        claim(8).storeBytes(of: UInt64(0), as: UInt64.self)
    }

    deinit {
        buffer.deallocate()
    }

    /// Writes one row: a value per column of the COPY, in order, each of its column's type.
    public mutating func append<each Field: PostgresBinaryEncodable>(row fields: repeat each Field) throws {
        var columns: UInt16 = 0
        for _ in repeat each fields { columns += 1 }
        claim(2).storeBytes(of: columns.bigEndian, as: UInt16.self)
        for field in repeat each fields {
            let size = field.postgresBinarySize
            guard let length = Int32(exactly: size) else {
                throw PostgresError(kind: .encoding, message: "a COPY field is larger than 2 GB")
            }
            let start = claim(4 + size)
            start.storeBytes(of: length.bigEndian, as: Int32.self)
            field.writePostgresBinary(to: start + 4)
        }
        rows += 1
        if count >= Self.chunk { try send() }
    }

    /// Ends the data and sends what is left.
    mutating func finish() throws {
        claim(2).storeBytes(of: Int16(-1).bigEndian, as: Int16.self)
        try send()
    }

    private mutating func send() throws {
        guard PQputCopyData(connection.handle, buffer.assumingMemoryBound(to: CChar.self), Int32(count)) == 1 else {
            throw connection.connectionError()
        }
        count = 0
    }

    /// Room for `size` more bytes, counted as written; the buffer grows for a row larger than it.
    private mutating func claim(_ size: Int) -> UnsafeMutableRawPointer {
        if count + size > capacity {
            capacity = max(capacity * 2, count + size)
            let grown = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 8)
            grown.copyMemory(from: buffer, byteCount: count)
            buffer.deallocate()
            buffer = grown
        }
        defer { count += size }
        return buffer + count
    }
}
