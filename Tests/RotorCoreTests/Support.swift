import Foundation
import RotorCore
import RotorFormats
import Testing

// MARK: - The shared benchmark instances (a small copy of RotorFormatsTests/Fixtures.swift's locator)

/// `../shared/benchmarks/curtois` beside the package root (three directories up from this file).
let benchmarkDirectory = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("../shared/benchmarks/curtois").standardized

func benchmarkAvailable(_ name: String) -> Bool {
    FileManager.default.fileExists(atPath: benchmarkDirectory.appendingPathComponent(name).path)
}

/// The compiled benchmark instance, e.g. `"Instance1.txt"`.
func benchmark(_ name: String) throws -> CompiledProblem {
    let text = try String(contentsOf: benchmarkDirectory.appendingPathComponent(name), encoding: .utf8)
    return try CompiledProblem(try CurtoisFormat.parse(text, fileName: name))
}

/// Instance1 from the package's own `examples/` directory, so that the optimum test needs no `../shared`.
func exampleInstance1() throws -> CompiledProblem {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("examples/Instance1.txt")
    return try CompiledProblem(try CurtoisFormat.parse(try String(contentsOf: url, encoding: .utf8), fileName: "Instance1.txt"))
}

// MARK: - Synthetic problems

func contract(
    max: [String: Int] = [:], maxMinutes: Int = 100_000, minMinutes: Int = 0, maxRun: Int = 100, minRun: Int = 0,
    minOff: Int = 0, maxWeekends: Int = 100
) -> CurtoisContract {
    CurtoisContract(maxShifts: max, maxTotalMinutes: maxMinutes, minTotalMinutes: minMinutes, maxConsecutiveShifts: maxRun,
             minConsecutiveShifts: minRun, minConsecutiveDaysOff: minOff, maxWeekends: maxWeekends)
}

/// A hand-made problem with every rule active: 13 days (the last Saturday has no Sunday), minimum runs
/// above 1, forbidden successions, days off, stacked requests and cover with varied weights.
let syntheticProblem: CurtoisProblem = {
    let shifts = [
        CurtoisShiftType(id: "E", minutes: 480),
        CurtoisShiftType(id: "L", minutes: 480, forbiddenNext: ["E"]),
        CurtoisShiftType(id: "N", minutes: 600, forbiddenNext: ["E", "L"]),
    ]
    let staff = [
        CurtoisStaffMember(id: "S0", contract: contract(max: ["E": 5, "N": 3], maxMinutes: 4800, minMinutes: 2400, maxRun: 4,
                                                 minRun: 2, minOff: 2, maxWeekends: 1), daysOff: [0, 6]),
        CurtoisStaffMember(id: "S1", contract: contract(maxMinutes: 6000, maxRun: 5, minRun: 3, minOff: 3, maxWeekends: 2),
                    daysOff: [12]),
        CurtoisStaffMember(id: "S2", contract: contract(max: ["L": 2], maxMinutes: 3600, minMinutes: 1440, maxRun: 3, minRun: 1,
                                                 minOff: 1, maxWeekends: 0), daysOff: [5]),
        CurtoisStaffMember(id: "S3", contract: contract(maxMinutes: 5760, minMinutes: 3000, maxRun: 6, minRun: 2, minOff: 2,
                                                 maxWeekends: 1)),
        CurtoisStaffMember(id: "S4", contract: contract(max: ["N": 0], maxMinutes: 4000, minMinutes: 2000, maxRun: 5, minRun: 2,
                                                 minOff: 1, maxWeekends: 1), daysOff: [3, 4]),
        CurtoisStaffMember(id: "S5", contract: contract(maxMinutes: 7000, minMinutes: 1000, maxRun: 13, minRun: 4, minOff: 4,
                                                 maxWeekends: 2)),
    ]
    var cover: [CurtoisCover] = []
    for day in 0..<13 {
        cover.append(CurtoisCover(day: day, shift: "E", required: 1 + day % 2, underWeight: 100, overWeight: 1))
        cover.append(CurtoisCover(day: day, shift: "L", required: 1, underWeight: 10 + day, overWeight: 5))
        if day % 3 != 2 {
            cover.append(CurtoisCover(day: day, shift: "N", required: day % 3, underWeight: 30, overWeight: 0))
        }
    }
    return CurtoisProblem(
        name: "synthetic", horizonDays: 13, shiftTypes: shifts, staff: staff,
        shiftOnRequests: [
            CurtoisRequest(staff: "S0", day: 2, shift: "E", weight: 2),
            CurtoisRequest(staff: "S1", day: 12, shift: "N", weight: 3),
            CurtoisRequest(staff: "S3", day: 0, shift: "L", weight: 1),
            CurtoisRequest(staff: "S3", day: 0, shift: "E", weight: 2),
            CurtoisRequest(staff: "S5", day: 11, shift: "N", weight: 4),
        ],
        shiftOffRequests: [
            CurtoisRequest(staff: "S2", day: 5, shift: "L", weight: 1),
            CurtoisRequest(staff: "S4", day: 12, shift: "E", weight: 2),
            CurtoisRequest(staff: "S0", day: 2, shift: "E", weight: 1),
            CurtoisRequest(staff: "S5", day: 7, shift: "N", weight: 3),
        ],
        cover: cover)
}()

/// A random problem: horizons of 1 to 23 days, 1 to 4 shift types (lengths may be 0), 1 to 6 staff and
/// random contracts, successions, days off, requests and cover, to reach edge cases no benchmark has.
func randomProblem(seed: UInt64) -> CurtoisProblem {
    var r = RandomSource(seed: seed)
    let days = 1 + r.below(23)
    let shiftIDs = (0..<(1 + r.below(4))).map { "T\($0)" }
    let shifts = shiftIDs.map { id in
        CurtoisShiftType(id: id, minutes: [0, 240, 480, 600, 720][r.below(5)],
                  forbiddenNext: shiftIDs.filter { _ in r.below(3) == 0 })
    }
    let staff = (0..<(1 + r.below(6))).map { e in
        var limits: [String: Int] = [:]
        for id in shiftIDs where r.below(2) == 0 { limits[id] = r.below(days + 1) }
        let minMinutes = r.below(days * 300 + 1)
        return CurtoisStaffMember(
            id: "P\(e)",
            contract: contract(max: limits, maxMinutes: minMinutes + r.below(days * 400 + 1), minMinutes: minMinutes,
                               maxRun: r.below(8), minRun: r.below(5), minOff: r.below(5), maxWeekends: r.below(4)),
            daysOff: (0..<days).filter { _ in r.below(6) == 0 })
    }
    func requests() -> [CurtoisRequest] {
        (0..<r.below(3 * days)).map { _ in
            CurtoisRequest(staff: "P\(r.below(staff.count))", day: r.below(days), shift: shiftIDs[r.below(shiftIDs.count)],
                         weight: 1 + r.below(5))
        }
    }
    var cover: [CurtoisCover] = []
    for day in 0..<days {
        for id in shiftIDs where r.below(4) != 0 {
            cover.append(CurtoisCover(day: day, shift: id, required: r.below(4), underWeight: r.below(101),
                                          overWeight: r.below(11)))
        }
    }
    return CurtoisProblem(name: "random\(seed)", horizonDays: days, shiftTypes: shifts, staff: staff,
                   shiftOnRequests: requests(), shiftOffRequests: requests(), cover: cover)
}

// MARK: - Rosters

/// A schedule with an independent random value in every cell.
func randomSchedule(_ p: CompiledProblem, _ random: inout RandomSource) -> Schedule {
    var s = Schedule(staffCount: p.staffCount, days: p.days)
    for i in s.cells.indices { s.cells[i] = UInt8(random.below(p.valueCount)) }
    return s
}

/// A schedule written one row per staff member, one character per day: `.` is off, any other character
/// the shift type with that one-letter ID.
func schedule(_ p: CompiledProblem, _ rows: [String]) -> Schedule {
    precondition(rows.count == p.staffCount)
    var s = Schedule(staffCount: p.staffCount, days: p.days)
    for (e, row) in rows.enumerated() {
        precondition(row.count == p.days, "row \(e) has \(row.count) days, expected \(p.days)")
        for (d, c) in row.enumerated() where c != "." {
            s[staff: e, day: d] = UInt8(p.shiftIndex[String(c)]! + 1)
        }
    }
    return s
}

// MARK: - Moves

/// Applies a move to the search state the way the search loop does.
func apply(_ move: Move, to state: SearchState, scratch: UnsafeMutablePointer<UInt8>) -> Score {
    let delta: (hard: Int, soft: Int)
    switch move {
    case .change(let m): delta = m.apply(to: state)
    case .exchangeDays(let m): delta = m.apply(to: state)
    case .swapBlock(let m): delta = m.apply(to: state, scratch: scratch)
    case .assignBlock(let m): delta = m.apply(to: state, scratch: scratch)
    }
    return Score(hard: delta.hard, soft: delta.soft)
}

/// What the move should do to the roster, written independently of the search state.
func applyByHand(_ move: Move, to s: inout Schedule) {
    switch move {
    case .change(let m):
        s[staff: m.staff, day: m.day] = m.value
    case .exchangeDays(let m):
        let a = s[staff: m.staff, day: m.first]
        s[staff: m.staff, day: m.first] = s[staff: m.staff, day: m.second]
        s[staff: m.staff, day: m.second] = a
    case .swapBlock(let m):
        for d in m.start..<(m.start + m.length) {
            let a = s[staff: m.first, day: d]
            s[staff: m.first, day: d] = s[staff: m.second, day: d]
            s[staff: m.second, day: d] = a
        }
    case .assignBlock(let m):
        for d in m.start..<(m.start + m.length) { s[staff: m.staff, day: d] = m.value }
    }
}

/// The staff rows a move rewrites.
func rows(of move: Move) -> [Int] {
    switch move {
    case .change(let m): [m.staff]
    case .exchangeDays(let m): [m.staff]
    case .swapBlock(let m): [m.first, m.second]
    case .assignBlock(let m): [m.staff]
    }
}

/// People on each (day, shift), counted from scratch, in `SearchState.coverCount`'s layout.
func coverCounts(_ p: CompiledProblem, _ s: Schedule) -> [Int32] {
    var counts = [Int32](repeating: 0, count: p.days * p.shiftCount)
    for e in 0..<p.staffCount {
        for d in 0..<p.days where s[staff: e, day: d] != 0 { counts[d * p.shiftCount + Int(s[staff: e, day: d]) - 1] += 1 }
    }
    return counts
}
