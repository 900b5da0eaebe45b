import Foundation
import Hummingbird
import MutualisDomain
import MutualisRepresentations
import MutualisStore

extension MutualisRequestContext {
    /// A typed id from the path; an id that cannot exist is simply not found.
    ///
    /// Not `parameters.require(_:as:)`, whose 400 would set a malformed id apart from an
    /// unknown one or another pole's: all three name nothing the caller may reach, one 404.
    func id<Entity>(_ name: String, as type: Identifier<Entity>.Type, what: String) throws -> Identifier<Entity> {
        guard let text = parameters.get(name), let id = Identifier<Entity>(text) else { throw Problem.notFound(what) }
        return id
    }
}

extension Request {
    /// An optional query parameter read by `parse`; 400 naming it when it is malformed.
    func query<Value>(_ name: String, _ expected: String, _ parse: (String) -> Value?) throws -> Value? {
        guard let text = uri.queryParameters.get(name) else { return nil }
        guard let value = parse(text) else { throw Problem.malformed(name, "must be \(expected)") }
        return value
    }

    /// `?memberId=` for a coordinator (nil: every member); a member user's own member, which
    /// it may name, but no other.
    func memberFilter(for caller: Principal) throws -> MemberID? {
        let asked = try query("memberId", "a member id") { MemberID($0) }
        if caller.isCoordinator { return asked }
        guard let own = caller.memberID else { throw Problem(status: .forbidden, detail: "this user acts for no member") }
        if let asked, asked != own { throw Problem(status: .forbidden, detail: "a member user reads its own member's only") }
        return own
    }

    /// `?limit=` and `?cursor=` of a list.
    func pageRequest() throws -> PageRequest {
        let limit = try query("limit", "a whole number from 1 to 1000") { Int($0) }
        do {
            return try PageRequest(limit: limit, cursor: uri.queryParameters.get("cursor"))
        } catch {
            throw ProblemMiddleware<MutualisRequestContext>.problem(error)
        }
    }

    /// An RFC 3339 instant from the query.
    func instant(_ name: String) throws -> Date? {
        try query(name, RFC3339.expectedText) { RFC3339.parse($0) }
    }

    /// The body as JSON of a type; malformed JSON is a 400 naming the field at fault.
    func json<Value: Decodable>(_ type: Value.Type, context: MutualisRequestContext) async throws -> Value {
        try Self.decodeJSON(type, from: Data(buffer: try await body.collect(upTo: context.maxUploadSize)))
    }

    static func decodeJSON<Value: Decodable>(_ type: Value.Type, from data: Data) throws -> Value {
        do {
            return try APICoding.decoder.decode(type, from: data)
        } catch let error as DecodingError {
            throw ProblemMiddleware<MutualisRequestContext>.problem(error)
        } catch let error as UnknownJSONField {
            throw Problem.malformed(error.field, error.message)
        }
    }
}

/// A list answer: `{"items": [...], "next": CURSOR_OR_NULL}`.
struct ListResponse<Item: Encodable & Sendable>: ResponseEncodable, Sendable {
    var items: [Item]
    @NullEncoded var next: String?
}

extension Request {
    /// A `YYYY-MM-DD` date from the query.
    func date(_ name: String) throws -> LocalDate? {
        try query(name, LocalDate.expectedText) { LocalDate($0) }
    }

    /// A required period of dates from two query parameters, end exclusive.
    func period(from start: String, to end: String) throws -> DatePeriod {
        guard let first = try date(start) else { throw Problem.malformed(start, "is required") }
        guard let last = try date(end) else { throw Problem.malformed(end, "is required") }
        return try datePeriod(first, last, startField: start, endField: end)
    }

    /// `?dialect=` of a CSV answer: RFC 4180 unless `french` is asked for.
    func csvDialect() throws -> CSVDialect {
        try query("dialect", "rfc4180 or french") { CSVDialect(rawValue: $0) } ?? .rfc4180
    }

    /// True when the caller asks for CSV rather than JSON.
    var wantsCSV: Bool {
        headers[.accept]?.contains("text/csv") ?? false
    }
}

/// The days from `start` up to `end`; 422 naming `endField` unless it comes after `start`.
func datePeriod(_ start: LocalDate, _ end: LocalDate, startField: String, endField: String) throws -> DatePeriod {
    guard let period = DatePeriod(start: start, end: end) else {
        throw Problem.invalid([FieldError(field: endField, message: "must be after \(startField)")])
    }
    return period
}

/// A CSV document, offered as a file download.
struct CSVResponse: ResponseGenerator {
    var text: String
    var filename: String

    func response(from request: Request, context: some RequestContext) throws -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "text/csv; charset=utf-8; header=present"
        headers[.contentDisposition] = "attachment; filename=\"\(filename)\""
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}
