/// What a late cancellation still counts of the booked time: a cancellation made less than
/// `withinMinutes` before the start counts `countedPercent` of it when costs are shared.
///
/// A resource's tiers read as its members hear them: free until 7 days before, 50 % from
/// 7 days to 48 hours, 100 % after. Of the tiers that apply, the one closest to the start
/// decides.
public struct CancellationTier: Hashable, Sendable, Codable {
    /// Applies to cancellations made less than this many minutes before the start (0: after
    /// the start).
    public var withinMinutes: Int
    /// The share of the booked time counted, 0...100.
    public var countedPercent: Int

    public init(withinMinutes: Int, countedPercent: Int) {
        self.withinMinutes = withinMinutes
        self.countedPercent = countedPercent
    }

    /// The point from which a cancellation is no longer free, in minutes before the start:
    /// the single deadline the tiers replaced. `nil` when every cancellation is free.
    public static func deadlineMinutes(_ tiers: [CancellationTier]) -> Int? {
        tiers.filter { $0.countedPercent > 0 }.map(\.withinMinutes).max()
    }

    /// The most tiers a resource has.
    public static let maxCount = 10

    /// The share counted by a cancellation `secondsLeft` before the start (negative once
    /// started): the tier closest to the start among those that apply, 0 if none does.
    public static func countedPercent(_ tiers: [CancellationTier], secondsLeft: Double) -> Int {
        tiers.filter { secondsLeft < Double($0.withinMinutes) * 60 }.min { $0.withinMinutes < $1.withinMinutes }?.countedPercent ?? 0
    }

    /// Problems with a list of tiers, each naming its field under `field`.
    public static func validationErrors(_ tiers: [CancellationTier], field: String) -> [FieldError] {
        var errors: [FieldError] = []
        if tiers.count > maxCount {
            return [FieldError(field: field, message: "at most \(maxCount) tiers")]
        }
        for (index, tier) in tiers.enumerated() {
            if !(0...InputBounds.maxRuleMinutes).contains(tier.withinMinutes) {
                errors.append(
                    FieldError(field: "\(field).\(index).withinMinutes", message: "must be from 0 to \(InputBounds.maxRuleMinutes)"))
            }
            if !(0...100).contains(tier.countedPercent) {
                errors.append(FieldError(field: "\(field).\(index).countedPercent", message: "must be from 0 to 100"))
            }
        }
        guard errors.isEmpty else { return errors }
        let sorted = tiers.sorted { $0.withinMinutes > $1.withinMinutes }
        for (earlier, later) in zip(sorted, sorted.dropFirst()) {
            if earlier.withinMinutes == later.withinMinutes {
                return [FieldError(field: field, message: "two tiers start \(later.withinMinutes) minutes before")]
            }
            if later.countedPercent < earlier.countedPercent {
                return [
                    FieldError(
                        field: field,
                        message:
                            "a later cancellation never counts less: \(later.withinMinutes) minutes before counts at least \(earlier.countedPercent) %"
                    )
                ]
            }
        }
        return []
    }
}
