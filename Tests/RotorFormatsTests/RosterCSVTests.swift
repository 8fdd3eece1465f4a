import Foundation
import RotorCore
import RotorFormats
import Testing

@Suite("Roster CSV")
struct RosterCSVTests {
    /// Staff A and B over 7 days; D is shift 0, N shift 1.
    let roster = Roster(assignments: [
        [nil, 0, 0, 1, nil, nil, nil],
        [0, 0, nil, nil, 1, 1, nil],
    ])
    let csv = """
        employee,0,1,2,3,4,5,6
        A,,D,D,N,,,
        B,D,D,,,N,N,

        """

    func readError(_ text: String) -> FormatError? {
        formatError { () throws(FormatError) in try RosterCSV.read(text, problem: compiled(sampleProblem), fileName: "r.csv").roster }
    }

    @Test func writes() {
        #expect(RosterCSV.write(schedule(roster, sampleProblem), problem: compiled(sampleProblem)) == csv)
    }

    @Test func roundTrip() throws {
        let text = RosterCSV.write(schedule(roster, sampleProblem), problem: compiled(sampleProblem))
        #expect(try RosterCSV.read(text, problem: compiled(sampleProblem), fileName: "r.csv").roster == roster)
    }

    @Test func emptyRosterRoundTrip() throws {
        let empty = Roster(staffCount: 2, days: 7)
        let text = RosterCSV.write(schedule(empty, sampleProblem), problem: compiled(sampleProblem))
        #expect(text.hasSuffix("\nA,,,,,,,\nB,,,,,,,\n"))
        #expect(try RosterCSV.read(text, problem: compiled(sampleProblem), fileName: "r.csv").roster == empty)
    }

    @Test(.enabled(if: benchmarksAvailable, "benchmark instances not found; skipping"))
    func roundTripOnABenchmarkInstance() throws {
        let problem = try CurtoisFormat.parse(try benchmarkText("Instance24.txt"), fileName: "Instance24.txt")
        var roster = Roster(staffCount: problem.staff.count, days: problem.horizonDays)
        for s in roster.assignments.indices {
            for d in roster.assignments[s].indices where (s + d) % 3 != 0 {
                roster.assignments[s][d] = (s * 7 + d) % problem.shiftTypes.count
            }
        }
        let text = RosterCSV.write(schedule(roster, problem), problem: compiled(problem))
        #expect(try RosterCSV.read(text, problem: compiled(problem), fileName: "r.csv").roster == roster)
    }

    @Test func rowsInAnyOrderWindowsLineEndingsAndBlankTrailingLines() throws {
        let text = "employee,0,1,2,3,4,5,6\r\nB,D,D,,,N,N,\r\nA,,D,D,N,,,\r\n\r\n  \r\n"
        #expect(try RosterCSV.read(text, problem: compiled(sampleProblem), fileName: "r.csv").roster == roster)
    }

    @Test(arguments: ["", "\n\n", "\r\n"])
    func emptyFile(_ text: String) {
        let error = readError(text)
        #expect(error?.line == nil)
        #expect(error?.message.contains("empty") == true)
        #expect(error?.message.contains("employee,0,1,…,6") == true)
    }

    @Test(arguments: [
        ("name,0,1,2,3,4,5,6", "\"name\" in its first cell"),
        ("employee,0,1,2,3,4,5", "with 8 cells, found 7"),
        ("employee,0,1,2,3,4,5,6,7", "with 8 cells, found 9"),
        ("employee,0,1,2,4,3,5,6", "day 3 in column 5"),
    ])
    func wrongHeader(_ header: String, mention: String) {
        let error = readError(header + "\nA,,D,D,N,,,\nB,D,D,,,N,N,\n")
        #expect(error?.line == 1)
        #expect(error?.message.contains(mention) == true, "\(String(describing: error))")
        #expect(error?.message.contains("header") == true)
    }

    @Test func unknownStaffID() {
        let error = readError("employee,0,1,2,3,4,5,6\nA,,D,D,N,,,\nZ,D,D,,,N,N,\n")
        #expect(error?.line == 3)
        #expect(error?.message.contains("staff ID") == true)
        #expect(error?.message.contains("\"Z\"") == true)
    }

    @Test func duplicateStaffRow() {
        let error = readError("employee,0,1,2,3,4,5,6\nA,,D,D,N,,,\n\nA,D,D,,,N,N,\nB,D,D,,,N,N,\n")
        #expect(error?.line == 4)
        #expect(error?.message.contains("second row for A (first on line 2)") == true, "\(String(describing: error))")
    }

    @Test func missingStaffRow() {
        let error = readError("employee,0,1,2,3,4,5,6\nB,D,D,,,N,N,\n")
        #expect(error?.line == nil)
        #expect(error?.message.contains("one row per staff member, found none for A") == true)
        #expect(error?.description.hasPrefix("r.csv: ") == true)
    }

    @Test func unknownShiftID() {
        let error = readError("employee,0,1,2,3,4,5,6\nA,,D,D,X,,,\nB,D,D,,,N,N,\n")
        #expect(error?.line == 2)
        #expect(error?.message.contains("staff A on day 3 (column 5)") == true, "\(String(describing: error))")
        #expect(error?.message.contains("\"X\" names no shift of the problem") == true)
        #expect(error?.message.contains("D, N") == true)
    }

    @Test(arguments: ["A,,D,D,N,,", "A,,D,D,N,,,,", "A"])
    func wrongNumberOfCells(_ row: String) {
        let error = readError("employee,0,1,2,3,4,5,6\r\n\(row)\r\nB,D,D,,,N,N,\r\n")
        #expect(error?.line == 2)
        #expect(error?.message.contains("expected 8 cells (staff ID and 7 days) in the row of staff A") == true,
                "\(String(describing: error))")
    }
}

private func compiled(_ problem: CurtoisProblem) -> CompiledProblem {
    // The fixtures are valid problems; a failure here is a bug in the test data.
    try! CompiledProblem(problem)
}

private func schedule(_ roster: Roster, _ problem: CurtoisProblem) -> Schedule {
    try! Schedule(roster, for: compiled(problem))
}

/// Identifiers a planner's HR export may hold: commas, quotes, line breaks, and values a spreadsheet
/// would run as formulas. The CSV quotes them (RFC 4180), writes formulas behind a `'` (OWASP), and
/// reads every one back exactly.
@Suite("Roster CSV with hostile identifiers")
struct RosterCSVQuotingTests {
    static let ids = ["Smith, Ann", "=HYPERLINK(\"http://x\",\"y\")", "+1", "-2", "@SUM(A1)", "'=quoted", "''x", "'plain",
                      "say \"hi\"", "two\nlines", "\ttab", " spaced ", "ok"]

    func problem() -> Problem {
        let shifts = [ShiftType(id: "=cmd|' /C calc'!A0", startMinute: 420, minutes: 480), ShiftType(id: "late, \"L\"", startMinute: 900, minutes: 480)]
        return Problem(
            name: "hostile", horizon: Horizon(start: LocalDate("2027-03-01")!, days: 3, timeZone: "UTC"),
            sites: [Site(id: "ward")], skills: [], shiftTypes: shifts,
            contracts: [Contract(id: "c", rules: [])],
            staff: Self.ids.map { StaffMember(id: $0, homeSite: "ward", contract: "c") },
            demand: shifts.map { Demand(site: "ward", shift: $0.id, minimum: 0) })
    }

    @Test func identifiersRoundTripAndFormulasAreNeutralised() throws {
        let p = try CompiledProblem(problem())
        var s = Schedule(staffCount: p.staffCount, days: p.days)
        for e in 0..<p.staffCount { for d in 0..<p.days { s[staff: e, day: d] = UInt8((e + d) % p.valueCount) } }
        let csv = RosterCSV.write(s, problem: p)
        #expect(try RosterCSV.read(csv, problem: p, fileName: "r.csv") == s)
        // No field of the file begins with a formula character once quotes are taken off.
        for line in csv.split(separator: "\n", omittingEmptySubsequences: false) {
            for field in line.split(separator: ",") {
                let bare = field.hasPrefix("\"") ? field.dropFirst() : field
                #expect(!["=", "+", "-", "@"].contains(bare.first.map(String.init) ?? ""), "\(field)")
            }
        }
        #expect(csv.contains("\"Smith, Ann\""))
        #expect(csv.contains("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\""))
        #expect(csv.contains("\n'+1,") && csv.contains("\n'-2,") && csv.contains("\n''=quoted,"))
    }

    @Test func staffCSVNeutralisesFormulasToo() throws {
        let staff = Self.ids.filter { !$0.contains("\t") && $0.trimmingCharacters(in: .whitespaces) == $0 }
            .map { StaffMember(id: $0, homeSite: "=ward", contract: "-c") }
        let csv = try StaffCSV.write(staff, fileName: "s.csv")
        #expect(!csv.contains(",=ward,") && csv.contains(",'=ward,") && csv.contains(",'-c,"))
        #expect(try StaffCSV.read(csv, fileName: "s.csv") == staff)
    }
}
