import Foundation

/// Decodes JSON like `JSONDecoder`, and refuses any object key that the decoded type never
/// asks for: a misspelt `recurence` or a misplaced `approvalRequired` is an error naming the
/// field, not a silently different request.
///
/// It works with the types' own `Decodable` conformances: a decoder wrapped around
/// Foundation's notes every key each container is asked about (`decodeIfPresent` asks about
/// absent ones too), then compares them with the keys each object holds.
public struct StrictJSONDecoder: Sendable {
    /// The decoder doing the work, with its strategies.
    public let base: @Sendable () -> JSONDecoder

    /// A strict decoder over the decoders `base` makes.
    public init(_ base: @escaping @Sendable () -> JSONDecoder = { JSONDecoder() }) {
        self.base = base
    }

    /// The value a JSON document holds; throws ``UnknownJSONField`` for a key it does not read.
    public func decode<Value: Decodable>(_ type: Value.Type, from data: Data) throws -> Value {
        let decoder = base()
        let tracker = KeyTracker()
        decoder.userInfo[KeyTracker.userInfoKey] = tracker
        let value = try decoder.decode(Root<Value>.self, from: data).value
        if let unknown = tracker.firstUnknown() { throw unknown }
        return value
    }

    /// The decoded type, read through the tracking decoder.
    private struct Root<Wrapped: Decodable>: Decodable {
        var value: Wrapped

        init(from decoder: any Decoder) throws {
            let tracker = decoder.userInfo[KeyTracker.userInfoKey] as! KeyTracker
            value = try TrackingDecoder(base: decoder, tracker: tracker).decodeValue(Wrapped.self)
        }
    }
}

/// A key of a JSON object that the request has no use for.
public struct UnknownJSONField: Error, Sendable, Equatable {
    /// The dotted path of the key (`recurrence.intervall`).
    public var field: String
    /// The keys that object may hold, sorted.
    public var known: [String]

    /// What a person reads.
    public var message: String {
        known.isEmpty ? "is not a known field" : "is not a known field; expected one of: \(known.joined(separator: ", "))"
    }
}

/// Which keys each object holds and which were asked for, by the object's path.
private final class KeyTracker: @unchecked Sendable {
    static let userInfoKey = CodingUserInfoKey(rawValue: "mutualis.strictJSON")!

    private var present: [String: (order: Int, keys: [String])] = [:]
    private var asked: [String: Set<String>] = [:]

    func holds(_ path: [any CodingKey], keys: [String]) {
        let name = Self.name(path)
        if present[name] == nil { present[name] = (present.count, keys) }
    }

    func asked(_ path: [any CodingKey], _ key: String) {
        asked[Self.name(path), default: []].insert(key)
    }

    /// The first key, in document order, that no container asked for.
    func firstUnknown() -> UnknownJSONField? {
        for (path, object) in present.sorted(by: { $0.value.order < $1.value.order }) {
            let known = asked[path] ?? []
            if let key = object.keys.first(where: { !known.contains($0) }) {
                return UnknownJSONField(field: path.isEmpty ? key : "\(path).\(key)", known: known.sorted())
            }
        }
        return nil
    }

    static func name(_ path: [any CodingKey]) -> String {
        path.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".")
    }
}

/// Any key of an object.
private struct AnyKey: CodingKey {
    var stringValue: String
    var intValue: Int?
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) {
        self.stringValue = String(intValue)
        self.intValue = intValue
    }
}

/// Types Foundation's decoder reads by its own strategies, which must reach it unwrapped.
private func isLeaf<Value>(_ type: Value.Type) -> Bool {
    type == Date.self || type == Data.self || type == URL.self || type == Decimal.self
}

private struct TrackingDecoder: Decoder {
    let base: any Decoder
    let tracker: KeyTracker

    var codingPath: [any CodingKey] { base.codingPath }
    var userInfo: [CodingUserInfoKey: Any] { base.userInfo }

    func decodeValue<Value: Decodable>(_ type: Value.Type) throws -> Value {
        isLeaf(type) ? try base.singleValueContainer().decode(type) : try Value(from: self)
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        let container = try base.container(keyedBy: type)
        tracker.holds(codingPath, keys: try base.container(keyedBy: AnyKey.self).allKeys.map(\.stringValue))
        return KeyedDecodingContainer(TrackingKeyedContainer(base: container, tracker: tracker))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        TrackingUnkeyedContainer(base: try base.unkeyedContainer(), tracker: tracker)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        TrackingSingleValueContainer(base: try base.singleValueContainer(), decoder: self)
    }
}

private struct TrackingKeyedContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let base: KeyedDecodingContainer<Key>
    let tracker: KeyTracker

    var codingPath: [any CodingKey] { base.codingPath }
    var allKeys: [Key] { base.allKeys }

    private func ask(_ key: Key) { tracker.asked(codingPath, key.stringValue) }

    func contains(_ key: Key) -> Bool {
        ask(key)
        return base.contains(key)
    }

    func decodeNil(forKey key: Key) throws -> Bool {
        ask(key)
        return try base.decodeNil(forKey: key)
    }

    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool {
        ask(key)
        return try base.decode(type, forKey: key)
    }
    func decode(_ type: String.Type, forKey key: Key) throws -> String {
        ask(key)
        return try base.decode(type, forKey: key)
    }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double {
        ask(key)
        return try base.decode(type, forKey: key)
    }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float {
        ask(key)
        return try base.decode(type, forKey: key)
    }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int {
        ask(key)
        return try base.decode(type, forKey: key)
    }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 {
        ask(key)
        return try base.decode(type, forKey: key)
    }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 {
        ask(key)
        return try base.decode(type, forKey: key)
    }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 {
        ask(key)
        return try base.decode(type, forKey: key)
    }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 {
        ask(key)
        return try base.decode(type, forKey: key)
    }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt {
        ask(key)
        return try base.decode(type, forKey: key)
    }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 {
        ask(key)
        return try base.decode(type, forKey: key)
    }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 {
        ask(key)
        return try base.decode(type, forKey: key)
    }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 {
        ask(key)
        return try base.decode(type, forKey: key)
    }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 {
        ask(key)
        return try base.decode(type, forKey: key)
    }

    func decode<Value: Decodable>(_ type: Value.Type, forKey key: Key) throws -> Value {
        ask(key)
        // A missing key gets Foundation's own error (keyNotFound), which a nested decoder would not give.
        guard !isLeaf(type), base.contains(key) else { return try base.decode(type, forKey: key) }
        return try TrackingDecoder(base: try base.superDecoder(forKey: key), tracker: tracker).decodeValue(type)
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        ask(key)
        return try TrackingDecoder(base: try base.superDecoder(forKey: key), tracker: tracker).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        ask(key)
        return TrackingUnkeyedContainer(base: try base.nestedUnkeyedContainer(forKey: key), tracker: tracker)
    }

    func superDecoder() throws -> any Decoder {
        TrackingDecoder(base: try base.superDecoder(), tracker: tracker)
    }

    func superDecoder(forKey key: Key) throws -> any Decoder {
        ask(key)
        return TrackingDecoder(base: try base.superDecoder(forKey: key), tracker: tracker)
    }
}

private struct TrackingUnkeyedContainer: UnkeyedDecodingContainer {
    var base: any UnkeyedDecodingContainer
    let tracker: KeyTracker

    var codingPath: [any CodingKey] { base.codingPath }
    var count: Int? { base.count }
    var isAtEnd: Bool { base.isAtEnd }
    var currentIndex: Int { base.currentIndex }

    mutating func decodeNil() throws -> Bool { try base.decodeNil() }
    mutating func decode(_ type: Bool.Type) throws -> Bool { try base.decode(type) }
    mutating func decode(_ type: String.Type) throws -> String { try base.decode(type) }
    mutating func decode(_ type: Double.Type) throws -> Double { try base.decode(type) }
    mutating func decode(_ type: Float.Type) throws -> Float { try base.decode(type) }
    mutating func decode(_ type: Int.Type) throws -> Int { try base.decode(type) }
    mutating func decode(_ type: Int8.Type) throws -> Int8 { try base.decode(type) }
    mutating func decode(_ type: Int16.Type) throws -> Int16 { try base.decode(type) }
    mutating func decode(_ type: Int32.Type) throws -> Int32 { try base.decode(type) }
    mutating func decode(_ type: Int64.Type) throws -> Int64 { try base.decode(type) }
    mutating func decode(_ type: UInt.Type) throws -> UInt { try base.decode(type) }
    mutating func decode(_ type: UInt8.Type) throws -> UInt8 { try base.decode(type) }
    mutating func decode(_ type: UInt16.Type) throws -> UInt16 { try base.decode(type) }
    mutating func decode(_ type: UInt32.Type) throws -> UInt32 { try base.decode(type) }
    mutating func decode(_ type: UInt64.Type) throws -> UInt64 { try base.decode(type) }

    mutating func decode<Value: Decodable>(_ type: Value.Type) throws -> Value {
        guard !isLeaf(type), !base.isAtEnd else { return try base.decode(type) }
        return try TrackingDecoder(base: try base.superDecoder(), tracker: tracker).decodeValue(type)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        try TrackingDecoder(base: try base.superDecoder(), tracker: tracker).container(keyedBy: type)
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        TrackingUnkeyedContainer(base: try base.nestedUnkeyedContainer(), tracker: tracker)
    }

    mutating func superDecoder() throws -> any Decoder {
        TrackingDecoder(base: try base.superDecoder(), tracker: tracker)
    }
}

private struct TrackingSingleValueContainer: SingleValueDecodingContainer {
    let base: any SingleValueDecodingContainer
    let decoder: TrackingDecoder

    var codingPath: [any CodingKey] { base.codingPath }

    func decodeNil() -> Bool { base.decodeNil() }
    func decode(_ type: Bool.Type) throws -> Bool { try base.decode(type) }
    func decode(_ type: String.Type) throws -> String { try base.decode(type) }
    func decode(_ type: Double.Type) throws -> Double { try base.decode(type) }
    func decode(_ type: Float.Type) throws -> Float { try base.decode(type) }
    func decode(_ type: Int.Type) throws -> Int { try base.decode(type) }
    func decode(_ type: Int8.Type) throws -> Int8 { try base.decode(type) }
    func decode(_ type: Int16.Type) throws -> Int16 { try base.decode(type) }
    func decode(_ type: Int32.Type) throws -> Int32 { try base.decode(type) }
    func decode(_ type: Int64.Type) throws -> Int64 { try base.decode(type) }
    func decode(_ type: UInt.Type) throws -> UInt { try base.decode(type) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try base.decode(type) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try base.decode(type) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try base.decode(type) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try base.decode(type) }

    func decode<Value: Decodable>(_ type: Value.Type) throws -> Value {
        try decoder.decodeValue(type)
    }
}
