import Crypto
import Foundation
import MutualisDomain

/// A request's Idempotency-Key, with what identifies the request and renders its answer.
public struct Idempotency: Sendable {
    public var userID: UserID
    public var key: String
    /// SHA-256 of the request body: the same key with another body is refused.
    public var requestHash: Data

    public init(userID: UserID, key: String, requestHash: Data) {
        self.userID = userID
        self.key = key
        self.requestHash = requestHash
    }

    /// The key of a request with this body.
    public init(userID: UserID, key: String, body: Data) {
        self.init(userID: userID, key: key, requestHash: Data(SHA256.hash(data: body)))
    }
}

/// A stored answer, replayed to a retried request.
public struct StoredResponse: Sendable, Equatable {
    public var status: Int
    public var body: String

    public init(status: Int, body: String) {
        self.status = status
        self.body = body
    }
}
