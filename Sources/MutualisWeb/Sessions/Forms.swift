import Hummingbird
import MutualisDomain
import MutualisRepresentations
import MutualisStore

/// A form that carries the token of the page it was sent from.
protocol TokenCarrying: Decodable {
    var csrf: String? { get }
}

/// A form that carries nothing but its token: signing out, cancelling, calendar links.
struct TokenForm: TokenCarrying {
    var csrf: String?
}

/// Reading what a form sends.
enum Forms {
    /// The largest form read: a booking form with a long note is a few kilobytes.
    static let maxBytes = 64 * 1_024

    /// A URL-encoded form; a body that is not one reads as an empty form, whose missing
    /// fields then say what is wrong.
    static func decode<Form: Decodable>(_ type: Form.Type, from request: Request) async throws -> Form {
        let body = try await request.body.collect(upTo: maxBytes)
        let decoder = URLEncodedFormDecoder()
        if let form = try? decoder.decode(Form.self, from: String(buffer: body)) { return form }
        return try decoder.decode(Form.self, from: "")
    }

    /// A one-line field: trimmed, control characters dropped, at most `limit` characters.
    static func line(_ text: String?, limit: Int) -> String {
        String(
            String(String.UnicodeScalarView((text ?? "").unicodeScalars.filter { $0.properties.generalCategory != .control }))
                .trimmingCharacters(in: .whitespaces).prefix(limit))
    }

    /// A text area's value to show back in its form: line breaks and tabs kept, other control
    /// characters (which no keyboard types and HTML cannot hold) dropped, at most `limit` characters.
    static func text(_ text: String?, limit: Int) -> String {
        let kept = (text ?? "").unicodeScalars.filter { $0.properties.generalCategory != .control || "\n\r\t".unicodeScalars.contains($0) }
        return String(String(String.UnicodeScalarView(kept)).prefix(limit))
    }

    /// A day as date fields send it (`2027-03-10`), or as people type it where a browser has
    /// no date field (`10/03/2027`).
    static func date(_ text: String?) -> LocalDate? {
        LocalDate(typed: line(text, limit: 10))
    }

    /// The form of a signed-in person's POST; nil when it lacks the session's token.
    static func signed<Form: TokenCarrying>(_ type: Form.Type, from request: Request, session: WebSession) async throws -> Form? {
        let form = try await decode(type, from: request)
        return tokensMatch(form.csrf ?? "", session.csrfToken) ? form : nil
    }

    /// A form sent before sign-in; nil unless it carries the token of the browser's form cookie.
    static func beforeSignIn<Form: TokenCarrying>(_ type: Form.Type, from request: Request) async throws -> Form? {
        let form = try await decode(type, from: request)
        guard let token = request.cookies[formTokenCookie]?.value, tokensMatch(form.csrf ?? "", token) else { return nil }
        return form
    }
}

extension Forms {
    /// A month as month fields and our selects send it: `2026-11`, its first day.
    static func month(_ text: String?) -> LocalDate? {
        LocalDate(line(text, limit: 7) + "-01")
    }

    /// Why two date fields do not make a period.
    enum DaysRefusal: Error {
        /// A day is missing or not a date.
        case unreadable
        /// The last day comes before the first.
        case backwards
    }

    /// The days from `first` to `last` included, as two date fields send them.
    static func days(first: String?, last: String?) -> Result<DatePeriod, DaysRefusal> {
        guard let start = date(first), let end = date(last) else { return .failure(.unreadable) }
        guard let period = DatePeriod(start: start, end: end.adding(days: 1)) else { return .failure(.backwards) }
        return .success(period)
    }

    /// The CSV dialect a download link asks for (`?format=rfc4180`); the French spreadsheet's
    /// one otherwise, which is what people open files with.
    static func dialect(_ request: Request) -> CSVDialect {
        request.uri.queryParameters.get("format") == "rfc4180" ? .rfc4180 : .french
    }

    /// The value of a month for a form: `2026-11`.
    static func monthValue(_ date: LocalDate) -> String {
        String(date.description.prefix(7))
    }
}
