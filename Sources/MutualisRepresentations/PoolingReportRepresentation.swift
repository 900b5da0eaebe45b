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
        @NullEncoded public var utilisationPercent: Double?
        public var membersServed: Int
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
                availableHours: Self.round($0.availableHours, 2), utilisationPercent: $0.utilisationPercent.map { Self.round($0, 1) },
                membersServed: $0.membersServed
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
    public static let csvHeader = ["section", "id", "name", "metric", "value"]

    /// The report as CSV: UTF-8, a header row, RFC 4180 quoting; money in euros with two
    /// decimals, hours with two, percentages with one, FTE with three.
    public func csv() throws -> String {
        var rows = [
            Self.csvHeader, ["period", "", "", "from", from], ["period", "", "", "to", to], ["period", "", "", "currency", currency],
        ]
        for resource in resources {
            func row(_ metric: String, _ value: String) -> [String] { ["resource", resource.resourceId, resource.name, metric, value] }
            rows += [
                row("kind", resource.kind), row("units", String(resource.units)), row("bookings", String(resource.bookings)),
                row("bookedHours", DecimalText.fixed(resource.bookedHours, decimals: 2)),
                row("availableHours", DecimalText.fixed(resource.availableHours, decimals: 2)),
                row("utilisationPercent", resource.utilisationPercent.map { DecimalText.fixed($0, decimals: 1) } ?? ""),
                row("membersServed", String(resource.membersServed)),
            ]
        }
        for person in staff.resources {
            func row(_ metric: String, _ value: String) -> [String] { ["staff", person.resourceId, person.name, metric, value] }
            rows += [
                row("bookedHours", DecimalText.fixed(person.bookedHours, decimals: 2)),
                row("recordedHours", person.recordedHours.map { DecimalText.fixed($0, decimals: 2) } ?? ""),
                row("fte", DecimalText.fixed(person.fte, decimals: 3)),
            ]
        }
        rows.append(["staff", "total", "", "fte", DecimalText.fixed(staff.fte, decimals: 3)])
        for category in costs.byCategory {
            func row(_ metric: String, _ cents: Int) -> [String] { ["cost", category.category, "", metric, DecimalText.euros(cents)] }
            rows += [
                row("pooled", category.pooledCents), row("allocated", category.allocatedCents),
                row("unallocated", category.unallocatedCents), row("notFinalized", category.notFinalizedCents),
                row("credited", category.creditedCents),
            ]
        }
        rows += [
            ["cost", "total", "", "pooled", DecimalText.euros(costs.pooledCents)],
            ["cost", "total", "", "allocated", DecimalText.euros(costs.allocatedCents)],
            ["cost", "total", "", "unallocated", DecimalText.euros(costs.unallocatedCents)],
        ]
        for count in members.byLegalForm {
            rows.append(["members", count.legalForm, "", "active", String(count.count)])
        }
        rows += [["members", "total", "", "active", String(members.active)], ["members", "total", "", "served", String(members.served)]]
        return try CSVDocument.write(rows)
    }
}
