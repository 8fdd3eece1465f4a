import Foundation
import RotorCore
import RotorFormats

/// A roster a planner sends back to be scored: the CSV of `GET …/roster?format=csv`, or the JSON of
/// `GET …/roster` (only its `roster` rows are read; the score and breakdown in it are recomputed).
enum RosterInput {
    static func read(_ text: String, contentType: String?, problem: CompiledProblem) throws(APIError) -> Schedule {
        let mediaType = contentType?.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        let isJSON = mediaType == "application/json"
            || (mediaType != "text/csv" && text.first(where: { !$0.isWhitespace && $0 != "\u{FEFF}" }) == "{")
        if isJSON { return try readJSON(text, problem: problem) }
        do {
            return try RosterCSV.read(text, problem: problem, fileName: "roster.csv")
        } catch {
            throw .badRequest("the roster CSV is not valid: \(error)")
        }
    }

    private struct Document: Decodable {
        var roster: [Row]
    }

    private struct Row: Decodable {
        var staff: String
        var shifts: [String?]
    }

    private static func readJSON(_ text: String, problem p: CompiledProblem) throws(APIError) -> Schedule {
        let document: Document
        do {
            document = try JSONDecoder().decode(Document.self, from: Data(text.utf8))
        } catch let DecodingError.keyNotFound(key, context) {
            throw .badRequest("the roster JSON has no \"\(key.stringValue)\" at \(path(context.codingPath)); expected {\"roster\": [{\"staff\": ID, \"shifts\": [post or null, …]}, …]}")
        } catch let DecodingError.typeMismatch(_, context) {
            throw .badRequest("the roster JSON has a value of the wrong type at \(path(context.codingPath)): \(context.debugDescription)")
        } catch let DecodingError.valueNotFound(_, context) {
            throw .badRequest("the roster JSON has null at \(path(context.codingPath)), where a value is needed")
        } catch {
            throw .badRequest("the roster is not valid JSON: \(error)")
        }
        let valueIndex = Dictionary((1..<p.valueCount).map { (p.valueName($0), $0) }, uniquingKeysWith: { first, _ in first })
        var schedule = Schedule(staffCount: p.staffCount, days: p.days)
        var seen: [Int: Int] = [:]  // staff index → row index
        for (r, row) in document.roster.enumerated() {
            guard let e = p.staffIndex[row.staff] else {
                throw .badRequest("roster[\(r)].staff: unknown staff ID \"\(row.staff)\"; the problem has \(list(p.problem.staff.map(\.id)))")
            }
            if let first = seen[e] {
                throw .badRequest("roster[\(r)].staff: a second row for \(row.staff) (the first is roster[\(first)])")
            }
            seen[e] = r
            guard row.shifts.count == p.days else {
                throw .badRequest("roster[\(r)].shifts: \(row.shifts.count) days for \(row.staff), the horizon has \(p.days)")
            }
            for (d, name) in row.shifts.enumerated() {
                guard let name, !name.isEmpty else { continue }
                guard let value = valueIndex[name] else {
                    throw .badRequest("roster[\(r)].shifts[\(d)]: unknown post \"\(name)\"; the problem has \(list((1..<p.valueCount).map(p.valueName)))")
                }
                schedule[staff: e, day: d] = UInt8(value)
            }
        }
        let missing = p.problem.staff.indices.filter { seen[$0] == nil }.map { p.problem.staff[$0].id }
        guard missing.isEmpty else { throw .badRequest("the roster has no row for \(list(missing))") }
        return schedule
    }

    private static func path(_ keys: [any CodingKey]) -> String {
        keys.isEmpty ? "the top level" : keys.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
    }

    private static func list(_ names: [String]) -> String {
        names.count > 10 ? names.prefix(10).joined(separator: ", ") + ", … (\(names.count) in all)" : names.joined(separator: ", ")
    }
}
