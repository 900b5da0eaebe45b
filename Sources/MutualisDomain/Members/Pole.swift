/// A territorial economic cooperation pole: the members of one territory who pool resources.
public struct Pole: Hashable, Sendable, Codable {
    public var id: PoleID
    public var name: String
    /// Where its wall-clock rules are read.
    public var timeZone: String
    /// ISO 4217 code of its money; amounts are integer minor units (cents).
    public var currency: String

    public init(id: PoleID, name: String, timeZone: String = "Europe/Paris", currency: String = "EUR") {
        self.id = id
        self.name = name
        self.timeZone = timeZone
        self.currency = currency
    }
}
