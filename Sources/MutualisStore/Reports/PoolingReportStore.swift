import Foundation
import MutualisDomain
import PostgresClient

/// Builds the funders' pooling report from the database; every sum is made in SQL.
public struct PoolingReportStore: Sendable {
    let database: MutualisDatabase

    public init(database: MutualisDatabase) {
        self.database = database
    }

    /// The report for a period of the pole's calendar.
    public func report(pole: PoleID, period: DatePeriod) async throws -> PoolingReport {
        if let problem = period.lengthProblem(field: "to") { throw StoreError.invalid([problem]) }
        // Ten statements, one snapshot: the figures agree with each other.
        return try await database.withSnapshot { connection in
            let record = try PoleStore.get(pole, connection)
            let zone = try record.zone()
            let range = zone.range(of: period)
            let resources = try connection.query(
                "SELECT \(sql: ResourceStore.columns) FROM resources r WHERE r.pole_id = \(pole) ORDER BY r.name, r.id"
            ).rows.map { try ResourceStore.resource($0, pole: pole) }

            var booked: [ResourceID: (count: Int, hours: Double)] = [:]
            for row in try connection.query(
                """
                SELECT b.resource_id, count(*),
                       sum(b.quantity * extract(epoch FROM upper(b.during * tstzrange(\(range.start), \(range.end), '[)'))
                                                      - lower(b.during * tstzrange(\(range.start), \(range.end), '[)'))))::float8 / 3600
                FROM bookings b
                WHERE b.pole_id = \(pole) AND b.status = 'confirmed' AND b.during && tstzrange(\(range.start), \(range.end), '[)')
                GROUP BY b.resource_id
                """
            ).rows {
                let (resource, count, hours) = try row.decode((ResourceID, Int, Double).self)
                booked[resource] = (count, hours)
            }
            var lateHours: [ResourceID: (late: Double, noShow: Double)] = [:]
            for row in try connection.query(
                """
                SELECT b.resource_id,
                       coalesce(sum(b.quantity * b.counted_percent * extract(epoch FROM upper(b.during * tstzrange(\(range.start), \(range.end), '[)'))
                                    - lower(b.during * tstzrange(\(range.start), \(range.end), '[)')))) FILTER (WHERE b.status = 'cancelled'), 0)::float8 / 360000,
                       coalesce(sum(b.quantity * extract(epoch FROM upper(b.during * tstzrange(\(range.start), \(range.end), '[)'))
                                    - lower(b.during * tstzrange(\(range.start), \(range.end), '[)')))) FILTER (WHERE b.no_show), 0)::float8 / 3600
                FROM bookings b
                WHERE b.pole_id = \(pole) AND ((b.status = 'cancelled' AND b.counted_percent > 0) OR b.no_show)
                  AND b.during && tstzrange(\(range.start), \(range.end), '[)')
                GROUP BY b.resource_id
                """
            ).rows {
                let (resource, late, noShow) = try row.decode((ResourceID, Double, Double).self)
                lateHours[resource] = (late, noShow)
            }
            // Recorded use by resource and unit: a shared employee's hours, a van's km.
            var recorded: [ResourceID: [UsageRecord.Unit: Double]] = [:]
            for row in try connection.query(
                """
                SELECT resource_id, unit, sum(quantity_thousandths)::float8 / 1000 FROM usage_records
                WHERE pole_id = \(pole) AND lower(during) >= \(range.start) AND lower(during) < \(range.end)
                GROUP BY resource_id, unit
                """
            ).rows {
                let (resource, unit, quantity) = try row.decode((ResourceID, UsageRecord.Unit, Double).self)
                recorded[resource, default: [:]][unit] = quantity
            }
            let recordedHours = recorded.compactMapValues { $0[.hours] }
            let floor = CommitmentFloor(period: period)
            var committed: [ResourceID: (unit: UsageRecord.Unit, volume: Double)] = [:]
            for commitment in try CommitmentStore.inForce(resources: resources.map(\.id), over: period, connection) {
                let volume = floor.committed([
                    CommittedVolume(memberID: commitment.memberID, perYear: commitment.volumeThousandths, term: commitment.term)
                ])
                let thousandths = Double(volume) / Double(floor.scale)
                committed[commitment.resourceID, default: (commitment.unit, 0)].volume += thousandths / 1_000
            }
            // Members served: by bookings or by recorded use; per resource, then overall.
            var served: [ResourceID: Int] = [:]
            var servedOverall = 0
            for row in try connection.query(
                """
                WITH used AS (
                    SELECT resource_id, member_id FROM bookings
                    WHERE pole_id = \(pole) AND status = 'confirmed' AND during && tstzrange(\(range.start), \(range.end), '[)')
                    UNION
                    SELECT resource_id, member_id FROM usage_records
                    WHERE pole_id = \(pole) AND lower(during) >= \(range.start) AND lower(during) < \(range.end))
                SELECT resource_id, count(DISTINCT member_id) FROM used GROUP BY ROLLUP (resource_id)
                """
            ).rows {
                let (resource, count) = try row.decode((ResourceID?, Int).self)
                if let resource { served[resource] = count } else { servedOverall = count }
            }
            let costs = try connection.query(
                """
                SELECT c.category, sum(c.amount_cents)::bigint,
                       coalesce(sum(c.amount_cents - rc.unallocated_cents) FILTER (WHERE rc.cost_id IS NOT NULL), 0)::bigint,
                       coalesce(sum(rc.unallocated_cents), 0)::bigint,
                       coalesce(sum(c.amount_cents) FILTER (WHERE rc.cost_id IS NULL), 0)::bigint,
                       coalesce(sum(c.amount_cents) FILTER (WHERE rc.credit_member_id IS NOT NULL), 0)::bigint
                FROM costs c LEFT JOIN allocation_run_costs rc ON rc.cost_id = c.id AND rc.finalized
                WHERE c.pole_id = \(pole) AND c.period_start >= \(period.start) AND c.period_end <= \(period.end)
                GROUP BY c.category ORDER BY c.category::text
                """
            ).rows.map { row in
                let (category, pooled, allocated, unallocated, pending, credited) = try row.decode(
                    (Cost.Category, Int, Int, Int, Int, Int).self)
                return PoolingReport.CostCategory(
                    category: category, pooledCents: pooled, allocatedCents: allocated, unallocatedCents: unallocated,
                    notFinalizedCents: pending, creditedCents: credited
                )
            }
            let costsByKind = try connection.query(
                """
                SELECT r.kind, sum(c.amount_cents)::bigint FROM costs c LEFT JOIN resources r ON r.id = c.resource_id
                WHERE c.pole_id = \(pole) AND c.period_start >= \(period.start) AND c.period_end <= \(period.end)
                GROUP BY r.kind ORDER BY r.kind::text NULLS LAST
                """
            ).rows.map { row in
                let (kind, pooled) = try row.decode((Resource.Kind?, Int).self)
                return (kind: kind, pooledCents: pooled)
            }
            let members = try connection.query(
                """
                SELECT legal_form, count(*) FROM members
                WHERE pole_id = \(pole) AND joined_on < \(period.end) AND (left_on IS NULL OR left_on >= \(period.start))
                GROUP BY legal_form ORDER BY legal_form::text
                """
            ).rows.map { row in
                let (form, count) = try row.decode((LegalForm, Int).self)
                return (legalForm: form, count: count)
            }

            let uses = resources.map { resource in
                var use = PoolingReport.ResourceUse(
                    resource: resource, bookings: booked[resource.id]?.count ?? 0, bookedHours: booked[resource.id]?.hours ?? 0,
                    availableHours: Double(AllocationBases.capacity(of: resource, over: range, in: zone)) / 3_600_000,
                    membersServed: served[resource.id] ?? 0, recordedHours: recordedHours[resource.id],
                    lateCancellationHours: lateHours[resource.id]?.late ?? 0, noShowHours: lateHours[resource.id]?.noShow ?? 0
                )
                if let (unit, volume) = committed[resource.id] {
                    let used = unit == .hours ? use.usedHours : recorded[resource.id]?[unit] ?? 0
                    use.commitment = PoolingReport.CommittedAgainstUsed(unit: unit, committed: volume, used: used)
                }
                return use
            }
            let staff = uses.filter { $0.resource.kind == .staff }.map { use in
                let recorded = recordedHours[use.resource.id]
                return PoolingReport.StaffTime(
                    resource: use.resource, bookedHours: use.bookedHours, recordedHours: recorded,
                    fullTimeEquivalent: FullTimeEquivalent.of(hours: recorded ?? use.bookedHours, over: period)
                )
            }
            return PoolingReport(
                period: period, currency: record.currency, resources: uses, staff: staff, costs: costs, costsByKind: costsByKind,
                membersByLegalForm: members, membersServed: servedOverall
            )
        }
    }
}
