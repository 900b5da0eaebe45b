import CSV
import Foundation

/// CSV as exports write it: UTF-8, RFC 4180 quoting, every record ended by CRLF.
public enum CSVDocument {
    /// The rows, the header first, as one CSV document.
    public static func write(_ rows: [[String]]) throws -> String {
        let writer = try CSVWriter(stream: .toMemory(), newline: .crlf)
        for row in rows { try writer.write(row: row) }
        writer.stream.close()
        let data = writer.stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data ?? Data()
        // The writer separates records; RFC 4180 and spreadsheets expect the last ended too.
        return rows.isEmpty ? "" : String(decoding: data, as: UTF8.self) + "\r\n"
    }
}
