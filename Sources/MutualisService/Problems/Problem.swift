import Foundation
import Hummingbird
import MutualisDomain

/// An error answer in `application/problem+json` (RFC 9457).
struct Problem: HTTPResponseError {
    /// One field at fault.
    struct FieldProblem: Encodable, Equatable {
        var field: String
        var message: String
        /// The booking rule broken, for rule violations.
        var rule: String?
    }

    /// An occurrence of a series that could not be booked.
    struct Conflict: Encodable, Equatable {
        var start: Date
        var end: Date
        var reason: String
        var rule: String?
    }

    var status: HTTPResponse.Status
    var type: String
    var title: String
    var detail: String
    var errors: [FieldProblem]
    var conflicts: [Conflict]?
    /// Seconds after which a retry may succeed, sent as `Retry-After`.
    var retryAfter: Int?
    /// The methods a path takes, sent as `Allow` with a 405.
    var allow: String?

    init(
        status: HTTPResponse.Status, type: String = "about:blank", detail: String, errors: [FieldProblem] = [],
        conflicts: [Conflict]? = nil, retryAfter: Int? = nil
    ) {
        self.status = status
        self.type = type
        self.title = status.reasonPhrase
        self.detail = detail
        self.errors = errors
        self.conflicts = conflicts
        self.retryAfter = retryAfter
    }

    /// The service is overloaded or the database unreachable for now (503); retry shortly.
    static func unavailable(_ detail: String) -> Problem {
        Problem(status: .serviceUnavailable, detail: detail, retryAfter: 1)
    }

    static func unauthorized() -> Problem {
        Problem(status: .unauthorized, detail: "a valid bearer token is required")
    }

    static func notFound(_ what: String) -> Problem {
        Problem(status: .notFound, detail: "\(what) not found")
    }

    /// A malformed request (400), naming the field.
    static func malformed(_ field: String, _ message: String) -> Problem {
        Problem(status: .badRequest, detail: message, errors: [FieldProblem(field: field, message: message)])
    }

    /// Valid JSON that breaks a rule (422).
    static func invalid(_ errors: [FieldError]) -> Problem {
        Problem(
            status: .unprocessableContent, type: "/problems/invalid-fields",
            detail: errors.map { "\($0.field): \($0.message)" }.joined(separator: "; "),
            errors: errors.map { FieldProblem(field: $0.field, message: $0.message) }
        )
    }

    private struct Body: Encodable {
        var type: String
        var title: String
        var status: Int
        var detail: String
        var errors: [FieldProblem]
        var conflicts: [Conflict]?
    }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        let body = Body(type: type, title: title, status: status.code, detail: detail, errors: errors, conflicts: conflicts)
        var headers = HTTPFields()
        headers[.contentType] = "application/problem+json"
        if status == .unauthorized { headers[.wwwAuthenticate] = #"Bearer realm="mutualis""# }
        if let retryAfter { headers[.retryAfter] = String(retryAfter) }
        if let allow { headers[.allow] = allow }
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(data: try APICoding.encoder.encode(body))))
    }
}
