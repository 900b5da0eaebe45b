import Foundation
import Hummingbird
import MutualisDomain

/// Booking rules as the API reads and writes them; absent means no such rule.
struct RulesJSON: Codable, Sendable {
    struct Hours: Codable, Sendable {
        var opens: String
        var closes: String
    }

    /// Weekday names (`monday`...) to their opening ranges, in the pole's local time.
    var openingHours: [String: [Hours]]?
    var slotMinutes: Int?
    var minDurationMinutes: Int?
    var maxDurationMinutes: Int?
    var minNoticeMinutes: Int?
    var maxHorizonDays: Int?
    var bufferMinutes: Int?
    var approvalRequired: Bool?
    /// The tiers' single deadline: a cancellation later than this counts some of the time.
    /// Given alone, it is one tier counting everything.
    var cancellationDeadlineMinutes: Int?
    /// What a cancellation counts of the booked time, by how late it comes.
    var cancellationTiers: [CancellationTier]?
    /// Unit-hours one member may hold a month.
    var monthlyQuotaHours: Double?

    init(_ rules: ResourceRules) {
        openingHours = rules.openingHours.map { schedule in
            Dictionary(
                uniqueKeysWithValues: schedule.days.map { weekday, hours in
                    (Self.name(weekday), hours.map { Hours(opens: $0.opens.description, closes: $0.closes.description) })
                })
        }
        slotMinutes = rules.slotMinutes
        minDurationMinutes = rules.minDurationMinutes
        maxDurationMinutes = rules.maxDurationMinutes
        minNoticeMinutes = rules.minNoticeMinutes
        maxHorizonDays = rules.maxHorizonDays
        bufferMinutes = rules.bufferMinutes
        approvalRequired = rules.approvalRequired
        cancellationDeadlineMinutes = CancellationTier.deadlineMinutes(rules.cancellationTiers)
        cancellationTiers = rules.cancellationTiers.sorted { $0.withinMinutes > $1.withinMinutes }
        monthlyQuotaHours = rules.monthlyQuotaMinutes.map { Double($0) / 60 }
    }

    /// The rules, or the fields that cannot be read.
    func rules() -> Result<ResourceRules, FieldErrors> {
        var errors: [FieldError] = []
        var schedule: WeeklySchedule?
        if let openingHours {
            var days: [Weekday: [WeeklySchedule.Hours]] = [:]
            for (name, ranges) in openingHours {
                guard let weekday = Weekday.allCases.first(where: { Self.name($0) == name }) else {
                    errors.append(FieldError(field: "rules.openingHours.\(name)", message: "must be a weekday: monday ... sunday"))
                    continue
                }
                for (index, range) in ranges.enumerated() {
                    guard let opens = LocalTime(range.opens), let closes = LocalTime(range.closes) else {
                        errors.append(
                            FieldError(field: "rules.openingHours.\(name).\(index)", message: "times are HH:MM, from 00:00 to 24:00"))
                        continue
                    }
                    days[weekday, default: []].append(.init(opens: opens, closes: closes))
                }
            }
            schedule = WeeklySchedule(days)
        }
        var quota: Int?
        if let monthlyQuotaHours {
            let maximum = Double(InputBounds.maxMonthlyQuotaHours)
            if monthlyQuotaHours > 0, monthlyQuotaHours <= maximum, (monthlyQuotaHours * 60).rounded() == monthlyQuotaHours * 60 {
                quota = Int(monthlyQuotaHours * 60)
            } else {
                errors.append(
                    FieldError(
                        field: "rules.monthlyQuotaHours",
                        message: "must be a number of hours above 0 and at most \(InputBounds.maxMonthlyQuotaHours), to the minute"
                    ))
            }
        }
        var tiers = cancellationTiers ?? []
        if let deadline = cancellationDeadlineMinutes {
            if !(0...InputBounds.maxRuleMinutes).contains(deadline) {
                errors.append(
                    FieldError(field: "rules.cancellationDeadlineMinutes", message: "must be from 0 to \(InputBounds.maxRuleMinutes)"))
            } else if cancellationTiers == nil {
                tiers = [CancellationTier(withinMinutes: deadline, countedPercent: 100)]
            } else if CancellationTier.deadlineMinutes(tiers) != deadline {
                errors.append(
                    FieldError(
                        field: "rules.cancellationDeadlineMinutes",
                        message: "give the tiers, or the single deadline, not both (or the deadline the tiers make)"))
            }
        }
        guard errors.isEmpty else { return .failure(FieldErrors(errors)) }
        return .success(
            ResourceRules(
                openingHours: schedule, slotMinutes: slotMinutes, minDurationMinutes: minDurationMinutes,
                maxDurationMinutes: maxDurationMinutes, minNoticeMinutes: minNoticeMinutes, maxHorizonDays: maxHorizonDays,
                bufferMinutes: bufferMinutes ?? 0, approvalRequired: approvalRequired ?? false,
                cancellationTiers: tiers, monthlyQuotaMinutes: quota
            ))
    }

    static func name(_ weekday: Weekday) -> String {
        String(describing: weekday)
    }
}

/// Several field errors, as one error.
struct FieldErrors: Error {
    var errors: [FieldError]
    init(_ errors: [FieldError]) { self.errors = errors }
}

/// A resource as the API shows it.
struct ResourceJSON: ResponseEncodable, Sendable {
    var id: String
    var name: String
    var kind: String
    var units: Int
    var ownerMemberId: String?
    var rules: RulesJSON

    init(_ resource: Resource) {
        id = resource.id.description
        name = resource.name
        kind = resource.kind.rawValue
        units = resource.units
        ownerMemberId = resource.ownerMemberID?.description
        rules = RulesJSON(resource.rules)
    }
}

/// The body of `POST /resources` and `PATCH /resources/{id}` (where `rules`, when given,
/// replaces the rules whole).
struct ResourceBody: Decodable, Sendable {
    var name: String?
    var kind: String?
    var units: Int?
    var ownerMemberId: Nullable<String>?
    var rules: RulesJSON?

    enum CodingKeys: String, CodingKey {
        case name, kind, units, ownerMemberId, rules
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.decodeIfPresent(String.self, forKey: .name)
        kind = try container.decodeIfPresent(String.self, forKey: .kind)
        units = try container.decodeIfPresent(Int.self, forKey: .units)
        ownerMemberId = try container.nullable(String.self, forKey: .ownerMemberId)
        rules = try container.decodeIfPresent(RulesJSON.self, forKey: .rules)
    }
}
