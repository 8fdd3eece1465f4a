import Foundation
import RotorCore

/// The question a planner asks of a roster (`rotor recommend`, `POST /api/problems/{id}/recommend`):
/// who could take a post on a date, or who could swap a date with someone.
package enum RecommendationQuestion: Equatable, Sendable {
    case cover(day: Int, value: Int)
    case swap(staff: Int, day: Int)
    case replace(staff: Int, day: Int)

    /// Reads the question from its parts as the CLI's options and the API's query give them: a date
    /// (`YYYY-MM-DD`, inside the horizon) and exactly one of a post (as the roster names it:
    /// `SHIFT`, `SHIFT@SITE`, `SHIFT@SITE/SKILL`) or a staff ID to swap with. The error says which
    /// part is wrong and what was expected; `names` gives each part's name as the caller spells it.
    package static func parse(date: String?, post: String?, swapWith: String?, replace: String? = nil, problem p: CompiledProblem,
                              names: (date: String, post: String, swapWith: String, replace: String)) throws(RecommendationQuestionError) -> RecommendationQuestion {
        guard let date else { throw .init("\(names.date) is missing: give the date as YYYY-MM-DD") }
        guard let day = LocalDate(date) else { throw .init("\(names.date) \"\(date)\" is not a date: expected YYYY-MM-DD") }
        let d = day.days(since: p.problem.horizon.start)
        guard (0..<p.days).contains(d) else {
            throw .init("\(names.date) \(date) lies outside the horizon, \(p.date(0)) to \(p.date(p.days - 1))")
        }
        func staff(_ id: String, _ name: String) throws(RecommendationQuestionError) -> Int {
            guard let e = p.staffIndex[id] else {
                throw .init("\(name) \"\(id)\" is not a staff ID of the problem; it has \(list(p.problem.staff.map(\.id)))")
            }
            return e
        }
        switch (post, swapWith, replace) {
        case (let post?, nil, nil):
            guard let v = (1..<p.valueCount).first(where: { p.valueName($0) == post }) else {
                throw .init("\(names.post) \"\(post)\" is not a post of the problem; it has \(list((1..<p.valueCount).map(p.valueName)))")
            }
            return .cover(day: d, value: v)
        case (nil, let id?, nil):
            return .swap(staff: try staff(id, names.swapWith), day: d)
        case (nil, nil, let id?):
            return .replace(staff: try staff(id, names.replace), day: d)
        default:
            throw .init("give exactly one of \(names.post) (who could take this post), \(names.swapWith) (who could swap the day with this person) and \(names.replace) (who could take over this person's shift)")
        }
    }

    private static func list(_ names: [String]) -> String {
        names.count > 12 ? names.prefix(12).joined(separator: ", ") + ", … (\(names.count) in all)" : names.joined(separator: ", ")
    }
}

/// Why a question could not be read.
package struct RecommendationQuestionError: Error, CustomStringConvertible {
    package var description: String
    init(_ description: String) { self.description = description }
}

extension Recommender {
    /// The ranking that answers `question`, its first `explaining` explained (0: all).
    package func answer(_ question: RecommendationQuestion, explaining: Int) -> [Recommendation] {
        var list: [Recommendation]
        switch question {
        case .cover(let day, let value): list = cover(day: day, value: value)
        case .swap(let staff, let day): list = swaps(staff: staff, day: day)
        case .replace(let staff, let day): list = replacements(staff: staff, day: day)
        }
        explain(&list, count: explaining)
        return list
    }
}

/// Recommendations as JSON (the API's answer and `rotor recommend --json`): the question, the roster's
/// score, and the people best first, each with the cells it changes, the change in score and the
/// sentences of what it breaks or costs and what it relieves.
package enum RecommendationJSON {
    struct Document: Codable {
        var date: String
        /// The post to fill (a cover question), the person to swap with (a swap question) or the
        /// person whose shift is to be taken over (a replace question).
        var post: String?
        var swapWith: String?
        var replace: String?
        var hardPenalty: Int
        var objective: Int
        /// People who could make the change; `shown` of them are listed, best first.
        var candidates: Int
        var recommendations: [Item]
    }
    struct Item: Codable {
        var staff: String
        var changes: [Change]
        /// The change in hard penalty and in objective.
        var hard: Int
        var soft: Int
        var costs: [Penalty]
        var relieves: [Penalty]
        /// What the team's fairness goals add to the objective.
        var fairness: Int
    }
    struct Change: Codable {
        var staff: String
        var date: String
        var from: String?
        var to: String?
    }
    struct Penalty: Codable {
        var rule: String
        var hard: Bool
        var penalty: Int
        var message: String
    }

    /// `limit` people at most (0: all).
    package static func write(_ question: RecommendationQuestion, _ list: [Recommendation], score: Score,
                              problem p: CompiledProblem, limit: Int) -> String {
        let post = { (v: Int) -> String? in v == 0 ? nil : p.valueName(v) }
        let penalty = { (v: Violation) in Penalty(rule: v.rule.rawValue, hard: v.hard, penalty: v.penalty, message: v.message) }
        let day: Int
        var document = Document(date: "", hardPenalty: score.hard, objective: score.soft, candidates: list.count, recommendations: [])
        switch question {
        case .cover(let d, let v): day = d; document.post = p.valueName(v)
        case .swap(let e, let d): day = d; document.swapWith = p.staffName(e)
        case .replace(let e, let d): day = d; document.replace = p.staffName(e)
        }
        document.date = p.date(day).description
        document.recommendations = (limit > 0 ? Array(list.prefix(limit)) : list).map { r in
            Item(staff: p.staffName(r.staff),
                 changes: r.changes.map { Change(staff: p.staffName($0.staff), date: p.date($0.day).description, from: post($0.from), to: post($0.to)) },
                 hard: r.change.hard, soft: r.change.soft, costs: r.costs.map(penalty), relieves: r.relieves.map(penalty),
                 fairness: r.fairnessChange)
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        // Encoding plain strings, integers and optionals cannot fail.
        let data = (try? encoder.encode(document)) ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// The same as plain text for a terminal: one line per person, then indented what it costs (+)
    /// and relieves (−).
    package static func text(_ question: RecommendationQuestion, _ list: [Recommendation], score: Score,
                             problem p: CompiledProblem, limit: Int) -> String {
        let name = { (v: Int) -> String in v == 0 ? "off" : p.valueName(v) }
        var out: String
        switch question {
        case .cover(let d, let v):
            out = "Who could work \(p.valueName(v)) on \(p.dayName(d)): \(list.count) \(list.count == 1 ? "person" : "people")"
        case .swap(let e, let d):
            out = "Who could swap \(p.dayName(d)) with \(p.staffName(e)): \(list.count) \(list.count == 1 ? "person" : "people")"
        case .replace(let e, let d):
            out = "Who could take over \(p.staffName(e))'s shift on \(p.dayName(d)): \(list.count) \(list.count == 1 ? "person" : "people")"
        }
        out += "; the roster scores \(score.soft)\(score.hard > 0 ? " with hard penalty \(score.hard)" : "")\n"
        let shown = limit > 0 ? Array(list.prefix(limit)) : list
        for (i, r) in shown.enumerated() {
            let signed = { (x: Int) in x >= 0 ? "+\(x)" : "\(x)" }
            let moves = r.changes.map { "\(p.staffName($0.staff)) \(name($0.from)) → \(name($0.to))" }.joined(separator: ", ")
            out += "\(i + 1). \(p.staffName(r.staff)): \(signed(r.change.hard)) hard, \(signed(r.change.soft)) soft — \(moves)\n"
            for v in r.costs { out += "     + \(v.message): \(v.penalty)\(v.hard ? " hard" : "")\n" }
            for v in r.relieves { out += "     − \(v.message): \(v.penalty)\(v.hard ? " hard" : "")\n" }
            if r.fairnessChange != 0 { out += "     \(r.fairnessChange > 0 ? "+" : "−") fairness goals: \(abs(r.fairnessChange))\n" }
        }
        if shown.count < list.count { out += "… and \(list.count - shown.count) more (--limit 0 lists everyone)\n" }
        return out
    }
}
