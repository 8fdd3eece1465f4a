import Foundation
import RotorCore

/// A proven bound on the objective as Rotor's JSON documents give it beside an objective: `bound` (no
/// roster that keeps the hard rules scores below it), `gap` (how far at most the scored roster is from
/// the best possible, (objective − bound) / max(objective, 1); 0 when it is proved optimal) and
/// `boundRelaxes` (the rules the bound leaves out, empty when it models every rule). All nil without
/// a bound; the gap also without a roster's score or while that roster breaks a hard rule.
///
/// Every document that carries a bound takes its fields from here. How it writes nil is the
/// document's, as the docs give it: a roster file (`RosterJSON`, the API's roster) leaves the keys
/// out, the API's jobs and events write null.
public struct BoundFields: Equatable, Sendable {
    public var bound: Int?
    public var gap: Double?
    public var boundRelaxes: [String]?

    public init(_ bound: ObjectiveBound?, best: Score?) {
        self.bound = bound?.value
        gap = best.flatMap { bound?.gap($0) }
        boundRelaxes = bound?.relaxed
    }
}

/// A roster as JSON: the assignments by staff ID and day, and the score with its breakdown by rule,
/// staff member and day, and every violation with its explanation.
public enum RosterJSON {
    struct Document: Codable {
        var instance: String
        var objective: Int
        /// A proven lower bound on the objective, the gap to it, and what the bound leaves out
        /// (`BoundFields`); left out when the roster comes without a bound, the gap also while the
        /// roster breaks a hard rule.
        var bound: Int?
        var gap: Double?
        var boundRelaxes: [String]?
        var hardPenalty: Int
        var feasible: Bool
        var days: Int
        var roster: [StaffRow]
        var breakdown: Breakdown
    }
    struct StaffRow: Codable {
        var staff: String
        var shifts: [String?]
    }
    struct Breakdown: Codable {
        var softByRule: [String: Int]
        var softByStaff: [String: Int]
        var softByDay: [Int]
        var violations: [Item]
    }
    struct Item: Codable {
        var rule: String
        var hard: Bool
        var staff: String?
        var day: Int?
        var days: Int
        var post: String?
        var amount: Int
        var penalty: Int
        var message: String
    }

    public static func write(_ schedule: Schedule, problem compiled: CompiledProblem, evaluation: Evaluation,
                             bound: ObjectiveBound? = nil) -> String {
        let problem = compiled.problem
        let postName = { (v: Int?) -> String? in v.flatMap { $0 == 0 ? nil : compiled.valueName($0) } }
        let byStaff = evaluation.softByStaff(staffCount: compiled.staffCount)
        let bounds = BoundFields(bound, best: evaluation.score)
        let document = Document(
            instance: problem.name,
            objective: evaluation.score.soft,
            bound: bounds.bound,
            gap: bounds.gap,
            boundRelaxes: bounds.boundRelaxes,
            hardPenalty: evaluation.score.hard,
            feasible: evaluation.score.isFeasible,
            days: compiled.days,
            roster: (0..<compiled.staffCount).map { e in
                StaffRow(staff: compiled.staffName(e), shifts: (0..<compiled.days).map { postName(Int(schedule[staff: e, day: $0])) })
            },
            breakdown: Breakdown(
                softByRule: Dictionary(uniqueKeysWithValues: evaluation.softByRule.map { ($0.rule.rawValue, $0.penalty) }),
                softByStaff: Dictionary(uniqueKeysWithValues: zip(problem.staff, byStaff).filter { $1 > 0 }.map { ($0.id, $1) }),
                softByDay: evaluation.softByDay(days: compiled.days),
                violations: evaluation.violations.map {
                    Item(rule: $0.rule.rawValue, hard: $0.hard, staff: $0.staff.map { problem.staff[$0].id },
                         day: $0.day, days: $0.dayCount, post: postName($0.value), amount: $0.amount,
                         penalty: $0.penalty, message: $0.message)
                }))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        // Encoding plain strings, integers and optionals cannot fail.
        let data = (try? encoder.encode(document)) ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// Reads the assignments back from a roster JSON file (as written by `write`, perhaps edited by a
    /// planner); the score and breakdown in the file are ignored, since they are recomputed.
    public static func read(_ text: String, problem p: CompiledProblem, fileName: String) throws(FormatError) -> Schedule {
        struct Assignments: Decodable { var roster: [StaffRow] }
        let document: Assignments
        do {
            document = try JSONDecoder().decode(Assignments.self, from: Data(text.utf8))
        } catch {
            throw FormatError(file: fileName, line: nil, message: "expected a roster JSON object with \"roster\": [{\"staff\": …, \"shifts\": [post or null, …]}] (\(describe(error)))")
        }
        let values = Dictionary((1..<p.valueCount).map { (p.valueName($0), $0) }, uniquingKeysWith: { first, _ in first })
        var schedule = Schedule(staffCount: p.staffCount, days: p.days)
        var seen = Set<Int>()
        for (i, row) in document.roster.enumerated() {
            guard let e = p.staffIndex[row.staff] else {
                throw FormatError(file: fileName, line: nil, message: "$.roster[\(i)].staff: staff member \"\(row.staff)\" is not in the problem")
            }
            guard seen.insert(e).inserted else {
                throw FormatError(file: fileName, line: nil, message: "$.roster[\(i)].staff: a second row for \"\(row.staff)\"")
            }
            guard row.shifts.count == p.days else {
                throw FormatError(file: fileName, line: nil, message: "$.roster[\(i)].shifts: expected \(p.days) days, found \(row.shifts.count)")
            }
            for (d, name) in row.shifts.enumerated() {
                guard let name else { continue }
                guard let v = values[name] else {
                    throw FormatError(file: fileName, line: nil, message: "$.roster[\(i)].shifts[\(d)]: \(p.unknownPostReason(name))")
                }
                schedule[staff: e, day: d] = UInt8(v)
            }
        }
        let missing = (0..<p.staffCount).filter { !seen.contains($0) }.map(p.staffName)
        if !missing.isEmpty {
            throw FormatError(file: fileName, line: nil, message: "$.roster: no row for \(listForMessage(missing))")
        }
        return schedule
    }

    private static func describe(_ error: Error) -> String {
        switch error {
        case DecodingError.dataCorrupted(let context), DecodingError.keyNotFound(_, let context),
             DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
            let path = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
            return "at $\(path): \(context.debugDescription)"
        default:
            return "\(error)"
        }
    }
}
