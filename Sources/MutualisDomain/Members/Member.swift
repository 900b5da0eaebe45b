/// A member organisation of a pole.
public struct Member: Hashable, Sendable, Codable {
    public var id: MemberID
    public var poleID: PoleID
    public var name: String
    public var legalForm: LegalForm
    public var siret: SIRET?
    public var categoryID: CategoryID?
    /// Full-time equivalents, in hundredths (250 is 2.5 FTE): the `headcount` weight.
    public var headcountHundredths: Int
    /// Annual budget in cents: the `budget` weight.
    public var annualBudgetCents: Int
    /// The first day of membership, in the pole's calendar.
    public var joinedOn: LocalDate
    /// The last day of membership, if the member left.
    public var leftOn: LocalDate?

    public init(
        id: MemberID,
        poleID: PoleID,
        name: String,
        legalForm: LegalForm,
        siret: SIRET? = nil,
        categoryID: CategoryID? = nil,
        headcountHundredths: Int = 0,
        annualBudgetCents: Int = 0,
        joinedOn: LocalDate,
        leftOn: LocalDate? = nil
    ) {
        self.id = id
        self.poleID = poleID
        self.name = name
        self.legalForm = legalForm
        self.siret = siret
        self.categoryID = categoryID
        self.headcountHundredths = headcountHundredths
        self.annualBudgetCents = annualBudgetCents
        self.joinedOn = joinedOn
        self.leftOn = leftOn
    }

    /// The days of `period` on which the organisation was a member (`leftOn` included).
    public func membershipDays(in period: DatePeriod) -> Int {
        Member.membershipDays(joinedOn: joinedOn, leftOn: leftOn, in: period)
    }

    /// The days of `period` between `joinedOn` and `leftOn`, both included.
    public static func membershipDays(joinedOn: LocalDate, leftOn: LocalDate?, in period: DatePeriod) -> Int {
        let first = max(joinedOn, period.start)
        let afterLast = min(leftOn.map { $0.adding(days: 1) } ?? period.end, period.end)
        return max(0, first.days(until: afterLast))
    }
}

/// A person who signs in: a coordinator of a pole, or a user acting for one member.
public struct User: Hashable, Sendable, Codable {
    /// What a user may do.
    public enum Role: String, Sendable, NamedValue {
        /// Manages the pole: members, resources, bookings of anyone, costs and runs.
        case coordinator
        /// Acts for one member organisation: its bookings, usage and statements only.
        case member
    }

    public var id: UserID
    public var poleID: PoleID
    public var email: String
    public var name: String
    public var role: Role
    /// The member a member user acts for; `nil` for a coordinator.
    public var memberID: MemberID?
    /// Disabled users keep their name in the history but can no longer sign in.
    public var isDisabled: Bool

    public init(id: UserID, poleID: PoleID, email: String, name: String, role: Role, memberID: MemberID?, isDisabled: Bool = false) {
        self.id = id
        self.poleID = poleID
        self.email = email
        self.name = name
        self.role = role
        self.memberID = memberID
        self.isDisabled = isDisabled
    }
}
