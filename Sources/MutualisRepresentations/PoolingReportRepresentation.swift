import MutualisDomain
import MutualisStore

/// The funders' pooling report as the API answers and the CLI prints it: JSON, or CSV with
/// one figure per row (`section, id, name, metric, value`) so that any spreadsheet reads it.
public struct PoolingReportRepresentation: Encodable, Sendable {
    public struct ResourceFigures: Encodable, Sendable {
        public var resourceId: String
        public var name: String
        public var kind: String
        public var units: Int
        public var bookings: Int
        public var bookedHours: Double
        public var availableHours: Double
        /// Hours of recorded actual use (timesheets), null where none was recorded.
        @NullEncoded public var recordedHours: Double?
        /// Recorded hours where there are any, booked hours otherwise: what utilisation counts.
        public var usedHours: Double
        @NullEncoded public var utilisationPercent: Double?
        public var membersServed: Int
        /// Unit-hours counted from cancellations too late to be free.
        public var lateCancellationHours: Double
        /// Unit-hours of confirmed bookings nobody came to.
        public var noShowHours: Double
        /// The members' commitments pro rata of the period against the volume used; null
        /// without commitments.
        @NullEncoded public var commitment: CommitmentFigures?
    }

    /// Committed against used volume on one resource, in one unit.
    public struct CommitmentFigures: Encodable, Sendable {
        /// `hours`, `km` or `uses`.
        public var unit: String
        public var committed: Double
        public var used: Double
    }

    public struct StaffFigures: Encodable, Sendable {
        public var resourceId: String
        public var name: String
        public var bookedHours: Double
        @NullEncoded public var recordedHours: Double?
        public var hours: Double
        public var fte: Double
    }

    public struct StaffTotal: Encodable, Sendable {
        public var hoursPerFte: Double
        public var fte: Double
        public var resources: [StaffFigures]
    }

    public struct CostFigures: Encodable, Sendable {
        public var category: String
        public var pooledCents: Int
        public var allocatedCents: Int
        public var unallocatedCents: Int
        public var notFinalizedCents: Int
        public var creditedCents: Int
    }

    public struct CostTotal: Encodable, Sendable {
        public var pooledCents: Int
        public var allocatedCents: Int
        public var unallocatedCents: Int
        public var notFinalizedCents: Int
        public var creditedCents: Int
        public var byCategory: [CostFigures]
    }

    public struct MemberCount: Encodable, Sendable {
        public var legalForm: String
        public var count: Int
    }

    public struct MemberFigures: Encodable, Sendable {
        public var active: Int
        public var served: Int
        public var byLegalForm: [MemberCount]
    }

    public var from: String
    public var to: String
    public var currency: String
    public var resources: [ResourceFigures]
    public var staff: StaffTotal
    public var costs: CostTotal
    public var members: MemberFigures

    public init(_ report: PoolingReport) {
        from = report.period.start.description
        to = report.period.end.description
        currency = report.currency
        resources = report.resources.map {
            ResourceFigures(
                resourceId: $0.resource.id.description, name: $0.resource.name, kind: $0.resource.kind.rawValue,
                units: $0.resource.units, bookings: $0.bookings, bookedHours: Self.round($0.bookedHours, 2),
                availableHours: Self.round($0.availableHours, 2), recordedHours: $0.recordedHours.map { Self.round($0, 2) },
                usedHours: Self.round($0.usedHours, 2), utilisationPercent: $0.utilisationPercent.map { Self.round($0, 1) },
                membersServed: $0.membersServed, lateCancellationHours: Self.round($0.lateCancellationHours, 2),
                noShowHours: Self.round($0.noShowHours, 2),
                commitment: $0.commitment.map {
                    CommitmentFigures(unit: $0.unit.rawValue, committed: Self.round($0.committed, 2), used: Self.round($0.used, 2))
                }
            )
        }
        staff = StaffTotal(
            hoursPerFte: FullTimeEquivalent.hoursPerYear, fte: Self.round(report.staffFullTimeEquivalent, 3),
            resources: report.staff.map {
                StaffFigures(
                    resourceId: $0.resource.id.description, name: $0.resource.name, bookedHours: Self.round($0.bookedHours, 2),
                    recordedHours: $0.recordedHours.map { Self.round($0, 2) }, hours: Self.round($0.hours, 2),
                    fte: Self.round($0.fullTimeEquivalent, 3)
                )
            }
        )
        let categories = report.costs.map {
            CostFigures(
                category: $0.category.rawValue, pooledCents: $0.pooledCents, allocatedCents: $0.allocatedCents,
                unallocatedCents: $0.unallocatedCents, notFinalizedCents: $0.notFinalizedCents, creditedCents: $0.creditedCents
            )
        }
        costs = CostTotal(
            pooledCents: categories.reduce(0) { $0 + $1.pooledCents }, allocatedCents: categories.reduce(0) { $0 + $1.allocatedCents },
            unallocatedCents: categories.reduce(0) { $0 + $1.unallocatedCents },
            notFinalizedCents: categories.reduce(0) { $0 + $1.notFinalizedCents },
            creditedCents: categories.reduce(0) { $0 + $1.creditedCents }, byCategory: categories
        )
        members = MemberFigures(
            active: report.activeMembers, served: report.membersServed,
            byLegalForm: report.membersByLegalForm.map { MemberCount(legalForm: $0.legalForm.rawValue, count: $0.count) }
        )
    }

    private static func round(_ value: Double, _ decimals: Int) -> Double {
        let scale = (0..<decimals).reduce(1.0) { value, _ in value * 10 }
        return (value * scale).rounded() / scale
    }

    /// The CSV columns.
    public static let csvHeader: [CSVCell] = ["section", "id", "name", "metric", "value"]

    /// The same columns named for a French spreadsheet.
    public static let frenchCSVHeader: [CSVCell] = ["rubrique", "id", "nom", "mesure", "valeur"]

    /// The report as CSV of `dialect`: a header row; money in euros with two decimals, hours
    /// with two, percentages with one, FTE with three.
    public func csv(dialect: CSVDialect = .rfc4180) throws -> String {
        var rows: [[CSVCell]] = [
            dialect == .french ? Self.frenchCSVHeader : Self.csvHeader, ["period", "", "", "from", .date(from)],
            ["period", "", "", "to", .date(to)], ["period", "", "", "currency", .text(currency)],
        ]
        for resource in resources {
            func row(_ metric: String, _ value: CSVCell) -> [CSVCell] {
                ["resource", .text(resource.resourceId), .text(resource.name), .text(metric), value]
            }
            rows += [
                row("kind", .text(resource.kind)), row("units", .integer(resource.units)), row("bookings", .integer(resource.bookings)),
                row("bookedHours", .fixed(resource.bookedHours, decimals: 2)),
                row("availableHours", .fixed(resource.availableHours, decimals: 2)),
                row("recordedHours", resource.recordedHours.map { .fixed($0, decimals: 2) } ?? ""),
                row("usedHours", .fixed(resource.usedHours, decimals: 2)),
                row("utilisationPercent", resource.utilisationPercent.map { .fixed($0, decimals: 1) } ?? ""),
                row("membersServed", .integer(resource.membersServed)),
                row("lateCancellationHours", .fixed(resource.lateCancellationHours, decimals: 2)),
                row("noShowHours", .fixed(resource.noShowHours, decimals: 2)),
            ]
            if let commitment = resource.commitment {
                rows += [
                    row("committedVolume", .fixed(commitment.committed, decimals: 2)), row("committedUnit", .text(commitment.unit)),
                    row("usedVolume", .fixed(commitment.used, decimals: 2)),
                ]
            }
        }
        for person in staff.resources {
            func row(_ metric: String, _ value: CSVCell) -> [CSVCell] {
                ["staff", .text(person.resourceId), .text(person.name), .text(metric), value]
            }
            rows += [
                row("bookedHours", .fixed(person.bookedHours, decimals: 2)),
                row("recordedHours", person.recordedHours.map { .fixed($0, decimals: 2) } ?? ""),
                row("fte", .fixed(person.fte, decimals: 3)),
            ]
        }
        rows.append(["staff", "total", "", "fte", .fixed(staff.fte, decimals: 3)])
        for category in costs.byCategory {
            func row(_ metric: String, _ cents: Int) -> [CSVCell] { ["cost", .text(category.category), "", .text(metric), .euros(cents)] }
            rows += [
                row("pooled", category.pooledCents), row("allocated", category.allocatedCents),
                row("unallocated", category.unallocatedCents), row("notFinalized", category.notFinalizedCents),
                row("credited", category.creditedCents),
            ]
        }
        rows += [
            ["cost", "total", "", "pooled", .euros(costs.pooledCents)],
            ["cost", "total", "", "allocated", .euros(costs.allocatedCents)],
            ["cost", "total", "", "unallocated", .euros(costs.unallocatedCents)],
        ]
        for count in members.byLegalForm {
            rows.append(["members", .text(count.legalForm), "", "active", .integer(count.count)])
        }
        rows += [
            ["members", "total", "", "active", .integer(members.active)], ["members", "total", "", "served", .integer(members.served)],
        ]
        return try CSVDocument.write(rows, dialect: dialect)
    }
}
