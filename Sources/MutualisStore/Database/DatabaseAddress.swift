import PostgresClient

/// Where the database is: a `postgresql://` URL or a libpq keyword string, read by libpq
/// itself, so that no connection string is ever assembled by hand.
public struct DatabaseAddress: Sendable, CustomStringConvertible {
    let configuration: PostgresConfiguration

    /// The address a URL or keyword string gives; an error saying why when libpq cannot read it.
    public init(_ text: String) throws(DatabaseAddressError) {
        do {
            configuration = try PostgresConfiguration(text)
        } catch let error as PostgresError {
            throw DatabaseAddressError(description: error.message)
        } catch {
            throw DatabaseAddressError(description: "invalid database URL or connection string")
        }
    }

    init(configuration: PostgresConfiguration) {
        self.configuration = configuration
    }

    /// The address without its password.
    public var description: String { configuration.description }
}

/// A database address that cannot be read, and why.
public struct DatabaseAddressError: Error, Sendable, CustomStringConvertible {
    public let description: String
}
