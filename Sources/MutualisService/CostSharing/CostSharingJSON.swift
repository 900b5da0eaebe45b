import Foundation
import Hummingbird
import MutualisDomain
import MutualisRepresentations
import MutualisStore

extension CostRepresentation: ResponseEncodable {}
extension UsageRepresentation: ResponseEncodable {}
extension AllocationRuleRepresentation: ResponseEncodable {}
extension AllocationRunRepresentation: ResponseEncodable {}
extension AllocationRunSummaryRepresentation: ResponseEncodable {}
extension StatementRepresentation: ResponseEncodable {}
extension PoolingReportRepresentation: ResponseEncodable {}

/// The body of `POST /usage`.
struct UsageBody: Decodable, Sendable {
    var resourceId: ResourceID
    var memberId: MemberID
    var start: Date
    var end: Date
    /// Optional for hours: the time between start and end.
    var quantity: Double?
    var unit: UsageRecord.Unit
    var note: String?
}

/// The body of `POST /costs`.
struct CostBody: Decodable, Sendable {
    var resourceId: ResourceID?
    var periodStart: LocalDate
    var periodEnd: LocalDate
    var amountCents: Int
    var category: Cost.Category
    var label: String
    var rule: AllocationRule?
}

/// The body of `PUT /resources/{id}/allocation-rule`: the rule, and the day it applies from.
struct AllocationRuleBody: Decodable, Sendable {
    var rule: AllocationRule
    var effectiveFrom: LocalDate?

    enum CodingKeys: String, CodingKey { case effectiveFrom }

    init(from decoder: any Decoder) throws {
        rule = try AllocationRule(from: decoder)
        effectiveFrom = try decoder.container(keyedBy: CodingKeys.self).decodeIfPresent(LocalDate.self, forKey: .effectiveFrom)
    }
}

/// The body of `POST /allocation-runs`.
struct AllocationRunBody: Decodable, Sendable {
    var periodStart: LocalDate
    var periodEnd: LocalDate
}
