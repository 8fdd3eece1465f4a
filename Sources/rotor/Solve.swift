import ArgumentParser
import Foundation
import RotorCore
import RotorFormats

struct Solve: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Solve a problem and write the roster.",
        discussion: "Without --out the roster is printed as CSV on standard output and the summary goes to standard error.")

    @Argument(help: "The problem: a problem document (.json, .yaml; see docs/model.md) or a Curtois & Qu benchmark file (.txt).")
    var instance: String

    @Option(help: "A staff list (CSV: id,name,skills,home_site,deployable_sites,contract,unavailable) replacing the problem's staff.")
    var staff: String?

    @OptionGroup var solver: SolverArguments

    @Option(help: "Write the roster here: .csv (grid of shift IDs) or .json (assignments and score breakdown).")
    var out: String?

    @Option(help: "Also write one roster grid per site into this directory (site-<id>.csv).")
    var siteGrids: String?

    @Option(help: "Also write one iCalendar file per staff member into this directory (<staff>.ics).")
    var calendars: String?

    @Option(help: "Also write the roster as an Excel workbook (.xlsx): a summary sheet and one sheet per site.")
    var workbook: String?

    @Option(help: "Also write a printable roster (.html): one page per site, shifts in colour, a legend.")
    var printable: String?

    @Flag(help: "No progress, only errors.") var quiet = false
    @Flag(help: "Progress once a second even when standard error is not a terminal.") var verbose = false

    func validate() throws {
        if let out, !(out.hasSuffix(".csv") || out.hasSuffix(".json")) {
            throw ValidationError("Please give '--out' a file name ending in .csv or .json, not '\(out)'.")
        }
        if let workbook, !workbook.hasSuffix(".xlsx") {
            throw ValidationError("Please give '--workbook' a file name ending in .xlsx, not '\(workbook)'.")
        }
        if let printable, !(printable.hasSuffix(".html") || printable.hasSuffix(".htm")) {
            throw ValidationError("Please give '--printable' a file name ending in .html, not '\(printable)'.")
        }
    }

    func run() throws {
        let loaded = try reportingInputErrors { try LoadedProblem(path: instance, staffCSV: staff) }
        let progress = ProgressLine(quiet: quiet, verbose: verbose)
        let result = try Solver(problem: loaded.compiled, options: solver.options).solve { progress.update($0) }
        progress.finish()
        let evaluation = Evaluation(loaded.compiled, result.schedule)
        guard evaluation.score == result.status.best else {
            // An internal error, not bad input: say so rather than write a roster with a wrong score.
            printError("internal error: the solver reported \(result.status.best) but the roster scores \(evaluation.score) from scratch")
            throw ExitCode(70)
        }
        let s = result.status
        let summary = String(format: "%@: objective %d, %@; %@; %.1f s, best after %.1f s, %@ moves (%@ moves/s)",
                             loaded.problem.name, evaluation.score.soft,
                             evaluation.score.isFeasible ? "feasible" : "INFEASIBLE (hard penalty \(evaluation.score.hard))",
                             describeBound(s.bound, evaluation.score),
                             s.elapsed.seconds, s.timeToBest.seconds, formatRate(Double(s.moves)), formatRate(s.movesPerSecond))
        try reportingInputErrors {
            if let out {
                let text = out.hasSuffix(".json")
                    ? RosterJSON.write(result.schedule, problem: loaded.compiled, evaluation: evaluation, bound: s.bound)
                    : RosterCSV.write(result.schedule, problem: loaded.compiled)
                try writeFile(text, to: out)
                try writeExports(result.schedule, loaded, Exports(siteGrids: siteGrids, calendars: calendars, workbook: workbook, printable: printable), evaluation: evaluation)
                if !quiet { print(summary) }
            } else {
                print(RosterCSV.write(result.schedule, problem: loaded.compiled), terminator: "")
                try writeExports(result.schedule, loaded, Exports(siteGrids: siteGrids, calendars: calendars, workbook: workbook, printable: printable), evaluation: evaluation)
                if !quiet { printError(summary) }
            }
        }
    }
}

/// The bound and gap for a summary line: "optimal (bound 607)", "bound 583, gap 4.0 %", with what
/// a relaxed bound leaves out.
func describeBound(_ bound: ObjectiveBound?, _ score: RotorCore.Score) -> String {
    guard let bound else { return "no bound" }
    let relaxed = bound.relaxed.isEmpty ? "" : " (relaxed: leaves out \(bound.relaxed.joined(separator: ", ")))"
    if bound.proves(score) { return "optimal (bound \(bound.value))\(relaxed)" }
    guard let gap = bound.gap(score) else { return "bound \(bound.value)\(relaxed)" }
    return String(format: "bound %d, gap %.1f %%%@", bound.value, gap * 100, relaxed)
}
