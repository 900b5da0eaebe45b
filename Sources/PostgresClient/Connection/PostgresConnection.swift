import CLibPQ
import Glibc

/// A blocking connection to PostgreSQL, to be used by one thread at a time.
///
/// Every call blocks its thread until the server answers: use it from a
/// ``PostgresConnectionPool``, which runs it on threads of its own, never on Swift's
/// cooperative pool nor on an event loop.
public final class PostgresConnection {
    let handle: OpaquePointer
    private var preparedStatements: [PreparedStatementKey: String] = [:]
    /// Numbers prepared statements for the session's whole life: a name is never given twice,
    /// even after the cache is forgotten while the server still holds some statements.
    private var preparedStatementCount = 0
    /// Statements that succeeded since ``beginLease()``: while none has, a statement that failed
    /// for want of a connection had no effect, and the pool may replay the work elsewhere.
    var statementsSinceLease = 0

    /// What cancels this connection's statement from another thread, made on first use.
    private(set) lazy var cancelHandle = PostgresCancelHandle(handle)

    /// Opens a connection. The session runs in UTC with ISO dates, so that timestamps read
    /// back unambiguously; local rules name their time zone explicitly in SQL. With a
    /// `statementTimeout`, the server cancels any statement that runs longer.
    public init(configuration: PostgresConfiguration, statementTimeout: Duration? = nil) throws {
        var parameters = configuration
        if parameters["fallback_application_name"] == nil {
            parameters = parameters.setting("fallback_application_name", to: "mutualis")
        }
        if parameters["connect_timeout"] == nil {
            parameters = parameters.setting("connect_timeout", to: "10")
        }
        parameters = parameters.setting("client_encoding", to: "UTF8")
        handle = try Self.connect(parameters)
        PQsetNoticeProcessor(handle, { _, _ in }, nil)
        // Should this fail, deinit finishes the connection: the object is fully initialised.
        var setup = "SET TIME ZONE 'UTC'; SET DateStyle TO ISO, YMD"
        if let statementTimeout {
            // PostgreSQL takes up to 2^31 - 1 milliseconds: about 24 days.
            let (seconds, attoseconds) = statementTimeout.components
            let milliseconds = min(max(seconds, 0), 2_000_000) * 1_000 + max(attoseconds, 0) / 1_000_000_000_000_000
            setup += "; SET statement_timeout = \(max(1, milliseconds))"
        }
        try executeScript(unsafeSQL: setup)
    }

    deinit {
        PQfinish(handle)
    }

    private static func connect(_ configuration: PostgresConfiguration) throws -> OpaquePointer {
        let keywords = configuration.parameters.map { strdup($0.keyword) } + [nil]
        let values = configuration.parameters.map { strdup($0.value) } + [nil]
        defer {
            for pointer in keywords + values { free(pointer) }
        }
        let connection = keywords.map { UnsafePointer($0) }.withUnsafeBufferPointer { keywordPointers in
            values.map { UnsafePointer($0) }.withUnsafeBufferPointer { valuePointers in
                PQconnectdbParams(keywordPointers.baseAddress, valuePointers.baseAddress, 0)
            }
        }
        guard let connection else {
            throw PostgresError(kind: .connection, message: "out of memory while connecting")
        }
        guard PQstatus(connection) == CONNECTION_OK else {
            let message = String(cString: PQerrorMessage(connection)).trimmingTrailingNewlines
            PQfinish(connection)
            throw PostgresError(kind: .connection, message: message)
        }
        return connection
    }

    // MARK: Statements

    /// Runs a statement and returns its rows.
    ///
    /// Statements without `\(identifier:)` or `\(unsafeRaw:)` parts are prepared once per
    /// connection and reused; a new connection prepares them again.
    @discardableResult
    public func query(_ query: PostgresQuery) throws -> PostgresResult {
        guard query.isPreparable else {
            return try run(bindings: query.bindings) { values, lengths, formats in
                let types = query.bindings.map(\.type.oid)
                return types.withUnsafeBufferPointer { types in
                    PQsendQueryParams(handle, query.sql, Int32(query.bindings.count), types.baseAddress, values, lengths, formats, 0)
                }
            }
        }
        let key = PreparedStatementKey(sql: query.sql, types: query.bindings.map(\.type.oid))
        do {
            return try runPrepared(try preparedStatementName(for: key), bindings: query.bindings)
        } catch let error as PostgresError where error.sqlState == .invalidStatementName {
            // Someone ran DEALLOCATE on this session: forget the cache and prepare again.
            preparedStatements.removeAll()
            return try runPrepared(try preparedStatementName(for: key), bindings: query.bindings)
        }
    }

    /// Runs a statement and returns how many rows it touched.
    @discardableResult
    public func execute(_ query: PostgresQuery) throws -> Int {
        try self.query(query).affectedRows
    }

    /// Runs SQL text as it is, several statements at once, with no parameters: for migration
    /// files and fixed commands, never for text that came from outside the program.
    public func executeScript(unsafeSQL sql: String) throws {
        _ = try run(bindings: []) { _, _, _ in PQsendQuery(handle, sql) }
    }

    private func preparedStatementName(for key: PreparedStatementKey) throws -> String {
        if let name = preparedStatements[key] { return name }
        preparedStatementCount += 1
        let name = "mutualis_\(preparedStatementCount)"
        _ = try run(bindings: [], countsAsStatement: false) { _, _, _ in
            key.types.withUnsafeBufferPointer { types in
                PQsendPrepare(handle, name, key.sql, Int32(key.types.count), types.baseAddress)
            }
        }
        preparedStatements[key] = name
        return name
    }

    private func runPrepared(_ name: String, bindings: [PostgresBinding]) throws -> PostgresResult {
        try run(bindings: bindings) { values, lengths, formats in
            PQsendQueryPrepared(handle, name, Int32(bindings.count), values, lengths, formats, 0)
        }
    }

    /// Sends with `send`, given C pointers to the parameters, then collects the answer.
    ///
    /// The parameters are copied into one buffer that outlives the call to `send`, so no
    /// pointer handed to libpq can outlive what it points to. Text parameters end with a NUL;
    /// binary ones travel with their lengths and formats, which are nil when all are text.
    private func run(
        bindings: [PostgresBinding],
        countsAsStatement: Bool = true,
        _ send: (UnsafePointer<UnsafePointer<CChar>?>?, UnsafePointer<Int32>?, UnsafePointer<Int32>?) -> Int32
    ) throws -> PostgresResult {
        var buffer: [CChar] = []
        var offsets: [Int?] = []
        var lengths: [Int32] = []
        var formats: [Int32] = []
        offsets.reserveCapacity(bindings.count)
        buffer.reserveCapacity(bindings.reduce(0) { $0 + ($1.binary?.count ?? (($1.text?.utf8.count ?? 0) + 1)) })
        for binding in bindings {
            if let binary = binding.binary {
                guard let length = Int32(exactly: binary.count) else {
                    throw PostgresError(kind: .encoding, message: "a parameter is larger than 2 GB")
                }
                offsets.append(buffer.count)
                lengths.append(length)
                formats.append(1)
                binary.withUnsafeBytes { buffer.append(contentsOf: $0.bindMemory(to: CChar.self)) }
                continue
            }
            lengths.append(0)
            formats.append(0)
            guard let text = binding.text else {
                offsets.append(nil)
                continue
            }
            offsets.append(buffer.count)
            for byte in text.utf8 {
                guard byte != 0 else {
                    throw PostgresError(kind: .encoding, message: "a parameter contains a NUL character")
                }
                buffer.append(CChar(bitPattern: byte))
            }
            buffer.append(0)
        }
        let anyBinary = formats.contains(1)
        let sent = buffer.withUnsafeBufferPointer { base in
            offsets.map { offset in offset.map { base.baseAddress! + $0 } }.withUnsafeBufferPointer { pointers in
                lengths.withUnsafeBufferPointer { lengths in
                    formats.withUnsafeBufferPointer { formats in
                        send(pointers.baseAddress, anyBinary ? lengths.baseAddress : nil, anyBinary ? formats.baseAddress : nil)
                    }
                }
            }
        }
        guard sent == 1 else {
            var error = connectionError()
            error.isSafeToReplay = statementsSinceLease == 0
            throw error
        }
        do {
            let result = try collectResult()
            if countsAsStatement { statementsSinceLease += 1 }
            return result
        } catch var error as PostgresError {
            // A termination (57P01...) arrives before the statement runs when the session was
            // idle, which is when a terminated pooled connection is reused. A cancellation
            // (57014) is never replayed: the statement may have done its work.
            if error.isConnectionLoss && statementsSinceLease == 0 {
                error.isSafeToReplay = true
            }
            throw error
        }
    }

    /// Reads every result of the last command, clearing each; the first error wins.
    func collectResult() throws -> PostgresResult {
        var success: PostgresResult?
        var failure: PostgresError?
        while let result = PQgetResult(handle) {
            switch PQresultStatus(result) {
            case PGRES_COMMAND_OK, PGRES_TUPLES_OK, PGRES_EMPTY_QUERY:
                success = PostgresResult(taking: result)
            case PGRES_COPY_IN, PGRES_COPY_OUT, PGRES_COPY_BOTH:
                // A COPY started by a plain statement would leave libpq answering the same
                // result forever: end it, drain it, and refuse.
                let status = PQresultStatus(result)
                PQclear(result)
                if failure == nil {
                    failure = PostgresError(kind: .misuse, message: "COPY runs only through PostgresConnection.copy(into:_:)")
                }
                if status == PGRES_COPY_IN || status == PGRES_COPY_BOTH {
                    guard PQputCopyEnd(handle, "COPY is not allowed here") == 1 else { throw connectionError() }
                }
                if status == PGRES_COPY_OUT || status == PGRES_COPY_BOTH {
                    var buffer: UnsafeMutablePointer<CChar>?
                    while PQgetCopyData(handle, &buffer, 0) > 0 {
                        PQfreemem(buffer)
                        buffer = nil
                    }
                }
            default:
                if failure == nil { failure = serverError(result) }
                PQclear(result)
            }
        }
        if let failure { throw failure }
        guard let success else { throw connectionError() }
        return success
    }

    func serverError(_ result: OpaquePointer) -> PostgresError {
        func field(_ code: UInt8) -> String? {
            PQresultErrorField(result, Int32(code)).map { String(cString: $0) }
        }
        let sqlState = field(UInt8(ascii: "C")).map(SQLState.init)
        let message = field(UInt8(ascii: "M")) ?? String(cString: PQresultErrorMessage(result)).trimmingTrailingNewlines
        return PostgresError(
            kind: sqlState == nil && PQstatus(handle) == CONNECTION_BAD ? .connection : .server,
            sqlState: sqlState,
            message: message,
            detail: field(UInt8(ascii: "D")),
            hint: field(UInt8(ascii: "H")),
            constraint: field(UInt8(ascii: "n")),
            table: field(UInt8(ascii: "t")),
            column: field(UInt8(ascii: "c"))
        )
    }

    func connectionError() -> PostgresError {
        let message = String(cString: PQerrorMessage(handle)).trimmingTrailingNewlines
        return PostgresError(kind: .connection, message: message.isEmpty ? "the connection was lost" : message)
    }

    // MARK: State

    /// True while no transaction is open.
    public var isIdle: Bool {
        PQtransactionStatus(handle) == PQTRANS_IDLE
    }

    /// True while the open transaction has failed and only accepts `ROLLBACK`.
    var isInFailedTransaction: Bool {
        PQtransactionStatus(handle) == PQTRANS_INERROR
    }

    /// The server's process id for this session, as `pg_backend_pid()` gives it.
    public var backendProcessID: Int {
        Int(PQbackendPID(handle))
    }

    /// True when the connection was lost or the server ended the session.
    public var isClosed: Bool {
        PQstatus(handle) != CONNECTION_OK
    }

    /// Marks the start of a caller's use; see ``statementsSinceLease``.
    func beginLease() {
        statementsSinceLease = 0
    }

    /// Checks, without a round trip, that an idle connection is still worth lending.
    ///
    /// An idle session receives nothing unless the server is ending it (a termination message,
    /// then end of file) — so any pending input, or a closed socket, means: replace it.
    func isHealthyWhileIdle() -> Bool {
        guard PQstatus(handle) == CONNECTION_OK, isIdle else { return false }
        var descriptor = pollfd(fd: PQsocket(handle), events: Int16(POLLIN), revents: 0)
        return poll(&descriptor, 1, 0) == 0
    }
}

/// A prepared statement is specific to its SQL text and its parameters' announced types.
private struct PreparedStatementKey: Hashable {
    var sql: String
    var types: [Oid]
}
