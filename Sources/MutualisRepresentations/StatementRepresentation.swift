import Foundation
import MutualisDomain
import MutualisStore

/// A member's statement for a run: each cost line (cost, rule, basis, share, amount), the
/// credits for resources it contributed, and the net total. JSON for programs, CSV for the
/// accountant.
public struct StatementRepresentation: Encodable, Sendable {
    /// A charge: the member's share of one cost.
    public struct Charge: Encodable, Sendable {
        public var costId: String
        public var label: String
        public var category: String
        @NullEncoded public var resourceId: String?
        public var periodStart: String
        public var periodEnd: String
        public var method: String
        public var basis: Double
        public var basisUnit: String
        /// Under a rule with the commitment floor, `use` or `commitment`: what set the basis.
        @NullEncoded public var basisSetBy: String?
        public var share: Double
        public var amountCents: Int
    }

    /// A booking that counts although nobody used it: a late cancellation (its counted
    /// share) or a no-show (all of it).
    public struct CountedBooking: Encodable, Sendable {
        public var bookingId: String
        public var resourceId: String
        public var start: Date
        public var end: Date
        public var quantity: Int
        /// `late-cancellation` or `no-show`.
        public var kind: String
        public var countedPercent: Int
        /// Unit-hours counted.
        public var countedHours: Double

        public init(_ booking: Booking) {
            bookingId = booking.id.description
            resourceId = booking.resourceID.description
            start = booking.range.start
            end = booking.range.end
            quantity = booking.quantity
            kind = booking.noShow ? "no-show" : "late-cancellation"
            countedPercent = booking.countedShare
            countedHours = booking.countedUnitHours
        }
    }

    /// Money given back for a resource the member contributed.
    public struct CreditLine: Encodable, Sendable {
        public var costId: String
        public var label: String
        public var category: String
        @NullEncoded public var resourceId: String?
        public var amountCents: Int
    }

    public var runId: String
    public var status: String
    public var periodStart: String
    public var periodEnd: String
    public var memberId: String
    public var memberName: String
    public var currency: String
    public var lines: [Charge]
    public var credits: [CreditLine]
    /// Late cancellations and no-shows of the period, counted in the member's use.
    public var countedBookings: [CountedBooking]
    public var chargedCents: Int
    public var creditedCents: Int
    /// What the member pays; negative when it receives.
    public var netCents: Int

    public init(_ statement: MemberStatement) {
        let stored = statement.run
        let domain = stored.run.statement(for: statement.member.id)
        runId = stored.run.id.description
        status = stored.run.status.rawValue
        periodStart = stored.run.period.start.description
        periodEnd = stored.run.period.end.description
        memberId = statement.member.id.description
        memberName = statement.member.name
        currency = statement.currency
        lines = domain.lines.compactMap { line in
            guard let shared = stored.cost(line.costID) else { return nil }
            return Charge(
                costId: line.costID.description, label: shared.cost.label, category: shared.cost.category.rawValue,
                resourceId: shared.cost.resourceID?.description, periodStart: shared.cost.period.start.description,
                periodEnd: shared.cost.period.end.description, method: shared.rule.method.rawValue, basis: line.basis,
                basisUnit: shared.basisUnit, basisSetBy: line.basisSetBy?.rawValue, share: line.share, amountCents: line.amountCents
            )
        }
        credits = domain.credits.compactMap { credit in
            guard let shared = stored.cost(credit.costID) else { return nil }
            return CreditLine(
                costId: credit.costID.description, label: shared.cost.label, category: shared.cost.category.rawValue,
                resourceId: shared.cost.resourceID?.description, amountCents: credit.amountCents
            )
        }
        countedBookings = statement.countedBookings.map(CountedBooking.init)
        chargedCents = domain.chargedCents
        creditedCents = domain.creditedCents
        netCents = domain.netCents
    }

    static func basisSetBy(_ source: String?, french: Bool) -> String {
        guard french, let source else { return source ?? "" }
        return source == BasisSource.commitment.rawValue ? "engagement" : "usage"
    }

    /// The CSV columns: a row per charge, per credit (negative), and the net total last.
    public static let csvHeader: [CSVCell] = [
        "type", "costId", "label", "category", "resourceId", "periodStart", "periodEnd", "method", "basis", "basisUnit",
        "basisSetBy", "sharePercent", "amount",
    ]

    /// The same columns named for a French spreadsheet.
    public static let frenchCSVHeader: [CSVCell] = [
        "type", "id du coût", "libellé", "catégorie", "id de la ressource", "début", "fin", "méthode", "base", "unité de base",
        "base fixée par", "part (%)", "montant (€)",
    ]

    /// The statement as CSV of `dialect`: a header row, a row per charge and per credit
    /// (negative), the net last; amounts in euros with two decimals.
    public func csv(dialect: CSVDialect = .rfc4180) throws -> String {
        let french = dialect == .french
        var rows = [french ? Self.frenchCSVHeader : Self.csvHeader]
        for line in lines {
            rows.append([
                french ? "part" : "charge", .text(line.costId), .text(line.label), .text(line.category), .text(line.resourceId ?? ""),
                .date(line.periodStart), .date(line.periodEnd), .text(line.method), .fixed(line.basis, decimals: 4),
                .text(line.basisUnit), .text(Self.basisSetBy(line.basisSetBy, french: french)), .fixed(line.share * 100, decimals: 4),
                .euros(line.amountCents),
            ])
        }
        // Time counted without use, as such: the basis is the hours counted, no amount of its own.
        for counted in countedBookings {
            let kind =
                french ? (counted.kind == "no-show" ? "absence" : "annulation tardive") : counted.kind
            rows.append([
                .text(kind), .text(counted.bookingId), .text("\(counted.countedPercent) %"), "", .text(counted.resourceId),
                .text(RFC3339.format(counted.start)), .text(RFC3339.format(counted.end)), "", .fixed(counted.countedHours, decimals: 4),
                french ? "heures" : "hours", "", "", "",
            ])
        }
        for credit in credits {
            rows.append([
                french ? "reversement" : "credit", .text(credit.costId), .text(credit.label), .text(credit.category),
                .text(credit.resourceId ?? ""), "", "", "", "", "", "", "", .euros(-credit.amountCents),
            ])
        }
        rows.append([
            "total", "", .text(french ? "solde de \(memberName)" : "net of \(memberName)"), "", "", .date(periodStart), .date(periodEnd),
            "", "", "", "", "", .euros(netCents),
        ])
        return try CSVDocument.write(rows, dialect: dialect)
    }
}
