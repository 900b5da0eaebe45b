import Foundation
import MutualisDomain
import PostgresClient

extension BookingStore {
    /// What booking would do now, without doing it: the same statements and checks as
    /// ``book(pole:_:actor:confirm:now:)``, in a transaction that is always rolled back, so that
    /// a person's summary before confirming tells exactly what the booking would meet — the
    /// rules, a taken slot, the occurrences of a series that cannot be booked. Another booking
    /// may still take the slot before the confirmation; the booking then says so.
    public func preview(pole: PoleID, _ input: BookingInput, actor: Actor, confirm: Bool, now: Date = Date()) async throws
        -> BookingOutcome
    {
        /// Carries the outcome out of the transaction it rolls back.
        struct RolledBack: Error {
            var outcome: BookingOutcome
        }
        do {
            _ = try await database.withTransaction { connection -> Bool in
                do {
                    throw RolledBack(outcome: try Self.book(connection, pole: pole, input, actor: actor, confirm: confirm, now: now))
                } catch let error as PostgresError where error.isExclusionViolation || error.isDeadlock {
                    throw StoreError.conflict("the slot was taken by a concurrent booking", field: "start")
                }
            }
        } catch let rolledBack as RolledBack {
            return rolledBack.outcome
        }
        throw StoreError.corrupt("a preview that did not roll back")
    }
}
