import Foundation
import Testing

// End-to-end tests of the `rotor` executable, run as a child process the way swift-argument-parser's
// own end-to-end tests run their examples.

/// The products directory holding the test binary and, beside it, `rotor`.
let productsDirectory: URL = {
    var candidates = Bundle.allBundles.filter { $0.bundlePath.hasSuffix(".xctest") }.map { $0.bundleURL.deletingLastPathComponent() }
    candidates.append(Bundle.main.bundleURL)
    if let executable = Bundle.main.executableURL { candidates.append(executable.deletingLastPathComponent()) }
    return candidates.first { FileManager.default.isExecutableFile(atPath: $0.appendingPathComponent("rotor").path) }
        ?? candidates.last!
}()

/// The package root: `examples/` and relative paths resolve against it.
let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

struct Outcome {
    var status: Int32
    var reason: Process.TerminationReason
    var stdout: String
    var stderr: String

    var exitedNormally: Bool { reason == .exit }
}

/// A scratch directory for one test, removed when the test ends.
final class Scratch {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("rotor-tests-\(UUID().uuidString)")

    init() throws { try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true) }
    deinit { try? FileManager.default.removeItem(at: url) }

    func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    @discardableResult
    func write(_ name: String, _ text: String) throws -> String {
        try Data(text.utf8).write(to: url.appendingPathComponent(name))
        return path(name)
    }
}

/// Runs `rotor` in the package root. Output goes to files, not pipes, so that a chatty child cannot block
/// on a full pipe, and standard error is not a terminal.
func rotor(_ arguments: [String]) throws -> Outcome {
    let executable = productsDirectory.appendingPathComponent("rotor")
    try #require(FileManager.default.isExecutableFile(atPath: executable.path), "no rotor executable at \(executable.path)")
    return try run(executable, arguments)
}

/// Runs any program in the package root, as `rotor(_:)` does.
func run(_ executable: URL, _ arguments: [String]) throws -> Outcome {
    let scratch = try Scratch()
    let out = scratch.url.appendingPathComponent("stdout"), err = scratch.url.appendingPathComponent("stderr")
    _ = FileManager.default.createFile(atPath: out.path, contents: nil)
    _ = FileManager.default.createFile(atPath: err.path, contents: nil)
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    process.currentDirectoryURL = packageRoot
    process.standardInput = FileHandle.nullDevice
    let outHandle = try FileHandle(forWritingTo: out), errHandle = try FileHandle(forWritingTo: err)
    process.standardOutput = outHandle
    process.standardError = errHandle
    try process.run()
    process.waitUntilExit()
    try outHandle.close()
    try errHandle.close()
    return Outcome(status: process.terminationStatus, reason: process.terminationReason,
                   stdout: String(decoding: try Data(contentsOf: out), as: UTF8.self),
                   stderr: String(decoding: try Data(contentsOf: err), as: UTF8.self))
}

func rotor(_ arguments: String...) throws -> Outcome { try rotor(arguments) }

/// The objective in "…objective 607, feasible…".
func objective(in text: String) -> Int? {
    guard let range = text.range(of: "objective ") else { return nil }
    return Int(text[range.upperBound...].prefix { $0.isNumber })
}

/// A small valid instance; the comments give the line numbers the error tests rely on.
let smallInstance: [String] = [
    "SECTION_HORIZON",  // 1
    "7",  // 2
    "SECTION_SHIFTS",  // 3
    "D,480,",  // 4
    "N,600,D",  // 5
    "SECTION_STAFF",  // 6
    "A,D=7|N=3,2400,960,5,1,1,1",  // 7
    "B,,2400,0,5,1,1,1",  // 8
    "SECTION_DAYS_OFF",  // 9
    "A,0",  // 10
    "B",  // 11
    "SECTION_SHIFT_ON_REQUESTS",  // 12
    "A,2,D,2",  // 13
    "SECTION_SHIFT_OFF_REQUESTS",  // 14
    "B,3,N,1",  // 15
    "SECTION_COVER",  // 16
    "0,D,1,100,1",  // 17
    "0,N,1,100,1",  // 18
]

func smallInstanceText(replacing replacements: [Int: String] = [:], keepingLines count: Int = 18) -> String {
    smallInstance.prefix(count).enumerated().map { replacements[$0.offset + 1] ?? $0.element }.map { $0 + "\n" }.joined()
}

struct BadInstance: CustomTestStringConvertible, Sendable {
    var name: String
    var text: String
    var line: Int
    var mentions: String
    var testDescription: String { name }
}

@Suite("rotor command line")
struct CLITests {
    @Test func solveThenScoreAgreeOnTheObjective() throws {
        let scratch = try Scratch()
        let roster = scratch.path("Instance1.csv")
        let solve = try rotor("solve", "examples/Instance1.txt", "--time-limit", "2", "--threads", "1", "--out", roster)
        #expect(solve.status == 0 && solve.exitedNormally, "\(solve.stderr)")
        #expect(solve.stdout.hasPrefix("Instance1: objective "), "\(solve.stdout)")
        #expect(solve.stderr.isEmpty, "standard error is not a terminal: no progress expected, got \(solve.stderr)")
        let solved = try #require(objective(in: solve.stdout))
        let feasible = solve.stdout.contains(", feasible;")

        let score = try rotor("score", "examples/Instance1.txt", roster)
        #expect(score.status == (feasible ? 0 : 1) && score.exitedNormally, "\(score.stderr)")
        #expect(score.stdout.hasPrefix("objective \(solved), \(feasible ? "feasible" : "INFEASIBLE")"), "\(score.stdout)")
        #expect(objective(in: score.stdout) == solved)
        #expect(solved >= 607, "below Instance1's proven optimum")
    }

    /// `solve --workbook --printable`: the roster as an Excel workbook (a zip container) and a printable page.
    @Test func solveWritesWorkbookAndPrintablePage() throws {
        let scratch = try Scratch()
        let workbook = scratch.path("tutorial.xlsx"), printable = scratch.path("tutorial.html")
        let solve = try rotor("solve", "examples/tutorial.yaml", "--time-limit", "1", "--threads", "1", "--quiet",
                              "--out", scratch.path("t.csv"), "--workbook", workbook, "--printable", printable)
        #expect(solve.status == 0, "\(solve.stderr)")
        let bytes = try Data(contentsOf: URL(fileURLWithPath: workbook))
        #expect(bytes.prefix(2) == Data([0x50, 0x4B]))
        let page = try String(contentsOfFile: printable, encoding: .utf8)
        #expect(page.contains("North Hospital · tutorial") && page.contains("South Clinic · tutorial"))
        for (option, file) in [("--workbook", "x.csv"), ("--printable", "x.pdf")] {
            let bad = try rotor("solve", "examples/tutorial.yaml", option, scratch.path(file))
            #expect(bad.status == 64 && bad.stderr.contains(option), "\(bad.stderr)")
        }
    }

    /// `rotor recommend`: who could take a post and who could swap a day, ranked, as text and JSON;
    /// a bad question is an error naming the option.
    @Test func recommendRanksWhoCouldCover() throws {
        let scratch = try Scratch()
        let roster = scratch.path("tutorial.json")
        let solve = try rotor("solve", "examples/tutorial.yaml", "--time-limit", "1", "--threads", "1", "--out", roster)
        #expect(solve.status == 0, "\(solve.stderr)")
        let text = try rotor("recommend", "examples/tutorial.yaml", roster, "--date", "2027-03-02", "--post", "night@north/nurse")
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.stdout.hasPrefix("Who could work night@north/nurse on 2027-03-02 (Tue): "), "\(text.stdout)")
        #expect(text.stdout.contains("1. ") && text.stdout.contains(" hard, "), "\(text.stdout)")
        let json = try rotor("recommend", "examples/tutorial.yaml", roster, "--date", "2027-03-02", "--swap-with", "ann", "--json", "--limit", "0")
        #expect(json.status == 0, "\(json.stderr)")
        let body = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(body["swapWith"] as? String == "ann")
        #expect((body["recommendations"] as? [Any])?.count == body["candidates"] as? Int)
        let replace = try rotor("recommend", "examples/tutorial.yaml", roster, "--date", "2027-03-02", "--replace", "ann")
        #expect(replace.status == 0 && replace.stdout.hasPrefix("Who could take over ann's shift on 2027-03-02 (Tue): "), "\(replace.stdout)\(replace.stderr)")
        for (arguments, says) in [(["--date", "2027-03-02"], "exactly one of --post"), (["--date", "2027-02-02", "--post", "night@north/nurse"], "outside the horizon"),
                                  (["--date", "2027-03-02", "--post", "lunch"], "--post \"lunch\" is not a post")] {
            let bad = try rotor(["recommend", "examples/tutorial.yaml", roster] + arguments)
            #expect(bad.status == 2 && bad.stderr.contains(says), "\(arguments): \(bad.stderr)")
        }
    }

    @Test func solveWritesJSON() throws {
        let scratch = try Scratch()
        let path = scratch.path("Instance1.json")
        let solve = try rotor("solve", "examples/Instance1.txt", "--time-limit", "1", "--threads", "1", "--out", path)
        #expect(solve.status == 0, "\(solve.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any])
        let value = try #require(json["objective"] as? Int)
        let feasible = try #require(json["feasible"] as? Bool)
        #expect(value == objective(in: solve.stdout))
        #expect(feasible == solve.stdout.contains(", feasible;"))
        #expect((json["hardPenalty"] as? Int).map { ($0 == 0) == feasible } == true)
        #expect(json["instance"] as? String == "Instance1" && json["days"] as? Int == 14)
        #expect((json["roster"] as? [Any])?.count == 8)
    }

    @Test func scoreExits1OnAHardViolation() throws {
        let scratch = try Scratch()
        // A works all 14 days: more than 5 in a row, more than 1 weekend, more than 4320 minutes, and a day off.
        let rows = ["employee," + (0..<14).map(String.init).joined(separator: ","),
                    "A," + Array(repeating: "D", count: 14).joined(separator: ",")]
            + ["B", "C", "D", "E", "F", "G", "H"].map { $0 + String(repeating: ",", count: 14) }
        let roster = try scratch.write("bad.csv", rows.joined(separator: "\n") + "\n")
        let score = try rotor("score", "examples/Instance1.txt", roster)
        #expect(score.status == 1 && score.exitedNormally, "\(score.stderr)")
        #expect(score.stdout.contains("INFEASIBLE") && score.stdout.contains("[max-consecutive-days]"), "\(score.stdout)")
        #expect(score.stderr.isEmpty)
        let json = try rotor("score", "examples/Instance1.txt", roster, "--json")
        #expect(json.status == 1)
        let document = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        #expect(document?["feasible"] as? Bool == false)
    }

    @Test(arguments: [
        BadInstance(name: "missing section", text: smallInstanceText(keepingLines: 15), line: 15,
                    mentions: "missing section SECTION_COVER"),
        BadInstance(name: "unknown shift ID", text: smallInstanceText(replacing: [17: "0,X,1,100,1"]), line: 17,
                    mentions: "unknown shift ID \"X\""),
        BadInstance(name: "not a number", text: smallInstanceText(replacing: [7: "A,D=7|N=3,abc,960,5,1,1,1"]), line: 7,
                    mentions: "\"abc\""),
        BadInstance(name: "day outside the horizon", text: smallInstanceText(replacing: [17: "9,D,1,100,1"]), line: 17,
                    mentions: "0..<7"),
        BadInstance(name: "negative length", text: smallInstanceText(replacing: [4: "D,-480,"]), line: 4,
                    mentions: "non-negative"),
    ])
    func malformedInstanceExits2(_ bad: BadInstance) throws {
        let scratch = try Scratch()
        let file = try scratch.write("bad.txt", bad.text)
        for arguments in [["solve", file, "--time-limit", "1", "--threads", "1"], ["score", file, "missing.csv"]] {
            let run = try rotor(arguments)
            #expect(run.status == 2 && run.exitedNormally, "\(arguments[0]): \(run.status) \(run.reason) \(run.stderr)")
            #expect(run.stderr.hasPrefix("error: \(file):\(bad.line): "), "\(run.stderr)")
            #expect(run.stderr.contains(bad.mentions), "\(run.stderr)")
            #expect(run.stdout.isEmpty)
        }
    }

    @Test func theSmallInstanceIsValid() throws {
        // The malformed cases above are edits of a valid file.
        let scratch = try Scratch()
        let run = try rotor("solve", try scratch.write("ok.txt", smallInstanceText()), "--time-limit", "0.2", "--threads", "1",
                            "--out", scratch.path("ok.csv"))
        #expect(run.status == 0, "\(run.stderr)")
    }

    @Test func unreadableInputsExit2() throws {
        let scratch = try Scratch()
        var bytes = Data("SECTION_HORIZON\n# caf".utf8)
        bytes.append(0xE9)  // Latin-1 "é": not UTF-8
        bytes.append(Data("\n7\n".utf8))
        let latin1 = scratch.path("latin1.txt")
        try bytes.write(to: URL(fileURLWithPath: latin1))
        let cases = [
            (scratch.path("nonexistent.txt"), "no such file"),
            (scratch.url.path, "is a directory"),
            (latin1, "not UTF-8"),
        ]
        for (path, message) in cases {
            let run = try rotor("solve", path, "--time-limit", "1", "--threads", "1")
            #expect(run.status == 2 && run.exitedNormally, "\(path): \(run.status) \(run.reason)")
            #expect(run.stderr.hasPrefix("error: \(path): ") && run.stderr.contains(message), "\(run.stderr)")
        }
    }

    @Test func badRosterExits2() throws {
        let scratch = try Scratch()
        let header = "employee," + (0..<14).map(String.init).joined(separator: ",")
        let rows = ["A", "B", "C", "D", "E", "F", "G", "H"].map { $0 + String(repeating: ",", count: 14) }
        var unknownShift = rows
        unknownShift[2] = "C,Q" + String(repeating: ",", count: 13)
        let cases = [
            ("unknown shift", ([header] + unknownShift).joined(separator: "\n"), ":4: ", "\"Q\" names no shift of the problem"),
            ("bad header", (["employee,0,1"] + rows).joined(separator: "\n"), ":1: ", "header row"),
            ("missing rows", ([header] + rows.prefix(7)).joined(separator: "\n"), ": ", "found none for H"),
            ("short row", ([header, "A,D"] + rows.dropFirst()).joined(separator: "\n"), ":2: ", "expected 15 cells"),
        ]
        for (name, text, location, message) in cases {
            let roster = try scratch.write("\(name).csv", text + "\n")
            let run = try rotor("score", "examples/Instance1.txt", roster)
            #expect(run.status == 2 && run.exitedNormally, "\(name): \(run.status) \(run.stderr)")
            #expect(run.stderr.hasPrefix("error: \(roster)\(location)") && run.stderr.contains(message), "\(name): \(run.stderr)")
        }
    }

    @Test(arguments: [
        (["solve", "examples/Instance1.txt", "--time-limit", "0"], "--time-limit"),
        (["solve", "examples/Instance1.txt", "--threads", "0"], "--threads"),
        (["solve", "examples/Instance1.txt", "--out", "x.txt"], "x.txt"),
        (["bench", "examples/Instance1.txt", "--time-limit", "-1"], "--time-limit"),
        (["solve", "examples/Instance1.txt", "--rebuild-share", "1"], "--rebuild-share"),
        (["solve", "examples/Instance1.txt", "--reassign-share", "-0.1"], "--reassign-share"),
        (["solve", "examples/Instance1.txt", "--reassign-days", "0"], "--reassign-days"),
        (["solve", "examples/Instance1.txt", "--rebuild-revisits", "9"], "--rebuild-revisits"),
        (["solve", "examples/Instance1.txt", "--reassign-group", "1"], "--reassign-group"),
        (["solve", "examples/Instance1.txt", "--aimed-changes", "30:20"], "--aimed-changes"),
        (["solve", "examples/Instance1.txt", "--aimed-changes", "25"], "--aimed-changes"),
        (["solve", "examples/Instance1.txt", "--aimed-changes", "-1:5"], "--aimed-changes"),
        (["solve", "examples/Instance1.txt", "--block-exchanges", "101"], "--block-exchanges"),
        (["solve", "examples/Instance1.txt", "--exchanges", "31"], "--exchanges"),
        (["solve", "examples/Instance1.txt", "--day-reassign-share", "0.96"], "--day-reassign-share"),
    ])
    func badOptionsExit64(arguments: [String], mentions: String) throws {
        let run = try rotor(arguments)
        #expect(run.status == 64 && run.exitedNormally, "\(run.status) \(run.stderr)")
        #expect(run.stderr.contains("Error:") && run.stderr.contains(mentions), "\(run.stderr)")
        #expect(run.stdout.isEmpty)
    }

    /// BUG (Sources/rotor/SolverArguments.swift): `validate()` accepts any positive `--time-limit` and
    /// `--unimproved`, including `inf` and values beyond Int64 milliseconds, and `options` then converts
    /// them with `Int64(timeLimit * 1000)`, which traps ("Double value cannot be converted to Int64"):
    /// the process dies on signal 4 instead of exiting 64 with a message.
    @Test(arguments: [["--time-limit", "inf"], ["--time-limit", "1e20"], ["--unimproved", "inf"]])
    func hugeLimitsAreRejectedNotACrash(option: [String]) throws {
        let run = try rotor(["solve", "examples/Instance1.txt", "--threads", "1", "--time-limit", "0.2"] + option)
        guard run.exitedNormally else {
            Issue.record("\(option): killed by signal \(run.status): \(run.stderr.prefix(120))")
            return
        }
        #expect(run.status == 64 && run.stderr.contains(option[0]), "\(option): \(run.status) \(run.stderr.prefix(200))")
    }

    /// Regression test: one day, one person allowed 480 minutes; shift D (480 min) is feasible but costs
    /// 500, shift E (481 min) breaks the limit by a minute and costs 1. The solver used to return E's roster
    /// under D's score and `solve` stopped on its precondition (signal 4) for some seeds.
    @Test(arguments: 1...4)
    func solveReportsTheScoreOfTheRosterItWrites(seed: Int) throws {
        let scratch = try Scratch()
        let instance = try scratch.write("OneDay.txt", """
            SECTION_HORIZON
            1
            SECTION_SHIFTS
            D,480,
            E,481,
            SECTION_STAFF
            A,,480,480,1,0,0,1
            SECTION_DAYS_OFF
            SECTION_SHIFT_ON_REQUESTS
            SECTION_SHIFT_OFF_REQUESTS
            SECTION_COVER
            0,D,1,1,0
            0,E,1,500,0

            """)
        let roster = scratch.path("OneDay.csv")
        let solve = try rotor("solve", instance, "--time-limit", "0.2", "--threads", "1", "--seed", "\(seed)", "--out", roster)
        #expect(solve.status == 0 && solve.exitedNormally, "\(solve.status) \(solve.stderr.prefix(300))")
        guard solve.status == 0 else { return }
        let score = try rotor("score", instance, roster)
        #expect(objective(in: score.stdout) == objective(in: solve.stdout))
        #expect(score.stdout.contains("INFEASIBLE") == solve.stdout.contains("INFEASIBLE"))
    }

    /// The rosters `solve` writes are re-scored by `Tests/benchmark/evaluate.py`, an evaluator written
    /// in Python from the benchmark's FORMAT.md alone, and must get the objective and verdict `solve`
    /// printed: the bundled Instance 1 always, and Instances 7, 12 and 18 when `../shared` is there.
    @Test func anIndependentEvaluatorAgreesWithSolve() throws {
        let shared = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/benchmarks/curtois")
        let instances = ["examples/Instance1.txt"] + ["Instance7.txt", "Instance12.txt", "Instance18.txt"]
            .map { shared.appendingPathComponent($0).path }.filter { FileManager.default.fileExists(atPath: $0) }
        let python = URL(fileURLWithPath: "/usr/bin/python3")
        try #require(FileManager.default.isExecutableFile(atPath: python.path), "the evaluator needs python3")
        let scratch = try Scratch()
        for instance in instances {
            let roster = scratch.path("roster.csv")
            let solve = try rotor("solve", instance, "--time-limit", "1", "--threads", "1", "--out", roster)
            #expect(solve.status == 0, "\(instance): \(solve.stderr.prefix(300))")
            let check = try run(python, ["Tests/benchmark/evaluate.py", instance, roster])
            #expect(check.stderr.isEmpty, "\(instance): \(check.stderr.prefix(300))")
            #expect(objective(in: check.stdout) != nil && objective(in: check.stdout) == objective(in: solve.stdout),
                    "\(instance): solve printed \(solve.stdout.prefix(120)), the evaluator \(check.stdout.prefix(120))")
            #expect(check.stdout.contains("infeasible") == solve.stdout.contains("INFEASIBLE"), "\(instance)")
            #expect(check.status == (solve.stdout.contains("INFEASIBLE") ? 1 : 0), "\(instance)")
        }
    }

    /// `Tests/benchmark/capacity.py`'s bounds are lower bounds: no roster leaves fewer shifts uncovered.
    /// Checked on rosters `solve` writes for the bundled Instance 1 (whose optimum, 607, leaves 6).
    @Test(arguments: [1, 2]) func capacityBoundsStayBelowWhatRostersLeave(seed: Int) throws {
        let python = URL(fileURLWithPath: "/usr/bin/python3")
        try #require(FileManager.default.isExecutableFile(atPath: python.path), "the script needs python3")
        let scratch = try Scratch()
        let solve = try rotor("solve", "examples/Instance1.txt", "--time-limit", "0.5", "--threads", "1", "--seed", "\(seed)",
                              "--out", scratch.path("Instance1.csv"))
        #expect(solve.status == 0, "\(solve.stderr.prefix(300))")
        let check = try run(python, ["Tests/benchmark/capacity.py", "--roster-dir", scratch.path(""), "examples/Instance1.txt"])
        #expect(check.status == 0 && check.stderr.isEmpty, "\(check.stderr.prefix(300))")
        let row = try #require(check.stdout.split(separator: "\n").last { $0.hasPrefix("| Instance1 |") })
        let cells = row.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
        try #require(cells.count == 10, "\(row)")
        #expect(cells[1] == "34,080" && cells[2] == "34,560", "\(row)")
        let bound = try #require(Int(cells[5])), uncovered = try #require(Int(cells[7]))
        #expect(bound > 0 && bound <= uncovered && bound <= 6, "\(row)")
    }

    @Test func unwritableOutputExits2() throws {
        let scratch = try Scratch()
        let out = scratch.path("missing-directory/x.csv")
        let run = try rotor("solve", "examples/Instance1.txt", "--time-limit", "0.2", "--threads", "1", "--out", out)
        #expect(run.status == 2 && run.exitedNormally)
        #expect(run.stderr.hasPrefix("error: \(out): cannot be written"), "\(run.stderr)")
    }

    @Test func benchPrintsAMarkdownTable() throws {
        let run = try rotor("bench", "examples/Instance1.txt", "--time-limit", "1", "--threads", "1")
        #expect(run.status == 0, "\(run.stderr)")
        let lines = run.stdout.split(separator: "\n")
        try #require(lines.count == 3, "\(run.stdout)")
        #expect(lines[0].hasPrefix("| instance |"))
        #expect(lines[1].hasPrefix("|---|"))
        #expect(lines[2].hasPrefix("| Instance1 | 8 | 14 | "))
        let columns = lines.map { $0.filter { $0 == "|" }.count }
        #expect(Set(columns).count == 1, "\(columns)")
    }

    @Test func benchMakesItsRosterDirectory() throws {
        let scratch = try Scratch()
        let out = scratch.path("new/rosters")
        let run = try rotor("bench", "examples/Instance1.txt", "--time-limit", "0.5", "--threads", "1", "--out-dir", out)
        #expect(run.status == 0, "\(run.stderr)")
        let roster = try String(contentsOfFile: out + "/Instance1.csv", encoding: .utf8)
        #expect(roster.hasPrefix("employee,0,1,"))

        // A directory that cannot be made is reported before any solving.
        let blocked = scratch.path("new/rosters/Instance1.csv/x")
        let failed = try rotor("bench", "examples/Instance1.txt", "--time-limit", "60", "--out-dir", blocked)
        #expect(failed.status == 2 && failed.exitedNormally && failed.stdout.isEmpty)
        #expect(failed.stderr.hasPrefix("error: \(blocked): cannot be made a directory"), "\(failed.stderr)")
    }

    @Test func pipedSolvePrintsNoProgress() throws {
        let run = try rotor("solve", "examples/Instance1.txt", "--time-limit", "1", "--threads", "1")
        #expect(run.status == 0, "\(run.stderr)")
        // The roster goes to standard output, the one-line summary to standard error, and nothing else.
        let csv = run.stdout.split(separator: "\n")
        #expect(csv.count == 9 && csv.first == "employee," + (0..<14).map(String.init).joined(separator: ","))
        #expect(run.stderr.hasPrefix("Instance1: objective ") && run.stderr.filter { $0 == "\n" }.count == 1, "\(run.stderr)")
        #expect(!run.stderr.contains("\r") && !run.stderr.contains("\u{1B}"))

        let quiet = try rotor("solve", "examples/Instance1.txt", "--time-limit", "0.5", "--threads", "1", "--quiet")
        #expect(quiet.status == 0 && quiet.stderr.isEmpty, "\(quiet.stderr)")
    }

    /// On the ward, whose bound leaves rules out, so that the run lasts its time limit (Instance 1
    /// ends proved optimal in a tenth of a second, before any progress line).
    @Test func verboseProgressLinesWhenPiped() throws {
        let run = try rotor("solve", "examples/ward.json", "--time-limit", "2.5", "--threads", "1", "--verbose")
        #expect(run.status == 0, "\(run.stderr)")
        let progress = run.stderr.split(separator: "\n").filter { $0.hasPrefix("best ") }
        #expect(!progress.isEmpty && progress.allSatisfy { $0.contains("moves/s") }, "\(run.stderr)")
        #expect(!run.stderr.contains("\r") && !run.stderr.contains("\u{1B}"))
    }
}

@Suite("rotor on Rotor's own problem documents")
struct OperationCLITests {
    /// The tutorial from a fresh clone: solve it, get its roster JSON, per-site grids and calendars,
    /// then score the roster written: feasible, same objective.
    @Test func solveTheTutorialWithGridsAndCalendars() throws {
        let scratch = try Scratch()
        let roster = scratch.path("roster.json"), grids = scratch.path("grids"), calendars = scratch.path("calendars")
        let solve = try rotor(["solve", "examples/tutorial.yaml", "--time-limit", "3", "--seed", "2", "--threads", "1",
                               "--out", roster, "--site-grids", grids, "--calendars", calendars])
        #expect(solve.status == 0, "\(solve.stderr)")
        let objective = try #require(solve.stdout.firstMatch(of: /objective (\d+), feasible/)).1
        let score = try rotor(["explain", "examples/tutorial.yaml", roster])
        #expect(score.status == 0 && score.stdout.hasPrefix("objective \(objective), feasible"), "\(score.stdout)")
        let gridFiles = try FileManager.default.contentsOfDirectory(atPath: grids).sorted()
        #expect(gridFiles.count >= 2 && gridFiles.allSatisfy { $0.hasPrefix("site-") && $0.hasSuffix(".csv") })
        let ics = try FileManager.default.contentsOfDirectory(atPath: calendars).filter { $0.hasSuffix(".ics") }
        #expect(ics.count >= 5)
        let one = try String(contentsOfFile: calendars + "/" + ics.sorted()[0], encoding: .utf8)
        #expect(one.hasPrefix("BEGIN:VCALENDAR\r\n") && one.contains("DTSTART:") && one.hasSuffix("END:VCALENDAR\r\n"))
    }

    @Test func schemaErrorsNameTheFileAndPath() throws {
        let scratch = try Scratch()
        let bad = try scratch.write("bad.yaml", """
            horizon: {start: 2027-02-30, days: 7, timeZone: UTC}
            sites: [a]
            shifts: [{id: D, start: "07:00", hours: 12}]
            contracts: [{id: c, rules: [{rule: min-rest, hours: eleven}]}]
            staff: [{id: p, homeSite: a, contract: c}]
            demand: [{site: a, shift: D, minimum: 1}]

            """)
        let outcome = try rotor(["solve", bad, "--time-limit", "1"])
        #expect(outcome.status == 2 && outcome.exitedNormally)
        #expect(outcome.stderr.contains("bad.yaml:1") && outcome.stderr.contains("$.horizon.start"), "\(outcome.stderr)")
        #expect(outcome.stderr.contains("$.contracts[0].rules[0].hours"), "\(outcome.stderr)")
    }

    @Test func generateWritesAProblemThatSolves() throws {
        let scratch = try Scratch()
        let problem = scratch.path("small.json")
        let generate = try rotor(["generate", "scaled", "--staff", "30", "--days", "14", "--sites", "2", "--out", problem])
        #expect(generate.status == 0, "\(generate.stderr)")
        let solve = try rotor(["solve", problem, "--time-limit", "2", "--threads", "1", "--out", scratch.path("r.csv")])
        #expect(solve.status == 0 && solve.stdout.contains("objective"), "\(solve.stderr)")
        let score = try rotor(["score", problem, scratch.path("r.csv")])
        #expect(score.status == 0 || score.status == 1)
        #expect(score.stdout.hasPrefix("objective"))
    }
}

extension OperationCLITests {
    /// A staff list from CSV replaces the problem's staff; a reference to a site that does not exist is
    /// reported with the CSV file's name before any solving.
    @Test func staffListFromCSV() throws {
        let scratch = try Scratch()
        let good = try scratch.write("staff.csv", """
            id,name,skills,home_site,deployable_sites,contract,unavailable
            ann,Ann Okafor,nurse;senior,north,south,full-time,
            ben,Ben Silva,nurse;senior,north,south,full-time,2027-03-03..2027-03-04
            gia,Gia Rossi,nurse;senior,south,north,full-time,
            hal,Hal Novak,nurse,south,north,full-time,
            dev,Dev Patel,nurse,north,south,full-time,
            eve,Eve Martin,nurse;senior,north,south,full-time,

            """)
        let solve = try rotor(["solve", "examples/tutorial.yaml", "--staff", good, "--time-limit", "2", "--threads", "1",
                               "--out", scratch.path("r.csv")])
        #expect(solve.status == 0, "\(solve.stderr)")
        let rows = try String(contentsOfFile: scratch.path("r.csv"), encoding: .utf8).split(separator: "\n")
        #expect(rows.count == 7 && rows[1].hasPrefix("ann,"))
        let bad = try scratch.write("bad.csv", "id,home_site,contract\nzed,east,full-time\n")
        let outcome = try rotor(["solve", "examples/tutorial.yaml", "--staff", bad, "--time-limit", "1"])
        #expect(outcome.status == 2 && outcome.stderr.contains("bad.csv") && outcome.stderr.contains("east"), "\(outcome.stderr)")
    }
}
