import Foundation
import MutualisDomain
import MutualisStore

/// The figures of a pooling report that anyone may read: by kind of resource and by legal
/// form, never a person's name nor a member's amount. The coordinator's report and the public
/// page both show them.
struct PoolingFigures: Sendable {
    struct KindRow: Sendable {
        var kind: String
        var usedHours: String
        var availableHours: String
        var utilisation: String
        var pooled: String
    }

    struct FormRow: Sendable {
        var form: String
        var count: String
    }

    var period: String
    var kinds: [KindRow]
    var forms: [FormRow]
    var pooled: String
    var activeMembers: String
    var membersServed: String
    var fte: String
    var utilisationChart: String
    var costChart: String
    var formChart: String

    init(_ report: PoolingReport) {
        period = Sentences.period(report.period)
        let kinds: [Resource.Kind] = [.equipment, .premises, .staff]
        var kindRows: [KindRow] = []
        var utilisationBars: [BarChart.Bar] = []
        var costBars: [BarChart.Bar] = []
        for kind in kinds {
            let uses = report.resources.filter { $0.resource.kind == kind }
            let used = uses.reduce(0) { $0 + $1.usedHours }
            let available = uses.reduce(0) { $0 + $1.availableHours }
            let pooled = report.costsByKind.first { $0.kind == kind }?.pooledCents ?? 0
            guard !uses.isEmpty || pooled > 0 else { continue }
            let percent = available > 0 ? used / available * 100 : nil
            let percentText = percent.map { "\(FrenchFormat.decimal($0, places: 1))\(FrenchFormat.narrowNoBreakSpace)%" } ?? "—"
            kindRows.append(
                KindRow(
                    kind: Sentences.kinds(kind), usedHours: FrenchFormat.decimal(used, places: 1),
                    availableHours: FrenchFormat.decimal(available, places: 1), utilisation: percentText,
                    pooled: FrenchFormat.money(cents: pooled)))
            utilisationBars.append(.init(label: Sentences.kinds(kind), value: percent ?? 0, valueText: percentText))
        }
        for entry in report.costsByKind where entry.pooledCents > 0 {
            costBars.append(
                .init(
                    label: Sentences.kinds(entry.kind), value: Double(entry.pooledCents),
                    valueText: FrenchFormat.money(cents: entry.pooledCents)))
        }
        if let common = report.costsByKind.first(where: { $0.kind == nil }), common.pooledCents > 0 {
            kindRows.append(
                KindRow(
                    kind: Sentences.kinds(nil), usedHours: "—", availableHours: "—", utilisation: "—",
                    pooled: FrenchFormat.money(cents: common.pooledCents)))
        }
        self.kinds = kindRows
        forms = report.membersByLegalForm.map { FormRow(form: Sentences.legalForms($0.legalForm), count: String($0.count)) }
        pooled = FrenchFormat.money(cents: report.costs.reduce(0) { $0 + $1.pooledCents })
        activeMembers = FrenchFormat.count(report.activeMembers, "membre actif", "membres actifs")
        membersServed = FrenchFormat.count(report.membersServed, "membre servi", "membres servis")
        fte = "\(FrenchFormat.decimal(report.staffFullTimeEquivalent, places: 2)) ETP"
        utilisationChart =
            BarChart(
                id: "graphique-occupation", title: "Taux d’occupation par type de ressource, \(period)",
                description: "Heures utilisées sur heures disponibles : "
                    + kindRows.filter { $0.utilisation != "—" }.map { "\($0.kind) \($0.utilisation)" }.joined(separator: ", ") + ".",
                bars: utilisationBars, scale: 100
            ).svg
        costChart =
            BarChart(
                id: "graphique-couts", title: "Coûts mutualisés par type de ressource, \(period)",
                description: costBars.map { "\($0.label) \($0.valueText)" }.joined(separator: ", ") + ".", bars: costBars, scale: nil
            ).svg
        formChart =
            BarChart(
                id: "graphique-membres", title: "Membres actifs par forme juridique, \(period)",
                description: report.membersByLegalForm.map { "\(Sentences.legalForms($0.legalForm)) \($0.count)" }.joined(separator: ", ")
                    + ".",
                bars: report.membersByLegalForm.map {
                    .init(label: Sentences.legalForms($0.legalForm), value: Double($0.count), valueText: String($0.count))
                }, scale: nil
            ).svg
    }
}
