import Foundation
import MutualisDomain
import MutualisStore

/// A cost as the API answers and the CLI prints it with `--json`.
public struct CostRepresentation: Encodable, Sendable {
    public var id: String
    @NullEncoded public var resourceId: String?
    public var periodStart: String
    public var periodEnd: String
    public var amountCents: Int
    public var category: String
    public var label: String
    @NullEncoded public var rule: AllocationRule?

    public init(_ cost: Cost) {
        id = cost.id.description
        resourceId = cost.resourceID?.description
        periodStart = cost.period.start.description
        periodEnd = cost.period.end.description
        amountCents = cost.amountCents
        category = cost.category.rawValue
        label = cost.label
        rule = cost.rule
    }
}

/// A resource's dated allocation rule: the rule's own fields, with the day it applies from.
public struct AllocationRuleRepresentation: Encodable, Sendable {
    public var resourceId: String
    /// `nil`: since always.
    public var effectiveFrom: String?
    /// True when the resource has no rule and the default applies.
    public var isDefault: Bool
    public var rule: AllocationRule

    public init(_ dated: DatedAllocationRule) {
        resourceId = dated.resourceID.description
        effectiveFrom = dated.effectiveFrom?.description
        isDefault = dated.isDefault
        rule = dated.rule
    }

    enum CodingKeys: String, CodingKey {
        case resourceId, effectiveFrom
        case isDefault = "default"
    }

    public func encode(to encoder: any Encoder) throws {
        try rule.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(resourceId, forKey: .resourceId)
        try container.encode(effectiveFrom, forKey: .effectiveFrom)
        try container.encode(isDefault, forKey: .isDefault)
    }
}

/// A usage record as the API answers it.
public struct UsageRepresentation: Encodable, Sendable {
    public var id: String
    public var resourceId: String
    public var memberId: String
    public var start: Date
    public var end: Date
    public var quantity: Double
    public var unit: String

    public init(_ record: UsageRecord) {
        id = record.id.description
        resourceId = record.resourceID.description
        memberId = record.memberID.description
        start = record.range.start
        end = record.range.end
        quantity = Double(record.quantityThousandths) / 1_000
        unit = record.unit.rawValue
    }
}
