import MutualisDomain

/// Who is calling, as their token says: always within one pole; a member user within one member.
public struct Principal: Sendable, Equatable {
    public var userID: UserID
    public var poleID: PoleID
    public var role: User.Role
    /// The member a member user acts for.
    public var memberID: MemberID?

    public init(userID: UserID, poleID: PoleID, role: User.Role, memberID: MemberID?) {
        self.userID = userID
        self.poleID = poleID
        self.role = role
        self.memberID = memberID
    }

    /// As whom the caller acts, for the audit log.
    public var actor: Actor { .user(userID) }

    /// True for a coordinator of the pole.
    public var isCoordinator: Bool { role == .coordinator }

    /// Whether the caller may see what belongs to a member: coordinators see all the pole's.
    public func canSee(member: MemberID) -> Bool {
        isCoordinator || memberID == member
    }
}
