import Foundation
import Hummingbird
import MutualisDomain
import MutualisStore

/// A run as the coordinator reviews it: per member, per cost, the check that every cost is
/// shared to the cent, what the last recompute changed; once final, the statements.
struct RunPage: Sendable {
    struct MemberRow: Sendable {
        var name: String
        var charged: String
        var credited: String
        var net: String
        var statement: String
    }

    struct CostRow: Sendable {
        var label: String
        var scope: String
        var category: String
        var amount: String
        var rule: String
        var basis: String
        var allocated: String
        var unallocated: String
        var why: String
    }

    struct Change: Sendable {
        var text: String
    }

    var frame: Frame
    var csrf: String
    var id: String
    var period: String
    var isDraft: Bool
    var computed: String
    var finalized: String?
    var total: String
    var allocated: String
    var unallocated: String
    var credited: String
    var balanced: Bool
    var unbalanced: [String]
    var members: [MemberRow]
    var costs: [CostRow]
    var hasChanges: Bool
    var changesSince: String?
    var changes: [Change]
    var zip: String
    var zipScripts: String
    var printable: String
    var history: [String]
}

/// The review before finalising: what the act does, and that it cannot be undone.
struct FinalizePage: Sendable {
    var frame: Frame
    var csrf: String
    var id: String
    var version: Int
    var period: String
    var total: String
    var allocated: String
    var unallocated: String
    var memberCount: String
    var balanced: Bool
    var error: String?
}

/// The finalisation form: its token, and the version of the draft that was reviewed.
struct FinalizeForm: TokenCarrying {
    var csrf: String?
    var version: Int?
}

extension Website {
    func addRunRoutes<Context: WebRequestContext>(to router: RouterGroup<Context>) {
        router.get("/cloture/:runId") { request, context -> Response in
            guard let run = try await coordinatorRun(context) else { return notFound(context) }
            let status: String? =
                if request.uri.queryParameters.get("finalisee") != nil {
                    "La répartition est finalisée : les relevés sont visibles des membres."
                } else if request.uri.queryParameters.get("recalculee") != nil {
                    "Le brouillon est recalculé avec les coûts et les réservations d’aujourd’hui."
                } else { nil }
            return renderer.page(.repartition, try await runPage(run, context, status: status))
        }
        router.post("/cloture/:runId/recalculer") { request, context -> Response in
            let session = context.webSession!
            guard try await Forms.signed(TokenForm.self, from: request, session: session) != nil
            else { return Refusal.expiredForm.page(renderer, context) }
            guard let run = try await coordinatorRun(context) else { return notFound(context) }
            do {
                _ = try await runs.recompute(pole: session.principal.poleID, run.run.id, actor: session.principal.actor)
            } catch StoreError.conflict {
                return runRefusal(
                    context, "Cette répartition est finalisée : elle ne change plus. Une correction se fait par une nouvelle répartition.")
            } catch StoreError.invalid(let fields) {
                return runRefusal(
                    context,
                    "Le brouillon n’a pas pu être recalculé : un coût ne peut pas être partagé par sa règle (détail : \(fields.first?.message ?? "règle inapplicable"))."
                )
            }
            return .redirect(to: "/coordination/cloture/\(run.run.id)?recalculee=1")
        }
        router.get("/cloture/:runId/finaliser") { _, context -> Response in
            guard let run = try await coordinatorRun(context) else { return notFound(context) }
            guard run.run.status == .draft else { return .redirect(to: "/coordination/cloture/\(run.run.id)") }
            return renderer.page(.finaliser, finalizePage(run, context, error: nil))
        }
        router.post("/cloture/:runId/finaliser") { request, context -> Response in
            let session = context.webSession!
            guard let form = try await Forms.signed(FinalizeForm.self, from: request, session: session)
            else { return Refusal.expiredForm.page(renderer, context) }
            guard let run = try await coordinatorRun(context) else { return notFound(context) }
            guard run.run.allocations.allSatisfy(\.isBalanced) else {
                return renderer.page(
                    .finaliser,
                    finalizePage(
                        run, context, error: "Un coût n’est pas partagé au centime près : la répartition ne peut pas être finalisée."),
                    status: .conflict)
            }
            do {
                _ = try await runs.finalize(
                    pole: session.principal.poleID, run.run.id, version: form.version ?? -1, actor: session.principal.actor)
            } catch StoreError.conflict(_, let field) {
                let latest = try await runs.get(pole: session.principal.poleID, run.run.id)
                if latest.run.status == .finalized { return .redirect(to: "/coordination/cloture/\(run.run.id)?finalisee=1") }
                let sentence =
                    field == "version"
                    ? "Le brouillon a été recalculé depuis que vous l’avez vérifié. Vérifiez les montants ci-dessous, puis confirmez à nouveau."
                    : "Un coût de cette répartition est déjà partagé par une autre répartition finalisée. Recalculez le brouillon : il ne le reprendra pas."
                return renderer.page(.finaliser, finalizePage(latest, context, error: sentence), status: .conflict)
            }
            return .redirect(to: "/coordination/cloture/\(run.run.id)?finalisee=1")
        }
    }

    /// The run of the path, in the coordinator's pole; nil when there is none.
    func coordinatorRun(_ context: some WebRequestContext) async throws -> StoredAllocationRun? {
        guard let id = context.parameters.get("runId").flatMap(AllocationRunID.init) else { return nil }
        do {
            return try await runs.get(pole: context.webSession!.principal.poleID, id)
        } catch StoreError.notFound {
            return nil
        }
    }

    private func runRefusal(_ context: some WebRequestContext, _ message: String) -> Response {
        renderer.page(
            .erreur,
            ErrorPage(
                frame: coordinationFrame(context, "Action impossible", section: "/coordination/cloture"),
                heading: "Action impossible", message: message),
            status: .conflict)
    }

    private func runPage(_ stored: StoredAllocationRun, _ context: some WebRequestContext, status: String?) async throws -> RunPage {
        let session = context.webSession!
        let zone = session.timeZone
        let members = Dictionary(uniqueKeysWithValues: try await self.members.all(pole: session.principal.poleID).map { ($0.id, $0) })
        let resourceNames = try await resourceNames(session)
        let run = stored.run
        let period = Sentences.period(run.period)
        var memberRows: [(String, RunPage.MemberRow)] = []
        let charges = run.charges
        var credits: [MemberID: Int] = [:]
        for credit in run.allocations.compactMap(\.credit) { credits[credit.memberID, default: 0] += credit.amountCents }
        for id in Set(charges.keys).union(credits.keys) {
            let name = members[id]?.name ?? "Membre retiré"
            let charged = charges[id] ?? 0
            let credited = credits[id] ?? 0
            memberRows.append(
                (
                    name,
                    RunPage.MemberRow(
                        name: name, charged: FrenchFormat.money(cents: charged), credited: FrenchFormat.money(cents: credited),
                        net: FrenchFormat.money(cents: charged - credited), statement: "/releves/\(run.id)?membre=\(id)")
                ))
        }
        let costRows = zip(stored.costs, run.allocations).map { shared, allocation in
            let totalBasis = allocation.lines.reduce(0) { $0 + $1.basis }
            return RunPage.CostRow(
                label: shared.cost.label,
                scope: shared.cost.resourceID.map { resourceNames[$0] ?? "Ressource" } ?? "Tout le pôle",
                category: Sentences.category(shared.cost.category), amount: FrenchFormat.money(cents: shared.cost.amountCents),
                rule: Sentences.allocation(shared.rule),
                basis: allocation.lines.isEmpty
                    ? "aucune base"
                    : "\(FrenchFormat.decimal(totalBasis, places: 2)) \(Sentences.basisUnit(shared.basisUnit)) entre \(FrenchFormat.count(allocation.lines.filter { $0.amountCents > 0 }.count, "membre", "membres"))",
                allocated: FrenchFormat.money(cents: allocation.allocatedCents),
                unallocated: FrenchFormat.money(cents: allocation.unallocatedCents),
                why: Sentences.unallocated(allocation, rule: shared.rule))
        }
        let unbalanced = zip(stored.costs, run.allocations).filter { !$1.isBalanced }.map { $0.0.cost.label }
        var changes: [RunPage.Change] = []
        if let delta = stored.changes {
            let labels = Dictionary(uniqueKeysWithValues: stored.costs.map { ($0.cost.id, $0.cost.label) })
            for cost in delta.costs {
                switch (cost.beforeCents, cost.afterCents) {
                case (nil, let after?):
                    changes.append(.init(text: "Coût ajouté : \(labels[cost.costID] ?? "coût") (\(FrenchFormat.money(cents: after)))."))
                case (let before?, nil):
                    changes.append(.init(text: "Coût retiré de la période : \(FrenchFormat.money(cents: before))."))
                case (let before?, let after?):
                    changes.append(
                        .init(
                            text:
                                "Coût modifié : \(labels[cost.costID] ?? "coût"), de \(FrenchFormat.money(cents: before)) à \(FrenchFormat.money(cents: after))."
                        ))
                case (nil, nil): break
                }
            }
            for charge in delta.charges {
                let sign = charge.differenceCents > 0 ? "+" : ""
                changes.append(
                    .init(
                        text:
                            "\(members[charge.memberID]?.name ?? "Membre retiré") : \(FrenchFormat.money(cents: charge.beforeCents)) → \(FrenchFormat.money(cents: charge.afterCents)) (\(sign)\(FrenchFormat.money(cents: charge.differenceCents)))."
                    ))
            }
        }
        return RunPage(
            frame: coordinationFrame(context, "Répartition de \(period)", section: "/coordination/cloture", status: status),
            csrf: session.csrfToken, id: run.id.description, period: period.capitalizedFirst, isDraft: run.status == .draft,
            computed: FrenchFormat.moment(stored.computedAt, in: zone),
            finalized: stored.finalizedAt.map { FrenchFormat.moment($0, in: zone) },
            total: FrenchFormat.money(cents: stored.totalCents), allocated: FrenchFormat.money(cents: run.allocatedCents),
            unallocated: FrenchFormat.money(cents: run.unallocatedCents),
            credited: FrenchFormat.money(cents: credits.values.reduce(0, +)), balanced: unbalanced.isEmpty, unbalanced: unbalanced,
            members: memberRows.sorted { $0.0.localizedStandardCompare($1.0) == .orderedAscending }.map(\.1), costs: costRows,
            hasChanges: stored.previous != nil, changesSince: stored.previous.map { FrenchFormat.moment($0.computedAt, in: zone) },
            changes: changes, zip: "/coordination/cloture/\(run.id)/releves.zip",
            zipScripts: "/coordination/cloture/\(run.id)/releves.zip?format=rfc4180",
            printable: "/coordination/cloture/\(run.id)/imprimer",
            history: try await runs.history(pole: session.principal.poleID, run.id).map { event in
                let what =
                    switch event.action {
                    case .create: "Brouillon calculé"
                    case .recompute: "Brouillon recalculé"
                    case .finalize: "Répartition finalisée"
                    case .other: "Modifiée"
                    }
                let who = event.actor == "admin-cli" ? "l’outil d’administration" : event.actor
                return "\(what) le \(FrenchFormat.moment(event.at, in: zone)), par \(who)."
            })
    }

    private func finalizePage(_ stored: StoredAllocationRun, _ context: some WebRequestContext, error: String?) -> FinalizePage {
        let session = context.webSession!
        let period = Sentences.period(stored.run.period)
        return FinalizePage(
            frame: coordinationFrame(context, "Finaliser la répartition de \(period)", section: "/coordination/cloture"),
            csrf: session.csrfToken, id: stored.run.id.description, version: stored.version, period: period,
            total: FrenchFormat.money(cents: stored.totalCents),
            allocated: FrenchFormat.money(cents: stored.run.allocatedCents),
            unallocated: FrenchFormat.money(cents: stored.run.unallocatedCents),
            memberCount: FrenchFormat.count(Set(stored.run.lines.filter { $0.amountCents > 0 }.map(\.memberID)).count, "membre", "membres"),
            balanced: stored.run.allocations.allSatisfy(\.isBalanced), error: error)
    }
}
