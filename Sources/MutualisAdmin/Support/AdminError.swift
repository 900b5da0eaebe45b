import MutualisStore

/// What a command reports on its one line of stderr, and the exit status it sets.
public enum AdminError: Error, Equatable, CustomStringConvertible {
    /// The command line is wrong: exit status 2.
    case usage(String)
    /// The operation was refused or failed: exit status 1.
    case refused(String)

    public var description: String {
        switch self {
        case .usage(let message), .refused(let message): message
        }
    }

    /// The exit status for this error.
    var exitStatus: Int32 {
        switch self {
        case .usage: 2
        case .refused: 1
        }
    }

    /// Turns any error a command met into the line a person reads.
    static func from(_ error: any Error) -> AdminError {
        switch error {
        case let error as AdminError:
            return error
        case let error as MigrationError:
            return .refused(error.description)
        case let error as StoreError:
            return .refused(error.description)
        default:
            return .refused(String(describing: error))
        }
    }
}
