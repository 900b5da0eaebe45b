import CLibPQ

extension PostgresConnection {
    /// Loads rows into a table with one `COPY … FROM STDIN (FORMAT binary)`, and returns how
    /// many it loaded.
    ///
    /// `target` is the table and its columns, `"allocation_lines (run_id, member_id)"`: source
    /// text, never input. Each row gives a value per column, in order, of the column's type
    /// (the server refuses a mismatch). Rows travel as bytes in chunks, and the server reads
    /// them one by one: for large loads, far cheaper than one statement's giant parameters.
    /// Like any statement, the COPY loads everything or nothing: if `write` throws, it is
    /// abandoned and the error rethrown.
    @discardableResult
    public func copy(into target: StaticString, _ write: (inout PostgresCopyWriter) throws -> Void) throws -> Int {
        guard PQsendQuery(handle, "COPY \(target) FROM STDIN (FORMAT binary)") == 1 else {
            var error = connectionError()
            error.isSafeToReplay = statementsSinceLease == 0
            throw error
        }
        guard let started = PQgetResult(handle) else { throw connectionError() }
        guard PQresultStatus(started) == PGRES_COPY_IN else {
            // Refused before any row (no such table or column, a failed transaction).
            let error = serverError(started)
            PQclear(started)
            while let rest = PQgetResult(handle) { PQclear(rest) }
            throw error
        }
        PQclear(started)
        do {
            var writer = PostgresCopyWriter(connection: self)
            try write(&writer)
            try writer.finish()
        } catch {
            // Abandoning the COPY makes the server fail it, and its answer is drained. When
            // the server had already refused a row and ended the COPY, its reason is the
            // error worth giving.
            if PQputCopyEnd(handle, "the rows could not be written") == 1 {
                _ = try? collectResult()
            } else {
                _ = try collectResult()
            }
            throw error
        }
        guard PQputCopyEnd(handle, nil) == 1 else {
            _ = try collectResult()
            throw connectionError()
        }
        let result = try collectResult()
        statementsSinceLease += 1
        return result.affectedRows
    }
}
