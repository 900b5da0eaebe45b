import Foundation
import MutualisDomain
import Testing

@Suite("Model")
struct ModelTests {
    typealias F = Fixture

    @Test(
        "a SIRET is 14 digits passing the Luhn check",
        arguments: [
            ("73282932000074", true), ("732 829 320 00074", true), ("73282932000075", false), ("7328293200007", false),
            ("7328293200007A", false), ("35600000000048", true), ("35600000000051", true), ("35600000000052", false),
        ])
    func siret(text: String, valid: Bool) {
        #expect((SIRET(text) != nil) == valid)
    }

    @Test("bookings move only pending → confirmed, rejected or cancelled, and confirmed → cancelled")
    func bookingTransitions() {
        let allowed: Set<String> = ["pending>confirmed", "pending>rejected", "pending>cancelled", "confirmed>cancelled"]
        for from in BookingStatus.allCases {
            for to in BookingStatus.allCases {
                #expect(from.canMove(to: to) == allowed.contains("\(from.rawValue)>\(to.rawValue)"))
            }
        }
        #expect(throws: BookingTransitionError.self) { try BookingStatus.cancelled.moving(to: .confirmed) }
        #expect(BookingStatus.pending.holdsUnits && BookingStatus.confirmed.holdsUnits)
        #expect(!BookingStatus.cancelled.holdsUnits && !BookingStatus.rejected.holdsUnits)
    }

    @Test("identifiers of different kinds are different types, and order as their strings")
    func identifiers() {
        let ids = (1...50).map { _ in MemberID() }
        #expect(ids.sorted().map(\.description) == ids.map(\.description).sorted())
        #expect(MemberID("not a uuid") == nil)
        let id = ResourceID()
        #expect(ResourceID(id.description) == id)
    }

    @Test("calendar dates: parsing, weekdays, arithmetic")
    func localDates() {
        #expect(F.date("2026-03-29").weekday == .sunday)
        #expect(F.date("1970-01-01").weekday == .thursday)
        #expect(LocalDate("2026-02-29") == nil)
        #expect(LocalDate("2024-02-29")?.adding(days: 1) == F.date("2024-03-01"))
        #expect(F.date("2026-01-31").adding(months: 1) == nil)
        #expect(F.date("2026-12-15").adding(months: 1) == F.date("2027-01-15"))
        for days in stride(from: -800_000, through: 800_000, by: 997) {
            #expect(LocalDate(daysSinceEpoch: days).daysSinceEpoch == days)
        }
    }

    @Test("membership days count both ends, within the period")
    func membershipDays() {
        #expect(Member.membershipDays(joinedOn: F.date("2026-03-16"), leftOn: nil, in: F.march) == 16)
        #expect(Member.membershipDays(joinedOn: F.date("2026-01-01"), leftOn: F.date("2026-03-01"), in: F.march) == 1)
        #expect(Member.membershipDays(joinedOn: F.date("2026-04-01"), leftOn: nil, in: F.march) == 0)
    }

    @Test("coefficients are exact to four decimals, between 0 and 10")
    func coefficients() {
        #expect(Coefficient(0.5)?.tenThousandths == 5_000)
        #expect(Coefficient(0.12345) == nil)
        #expect(Coefficient(11) == nil)
        #expect(Coefficient(-0.5) == nil)
    }
}
