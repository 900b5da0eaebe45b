/// A page that says what went wrong and what to do.
struct ErrorPage: Sendable {
    var frame: Frame
    var heading: String
    var message: String
}
