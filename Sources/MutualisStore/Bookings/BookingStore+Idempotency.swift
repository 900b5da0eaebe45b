import Foundation
import MutualisDomain
import PostgresClient

extension BookingStore {
    /// Books as ``book(pole:_:actor:confirm:now:)``, once per Idempotency-Key: a retry with the
    /// same key and body within 24 hours gets the first answer back and books nothing; the same
    /// key with another body is refused.
    ///
    /// One transaction on one connection: the key is claimed first (or taken back once it has
    /// expired), so a concurrent twin waits on its row, then finds the answer committed with
    /// the booking and replays it.
    public func book(
        pole: PoleID, _ input: BookingInput, actor: Actor, confirm: Bool, now: Date = Date(), idempotency: Idempotency,
        render: @escaping @Sendable (BookingOutcome) throws -> StoredResponse
    ) async throws -> (response: StoredResponse, replayed: Bool) {
        try await retryingLostRaces { pool in
            try await pool.withTransaction { connection in
                let claimed =
                    try connection.query(
                        """
                        INSERT INTO idempotency_keys (user_id, key, request_hash, response_status, response_body)
                        VALUES (\(idempotency.userID), \(idempotency.key), \(idempotency.requestHash), 0, '')
                        ON CONFLICT (user_id, key) DO UPDATE
                            SET request_hash = excluded.request_hash, response_status = 0, response_body = '', created_at = now()
                            WHERE idempotency_keys.created_at < now() - interval '24 hours'
                        RETURNING 1
                        """
                    ).first != nil
                guard claimed else { return (try Self.storedResponse(connection, idempotency), true) }
                let response = try render(try Self.book(connection, pole: pole, input, actor: actor, confirm: confirm, now: now))
                try connection.execute(
                    """
                    UPDATE idempotency_keys SET response_status = \(response.status), response_body = \(response.body)
                    WHERE user_id = \(idempotency.userID) AND key = \(idempotency.key)
                    """
                )
                return (response, false)
            }
        }
    }

    /// The answer committed for a key that could not be claimed: fresh, and not this
    /// transaction's (the claim waited for its twin to end).
    private static func storedResponse(_ connection: PostgresConnection, _ idempotency: Idempotency) throws -> StoredResponse {
        guard
            let row = try connection.query(
                """
                SELECT request_hash, response_status, response_body FROM idempotency_keys
                WHERE user_id = \(idempotency.userID) AND key = \(idempotency.key)
                """
            ).first
        else { throw StoreError.conflict("a request with this Idempotency-Key is still being answered", field: "Idempotency-Key") }
        let (hash, status, body) = try row.decode((Data, Int, String).self)
        guard hash == idempotency.requestHash else { throw StoreError.idempotencyKeyReused }
        return StoredResponse(status: status, body: body)
    }
}
