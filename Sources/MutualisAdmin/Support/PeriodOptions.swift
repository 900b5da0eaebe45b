import ArgumentParser
import MutualisDomain

/// `--from` and `--to`: a period of days, the end exclusive, checked before anything runs.
struct PeriodOptions: ParsableArguments {
    @Option(help: ArgumentHelp("First day of the period, YYYY-MM-DD.", valueName: "yyyy-mm-dd")) var from: LocalDate
    @Option(help: ArgumentHelp("Day after the last of the period, YYYY-MM-DD.", valueName: "yyyy-mm-dd")) var to: LocalDate

    func validate() throws {
        guard to > from else { throw ValidationError("--to must be after --from") }
    }

    /// The days from `--from` up to `--to`.
    var period: DatePeriod { DatePeriod(start: from, end: to)! }
}
