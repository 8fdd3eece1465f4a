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

/// A random problem: horizons of 1 to 23 days, 1 to 4 shift types, 1 to 6 staff and
/// random contracts, successions, days off, requests and cover, to reach edge cases no benchmark has.
func randomProblem(seed: UInt64) -> CurtoisProblem {
    var r = RandomSource(seed: seed)
    let days = 1 + r.below(23)
    let shiftIDs = (0..<(1 + r.below(4))).map { "T\($0)" }
    let shifts = shiftIDs.map { id in
        CurtoisShiftType(id: id, minutes: [60, 240, 480, 600, 720][r.below(5)],
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

/// A problem where no rule couples rows other than cover, by `seed % 3`: the synthetic problem,
/// Instance1, or a random operation of Rotor's own model (rests, windows, nights, travel) without
/// fairness rules nor posts counted twice by cover, for the reassignment moves.
func rowIndependentProblem(seed: Int) throws -> CompiledProblem {
    switch seed % 3 {
    case 0: return try CompiledProblem(syntheticProblem)
    case 1: return try instance1()
    default:
        var k = UInt64(seed)
        while !DayReassigner.isApplicable(try CompiledProblem(randomOperation(seed: k))) { k += 100 }
        return try CompiledProblem(randomOperation(seed: k))
    }
}

// MARK: - Rosters

/// `rowIndependentProblem(seed:)` and a search state on a random roster of it drawn from `random`
/// (which breaks rules and cover), for the reassignment tests.
func rowIndependentState(seed: Int, _ random: inout RandomSource) throws -> (CompiledProblem, SearchState) {
    let p = try rowIndependentProblem(seed: seed)
    return (p, SearchState(p, schedule: randomSchedule(p, &random)))
}

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
func apply(_ move: Move, to state: SearchState, scratch: UnsafeMutablePointer<UInt8>, rebuilder: WindowRebuilder? = nil,
           reassigner: BlockReassigner? = nil, dayReassigner: DayReassigner? = nil) -> Score {
    let delta: (hard: Int, soft: Int)
    switch move {
    case .change(let m): delta = m.apply(to: state)
    case .exchangeDays(let m): delta = m.apply(to: state, scratch: scratch)
    case .swapBlock(let m): delta = m.apply(to: state, scratch: scratch)
    case .swapDays(let m): delta = m.apply(to: state)
    case .assignBlock(let m): delta = m.apply(to: state, scratch: scratch)
    case .crewBlock(let m): delta = m.apply(to: state, scratch: scratch)
    case .rebuildWindow(let m): delta = rebuilder!.apply(m, to: state, hardWeight: 100)
    case .reassignBlock(let m): delta = reassigner!.apply(m, to: state, hardWeight: 100)
    case .reassignDay(let m): delta = dayReassigner!.apply(m, to: state, hardWeight: 100)
    }
    return Score(hard: delta.hard, soft: delta.soft)
}

/// What the move should do to the roster, written independently of the search state.
func applyByHand(_ move: Move, to s: inout Schedule, in p: CompiledProblem) {
    switch move {
    case .change(let m):
        s[staff: m.staff, day: m.day] = m.value
    case .exchangeDays(let m):
        for i in 0..<m.length {
            let a = s[staff: m.staff, day: m.first + i]
            s[staff: m.staff, day: m.first + i] = s[staff: m.staff, day: m.second + i]
            s[staff: m.staff, day: m.second + i] = a
        }
    case .swapBlock(let m):
        for d in m.start..<(m.start + m.length) {
            let a = s[staff: m.first, day: d]
            s[staff: m.first, day: d] = s[staff: m.second, day: d]
            s[staff: m.second, day: d] = a
        }
    case .swapDays(let m):
        for d in [m.day1, m.day2] {
            let a = s[staff: m.first, day: d]
            s[staff: m.first, day: d] = s[staff: m.second, day: d]
            s[staff: m.second, day: d] = a
        }
    case .assignBlock(let m):
        for d in m.start..<(m.start + m.length) { s[staff: m.staff, day: d] = m.value }
    case .crewBlock(let m):
        // Each member takes the value, else the first post of its shift and site they may hold (by
        // their skills and sites), else stays; fixed cells (leave, pins) stay.
        let v = Int(m.value)
        let crew = p.problem.crews[m.crew]
        for id in crew.members {
            let e = p.staffIndex[id]!
            let member = p.problem.staff[e]
            let sites = Set([member.homeSite] + member.deployableSites)
            func holds(_ w: Int) -> Bool {
                sites.contains(p.problem.sites[Int(p.valueSite[w])].id)
                    && (p.valueSkill[w] < 0 || member.skills.contains(p.problem.skills[Int(p.valueSkill[w])].id))
            }
            let w = v == 0 || holds(v) ? v
                : (1..<p.valueCount).first { p.valueShift[$0] == p.valueShift[v] && p.valueSite[$0] == p.valueSite[v] && holds($0) }
            guard let w else { continue }
            for d in m.start..<(m.start + m.length) where p.fixed[e * p.days + d] == 0 { s[staff: e, day: d] = UInt8(w) }
        }
    case .rebuildWindow, .reassignBlock, .reassignDay:
        Issue.record("a rebuild or a reassignment is an optimisation: it has no by-hand equivalent")
    }
}

/// The staff rows a move rewrites.
func rows(of move: Move, in p: CompiledProblem) -> [Int] {
    switch move {
    case .change(let m): [m.staff]
    case .exchangeDays(let m): [m.staff]
    case .swapBlock(let m): [m.first, m.second]
    case .swapDays(let m): [m.first, m.second]
    case .assignBlock(let m): [m.staff]
    case .crewBlock(let m): p.problem.crews[m.crew].members.map { p.staffIndex[$0]! }
    case .rebuildWindow(let m): [m.first, m.second, m.third].filter { $0 >= 0 }
    case .reassignBlock, .reassignDay: []   // the reassigner's group
    }
}

/// People on each (day, post), counted from scratch, in `SearchState.coverCount`'s layout.
func coverCounts(_ p: CompiledProblem, _ s: Schedule) -> [Int32] {
    var counts = [Int32](repeating: 0, count: p.days * p.postCount)
    for e in 0..<p.staffCount {
        for d in 0..<p.days where s[staff: e, day: d] != 0 {
            let v = Int(s[staff: e, day: d])
            counts[d * p.postCount + v - 1] += 1
            if p.coverParent[v] > 0 { counts[d * p.postCount + Int(p.coverParent[v]) - 1] += 1 }
        }
    }
    return counts
}

// MARK: - Random operations in Rotor's own model

/// A random problem in Rotor's own model that switches on every rule kind at random, hard or soft,
/// with several sites in different time zones, horizons across daylight-saving changes, skills,
/// history, pins, leave, travel, fairness and stability: the edge cases no benchmark has. With
/// `only`, every contract holds that family's example and up to two more random rules of it alone.
func randomOperation(seed: UInt64, only: RuleName? = nil) -> Problem {
    var r = RandomSource(seed: seed)
    func pick<T>(_ items: [T]) -> T { items[r.below(items.count)] }
    func weight() -> Weight { r.below(2) == 0 ? .hard : .soft(1 + r.below(9)) }
    let starts = ["2027-03-24", "2027-10-27", "2027-03-10", "2027-01-04", "2027-11-05"].map { LocalDate($0)! }
    let start = pick(starts)
    let days = 1 + r.below(24)
    let zones = ["Europe/Berlin", "Europe/London", "America/New_York", "UTC", "Pacific/Auckland", "America/Los_Angeles",
                 "Asia/Kolkata", "America/St_Johns"]
    let sites = (0..<(1 + r.below(3))).map { Site(id: "X\($0)", timeZone: r.below(3) == 0 ? nil : pick(zones)) }
    let skills = (0..<r.below(3)).map { Skill(id: "k\($0)") }
    let shifts = (0..<(1 + r.below(3))).map { i -> ShiftType in
        let startMinute = pick([0, 90, 150, 360, 420, 840, 1140, 1320, 1410])
        return ShiftType(id: "T\(i)", startMinute: startMinute, minutes: pick([240, 480, 600, 720, 1440, 150, 1050]),
                         tags: startMinute >= 1140 || r.below(4) == 0 ? ["night"] : [])
    }
    func date(_ d: Int) -> LocalDate { start.adding(days: d) }
    let kinds: [() -> RuleKind] = [
        { .minRest(minutes: pick([600, 660, 720, 900])) },
        { .maxMinutesInWindow(days: r.below(4) == 0 ? days + 1 + r.below(120) : 1 + r.below(8), minutes: pick([480, 1200, 2400, 3600, 48_960])) },
        {
            let lo = r.below(3000)
            let bounds = r.below(3)   // minimum only, maximum only, or both
            return .minutesPerPeriod(periodDays: r.below(2) == 0 ? nil : 1 + r.below(r.below(3) == 0 ? 40 : 10), min: bounds == 1 ? nil : lo,
                                     max: bounds == 0 ? nil : lo + 600 + r.below(4000))
        },
        {
            let lo = 1 + r.below(4)
            return .shiftsPerPeriod(periodDays: r.below(2) == 0 ? nil : 1 + r.below(r.below(3) == 0 ? 40 : 10), min: lo, max: r.below(3) == 0 ? nil : lo + r.below(8))
        },
        { .maxConsecutiveDays(1 + r.below(6)) },
        { .minConsecutiveDays(1 + r.below(4)) },
        { .minConsecutiveDaysOff(1 + r.below(3)) },
        { .maxConsecutiveNights(1 + r.below(4)) },
        { .minRestAfterNights(minutes: pick([1440, 2760])) },
        { .maxShiftsOfType(shift: pick(shifts).id, max: r.below(days + 1)) },
        { .forbiddenSuccession(from: pick(shifts).id, to: pick(shifts).id) },
        { .maxWeekends(r.below(3)) },
        { .completeWeekends },
        { .workRestRatio(work: 1 + r.below(3), rest: 1 + r.below(2)) },
        { .maxShiftMinutes(pick([480, 660, 720])) },
        { .weeklyRest(minutes: pick([1440, 2100, 3000])) },
        { .maxDeploymentDays(1 + r.below(10)) },
        { .rotation(pattern: (0..<(1 + r.below(9))).map { _ in pick(["-", "*"] + shifts.map(\.id)) }, start: r.below(2) == 0 ? nil : date(r.below(30) - 15)) },
        { .preset(pick(RulePreset.allCases)) },
    ]
    let contracts = (0..<(1 + r.below(2))).map { c in
        guard let only else { return Contract(id: "C\(c)", rules: (0..<r.below(10)).map { _ in ContractRule(pick(kinds)(), weight()) }) }
        // The example, its shifts replaced by this problem's.
        let example = only.family.values(only.family.example)!.mapValues { value -> RuleValue in
            switch value {
            case .shift: return .shift(pick(shifts).id)
            case .pattern(let days): return .pattern(days.map { $0 == "-" || $0 == "*" ? $0 : pick(shifts).id })
            default: return value
            }
        }
        var rules = [ContractRule(only.family.kind(example), weight())]
        for _ in 0..<r.below(3) {
            for _ in 0..<200 {
                let kind = pick(kinds)()
                if kind.name == only { rules.append(ContractRule(kind, weight())); break }
            }
        }
        return Contract(id: "C\(c)", rules: rules)
    }
    let staff = (0..<(1 + r.below(6))).map { e -> StaffMember in
        let home = e % 2 == 0 ? sites[0].id : pick(sites).id
        let memberSkills = skills.filter { _ in r.below(2) == 0 }.map(\.id)
        var unavailable: [DateRange] = []
        if r.below(3) == 0 {
            let a = r.below(days)
            unavailable.append(DateRange(from: date(a), to: date(min(days - 1, a + r.below(4)))))
        }
        let leave = Set(unavailable.flatMap { range in (0..<days).filter { range.from <= date($0) && date($0) <= range.to } })
        let requests = (0..<r.below(4)).map { _ in
            Request(date: date(r.below(days)), shift: r.below(3) == 0 ? nil : pick(shifts).id, on: r.below(2) == 0, weight: 1 + r.below(5))
        }
        var pinned: [Pin] = []
        if home == sites[0].id && r.below(3) == 0 {
            let d = r.below(days)
            if !leave.contains(d) { pinned.append(Pin(date: date(d), shift: r.below(4) == 0 ? nil : pick(shifts).id)) }
        }
        let history: [HistoryShift]? = r.below(2) == 0 ? nil : (1...(1 + r.below(6))).compactMap { back in
            r.below(3) == 0 ? nil : HistoryShift(date: date(-back), shift: pick(shifts).id, site: r.below(2) == 0 ? nil : pick(sites).id)
        }
        return StaffMember(id: "P\(e)", skills: memberSkills, homeSite: home,
                           deployableSites: sites.map(\.id).filter { $0 != home && r.below(2) == 0 },
                           contract: pick(contracts).id, unavailable: unavailable, requests: requests, pinned: pinned, history: history,
                           rotationStart: e % 3 == 1 ? date(-5 * e) : nil)
    }
    var demand = shifts.map { Demand(site: sites[0].id, shift: $0.id, minimum: r.below(2), minimumWeight: weight(), preferred: 1 + r.below(2),
                                     preferredWeight: r.below(20), maximum: 2 + r.below(2), overWeight: r.below(5)) }
    // Skill lines ask for nobody at the minimum: whether anyone can fill them is random.
    for _ in 0..<r.below(5) {
        let selector: DaySelector = pick([.everyDay, .weekdays([6, 7]), .dates([date(r.below(days))]),
                                          .range(from: date(r.below(days)), to: date(days - 1))])
        demand.append(Demand(site: pick(sites).id, shift: pick(shifts).id, skill: skills.isEmpty || r.below(2) == 0 ? nil : pick(skills).id,
                             days: selector, minimum: 0, minimumWeight: weight(), preferred: r.below(2) == 0 ? nil : 1 + r.below(2),
                             preferredWeight: r.below(10), maximum: r.below(2) == 0 ? nil : 2 + r.below(3), overWeight: r.below(5)))
    }
    let travel = sites.count < 2 ? [] : [Travel(from: sites[0].id, to: sites[1].id, minutes: pick([0, 120, 600, 1500]))]
    let fairness = (0..<r.below(3)).map { _ in
        FairnessGoal(measure: pick(FairnessGoal.Measure.allCases), contract: r.below(2) == 0 ? nil : pick(contracts).id, weight: 1 + r.below(3))
    }
    // A person-date at most once.
    var previous: [String: PreviousAssignment] = [:]
    let stability: Stability? = r.below(3) != 0 ? nil : Stability(weight: 1 + r.below(5), previous: (0..<r.below(8)).compactMap { _ in
        let entry = PreviousAssignment(staff: pick(staff).id, date: date(r.below(days)), shift: pick(shifts).id)
        let key = "\(entry.staff) \(entry.date)"
        guard previous[key] == nil else { return nil }
        previous[key] = entry
        return entry
    })
    // Crews from the staff's order, hard and soft, together and apart (no draws: other tests' problems stay the same).
    var crews: [Crew] = []
    for c in 0..<Int(seed % 3) {
        let members: [String] = stride(from: c % 2, to: staff.count, by: 1 + c).map { staff[$0].id }
        let weight: Weight = seed % 2 == 0 ? .hard : .soft(1 + c)
        if members.count >= 2 { crews.append(Crew(id: "crew\(c)", members: members, apart: c == 1, weight: weight)) }
    }
    return Problem(name: "operation\(seed)", horizon: Horizon(start: start, days: days, timeZone: "Europe/Berlin"),
                   sites: sites, skills: skills, shiftTypes: shifts, contracts: contracts, staff: staff, demand: demand,
                   travel: travel, fairness: fairness, stability: stability, crews: crews)
}

/// The best objective of every roster of a tiny problem that keeps the hard rules (nil: none does).
func exhaustiveOptimum(_ p: CompiledProblem) -> Int? {
    let cells = p.staffCount * p.days
    var schedule = Schedule(staffCount: p.staffCount, days: p.days)
    var best: Int?
    while true {
        let score = Evaluation(p, schedule).score
        if score.hard == 0 { best = min(best ?? .max, score.soft) }
        var i = 0
        while i < cells && Int(schedule.cells[i]) == p.valueCount - 1 { schedule.cells[i] = 0; i += 1 }
        if i == cells { return best }
        schedule.cells[i] += 1
    }
}

/// A small problem of the benchmark's model whose linear programme is often fractional: 3 or 4
/// staff over 4 or 5 days with one shift type (or 3 days with two), runs of at least two days,
/// day and minute limits, requests and cover that the staff cannot all meet.
func tinyCoupledProblem(seed: UInt64) -> CurtoisProblem {
    var r = RandomSource(seed: seed)
    let twoTypes = r.below(3) == 0
    let days = twoTypes ? 3 : 4 + r.below(2)
    let shiftIDs = twoTypes ? ["E", "L"] : ["D"]
    let shifts = shiftIDs.map { CurtoisShiftType(id: $0, minutes: 480, forbiddenNext: $0 == "L" ? ["E"] : []) }
    let staff = (0..<(3 + r.below(2))).map { e in
        CurtoisStaffMember(
            id: "P\(e)",
            contract: contract(maxMinutes: 480 * (2 + r.below(days - 1)), minMinutes: 480 * r.below(2),
                               maxRun: 2 + r.below(3), minRun: r.below(3), minOff: r.below(3), maxWeekends: 1 + r.below(2)),
            daysOff: (0..<days).filter { _ in r.below(8) == 0 })
    }
    func requests() -> [CurtoisRequest] {
        (0..<r.below(2 * days)).map { _ in
            CurtoisRequest(staff: "P\(r.below(staff.count))", day: r.below(days), shift: shiftIDs[r.below(shiftIDs.count)],
                           weight: 1 + r.below(5))
        }
    }
    let cover = (0..<days).flatMap { day in
        shiftIDs.map { CurtoisCover(day: day, shift: $0, required: 1 + r.below(3), underWeight: 5 + r.below(20), overWeight: r.below(4)) }
    }
    return CurtoisProblem(name: "tiny\(seed)", horizonDays: days, shiftTypes: shifts, staff: staff,
                          shiftOnRequests: requests(), shiftOffRequests: requests(), cover: cover)
}
