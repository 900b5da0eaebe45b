import MutualisDomain

/// What the region's funders ask a pole to publish for a period: what was pooled, how much
/// it was used and by whom, the staff time shared, and how the costs were shared.
public struct PoolingReport: Sendable {
    /// One resource's use over the period.
    public struct ResourceUse: Sendable {
        public var resource: Resource
        /// Confirmed bookings overlapping the period.
        public var bookings: Int
        /// Unit-hours booked within the period.
        public var bookedHours: Double
        /// Units × opening hours (every hour without opening hours) in the period.
        public var availableHours: Double
        /// Members that booked it or recorded use of it.
        public var membersServed: Int
        /// Hours recorded as actual use (a shared employee's timesheets); nil when none were.
        public var recordedHours: Double?
        /// Unit-hours counted from cancellations too late to be free (their counted share).
        public var lateCancellationHours: Double = 0
        /// Unit-hours of confirmed bookings nobody came to (within `bookedHours`).
        public var noShowHours: Double = 0
        /// The members' commitments pro rata of the period, and the volume used in the same
        /// unit; nil without commitments.
        public var commitment: CommittedAgainstUsed?

        /// The hours it served: recorded hours where use is recorded (a timesheet says what
        /// was worked, bookings only what was planned), booked hours otherwise.
        public var usedHours: Double { recordedHours ?? bookedHours }

        /// Used hours out of available hours, in percent; nil when it was never available.
        public var utilisationPercent: Double? {
            availableHours > 0 ? usedHours / availableHours * 100 : nil
        }
    }

    /// What the members committed to on a resource over the period, against what they used.
    public struct CommittedAgainstUsed: Sendable {
        public var unit: UsageRecord.Unit
        /// The commitments' volume pro rata of the period's days.
        public var committed: Double
        /// Hours used (recorded, or booked), or the km or uses recorded.
        public var used: Double
    }

    /// The time of one shared staff member over the period.
    public struct StaffTime: Sendable {
        public var resource: Resource
        public var bookedHours: Double
        /// Hours recorded on timesheets; nil when none were recorded.
        public var recordedHours: Double?
        /// Recorded hours where there are timesheets, booked hours otherwise.
        public var hours: Double { recordedHours ?? bookedHours }
        public var fullTimeEquivalent: Double
    }

    /// Costs of one category whose period lies within the report's.
    public struct CostCategory: Sendable {
        public var category: Cost.Category
        public var pooledCents: Int
        /// Charged to members by finalised runs.
        public var allocatedCents: Int
        /// Left to the pole by finalised runs.
        public var unallocatedCents: Int
        /// Not shared by a finalised run yet.
        public var notFinalizedCents: Int
        /// Credited back to members that contributed the resources.
        public var creditedCents: Int
    }

    public var period: DatePeriod
    public var currency: String
    public var resources: [ResourceUse]
    public var staff: [StaffTime]
    public var costs: [CostCategory]
    /// Costs pooled by the kind of their resource; nil kind for pole-wide costs.
    public var costsByKind: [(kind: Resource.Kind?, pooledCents: Int)]
    /// Members active in the period, by legal form.
    public var membersByLegalForm: [(legalForm: LegalForm, count: Int)]
    /// Members that booked or used something in the period.
    public var membersServed: Int

    /// Staff time over all shared staff.
    public var staffFullTimeEquivalent: Double { staff.reduce(0) { $0 + $1.fullTimeEquivalent } }
    public var activeMembers: Int { membersByLegalForm.reduce(0) { $0 + $1.count } }
}
