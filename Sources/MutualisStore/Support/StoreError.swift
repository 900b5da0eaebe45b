import MutualisDomain

/// Why the store refused an operation, in terms the HTTP service and the CLI both explain.
public enum StoreError: Error, Equatable, CustomStringConvertible {
    /// Nothing of that kind with that id, or not visible to the caller.
    case notFound(String)
    /// Fields of the input are wrong.
    case invalid([FieldError])
    /// The operation conflicts with what is stored: a slot taken, a duplicate, a state.
    case conflict(String, field: String? = nil)
    /// A booking breaks rules of its resource.
    case rulesViolated([BookingRuleViolation])
    /// An Idempotency-Key was reused with another request.
    case idempotencyKeyReused
    /// No occurrence of a series could be booked, or one could not and the series was to fail.
    case seriesRefused([RefusedOccurrence])
    /// What the database returned does not hold together; nothing was changed.
    case corrupt(String)
    /// The database cannot be reached (down, restarting, the connection lost), with libpq's word.
    case unavailable(String)
    /// No connection became free in time, or the work met a concurrent one and may be retried.
    case busy(String)
    /// A statement ran past its timeout, or its caller gave up, and was cancelled.
    case timedOut(String)
    /// The database refused the work for a reason the store does not explain: a defect. The
    /// message may hold data; it is for logs and administrators, never for an API answer.
    case database(code: String?, message: String)

    /// One invalid field.
    static func invalid(_ field: String, _ message: String) -> StoreError {
        .invalid([FieldError(field: field, message: message)])
    }

    public var description: String {
        switch self {
        case .notFound(let what): "\(what) not found"
        case .invalid(let errors): errors.map { "\($0.field): \($0.message)" }.joined(separator: "; ")
        case .conflict(let message, _): message
        case .rulesViolated(let violations): violations.map(\.description).joined(separator: "; ")
        case .idempotencyKeyReused: "this Idempotency-Key was used for another request"
        case .seriesRefused(let refused): "\(refused.count) occurrences of the series cannot be booked"
        case .corrupt(let what): "stored data is inconsistent: \(what)"
        case .unavailable(let why): "cannot reach the database: \(why.split(separator: "\n").first ?? "")"
        case .busy: "the database is busy; try again shortly"
        case .timedOut: "the database took too long; the statement was cancelled"
        case .database(let code, let message): "the database refused the operation (\(code ?? "?")): \(message)"
        }
    }
}
