import MutualisDomain

extension GlobalOptions {
    /// An id given on the command line, or a usage error naming the option.
    func id<Entity>(_ text: String, as type: Identifier<Entity>.Type, option: String) throws -> Identifier<Entity> {
        guard let id = Identifier<Entity>(text) else { throw AdminError.usage("--\(option) is not an id: \(text)") }
        return id
    }

    /// A date given on the command line, or a usage error naming the option.
    func date(_ text: String?, option: String) throws -> LocalDate? {
        guard let text else { return nil }
        guard let date = LocalDate(text) else { throw AdminError.usage("--\(option) is not a date YYYY-MM-DD: \(text)") }
        return date
    }
}
