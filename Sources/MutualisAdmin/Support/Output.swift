import Foundation

/// Output for people (aligned tables) or for programs (one JSON document).
enum Output {
    /// Prints rows under a header, each column as wide as its widest cell.
    static func table(_ header: [String], _ rows: [[String]]) {
        let widths = header.indices.map { column in
            ([header] + rows).map { $0[column].count }.max() ?? 0
        }
        for row in [header] + rows {
            let cells = row.enumerated().map { column, cell in
                column == row.count - 1 ? cell : cell.padding(toLength: widths[column], withPad: " ", startingAt: 0)
            }
            printLine(cells.joined(separator: "  "))
        }
    }

    /// Prints a value as one JSON document, keys sorted, dates in RFC 3339.
    static func json<Value: Encodable>(_ value: Value) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        printLine(String(decoding: try encoder.encode(value), as: UTF8.self))
    }

    /// An instant as RFC 3339 in UTC.
    static func instant(_ date: Date?) -> String {
        date.map { $0.formatted(.iso8601) } ?? "-"
    }
}
