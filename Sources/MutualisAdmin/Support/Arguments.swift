import ArgumentParser
import Foundation
import MutualisDomain
import MutualisRepresentations

// Values typed on the command line, read by the same rules as the API's: a malformed one is
// a usage error naming its option before anything runs.

extension Identifier: ExpressibleByArgument {
    public init?(argument: String) {
        self.init(argument)
    }
}

extension LocalDate: ExpressibleByArgument {
    public init?(argument: String) {
        self.init(argument)
    }
}

extension PublicURL: ExpressibleByArgument {
    public init?(argument: String) {
        self.init(argument)
    }
}

extension LegalForm: ExpressibleByArgument {}
extension Cost.Category: ExpressibleByArgument {}
extension Resource.Kind: ExpressibleByArgument {}
extension User.Role: ExpressibleByArgument {}
extension CSVDialect: ExpressibleByArgument {}

/// An RFC 3339 instant with an offset, within the accepted years.
struct InstantArgument: ExpressibleByArgument {
    let date: Date

    init?(argument: String) {
        guard let date = RFC3339.parse(argument) else { return nil }
        self.date = date
    }
}

/// An amount in euros as people type it (`1000`, `1000.5`, `1000.50`, `-5`), read exactly
/// into cents; whether it is allowed is the command's `validate()`'s to say.
struct EuroAmount: ExpressibleByArgument {
    let cents: Int

    /// The largest number of whole euros read, far below overflow once in cents.
    static let maximumEuros = InputBounds.maxAmountCents / 100

    init?(argument: String) {
        let negative = argument.hasPrefix("-")
        let parts = argument.dropFirst(negative ? 1 : 0).split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, !parts[0].isEmpty, parts[0].allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        guard let whole = Int(parts[0]), whole <= Self.maximumEuros * 10 else {
            // Beyond any amount: `problem` says so, and no arithmetic is done on it.
            cents = negative ? Int.min : Int.max
            return
        }
        var cents = whole * 100
        if parts.count == 2 {
            let fraction = parts[1]
            guard (1...2).contains(fraction.count), fraction.allSatisfy({ $0.isASCII && $0.isNumber }), let value = Int(fraction) else {
                return nil
            }
            cents += fraction.count == 1 ? value * 10 : value
        }
        self.cents = negative ? -cents : cents
    }

    /// Why the amount cannot be a cost, if it cannot.
    var problem: String? {
        if cents < 0 { return "must not be negative" }
        if cents > InputBounds.maxAmountCents { return "must be at most \(Self.maximumEuros) euros" }
        return nil
    }
}

extension UsageRecord.Unit: ExpressibleByArgument {}

/// A volume a year as people type it (`120`, `120.5`), read exactly into thousandths.
struct VolumeArgument: ExpressibleByArgument {
    let thousandths: Int

    init?(argument: String) {
        guard argument.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }), let value = Double(argument),
            let thousandths = FixedPoint.exact(value, scale: 1_000)
        else { return nil }
        self.thousandths = thousandths
    }
}

/// Cancellation tiers as `MINUTES:PERCENT` pairs, comma-separated (`10080:50,2880:100`:
/// half the time counted within 7 days of the start, all of it within 48 hours), or `none`.
struct CancellationTiersArgument: ExpressibleByArgument {
    let tiers: [CancellationTier]

    init?(argument: String) {
        if argument == "none" {
            tiers = []
            return
        }
        var tiers: [CancellationTier] = []
        for pair in argument.split(separator: ",") {
            let parts = pair.split(separator: ":")
            guard parts.count == 2, parts.allSatisfy({ $0.count <= 6 && $0.allSatisfy { $0.isASCII && $0.isNumber } }),
                let minutes = Int(parts[0]), let percent = Int(parts[1])
            else { return nil }
            tiers.append(CancellationTier(withinMinutes: minutes, countedPercent: percent))
        }
        guard !tiers.isEmpty else { return nil }
        self.tiers = tiers
    }
}
