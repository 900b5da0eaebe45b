import Foundation
import Hummingbird
import MutualisDomain
import MutualisRepresentations
import MutualisStore

/// `/api/v1/reports`: what the pole publishes for its funders.
struct ReportController {
    let reports: PoolingReportStore

    func addRoutes(to group: RouterGroup<MutualisRequestContext>) {
        group.get("reports/pooling", use: pooling)
    }

    /// The pooling report for `?from=&to=` (dates, end exclusive): JSON, or CSV with
    /// `Accept: text/csv`.
    @Sendable func pooling(_ request: Request, context: MutualisRequestContext) async throws -> Response {
        let caller = try context.coordinator()
        let period = try request.period(from: "from", to: "to")
        let dialect = try request.csvDialect()
        let report = PoolingReportRepresentation(try await reports.report(pole: caller.poleID, period: period))
        if request.wantsCSV {
            return try CSVResponse(text: try report.csv(dialect: dialect), filename: "rapport-mutualisation-\(FileName.period(period)).csv")
                .response(from: request, context: context)
        }
        return try report.response(from: request, context: context)
    }
}
