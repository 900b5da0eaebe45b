/// A territorial economic cooperation pole: the members of one territory who pool resources.
public struct Pole: Hashable, Sendable, Codable {
    public var id: PoleID
    public var name: String
    /// Where its wall-clock rules are read.
    public var timeZone: String
    /// ISO 4217 code of its money; amounts are integer minor units (cents).
    public var currency: String
    /// The period whose pooling figures the pole has made public, if any.
    public var publication: DatePeriod?

    public init(
        id: PoleID, name: String, timeZone: String = "Europe/Paris", currency: String = "EUR", publication: DatePeriod? = nil
    ) {
        self.id = id
        self.name = name
        self.timeZone = timeZone
        self.currency = currency
        self.publication = publication
    }
}
