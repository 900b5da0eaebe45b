/// A member's commitment to use a resource, as CUMA members commit to a machine: a volume a
/// year, over a term. Under a rule with the commitment floor, a volume committed and not used
/// is paid all the same.
public struct Commitment: Hashable, Sendable {
    public var id: CommitmentID
    public var poleID: PoleID
    public var memberID: MemberID
    public var resourceID: ResourceID
    /// The volume a year, in thousandths of its unit (120 000 is 120 hours).
    public var volumeThousandths: Int
    /// What the volume counts: unit-hours of bookings or recorded hours, km, uses.
    public var unit: UsageRecord.Unit
    /// The first day of the term.
    public var startsOn: LocalDate
    /// The last day of the term.
    public var endsOn: LocalDate
    public var note: String

    public init(
        id: CommitmentID, poleID: PoleID, memberID: MemberID, resourceID: ResourceID, volumeThousandths: Int,
        unit: UsageRecord.Unit, startsOn: LocalDate, endsOn: LocalDate, note: String = ""
    ) {
        self.id = id
        self.poleID = poleID
        self.memberID = memberID
        self.resourceID = resourceID
        self.volumeThousandths = volumeThousandths
        self.unit = unit
        self.startsOn = startsOn
        self.endsOn = endsOn
        self.note = note
    }

    /// The days of the term, as a period.
    public var term: DatePeriod { DatePeriod(start: startsOn, end: endsOn.adding(days: 1))! }

    /// The volume a year in the unit people read (120.0 hours).
    public var volume: Double { Double(volumeThousandths) / 1_000 }
}

/// A commitment as a coordinator records it, before it is stored.
public struct CommitmentInput: Hashable, Sendable {
    public var memberID: MemberID
    public var resourceID: ResourceID
    public var volumeThousandths: Int
    public var unit: UsageRecord.Unit
    public var startsOn: LocalDate
    public var endsOn: LocalDate
    public var note: String

    public init(
        memberID: MemberID, resourceID: ResourceID, volumeThousandths: Int, unit: UsageRecord.Unit, startsOn: LocalDate,
        endsOn: LocalDate, note: String = ""
    ) {
        self.memberID = memberID
        self.resourceID = resourceID
        self.volumeThousandths = volumeThousandths
        self.unit = unit
        self.startsOn = startsOn
        self.endsOn = endsOn
        self.note = note
    }

    /// What is wrong, each naming its field.
    public func validationErrors() -> [FieldError] {
        var errors: [FieldError] = []
        if !(1...InputBounds.maxCommitmentThousandths).contains(volumeThousandths) {
            errors.append(
                FieldError(
                    field: "volume",
                    message: "a volume a year above 0 and at most \(InputBounds.maxCommitmentThousandths / 1_000), to the thousandth"))
        }
        if endsOn < startsOn {
            errors.append(FieldError(field: "endsOn", message: "the term ends on or after the day it starts"))
        } else if startsOn.days(until: endsOn) >= InputBounds.maxPeriodDays {
            errors.append(FieldError(field: "endsOn", message: "a term covers at most \(InputBounds.maxPeriodDays) days"))
        }
        if let problem = TextInput.notesProblem(note, field: "note", maxLength: 500) { errors.append(problem) }
        return errors
    }
}
