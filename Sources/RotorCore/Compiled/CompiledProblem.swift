import Foundation

/// The problem as the solver sees it: identifiers replaced by small integers and every fact laid out
/// in flat contiguous arrays, so the inner loop touches no strings or dictionaries.
///
/// Cell values: 0 is a day off, `v ≥ 1` is post `v`: one (shift type, site, skill) a person can be
/// rostered on. Posts come from the demand: a (site, shift) pair with each skill its demand lines
/// name, and without a skill where a line names none. Nobody works where no demand line asks. Staff member `e`'s day `d` lives at index `e * days + d` of every
/// per-cell array; per (day, value) arrays are indexed `d * valueCount + v`.
public struct CompiledProblem: Sendable {
    public let problem: Problem
    public let staffCount: Int
    public let days: Int
    public let shiftCount: Int
    public let siteCount: Int
    /// Number of cell values: posts plus "off".
    public let valueCount: Int
    public var postCount: Int { valueCount - 1 }

    // Posts, per value (index 0, off, holds -1).
    public let valueShift: ContiguousArray<Int32>
    public let valueSite: ContiguousArray<Int32>
    public let valueSkill: ContiguousArray<Int32>
    public let valueIsNight: ContiguousArray<UInt8>

    // The real clock, per (day, value): minutes since 1970-01-01 UTC and real length.
    public let cellStart: ContiguousArray<Int32>
    public let cellEnd: ContiguousArray<Int32>
    public let cellMinutes: ContiguousArray<Int32>

    /// Calendar: the weekend (index) each day belongs to, -1 on a weekday; weekends are Saturday–Sunday
    /// pairs with at least one day in the horizon.
    public let weekendOfDay: ContiguousArray<Int32>
    public let weekendCount: Int

    // Staff.
    public let staffContract: ContiguousArray<Int32>
    public let homeSite: ContiguousArray<Int32>
    /// 1 where staff member `e` may hold value `v` (skills and sites): `[e * valueCount + v]`.
    public let allowed: ContiguousArray<UInt8>
    /// The values each staff member may hold, off excluded: `allowedValues[allowedStart[e] ..< allowedStart[e + 1]]`.
    public let allowedStart: ContiguousArray<Int32>
    public let allowedValues: ContiguousArray<UInt8>
    /// Cells whose value is fixed: 0 free, otherwise the fixed value + 1 (an unavailable day is fixed to off).
    public let fixed: ContiguousArray<UInt8>
    /// Penalty of each value in each cell from rules about single cells (unavailability, pins,
    /// eligibility, shift length; requests and stability): `[(e * days + d) * valueCount + v]`.
    public let cellHard: ContiguousArray<Int32>
    public private(set) var cellSoft: ContiguousArray<Int32>

    // History before the horizon, per staff member.
    public let historyKnown: ContiguousArray<UInt8>
    /// Days worked in a row up to the day before the horizon, nights likewise.
    public let historyWorkRun: ContiguousArray<Int32>
    public let historyNightRun: ContiguousArray<Int32>
    /// The first day (negative) of a deployment the history leaves open (its last shifts away from
    /// home), 0 when it leaves none.
    public let historyDeploymentStart: ContiguousArray<Int32>
    /// The history's shifts on the real clock, by date: staff member `e`'s are
    /// `historyShiftsStart[e] ..< historyShiftsStart[e + 1]`, each with its day (negative), start and
    /// end (epoch minutes), site, shift type and whether it is a night.
    public let historyShiftsStart: ContiguousArray<Int32>
    public let historyShiftDay: ContiguousArray<Int32>
    public let historyShiftStart: ContiguousArray<Int32>, historyShiftEnd: ContiguousArray<Int32>
    public let historyShiftSite: ContiguousArray<Int32>, historyShiftType: ContiguousArray<Int32>
    public let historyShiftNight: ContiguousArray<UInt8>
    /// Minutes worked on each of the `historyDays` days before the horizon: `[e * historyDays + k]` is day `k - historyDays`.
    public let historyDays: Int
    public let historyMinutes: ContiguousArray<Int32>

    // Contract rules, per staff member, as lists of instances.
    package let rules: CompiledRules

    /// The post whose cover a person on post `v` also counts towards: the skill-less post of the same
    /// (shift, site) when `v` has a skill and that post exists, else -1. A demand line without a skill
    /// counts everyone working that shift at that site, whatever skill they were assigned with.
    public let coverParent: ContiguousArray<Int32>

    // Demand, per (day, post): `[d * postCount + (v - 1)]`; a skill-less post's numbers are those of
    // the lines without a skill, and count everyone on the (shift, site).
    public let coverMin: ContiguousArray<Int32>
    public let coverMinWeight: ContiguousArray<Int32>
    public let coverPreferred: ContiguousArray<Int32>
    public let coverPreferredWeight: ContiguousArray<Int32>
    public let coverMax: ContiguousArray<Int32>
    public let coverOverWeight: ContiguousArray<Int32>

    /// Minutes of travel between two sites: `[a * siteCount + b]`.
    public let travelMinutes: ContiguousArray<Int32>
    package let crews: CompiledCrews

    /// Name lookups for explanations and formats; never used in the search loop.
    public let staffIndex: [String: Int]
    public let shiftIndex: [String: Int]
    public let siteIndex: [String: Int]
    public let skillIndex: [String: Int]
    public func staffName(_ e: Int) -> String { problem.staff[e].id }
    /// How explanations name a person: `Finn Byrne (finn)`, or just the id when there is no other name.
    public func staffLabel(_ e: Int) -> String {
        let member = problem.staff[e]
        return member.name == member.id ? member.id : "\(member.name) (\(member.id))"
    }
    public func shiftName(_ s: Int) -> String { s >= 0 && s < shiftCount ? problem.shiftTypes[s].id : "off" }
    public func date(_ d: Int) -> LocalDate { problem.horizon.start.adding(days: d) }
    /// A value as a planner reads it: `N`, `N@north`, `N@north/medic` (site and skill only when the problem has several / any).
    public func valueName(_ v: Int) -> String {
        guard v > 0 && v < valueCount else { return "off" }
        var name = shiftName(Int(valueShift[v]))
        if siteCount > 1 { name += "@" + problem.sites[Int(valueSite[v])].id }
        if valueSkill[v] >= 0 { name += "/" + problem.skills[Int(valueSkill[v])].id }
        return name
    }
    /// The value of a (shift, site, skill) post, nil when there is no such post.
    public func value(shift: Int, site: Int, skill: Int?) -> Int? {
        (1..<valueCount).first { valueShift[$0] == shift && valueSite[$0] == site && valueSkill[$0] == Int32(skill ?? -1) }
    }

    public init(_ problem: Problem) throws(ModelError) {
        let issues = problem.validationErrors()
        if !issues.isEmpty { throw ModelError(issues) }
        var errors: [String] = []
        let H = problem.horizon.days
        let S = problem.shiftTypes.count, X = problem.sites.count, E = problem.staff.count
        let shiftIndex = Dictionary(problem.shiftTypes.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        let siteIndex = Dictionary(problem.sites.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        let skillIndex = Dictionary(problem.skills.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        let staffIndex = Dictionary(problem.staff.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        let contractIndex = Dictionary(problem.contracts.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })

        // Posts: every (shift, site) with the skills its demand names, or no skill where none does.
        var posts: [(shift: Int, site: Int, skill: Int)] = []
        for s in 0..<S {
            for x in 0..<X {
                let lines = problem.demand.filter { shiftIndex[$0.shift] == s && siteIndex[$0.site] == x }
                let skills = Set(lines.compactMap { $0.skill.flatMap { skillIndex[$0] } }).sorted()
                if lines.contains(where: { $0.skill == nil }) { posts.append((s, x, -1)) }
                for k in skills { posts.append((s, x, k)) }
            }
        }
        if posts.isEmpty {
            throw ModelError(["$.shifts: there is no post to roster anyone on: the problem needs at least one shift type and one site"])
        }
        if posts.count > 254 {
            errors.append("the problem has \(posts.count) (shift, site, skill) posts; at most 254 are supported")
            throw ModelError(errors)
        }
        let V = posts.count + 1
        var valueShift = ContiguousArray<Int32>([-1]), valueSite = ContiguousArray<Int32>([-1])
        var valueSkill = ContiguousArray<Int32>([-1]), valueIsNight = ContiguousArray<UInt8>([0])
        for p in posts {
            valueShift.append(Int32(p.shift))
            valueSite.append(Int32(p.site))
            valueSkill.append(Int32(p.skill))
            valueIsNight.append(problem.shiftTypes[p.shift].isNight ? 1 : 0)
        }

        // The real clock: each site's shifts on its own wall clock.
        let start = problem.horizon.start
        let zones = problem.sites.map { Self.zone($0.timeZone ?? problem.horizon.timeZone) }
        func epochMinutes(_ zone: TimeZone, day: Int, minute: Int) -> Int {
            Self.epochMinutes(zone, date: start.adding(days: day), minute: minute)
        }
        var cellStart = ContiguousArray<Int32>(repeating: 0, count: H * V)
        var cellEnd = cellStart, cellMinutes = cellStart
        for d in 0..<H {
            for v in 1..<V {
                let type = problem.shiftTypes[Int(valueShift[v])]
                let zone = zones[Int(valueSite[v])]
                let a = epochMinutes(zone, day: d, minute: type.startMinute)
                let b = epochMinutes(zone, day: d, minute: type.startMinute + type.minutes)
                cellStart[d * V + v] = Int32(clamping: a)
                cellEnd[d * V + v] = Int32(clamping: b)
                cellMinutes[d * V + v] = Int32(clamping: b - a)
            }
        }

        // Weekends.
        var weekendOfDay = ContiguousArray<Int32>(repeating: -1, count: H)
        var weekendCount = 0
        for d in 0..<H where start.adding(days: d).isWeekend {
            let wd = start.adding(days: d).weekday
            if wd == 6 || d == 0 { weekendCount += 1 }
            weekendOfDay[d] = Int32(weekendCount - 1)
        }

        // Staff: eligibility, fixed cells, single-cell penalties, history.
        var allowed = ContiguousArray<UInt8>(repeating: 0, count: E * V)
        var allowedStart = ContiguousArray<Int32>([0]), allowedValues = ContiguousArray<UInt8>()
        var staffContract = ContiguousArray<Int32>(), homeSite = ContiguousArray<Int32>()
        var fixed = ContiguousArray<UInt8>(repeating: 0, count: E * H)
        var cellHard = ContiguousArray<Int32>(repeating: 0, count: E * H * V)
        var cellSoft = cellHard
        let historyDays = max(0, Self.longestWindow(problem) - 1)
        var historyKnown = ContiguousArray<UInt8>(), historyWorkRun = ContiguousArray<Int32>()
        var historyNightRun = ContiguousArray<Int32>(), historyDeploymentStart = ContiguousArray<Int32>()
        var historyShiftsStart = ContiguousArray<Int32>([0]), historyShiftDay = ContiguousArray<Int32>()
        var historyShiftStart = ContiguousArray<Int32>(), historyShiftEnd = ContiguousArray<Int32>()
        var historyShiftSite = ContiguousArray<Int32>(), historyShiftType = ContiguousArray<Int32>()
        var historyShiftNight = ContiguousArray<UInt8>()
        var historyMinutes = ContiguousArray<Int32>(repeating: 0, count: E * historyDays)
        for (e, member) in problem.staff.enumerated() {
            let c = contractIndex[member.contract] ?? 0
            staffContract.append(Int32(c))
            let home = siteIndex[member.homeSite] ?? 0
            homeSite.append(Int32(home))
            let sites = Set([home] + member.deployableSites.compactMap { siteIndex[$0] })
            let skills = Set(member.skills.compactMap { skillIndex[$0] })
            for v in 1..<V where sites.contains(Int(valueSite[v])) && (valueSkill[v] < 0 || skills.contains(Int(valueSkill[v]))) {
                allowed[e * V + v] = 1
                allowedValues.append(UInt8(v))
            }
            allowed[e * V] = 1
            allowedStart.append(Int32(allowedValues.count))
            for v in 1..<V where allowed[e * V + v] == 0 {
                for d in 0..<H { cellHard[(e * H + d) * V + v] += Int32(hardUnit) }
            }
            for range in member.unavailable {
                let a = max(range.from.days(since: start), 0), b = min(range.to.days(since: start), H - 1)
                guard a <= b else { continue }
                for d in a...b {
                    fixed[e * H + d] = 1
                    for v in 1..<V { cellHard[(e * H + d) * V + v] += Int32(hardUnit) }
                }
            }
            for pin in member.pinned {
                let d = pin.date.days(since: start)
                guard d >= 0 && d < H else { continue }
                var value = 0
                if let shift = pin.shift {
                    let s = shiftIndex[shift] ?? 0
                    let x = pin.site.flatMap { siteIndex[$0] } ?? home
                    let skill = pin.skill.flatMap { skillIndex[$0] }.map(Int32.init)
                    let candidates = (1..<V).filter { v in
                        valueShift[v] == s && valueSite[v] == x && (skill == nil || skill == valueSkill[v]) && allowed[e * V + v] != 0
                    }
                    guard let v = candidates.first else {
                        errors.append("\(member.id)'s pin on \(pin.date) names a post (\(shift) at \(problem.sites[x].id)) they cannot hold")
                        continue
                    }
                    value = v
                }
                fixed[e * H + d] = UInt8(value + 1)
                for v in 0..<V where v != value { cellHard[(e * H + d) * V + v] += Int32(hardUnit) }
            }
            for request in member.requests {
                let d = request.date.days(since: start)
                guard d >= 0 && d < H else { continue }
                let s = request.shift.flatMap { shiftIndex[$0] }
                for v in 0..<V {
                    let matches = v != 0 && (s == nil || Int(valueShift[v]) == s)
                    if matches != request.on { cellSoft[(e * H + d) * V + v] += Int32(clamping: request.weight) }
                }
            }
            // History: each shift at its own site (default home) on that site's clock, whether or not
            // any demand line asks for it there; at most one a date (validation).
            historyKnown.append(member.history == nil ? 0 : 1)
            var worked: [(day: Int, shift: Int, site: Int)] = []
            for h in member.history ?? [] {
                let d = h.date.days(since: start)
                guard d < 0, let s = shiftIndex[h.shift] else { continue }
                worked.append((d, s, h.site.flatMap { siteIndex[$0] } ?? home))
            }
            worked.sort { $0.day < $1.day }
            let nightShift = { (s: Int) in problem.shiftTypes[s].isNight }
            var run = 0
            while run < worked.count && worked[worked.count - 1 - run].day == -1 - run { run += 1 }
            var nights = 0
            while nights < run && nightShift(worked[worked.count - 1 - nights].shift) { nights += 1 }
            historyWorkRun.append(Int32(run))
            historyNightRun.append(Int32(nights))
            // A deployment that the history's last shifts leave open: its first away day.
            var deploymentStart = 0
            for w in worked.reversed() {
                guard w.site != home else { break }
                deploymentStart = w.day
            }
            historyDeploymentStart.append(Int32(clamping: deploymentStart))
            for w in worked {
                let type = problem.shiftTypes[w.shift]
                let a = epochMinutes(zones[w.site], day: w.day, minute: type.startMinute)
                let b = epochMinutes(zones[w.site], day: w.day, minute: type.startMinute + type.minutes)
                historyShiftDay.append(Int32(clamping: w.day))
                historyShiftStart.append(Int32(clamping: a))
                historyShiftEnd.append(Int32(clamping: b))
                historyShiftSite.append(Int32(w.site))
                historyShiftType.append(Int32(w.shift))
                historyShiftNight.append(nightShift(w.shift) ? 1 : 0)
                if w.day >= -historyDays { historyMinutes[e * historyDays + historyDays + w.day] += Int32(clamping: b - a) }
            }
            historyShiftsStart.append(Int32(historyShiftDay.count))
        }

        // Demand per (day, post): the lines that apply to the same (site, shift, skill) on a day add up
        // (see `DemandSlot`).
        let P = V - 1
        var coverParent = ContiguousArray<Int32>(repeating: -1, count: V)
        for v in 1..<V where valueSkill[v] >= 0 {
            coverParent[v] = Int32((1..<V).first { valueShift[$0] == valueShift[v] && valueSite[$0] == valueSite[v] && valueSkill[$0] < 0 } ?? -1)
        }
        var coverMin = ContiguousArray<Int32>(repeating: 0, count: H * P)
        var coverMinWeight = coverMin, coverPreferred = coverMin, coverPreferredWeight = coverMin
        var coverMax = ContiguousArray<Int32>(repeating: Int32.max, count: H * P), coverOverWeight = coverMin
        var linesByPost = [[Demand]](repeating: [], count: V)
        for line in problem.demand {
            guard let s = shiftIndex[line.shift], let x = siteIndex[line.site] else { continue }
            let k = line.skill.flatMap { skillIndex[$0] } ?? -1
            guard let v = (1..<V).first(where: { valueShift[$0] == s && valueSite[$0] == x && valueSkill[$0] == k }) else { continue }
            linesByPost[v].append(line)
        }
        for v in 1..<V where !linesByPost[v].isEmpty {
            for d in 0..<H {
                let date = start.adding(days: d)
                guard let slot = DemandSlot(linesByPost[v].filter { $0.days.contains(date) }) else { continue }
                let i = d * P + v - 1
                coverMin[i] = slot.minimum
                coverMinWeight[i] = slot.minimumWeight
                coverPreferred[i] = slot.preferred
                coverPreferredWeight[i] = slot.preferredWeight
                coverMax[i] = slot.maximum
                coverOverWeight[i] = slot.overWeight
            }
        }

        var travel = ContiguousArray<Int32>(repeating: 0, count: X * X)
        for t in problem.travel {
            guard let a = siteIndex[t.from], let b = siteIndex[t.to] else { continue }
            travel[a * X + b] = Int32(clamping: t.minutes)
            if problem.travel.first(where: { $0.from == t.to && $0.to == t.from }) == nil { travel[b * X + a] = Int32(clamping: t.minutes) }
        }

        let rules = CompiledRules(problem, staffContract: staffContract, shiftIndex: shiftIndex, valueShift: valueShift,
                                  days: H, cellMinutes: cellMinutes, cellStart: cellStart, cellEnd: cellEnd, fixedCellHard: &cellHard, cellSoft: &cellSoft)
        if !errors.isEmpty { throw ModelError(errors) }
        // A forbidden succession from the history's shift on the day before the horizon to a shift on
        // the first day is a penalty of that first-day cell (the history is fixed).
        if H > 0 {
            for e in 0..<E where historyWorkRun[e] > 0 {
                let last = Int(historyShiftsStart[e + 1]) - 1
                let from = problem.shiftTypes[Int(historyShiftType[last])].id
                let contract = problem.contracts[Int(staffContract[e])]
                for v in 1..<V {
                    let to = problem.shiftTypes[Int(valueShift[v])].id
                    let charge = ShiftSuccessionRule.charge(contract, from: from, to: to)
                    cellHard[(e * H) * V + v] += Int32(clamping: charge.hard)
                    cellSoft[(e * H) * V + v] += Int32(clamping: charge.soft)
                }
            }
        }

        self.problem = problem
        self.staffCount = E
        self.days = H
        self.valueCount = V
        self.valueShift = valueShift
        self.valueSite = valueSite
        self.valueSkill = valueSkill
        self.homeSite = homeSite
        self.allowed = allowed
        self.staffIndex = staffIndex
        self.shiftIndex = shiftIndex
        self.siteIndex = siteIndex
        self.skillIndex = skillIndex
        self.shiftCount = S
        self.siteCount = X
        self.valueIsNight = valueIsNight
        self.cellStart = cellStart
        self.cellEnd = cellEnd
        self.cellMinutes = cellMinutes
        self.weekendOfDay = weekendOfDay
        self.weekendCount = weekendCount
        self.staffContract = staffContract
        self.allowedStart = allowedStart
        self.allowedValues = allowedValues
        self.fixed = fixed
        self.cellHard = cellHard
        self.cellSoft = cellSoft
        self.historyKnown = historyKnown
        self.historyWorkRun = historyWorkRun
        self.historyNightRun = historyNightRun
        self.historyDeploymentStart = historyDeploymentStart
        self.historyShiftsStart = historyShiftsStart
        self.historyShiftDay = historyShiftDay
        self.historyShiftStart = historyShiftStart
        self.historyShiftEnd = historyShiftEnd
        self.historyShiftSite = historyShiftSite
        self.historyShiftType = historyShiftType
        self.historyShiftNight = historyShiftNight
        self.historyDays = historyDays
        self.historyMinutes = historyMinutes
        self.rules = rules
        self.coverParent = coverParent
        self.coverMin = coverMin
        self.coverMinWeight = coverMinWeight
        self.coverPreferred = coverPreferred
        self.coverPreferredWeight = coverPreferredWeight
        self.coverMax = coverMax
        self.coverOverWeight = coverOverWeight
        self.travelMinutes = travel
        self.crews = CompiledCrews(problem, staffIndex: staffIndex)
        if let stability = problem.stability, stability.weight > 0 {
            let previous = previousSchedule
            for e in 0..<E {
                for d in 0..<H {
                    for v in 0..<V where v != Int(previous[staff: e, day: d]) {
                        self.cellSoft[(e * H + d) * V + v] += Int32(clamping: stability.weight)
                    }
                }
            }
        }
    }

    static func zone(_ identifier: String) -> TimeZone {
        TimeZone(identifier: identifier) ?? TimeZone(secondsFromGMT: 0)!
    }

    /// The UTC instant, in minutes since 1970-01-01, of a wall-clock time `minute` minutes after local
    /// midnight of `date` (the minute may pass 1440: a shift's end the next morning). Resolved as
    /// `java.time` and RFC 5545 do, the same way in every zone: a wall time that happens twice (clocks
    /// going back) is its first occurrence; a wall time in a gap (clocks going forward) is moved later
    /// by the length of the gap, i.e. read with the offset in force before the change.
    static func epochMinutes(_ zone: TimeZone, date: LocalDate, minute: Int) -> Int {
        let local = date.daysSinceEpoch * 1440 + minute
        func offset(_ utcMinute: Int) -> Int { zone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(utcMinute * 60))) / 60 }
        // The offsets in force a day before and a day after (no zone changes twice within two days).
        let before = offset(local - 1440), after = offset(local + 1440)
        let early = local - before
        if offset(early) == before { return early }   // valid with the earlier offset: also the first of two
        let late = local - after
        if offset(late) == after { return late }
        return early   // in a gap: the earlier offset moves it later by the gap
    }

    /// Local midnight of day `d` in the horizon's time zone, in epoch minutes (`d` may be `days`).
    public func dayStartEpochMinutes(_ d: Int) -> Int {
        Self.epochMinutes(Self.zone(problem.horizon.timeZone), date: date(d), minute: 0)
    }

    /// The offset from UTC, in minutes, of a time zone at an instant.
    public func offsetMinutes(zone: String, epochMinute: Int) -> Int {
        Self.zone(zone).secondsFromGMT(for: Date(timeIntervalSince1970: Double(epochMinute * 60))) / 60
    }

    /// The longest rolling window any contract uses, so that history can fill the first windows.
    private static func longestWindow(_ problem: Problem) -> Int {
        problem.contracts.flatMap { $0.expandedRules }.reduce(1) { longest, rule in
            if case .maxMinutesInWindow(let days, _) = rule.kind { return max(longest, days) }
            return longest
        }
    }

    /// Whether a value may be placed in a cell: fixed cells take their fixed value only, others any
    /// value the person is eligible for. Moves never break this.
    @inline(__always) public func accepts(_ e: Int, _ d: Int, _ v: Int) -> Bool {
        let f = fixed[e * days + d]
        return f == 0 ? allowed[e * valueCount + v] != 0 : Int(f) - 1 == v
    }
}

/// The demand of one (site, shift, skill) on one day: the lines that apply add up. Minimums, preferred
/// numbers (a line without `preferred` prefers its minimum) and maximums are summed — the maximum only
/// when every line has one, else there is no limit — and each weight is the largest of the lines'
/// (a hard minimum when any line's is hard).
public struct DemandSlot: Sendable, Equatable {
    public var minimum: Int32, minimumWeight: Int32, preferred: Int32, preferredWeight: Int32, maximum: Int32, overWeight: Int32

    /// nil when no line applies.
    public init?(_ lines: [Demand]) {
        guard !lines.isEmpty else { return nil }
        minimum = Int32(clamping: lines.reduce(0) { $0 + $1.minimum })
        minimumWeight = lines.contains { $0.minimumWeight.isHard } ? -1 : Int32(clamping: lines.map(\.minimumWeight.softValue).max() ?? 0)
        preferred = Int32(clamping: lines.reduce(0) { $0 + ($1.preferred ?? $1.minimum) })
        preferredWeight = Int32(clamping: lines.map(\.preferredWeight).max() ?? 0)
        if lines.allSatisfy({ $0.maximum != nil }) {
            maximum = Int32(clamping: lines.reduce(0) { $0 + ($1.maximum ?? 0) })
            overWeight = Int32(clamping: lines.map(\.overWeight).max() ?? 0)
        } else {
            maximum = Int32.max
            overWeight = 0
        }
    }
}

extension Weight {
    /// The soft weight, 0 for hard.
    public var softValue: Int {
        if case .soft(let w) = self { return w }
        return 0
    }

    /// Compiled form: -1 for hard, the weight for soft.
    public var compiled: Int32 {
        switch self {
        case .hard: -1
        case .soft(let w): Int32(clamping: w)
        }
    }
}

extension DaySelector {
    public func contains(_ date: LocalDate) -> Bool {
        switch self {
        case .everyDay: true
        case .dates(let dates): dates.contains(date)
        case .weekdays(let days): days.contains(date.weekday)
        case .range(let from, let to): from <= date && date <= to
        }
    }
}
