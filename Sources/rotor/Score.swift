import ArgumentParser
import Foundation
import RotorCore
import RotorFormats

struct Score: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Score a roster and explain every penalty.",
        discussion: "Exits 0 when the roster breaks no hard rule, 1 when it does, 2 on bad input.",
        aliases: ["explain"])

    @Argument(help: "The problem: a problem document (.json, .yaml) or a Curtois & Qu benchmark file (.txt).")
    var instance: String

    @Option(help: "A staff list (CSV: id,name,skills,home_site,deployable_sites,contract,unavailable) replacing the problem's staff.")
    var staff: String?

    @Argument(help: "The roster: CSV with the header employee,0,1,…,H-1 and one row per staff member, or roster JSON as `rotor solve --out x.json` writes it.")
    var roster: String

    @Flag(help: "Print the score and its breakdown as JSON.") var json = false

    func run() throws {
        let (loaded, schedule) = try reportingInputErrors { () throws -> (LoadedProblem, Schedule) in
            let loaded = try LoadedProblem(path: instance, staffCSV: staff)
            return (loaded, try readRoster(roster, for: loaded))
        }
        let evaluation = Evaluation(loaded.compiled, schedule)
        if json {
            print(RosterJSON.write(schedule, problem: loaded.compiled, evaluation: evaluation))
        } else {
            print(Explanation.text(evaluation, problem: loaded.compiled), terminator: "")
        }
        if !evaluation.score.isFeasible { throw ExitCode(1) }
    }
}

/// The plain-text explanation of a score: hard violations one by one, then the penalty by rule, the
/// soft penalty by staff member (largest first) and by day, then every soft penalty as a sentence.
enum Explanation {
    static func text(_ e: Evaluation, problem p: CompiledProblem) -> String {
        var out = "objective \(e.score.soft)"
        out += e.score.isFeasible ? ", feasible (no hard rule broken)\n" : ", INFEASIBLE: hard penalty \(e.score.hard)\n"
        let hard = e.hardViolations
        if !hard.isEmpty {
            out += "\nhard violations (\(hard.count)):\n"
            for v in hard { out += "  [\(v.rule.rawValue)] \(v.message)\n" }
            out += "\nhard penalty by rule:\n"
            for (rule, penalty) in e.byRule(hard: true) { out += "  \(pad(rule.rawValue, 24)) \(penalty)\n" }
        }
        let byRule = e.softByRule
        if !byRule.isEmpty {
            out += "\nsoft penalty by rule:\n"
            for (rule, penalty) in byRule { out += "  \(pad(rule.rawValue, 24)) \(penalty)\n" }
        }
        let byStaff = e.softByStaff(staffCount: p.staffCount).enumerated().filter { $0.element > 0 }.sorted { $0.element > $1.element }
        if !byStaff.isEmpty {
            out += "\nsoft penalty by staff member (their own rules and requests; cover and fairness are the team's):\n"
            for (i, penalty) in byStaff { out += "  \(pad(p.staffName(i), 12)) \(penalty)\n" }
        }
        let byDay = e.softByDay(days: p.days).enumerated().filter { $0.element > 0 }
        if !byDay.isEmpty {
            out += "\nsoft penalty by day:\n"
            for (d, penalty) in byDay { out += "  \(pad(p.dayName(d), 18)) \(penalty)\n" }
        }
        let soft = e.violations.filter { !$0.hard }
        if !soft.isEmpty {
            out += "\nsoft penalties (\(soft.count)):\n"
            for v in soft { out += "  [\(v.rule.rawValue)] \(v.message): \(v.penalty)\n" }
        }
        return out
    }

    private static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }
}
