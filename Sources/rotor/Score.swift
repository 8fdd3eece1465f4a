import ArgumentParser
import Foundation
import RotorCore
import RotorFormats

struct Score: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Score a roster and explain every penalty.",
        discussion: "Exits 0 when the roster breaks no hard rule, 1 when it does, 2 on bad input.")

    @Argument(help: "The problem: a Curtois & Qu benchmark file (.txt).")
    var instance: String

    @Argument(help: "The roster: CSV with the header employee,0,1,…,H-1 and one row per staff member.")
    var roster: String

    @Flag(help: "Print the score and its breakdown as JSON.") var json = false

    func run() throws {
        let (loaded, schedule) = try reportingInputErrors { () throws -> (LoadedProblem, Schedule) in
            let loaded = try LoadedProblem(path: instance)
            do {
                return (loaded, try RosterCSV.read(try readText(roster), problem: loaded.compiled, fileName: roster))
            } catch let error as FormatError {
                throw InputError(description: error.description)
            }
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

/// The plain-text explanation of a score: hard violations one by one, then the soft penalty by rule,
/// by staff member and by day.
enum Explanation {
    static func text(_ e: Evaluation, problem p: CompiledProblem) -> String {
        var out = "objective \(e.score.soft)"
        out += e.score.isFeasible ? ", feasible (no hard rule broken)\n" : ", INFEASIBLE: hard penalty \(e.score.hard)\n"
        let hard = e.hardViolations
        if !hard.isEmpty {
            out += "\nhard violations (\(hard.count)):\n"
            for v in hard { out += "  [\(v.rule.rawValue)] \(v.message)\n" }
        }
        let byRule = e.softByRule
        if !byRule.isEmpty {
            out += "\nsoft penalty by rule:\n"
            for (rule, penalty) in byRule { out += "  \(rule.rawValue.padding(toLength: 20, withPad: " ", startingAt: 0)) \(penalty)\n" }
        }
        let byStaff = e.softByStaff(staffCount: p.staffCount).enumerated().filter { $0.element > 0 }
        if !byStaff.isEmpty {
            out += "\nsoft penalty by staff member (requests):\n"
            for (i, penalty) in byStaff { out += "  \(p.staffName(i).padding(toLength: 8, withPad: " ", startingAt: 0)) \(penalty)\n" }
        }
        let byDay = e.softByDay(days: p.days).enumerated().filter { $0.element > 0 }
        if !byDay.isEmpty {
            out += "\nsoft penalty by day:\n"
            for (d, penalty) in byDay { out += "  day \(String(d).padding(toLength: 4, withPad: " ", startingAt: 0)) \(penalty)\n" }
        }
        let soft = e.violations.filter { !$0.hard }
        if !soft.isEmpty {
            out += "\nsoft penalties (\(soft.count)):\n"
            for v in soft { out += "  [\(v.rule.rawValue)] \(v.message): \(v.penalty)\n" }
        }
        return out
    }
}
