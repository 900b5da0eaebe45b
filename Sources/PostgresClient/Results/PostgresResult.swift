import CLibPQ

/// The rows a statement returned, owning libpq's result until it is released.
///
/// A result lives on the thread of the connection that made it; decode what you need before
/// the connection's closure returns.
public final class PostgresResult {
    private let handle: OpaquePointer
    /// The number of rows.
    public let count: Int
    /// The column names, in order.
    public let columnNames: [String]
    private let columnTypes: [PostgresDataType]

    init(taking handle: OpaquePointer) {
        self.handle = handle
        count = Int(PQntuples(handle))
        let columns = Int(PQnfields(handle))
        columnNames = (0..<columns).map { String(cString: PQfname(handle, Int32($0))) }
        columnTypes = (0..<columns).map { PostgresDataType(oid: PQftype(handle, Int32($0))) }
    }

    deinit {
        PQclear(handle)
    }

    /// The number of rows the statement touched (`INSERT`, `UPDATE`, `DELETE`...), 0 if none.
    public var affectedRows: Int {
        Int(String(cString: PQcmdTuples(handle))) ?? 0
    }

    /// The row at an index.
    public subscript(row: Int) -> PostgresRow {
        PostgresRow(result: self, index: row)
    }

    /// Every row, in order.
    public var rows: [PostgresRow] {
        (0..<count).map { PostgresRow(result: self, index: $0) }
    }

    /// The first row, if any.
    public var first: PostgresRow? {
        count > 0 ? self[0] : nil
    }

    func columnIndex(named name: String) -> Int? {
        columnNames.firstIndex(of: name)
    }

    func decode<Value: PostgresDecodable>(_ type: Value.Type, row: Int, column: Int) throws -> Value {
        guard column >= 0, column < columnNames.count else {
            throw PostgresError(kind: .decoding, message: "the result has no column \(column)")
        }
        let isNull = PQgetisnull(handle, Int32(row), Int32(column)) == 1
        // Whole numbers are read straight from libpq's buffer: a year's allocation bases are a
        // million of them, and a String for each would cost more than the query.
        if Value.self == Int.self, !isNull, let value = Self.integer(PQgetvalue(handle, Int32(row), Int32(column))) {
            return value as! Value
        }
        let text: String? = isNull ? nil : String(cString: PQgetvalue(handle, Int32(row), Int32(column)))
        do {
            return try Value(postgresText: text, type: columnTypes[column])
        } catch {
            let reason = error == .unexpectedNull ? "is NULL" : "cannot be read"
            throw PostgresError(
                kind: .decoding,
                message: "column \"\(columnNames[column])\" \(reason) as \(Value.self)"
            )
        }
    }

    /// A decimal integer in C text, if it is exactly one that fits in an Int.
    private static func integer(_ text: UnsafePointer<CChar>) -> Int? {
        var pointer = text
        let negative = pointer.pointee == CChar(UInt8(ascii: "-"))
        if negative { pointer += 1 }
        guard pointer.pointee != 0 else { return nil }
        var value = 0
        while pointer.pointee != 0 {
            let digit = Int(pointer.pointee) - Int(UInt8(ascii: "0"))
            guard (0...9).contains(digit) else { return nil }
            let (shifted, overflow) = value.multipliedReportingOverflow(by: 10)
            let (next, overflowAgain) = negative ? shifted.subtractingReportingOverflow(digit) : shifted.addingReportingOverflow(digit)
            guard !overflow, !overflowAgain else { return nil }
            value = next
            pointer += 1
        }
        return value
    }
}
