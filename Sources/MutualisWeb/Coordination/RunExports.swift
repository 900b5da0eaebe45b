import Foundation
import Hummingbird
import MutualisDomain
import MutualisRepresentations
import MutualisStore
import ZIPFoundation

/// Every statement of a finalised run in one printable document.
struct PrintableStatementsPage: Sendable {
    struct Item: Sendable {
        var index: Int
        var memberName: String
        var period: String
        var charges: [StatementPage.Charge]
        var credits: [StatementPage.Credit]
        var hasCredits: Bool
        var counted: [String]
        var hasCounted: Bool
        var charged: String
        var credited: String
        var net: String
    }

    var frame: Frame
    var period: String
    var back: String
    var statements: [Item]
}

extension Website {
    func addRunExportRoutes<Context: WebRequestContext>(to router: RouterGroup<Context>) {
        router.get("/cloture/:runId/releves.zip") { request, context -> Response in
            guard let run = try await coordinatorRun(context), run.run.status == .finalized else { return notFound(context) }
            let dialect = Forms.dialect(request)
            let statements = try await memberStatements(run, context)
            let archive = try Archive(accessMode: .create)
            var used: Set<String> = []
            for statement in statements {
                var name = FileName.statement(run.run.period, member: statement.member.name)
                // Two members whose names fold to the same letters keep a file each.
                if used.contains(name) {
                    name = name.replacingOccurrences(of: ".csv", with: "-\(statement.member.id.description.prefix(8)).csv")
                }
                used.insert(name)
                let data = Data(try StatementRepresentation(statement).csv(dialect: dialect).utf8)
                try archive.addEntry(
                    with: name, type: .file, uncompressedSize: Int64(data.count), modificationDate: run.finalizedAt ?? Date(),
                    compressionMethod: .deflate
                ) { position, size in
                    data.subdata(in: Int(position)..<Int(position) + size)
                }
            }
            return .download(
                archive.data ?? Data(), filename: FileName.marked("releves-\(FileName.period(run.run.period)).zip", dialect),
                contentType: "application/zip")
        }
        router.get("/cloture/:runId/imprimer") { _, context -> Response in
            guard let run = try await coordinatorRun(context), run.run.status == .finalized else { return notFound(context) }
            let period = Sentences.period(run.run.period)
            let names = try await resourceNames(context.webSession!)
            let items = try await memberStatements(run, context).enumerated().map { index, statement in
                let page = statementPage(statement, context, names: names)
                return PrintableStatementsPage.Item(
                    index: index + 1, memberName: page.memberName, period: page.period, charges: page.charges, credits: page.credits,
                    hasCredits: page.hasCredits, counted: page.counted, hasCounted: page.hasCounted, charged: page.charged,
                    credited: page.credited, net: page.net)
            }
            return renderer.page(
                .relevesImprimables,
                PrintableStatementsPage(
                    frame: coordinationFrame(context, "Relevés de \(period)", section: "/coordination/cloture"), period: period,
                    back: "/coordination/cloture/\(run.run.id)", statements: items))
        }
    }

    /// The statement of every member the run charges or credits, by member name.
    private func memberStatements(_ run: StoredAllocationRun, _ context: some WebRequestContext) async throws -> [MemberStatement] {
        try await runs.statements(pole: context.webSession!.principal.poleID, run.run.id)
            .sorted { $0.member.name.localizedStandardCompare($1.member.name) == .orderedAscending }
    }
}
