import Foundation
import Hummingbird
import MutualisDomain
import MutualisRepresentations
import MutualisStore

/// Turns every error into a problem+json answer: the store's refusals into 404, 409 or 422,
/// malformed JSON into 400 naming the field, and anything unexpected into a 500 that leaks
/// nothing (the details go to the log).
struct ProblemMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let problem as Problem {
            throw problem
        } catch let error as StoreError {
            switch error {
            case .corrupt, .unavailable, .database: context.logger.error("request failed", metadata: ["error": "\(error)"])
            case .timedOut: context.logger.warning("statement cancelled", metadata: ["error": "\(error)"])
            // Refusing work under load is the server doing its job: the request's own log
            // line (a warning, status 503) and the metrics tell it.
            default: break
            }
            throw Self.problem(error)
        } catch let error as DecodingError {
            throw Self.problem(error)
        } catch let error as UnknownJSONField {
            throw Problem.malformed(error.field, error.message)
        } catch let error as HTTPError {
            throw Problem(status: error.status, detail: error.body ?? error.status.reasonPhrase)
        } catch let error as any HTTPResponseError where error.status == .contentTooLarge {
            throw Problem(status: .contentTooLarge, detail: "the body is larger than this server accepts")
        } catch {
            context.logger.error("request failed", metadata: ["error": "\(String(reflecting: error))"])
            throw Problem(status: .internalServerError, detail: "an unexpected error occurred")
        }
    }

    static func problem(_ error: StoreError) -> Problem {
        switch error {
        case .corrupt, .database:
            return Problem(status: .internalServerError, detail: "an unexpected error occurred")
        case .unavailable:
            return .unavailable("the database cannot be reached; try again shortly")
        case .busy:
            return .unavailable("the service is busy; try again shortly")
        case .timedOut:
            return .unavailable("the request could not finish in time; try again shortly")
        case .notFound(let what):
            return .notFound(what)
        case .invalid(let errors):
            return .invalid(errors)
        case .conflict(let message, let field):
            return Problem(
                status: .conflict, type: "/problems/conflict", detail: message,
                errors: field.map { [Problem.FieldProblem(field: $0, message: message)] } ?? []
            )
        case .rulesViolated(let violations):
            return Problem(
                status: .unprocessableContent, type: "/problems/booking-rule",
                detail: violations.map(\.description).joined(separator: "; "),
                errors: violations.map { Problem.FieldProblem(field: $0.field, message: $0.message, rule: $0.rule.rawValue) }
            )
        case .idempotencyKeyReused:
            return Problem(
                status: .unprocessableContent, type: "/problems/idempotency-key-reused", detail: error.description,
                errors: [Problem.FieldProblem(field: "Idempotency-Key", message: error.description)]
            )
        case .seriesRefused(let refused):
            return Problem(
                status: .conflict, type: "/problems/series-refused", detail: error.description,
                conflicts: refused.map {
                    Problem.Conflict(start: $0.range.start, end: $0.range.end, reason: $0.reason, rule: $0.rule?.rawValue)
                }
            )
        }
    }

    static func problem(_ error: DecodingError) -> Problem {
        func path(_ context: DecodingError.Context, _ key: (any CodingKey)? = nil) -> String {
            let keys = context.codingPath + (key.map { [$0] } ?? [])
            return keys.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".")
        }
        switch error {
        case .keyNotFound(let key, let context):
            return .malformed(path(context, key), "is required")
        case .typeMismatch(let type, let context):
            return .malformed(path(context), "must be \(Self.name(of: type))")
        case .valueNotFound(let type, let context):
            return .malformed(path(context), "must be \(Self.name(of: type)), not null")
        case .dataCorrupted(let context):
            if context.codingPath.isEmpty { return .malformed("body", "is not valid JSON") }
            // Our own messages start with "must"; Foundation's name Swift types, which mean
            // nothing to the caller.
            let ours = context.debugDescription.hasPrefix("must")
            return .malformed(path(context), ours ? context.debugDescription : "is out of range or not of the expected form")
        @unknown default:
            return .malformed("body", "cannot be read")
        }
    }

    private static func name(of type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Int.Type, is Double.Type: "a number"
        case is Bool.Type: "true or false"
        default: "a value of another type"
        }
    }
}
