import Foundation
import MutualisDomain

/// Members whose ids sort as their names: A < B < C < ...
enum Fixture {
    static func memberID(_ letter: Character) -> MemberID {
        memberID(number: Int(letter.asciiValue! - 64))
    }

    /// The n-th of a list of members, ids in the order of n.
    static func memberID(number: Int) -> MemberID {
        let digits = String(number, radix: 16)
        return MemberID("00000000-0000-0000-0000-" + String(repeating: "0", count: 12 - digits.count) + digits)!
    }

    static let a = memberID("A")
    static let b = memberID("B")
    static let c = memberID("C")

    static let march = DatePeriod.month(of: date("2026-03-01"))
    static let costID = CostID(UUID(uuidString: "00000000-0000-0000-0000-00000000c057")!)

    static func date(_ text: String) -> LocalDate {
        LocalDate(text)!
    }

    static func member(
        _ id: MemberID, coefficient: Double = 1, headcount: Int = 0, budget: Int = 0, joined: String = "2020-01-01", left: String? = nil
    ) -> AllocationMember {
        AllocationMember(
            id: id, coefficient: Coefficient(coefficient)!, headcountHundredths: headcount * 100, annualBudgetCents: budget,
            joinedOn: date(joined), leftOn: left.map(date)
        )
    }

    static func hours(_ value: Double) -> Int {
        Int(value * 3600)
    }

    /// An instant from an RFC 3339 string.
    static func instant(_ text: String) -> Date {
        try! Date(text, strategy: .iso8601)
    }

    static func range(_ start: String, _ end: String) -> TimeRange {
        TimeRange(start: instant(start), end: instant(end))!
    }
}
