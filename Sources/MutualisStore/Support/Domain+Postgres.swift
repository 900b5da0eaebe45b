import Foundation
import MutualisDomain
import PostgresClient

extension Identifier: PostgresEncodable, PostgresDecodable {
    public static var postgresType: PostgresDataType { .uuid }
    public var postgresText: String? { description }

    public init(postgresText text: String?, type: PostgresDataType) throws(PostgresDecodingFailure) {
        self.init(try UUID(postgresText: text, type: type))
    }
}

extension Identifier: PostgresArrayElement {
    public static var postgresArrayType: PostgresDataType { .uuidArray }
}

extension Identifier: PostgresBinaryEncodable {
    public var postgresBinarySize: Int { uuid.postgresBinarySize }

    public func writePostgresBinary(to pointer: UnsafeMutableRawPointer) {
        uuid.writePostgresBinary(to: pointer)
    }
}

extension LocalDate: PostgresEncodable, PostgresDecodable {
    public static var postgresType: PostgresDataType { .date }
    public var postgresText: String? { description }

    public init(postgresText text: String?, type: PostgresDataType) throws(PostgresDecodingFailure) {
        let date = try PostgresCalendarDate(postgresText: text, type: type)
        self = LocalDate(year: date.year, month: date.month, day: date.day)!
    }
}

extension LocalTime: PostgresEncodable, PostgresDecodable {
    public static var postgresType: PostgresDataType { PostgresDataType(oid: 1083) }
    public var postgresText: String? { minutes == 1440 ? "24:00:00" : description + ":00" }

    /// Reads `HH:MM:SS` as the server writes `time`.
    public init(postgresText text: String?, type: PostgresDataType) throws(PostgresDecodingFailure) {
        let parts = try text.requireTextForStore().split(separator: ":")
        guard parts.count >= 2, let hour = Int(parts[0]), let minute = Int(parts[1]),
            let time = LocalTime(hour: hour, minute: minute)
        else { throw .invalidText }
        self = time
    }
}

extension Optional where Wrapped == String {
    func requireTextForStore() throws(PostgresDecodingFailure) -> String {
        guard let self else { throw .unexpectedNull }
        return self
    }
}

/// Enumerations stored as PostgreSQL enums or checked text, by their raw value.
protocol PostgresRawEnum: RawRepresentable, PostgresEncodable, PostgresDecodable where RawValue == String {}

extension PostgresRawEnum {
    public static var postgresType: PostgresDataType { .unknown }
    public var postgresText: String? { rawValue }

    public init(postgresText text: String?, type: PostgresDataType) throws(PostgresDecodingFailure) {
        guard let value = Self(rawValue: try text.requireTextForStore()) else { throw .invalidText }
        self = value
    }
}

extension LegalForm: PostgresRawEnum {}
extension Resource.Kind: PostgresRawEnum {}
extension BookingStatus: PostgresRawEnum {}
extension User.Role: PostgresRawEnum {}
extension UsageRecord.Unit: PostgresRawEnum {}
extension Cost.Category: PostgresRawEnum {}
extension AllocationRun.Status: PostgresRawEnum {}
