import CLibPQ

/// A PostgreSQL type, by its OID.
public struct PostgresDataType: Hashable, Sendable {
    /// The type's OID in `pg_type`.
    public let oid: Oid

    /// Wraps a type OID.
    public init(oid: Oid) {
        self.oid = oid
    }

    /// Lets the server infer the type from the statement (used for text, which may meet enums).
    public static let unknown = PostgresDataType(oid: 0)
    public static let bool = PostgresDataType(oid: 16)
    public static let bytea = PostgresDataType(oid: 17)
    public static let int8 = PostgresDataType(oid: 20)
    public static let int2 = PostgresDataType(oid: 21)
    public static let int4 = PostgresDataType(oid: 23)
    public static let text = PostgresDataType(oid: 25)
    public static let json = PostgresDataType(oid: 114)
    public static let float4 = PostgresDataType(oid: 700)
    public static let float8 = PostgresDataType(oid: 701)
    public static let boolArray = PostgresDataType(oid: 1000)
    public static let int4Array = PostgresDataType(oid: 1007)
    public static let textArray = PostgresDataType(oid: 1009)
    public static let int8Array = PostgresDataType(oid: 1016)
    public static let float8Array = PostgresDataType(oid: 1022)
    public static let date = PostgresDataType(oid: 1082)
    public static let timestamp = PostgresDataType(oid: 1114)
    public static let timestamptz = PostgresDataType(oid: 1184)
    public static let dateArray = PostgresDataType(oid: 1182)
    public static let timestamptzArray = PostgresDataType(oid: 1185)
    public static let numeric = PostgresDataType(oid: 1700)
    public static let uuid = PostgresDataType(oid: 2950)
    public static let uuidArray = PostgresDataType(oid: 2951)
    public static let jsonb = PostgresDataType(oid: 3802)
}
