import CSV
import Foundation

/// The two kinds of CSV Mutualis writes: RFC 4180 for scripts, and what a French spreadsheet
/// opens cleanly without an import dialog.
public enum CSVDialect: String, CaseIterable, Sendable {
    /// UTF-8, `,` between fields, a point before decimals, dates `YYYY-MM-DD`, CRLF.
    case rfc4180
    /// UTF-8 with a byte-order mark (which tells spreadsheets the encoding), `;` between
    /// fields, a comma before decimals, dates `JJ/MM/AAAA`, CRLF.
    case french

    /// The field separator.
    var delimiter: UnicodeScalar { self == .french ? ";" : "," }
}

/// A CSV field: text as written, or a number or a date that each dialect writes its own way.
public enum CSVCell: Sendable, Hashable, ExpressibleByStringLiteral {
    case text(String)
    /// A decimal number written with a point (`-1234.50`), as ``DecimalText`` makes them.
    case number(String)
    /// A date `YYYY-MM-DD`; an empty string for none.
    case date(String)

    public init(stringLiteral value: String) {
        self = .text(value)
    }

    /// Cents as euros with two decimals.
    public static func euros(_ cents: Int) -> CSVCell { .number(DecimalText.euros(cents)) }

    /// A measure with a fixed number of decimals.
    public static func fixed(_ value: Double, decimals: Int) -> CSVCell { .number(DecimalText.fixed(value, decimals: decimals)) }

    /// A whole number.
    public static func integer(_ value: Int) -> CSVCell { .number(String(value)) }

    /// The field as `dialect` writes it.
    func written(in dialect: CSVDialect) -> String {
        switch self {
        case .text(let text):
            // A spreadsheet runs a field starting with one of these as a formula (CSV
            // injection): an apostrophe makes it text, in both dialects, since a script's file
            // is opened in a spreadsheet too.
            guard let first = text.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) else { return text }
            return "'" + text
        case .number(let number):
            return dialect == .french ? number.replacingOccurrences(of: ".", with: ",") : number
        case .date(let date):
            guard dialect == .french, date.count == 10 else { return date }
            let parts = date.split(separator: "-")
            return parts.count == 3 ? "\(parts[2])/\(parts[1])/\(parts[0])" : date
        }
    }
}

/// CSV as exports write it: UTF-8, RFC 4180 quoting, every record ended by CRLF.
public enum CSVDocument {
    /// The rows, the header first, as one CSV document of `dialect`.
    public static func write(_ rows: [[CSVCell]], dialect: CSVDialect = .rfc4180) throws -> String {
        let writer = try CSVWriter(stream: .toMemory(), delimiter: String(dialect.delimiter), newline: .crlf)
        for row in rows { try writer.write(row: row.map { $0.written(in: dialect) }) }
        writer.stream.close()
        let data = writer.stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data ?? Data()
        // The writer separates records; RFC 4180 and spreadsheets expect the last ended too.
        guard !rows.isEmpty else { return "" }
        return (dialect == .french ? "\u{FEFF}" : "") + String(decoding: data, as: UTF8.self) + "\r\n"
    }

    /// A CSV file of either dialect, as a reader of it: the byte-order mark dropped, the
    /// separator found from the header line (a `;` where it has more of them than `,`).
    public static func reader(_ text: String) throws -> CSVReader {
        let text = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        let header = text.prefix { $0 != "\n" && $0 != "\r\n" && $0 != "\r" }
        let semicolons = header.filter { $0 == ";" }.count
        let commas = header.filter { $0 == "," }.count
        return try CSVReader(string: text, hasHeaderRow: true, trimFields: true, delimiter: semicolons > commas ? ";" : ",")
    }
}
