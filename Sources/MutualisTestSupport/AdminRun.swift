import Foundation
import Synchronization

/// What a command line printed, and how it ended.
public struct CommandOutcome: Sendable {
    public var status: Int32
    public var standardOutput: String
    public var standardError: String

    public init(status: Int32, standardOutput: String, standardError: String) {
        self.status = status
        self.standardOutput = standardOutput
        self.standardError = standardError
    }

    /// Decodes standard output as one JSON document.
    public func json() throws -> Any {
        try JSONSerialization.jsonObject(with: Data(standardOutput.utf8))
    }
}

/// Collects text written from any thread.
public final class OutputCapture: Sendable {
    private let text = Mutex("")

    public init() {}

    public func append(_ more: String) {
        text.withLock { $0 += more }
    }

    public var contents: String {
        text.withLock { $0 }
    }
}
