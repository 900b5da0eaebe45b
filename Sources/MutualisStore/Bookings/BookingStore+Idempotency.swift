import Foundation
import MutualisDomain
import PostgresClient

extension BookingStore {
    /// Books as ``book(pole:_:actor:confirm:now:)``, once per Idempotency-Key: a retry with the
    /// same key and body within 24 hours gets the first answer back and books nothing; the same
    /// key with another body is refused.
    ///
    /// The key is claimed first, in the booking's own transaction: a concurrent twin waits
    /// for it, then replays the answer.
    public func book(
        pole: PoleID, _ input: BookingInput, actor: Actor, confirm: Bool, now: Date = Date(), idempotency: Idempotency,
        render: @escaping @Sendable (BookingOutcome) throws -> StoredResponse
    ) async throws -> (response: StoredResponse, replayed: Bool) {
        while true {
            if let stored = try await storedResponse(idempotency) { return (stored, true) }
            let claimed: StoredResponse? = try await retryingLostRaces { pool in
                try await pool.withTransaction { connection in
                    let claim = try connection.execute(
                        """
                        INSERT INTO idempotency_keys (user_id, key, request_hash, response_status, response_body)
                        VALUES (\(idempotency.userID), \(idempotency.key), \(idempotency.requestHash), 0, '')
                        ON CONFLICT (user_id, key) DO NOTHING
                        """
                    )
                    guard claim == 1 else { return nil }
                    let response = try render(try Self.book(connection, pole: pole, input, actor: actor, confirm: confirm, now: now))
                    try connection.execute(
                        """
                        UPDATE idempotency_keys SET response_status = \(response.status), response_body = \(response.body)
                        WHERE user_id = \(idempotency.userID) AND key = \(idempotency.key)
                        """
                    )
                    return response
                }
            }
            if let claimed { return (claimed, false) }
        }
    }

    /// The answer stored for a key, if fresh; expired keys are cleared so they can be reused.
    private func storedResponse(_ idempotency: Idempotency) async throws -> StoredResponse? {
        try await database.withConnection { connection in
            try connection.execute(
                """
                DELETE FROM idempotency_keys WHERE user_id = \(idempotency.userID) AND key = \(idempotency.key)
                AND created_at < now() - interval '24 hours'
                """
            )
            guard
                let row = try connection.query(
                    """
                    SELECT request_hash, response_status, response_body FROM idempotency_keys
                    WHERE user_id = \(idempotency.userID) AND key = \(idempotency.key)
                    """
                ).first
            else { return nil }
            let (hash, status, body) = try row.decode((Data, Int, String).self)
            guard hash == idempotency.requestHash else { throw StoreError.idempotencyKeyReused }
            return StoredResponse(status: status, body: body)
        }
    }
}
