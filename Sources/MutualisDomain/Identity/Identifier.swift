import Foundation

/// The identifier of one kind of entity: a `MemberID` cannot be passed where a `ResourceID`
/// is expected.
///
/// Identifiers are UUIDs, exchanged as opaque lowercase strings; they order by their bytes,
/// which is also the order of their strings, so "the smallest member id" means the same
/// everywhere.
public struct Identifier<Entity>: Hashable, Comparable, Sendable, StringCodable {
    /// The UUID behind the identifier.
    public let uuid: UUID

    /// Wraps a UUID.
    public init(_ uuid: UUID) {
        self.uuid = uuid
    }

    /// A new random identifier.
    public init() {
        self.uuid = UUID()
    }

    public static var expectedText: String { "an id" }

    /// Reads an identifier from its string form; `nil` if it is not one.
    public init?(_ string: String) {
        guard let uuid = UUID(uuidString: string) else { return nil }
        self.uuid = uuid
    }

    /// The opaque string form.
    public var description: String { uuid.uuidString.lowercased() }

    public static func < (lhs: Self, rhs: Self) -> Bool {
        let (l, r) = (lhs.uuid.uuid, rhs.uuid.uuid)
        return withUnsafeBytes(of: l) { lb in
            withUnsafeBytes(of: r) { rb in
                for index in 0..<16 where lb[index] != rb[index] {
                    return lb[index] < rb[index]
                }
                return false
            }
        }
    }
}

public typealias PoleID = Identifier<Pole>
public typealias MemberID = Identifier<Member>
public typealias CategoryID = Identifier<MemberCategory>
public typealias UserID = Identifier<User>
public typealias ResourceID = Identifier<Resource>
public typealias UnitID = Identifier<ResourceUnit>
public typealias BookingID = Identifier<Booking>
public typealias SeriesID = Identifier<BookingSeries>
public typealias UsageRecordID = Identifier<UsageRecord>
public typealias CostID = Identifier<Cost>
public typealias AllocationRunID = Identifier<AllocationRun>
public typealias CommitmentID = Identifier<Commitment>
public typealias BlackoutID = Identifier<Blackout>
public typealias WaitlistEntryID = Identifier<WaitlistEntry>
public typealias NotificationID = Identifier<MemberNotification>

/// Identifiers key JSON objects by their string form: `{"MEMBER_ID": 25.0}`.
extension Identifier: CodingKeyRepresentable {
    public var codingKey: any CodingKey { IdentifierKey(stringValue: description) }

    public init?<T: CodingKey>(codingKey: T) {
        self.init(codingKey.stringValue)
    }
}

private struct IdentifierKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }

    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}
