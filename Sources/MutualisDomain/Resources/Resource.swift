/// Something a pole pools: a van, a studio, a shared accountant's time.
public struct Resource: Hashable, Sendable, Codable {
    /// What kind of thing is pooled.
    public enum Kind: String, Sendable, NamedValue {
        case equipment
        /// Staff time: one unit, the person.
        case staff
        case premises
    }

    public var id: ResourceID
    public var poleID: PoleID
    public var name: String
    public var kind: Kind
    /// Identical units that can be booked at once (two vans).
    public var units: Int
    /// The member who contributed the resource, credited with the costs it carries.
    public var ownerMemberID: MemberID?
    public var rules: ResourceRules

    public init(
        id: ResourceID, poleID: PoleID, name: String, kind: Kind, units: Int = 1,
        ownerMemberID: MemberID? = nil, rules: ResourceRules = ResourceRules()
    ) {
        self.id = id
        self.poleID = poleID
        self.name = name
        self.kind = kind
        self.units = units
        self.ownerMemberID = ownerMemberID
        self.rules = rules
    }
}

/// One of the identical units of a resource.
public struct ResourceUnit: Hashable, Sendable, Codable {
    public var id: UnitID
    public var resourceID: ResourceID
    /// 1, 2, ... within the resource.
    public var number: Int

    public init(id: UnitID, resourceID: ResourceID, number: Int) {
        self.id = id
        self.resourceID = resourceID
        self.number = number
    }
}
