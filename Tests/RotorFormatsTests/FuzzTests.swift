import Foundation
import RotorCore
import RotorFormats
import Testing

/// Every parser against generated hostile input: mutations of real files (bytes flipped, cut,
/// repeated; hostile tokens spliced in) and of their structure (values replaced by huge, negative,
/// far-away, deeply nested or wrongly typed ones). Each input must be read, or refused with an error
/// that names the file — never a crash, a hang or unbounded memory. `ROTOR_FUZZ_COUNT` sets the
/// inputs per parser (default 10,000); the seed is fixed, so a failure names its reproducer.
@Suite("Fuzzing the parsers")
struct FuzzTests {
    static let count = ProcessInfo.processInfo.environment["ROTOR_FUZZ_COUNT"].flatMap(Int.init) ?? 10_000

    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static func example(_ name: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent("examples/\(name)"), encoding: .utf8)
    }

    /// Reads every input of `parse`, checking each refusal names `file`; memory may not grow by more
    /// than 4 GB over the run. The figure is the whole process's, and the other suites run at once
    /// (the generated 2,000-person problems alone take hundreds of megabytes), so the bound is loose;
    /// an input that expands without limit still passes it within seconds, and `.ci/run`'s 12 GB cap
    /// stops the run if it does not.
    func fuzz(_ seeds: [String], file: String, salt: UInt64, _ parse: (String) throws -> Void) {
        var random = RandomSource(seed: 0xF022 &+ salt)
        let before = residentBytes()
        for i in 0..<Self.count {
            let input = Mutator.mutate(seeds[random.below(seeds.count)], &random)
            do {
                try parse(input)
            } catch {
                let message = "\(error)"
                if !message.contains(file) || message.contains("Swift.") || message.contains("DecodingError") {
                    Issue.record("input \(i) of \(file): an unlocated or internal error: \(message.prefix(300))\ninput: \(input.prefix(300))")
                    return
                }
            }
            if i % 500 == 0, residentBytes() - before > 4 << 30 {
                Issue.record("input \(i) of \(file): memory grew by more than 4 GB")
                return
            }
        }
    }

    @Test func problemDocumentsInJSON() throws {
        let tutorial = try ProblemDocument.parse(try Self.example("tutorial.yaml"), fileName: "tutorial.yaml")
        let seeds = [ProblemDocument.write(tutorial)] + (0..<4).map { Mutator.structural(ProblemDocument.write(tutorial), seed: $0) }
        fuzz(seeds, file: "fuzz.json", salt: 1) { text in
            let problem = try ProblemDocument.parse(text, fileName: "fuzz.json")
            _ = try? CompiledProblem(problem)
        }
    }

    @Test func problemDocumentsInYAML() throws {
        let seeds = [try Self.example("tutorial.yaml"), "a: &a [x, x]\nb: &b [*a, *a]\nc: [*b, *b]\n"]
        fuzz(seeds, file: "fuzz.yaml", salt: 2) { text in
            let problem = try ProblemDocument.parse(text, fileName: "fuzz.yaml")
            _ = try? CompiledProblem(problem)
        }
    }

    @Test func curtoisInstances() throws {
        fuzz([try Self.example("Instance1.txt")], file: "fuzz.txt", salt: 3) { text in
            let problem = try CurtoisFormat.parse(text, fileName: "fuzz.txt")
            _ = try? CompiledProblem(problem.problem)
        }
    }

    @Test func rostersInCSVAndJSON() throws {
        let problem = try CompiledProblem(try ProblemDocument.parse(try Self.example("tutorial.yaml"), fileName: "tutorial.yaml"))
        let csv = try Self.example("tutorial-roster.csv")
        let schedule = try RosterCSV.read(csv, problem: problem, fileName: "tutorial-roster.csv")
        fuzz([csv], file: "fuzz.csv", salt: 4) { text in _ = try RosterCSV.read(text, problem: problem, fileName: "fuzz.csv") }
        let json = RosterJSON.write(schedule, problem: problem, evaluation: Evaluation(problem, schedule))
        fuzz([json], file: "fuzz-roster.json", salt: 5) { text in _ = try RosterJSON.read(text, problem: problem, fileName: "fuzz-roster.json") }
    }

    @Test func staffLists() throws {
        let tutorial = try ProblemDocument.parse(try Self.example("tutorial.yaml"), fileName: "tutorial.yaml")
        let seeds = [try StaffCSV.write(tutorial.staff, fileName: "staff.csv"),
                     "id,name,skills,home_site,deployable_sites,contract,unavailable\nA,\"Smith, Ann\",x;y,north,,c,1900-01-01..2999-12-31\n"]
        fuzz(seeds, file: "fuzz-staff.csv", salt: 6) { text in _ = try StaffCSV.read(text, fileName: "fuzz-staff.csv") }
    }
}

/// The resident memory of this process, from /proc (0 where there is none).
func residentBytes() -> Int {
    guard let statm = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8),
          let pages = statm.split(separator: " ").dropFirst().first.flatMap({ Int($0) }) else { return 0 }
    return pages * 4096
}

/// Generates hostile variants of a text.
enum Mutator {
    /// Tokens that broke parsers somewhere: numbers out of every range, far dates, YAML aliases and
    /// tags, quotes, control characters, formula prefixes, deep nesting.
    static let tokens = [
        "{", "}", "[", "]", "\"", ",", ":", "'", "\n", "\r\n", "\t", "\0", "\\", "\\u0000", "\\ud800", "#", "&a ", "*a", "!!binary ",
        "<<: *a", "- ", "? ", "|", ">", "---", "...", "99999999999999999999999", "-1", "-9223372036854775808", "1e308", "-1e308",
        "NaN", "Infinity", "0x7fffffff", "0o777", "1.5", "\"1900-01-01\"", "\"9999-12-31\"", "\"0001-01-01\"", "\"2027-02-30\"",
        "\"25:61\"", "null", "true", "=cmd|' /C calc'!A0", "@SUM(1)", "\u{FEFF}", "é", "💥", String(repeating: "[", count: 2000),
        String(repeating: "a", count: 5000), "SECTION_HORIZON\n", "SECTION_SHIFTS\n", "D,480,", "|D=999999999", ",,,,,,,,",
    ]

    static func mutate(_ seed: String, _ random: inout RandomSource) -> String {
        var bytes = Array(seed.utf8)
        for _ in 0..<(1 + random.below(4)) {
            let at = bytes.isEmpty ? 0 : random.below(bytes.count)
            switch random.below(6) {
            case 0 where !bytes.isEmpty:
                bytes[at] = UInt8(truncatingIfNeeded: random.next())
            case 1 where !bytes.isEmpty:
                let end = min(bytes.count, at + 1 + random.below(40))
                bytes.removeSubrange(at..<end)
            case 2 where !bytes.isEmpty:
                let end = min(bytes.count, at + 1 + random.below(200))
                let slice = bytes[at..<end]
                for _ in 0..<(1 + random.below(3)) { bytes.insert(contentsOf: slice, at: at) }
            default:
                bytes.insert(contentsOf: Array(tokens[random.below(tokens.count)].utf8), at: at)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// A JSON document with values replaced at random places by hostile ones, still valid JSON.
    static func structural(_ json: String, seed: Int) -> String {
        var random = RandomSource(seed: UInt64(seed) &+ 77)
        guard var root = try? JSONSerialization.jsonObject(with: Data(json.utf8)) else { return json }
        let hostile: [Any] = [NSNumber(value: Int64.max), -1, 1e300, "1900-01-01", "9999-12-31", "", NSNull(), [Any](), [String: Any](),
                              String(repeating: "x", count: 10_000), Array(repeating: 1, count: 5000), "=HYPERLINK(\"x\")"]
        for _ in 0..<(1 + random.below(4)) {
            root = replaceOne(root, with: hostile[random.below(hostile.count)], &random)
        }
        guard let data = try? JSONSerialization.data(withJSONObject: root) else { return json }
        return String(decoding: data, as: UTF8.self)
    }

    private static func replaceOne(_ node: Any, with value: Any, _ random: inout RandomSource) -> Any {
        if var object = node as? [String: Any], !object.isEmpty {
            let key = object.keys.sorted()[random.below(object.count)]
            object[key] = random.below(3) == 0 ? value : replaceOne(object[key]!, with: value, &random)
            return object
        }
        if var array = node as? [Any], !array.isEmpty {
            let i = random.below(array.count)
            array[i] = random.below(3) == 0 ? value : replaceOne(array[i], with: value, &random)
            return array
        }
        return value
    }
}
