/// The roster under search and its score, kept up to date move by move.
///
/// A move opens a transaction (`begin`), rewrites rows with `changeRow`, which returns the score
/// change, and is either kept (the next `begin` forgets the undo log) or undone with `rollback`.
/// `changeRow` rescores only what a change of days `a...b` can affect: those cells, the successions,
/// rests and runs around them, the rolling windows, weekends and rest weeks they fall in, the
/// deployment they belong to, the crews of the changed people on the changed days, and the counters
/// (shifts of each type, totals per period, days off each rotation phase, cover, fairness) they move. `Evaluation` is the from-scratch reference; `checkAgainstScratch()` compares.
///
/// Hot data lives in manually allocated buffers of small integers so that the inner loop is free of
/// reference counting, uniqueness checks and bounds checks. Every write to a counter goes through
/// the undo log, so `rollback` is one loop whatever the rules.
package final class SearchState {
    public let problem: CompiledProblem
    public let staffCount: Int, days: Int, shiftCount: Int, valueCount: Int, postCount: Int
    let rules: CompiledRules

    // Problem data (read-only copies).
    private let valueShift: UnsafeMutablePointer<Int32>
    private let valueSite: UnsafeMutablePointer<Int32>
    private let valueIsNight: UnsafeMutablePointer<UInt8>
    private let cellStart: UnsafeMutablePointer<Int32>, cellEnd: UnsafeMutablePointer<Int32>
    private let cellMinutes: UnsafeMutablePointer<Int32>
    private let weekendOfDay: UnsafeMutablePointer<Int32>
    private let staffContract: UnsafeMutablePointer<Int32>
    private let homeSite: UnsafeMutablePointer<Int32>
    private let cellHard: UnsafeMutablePointer<Int32>, cellSoft: UnsafeMutablePointer<Int32>
    /// Per cell (`[e * days + d]`): bit 0 when some value has a hard cell penalty there, bit 1 a soft
    /// one. Most cells have neither, and this small array spares the large tables' cache misses.
    private let cellFlags: UnsafeMutablePointer<UInt8>
    private let succession: UnsafeMutablePointer<Int32>, successionBase: UnsafeMutablePointer<Int32>
    /// Which optional rule families each staff member's contract has (`IncrementalScoring.mask`), so that the
    /// scorer skips the others without looking at their lists.
    private let families: UnsafeMutablePointer<UInt32>
    /// Demand per (day, post), packed so that one cache line holds all of a slot's numbers.
    private let cover: UnsafeMutablePointer<CoverSlot>
    private let travel: UnsafeMutablePointer<Int32>
    /// `CompiledRules.shiftsOfTypeStart` and its limits and weights.
    private let shiftsOfTypeStart: UnsafeMutablePointer<Int32>
    private let shiftsOfTypeLimit: UnsafeMutablePointer<Int32>, shiftsOfTypeWeight: UnsafeMutablePointer<Int32>
    /// Per value: the skill-less post of the same (shift, site) whose cover it also counts for, or -1.
    private let coverParent: UnsafeMutablePointer<Int32>
    /// Fixed cells (0 free, else value + 1) and eligibility (`[e * valueCount + v]`): moves keep to them.
    public let fixed: UnsafeMutablePointer<UInt8>
    public let allowed: UnsafeMutablePointer<UInt8>
    /// The values each person may hold, off excluded: `allowedValues[allowedStart[e] ..< allowedStart[e + 1]]`.
    public let allowedStart: UnsafeMutablePointer<Int32>
    public let allowedValues: UnsafeMutablePointer<UInt8>
    private let dayStart: UnsafeMutablePointer<Int32>

    // State.
    public let cells: UnsafeMutablePointer<UInt8>
    private let typeCount: UnsafeMutablePointer<Int32>
    /// Counters of the per-period totals: instance `i` of `minutesPerPeriod` uses
    /// `minutesPeriodCount[minutesPeriodBase[i] ...]`, one per period; likewise for shifts.
    private let minutesPeriodBase: UnsafeMutablePointer<Int32>, minutesPeriodCount: UnsafeMutablePointer<Int32>
    private let shiftsPeriodBase: UnsafeMutablePointer<Int32>, shiftsPeriodCount: UnsafeMutablePointer<Int32>
    private let weekendsWorked: UnsafeMutablePointer<Int32>
    /// `CompiledCrews`: each crew's members, apart flag and weight, and each person's crews.
    private let crewMemberStart: UnsafeMutablePointer<Int32>, crewMembers: UnsafeMutablePointer<Int32>
    private let crewApart: UnsafeMutablePointer<UInt8>, crewWeight: UnsafeMutablePointer<Int32>
    private let staffCrewStart: UnsafeMutablePointer<Int32>, staffCrews: UnsafeMutablePointer<Int32>
    /// The crews held together (not kept apart), for the crew move.
    private let togetherCrews: UnsafeMutablePointer<Int32>
    public let togetherCrewCount: Int
    /// Rotations with a phase to choose: instance `i`'s pattern is `rotationPattern[rules.rotation.a[i] ...]`
    /// and its days off the pattern at each phase are `rotationMissed[rotationBase[i] ...]`.
    private let rotationPattern: UnsafeMutablePointer<Int32>
    private let rotationBase: UnsafeMutablePointer<Int32>, rotationMissed: UnsafeMutablePointer<Int32>
    private let nightsWorked: UnsafeMutablePointer<Int32>
    private let minutesWorked: UnsafeMutablePointer<Int32>
    /// People counted by each (day, post)'s demand: `[d * postCount + v - 1]`; a skill-less post counts
    /// everyone on its (shift, site), whatever their skill.
    public let coverCount: UnsafeMutablePointer<Int32>
    /// Hard penalty of each staff member's row (every hard rule but cover minimums is about one
    /// person), so that the search can aim its moves at the rows that break a rule.
    public let staffHard: UnsafeMutablePointer<Int32>
    private let fairness: FairnessState?
    public private(set) var hard = 0
    public private(set) var soft = 0

    // Undo log of the open transaction: cells, then 32-bit counters.
    private var cellLog: UnsafeMutablePointer<Int32>, cellLogOld: UnsafeMutablePointer<UInt8>
    private var cellLogCount = 0, cellLogCapacity: Int
    private var counterLog: UnsafeMutablePointer<UnsafeMutablePointer<Int32>>, counterLogOld: UnsafeMutablePointer<Int32>
    private var counterLogCount = 0, counterLogCapacity: Int
    private var savedHard = 0, savedSoft = 0
    private let historyKnown: UnsafeMutablePointer<UInt8>
    private let historyWorkRun: UnsafeMutablePointer<Int32>, historyNightRun: UnsafeMutablePointer<Int32>
    /// The history's shifts of the `recentDays` days before the horizon, per staff member and day
    /// (`[e * recentDays + k]` is day `-1 - k`; present when the end is above the start), and the
    /// last one before those (`olderDay` `Int32.min` when none): the shifts the rests and weekly rests
    /// of the first days can reach.
    private let recentStart: UnsafeMutablePointer<Int32>, recentEnd: UnsafeMutablePointer<Int32>
    private let recentSite: UnsafeMutablePointer<Int32>, recentNight: UnsafeMutablePointer<UInt8>
    private let olderDay: UnsafeMutablePointer<Int32>, olderStart: UnsafeMutablePointer<Int32>, olderEnd: UnsafeMutablePointer<Int32>
    private let olderSite: UnsafeMutablePointer<Int32>, olderNight: UnsafeMutablePointer<UInt8>
    /// Days off between the history's last shift and the horizon, -1 when the history has no shift.
    private let historyOffBefore: UnsafeMutablePointer<Int32>
    private let historyDeploymentStart: UnsafeMutablePointer<Int32>
    /// Whether a person's shifts always start in date order and only those on consecutive dates can
    /// overlap, as on one clock; otherwise (sites on clocks far apart) rests are scored by real start
    /// time (`restsAcrossZones`).
    private let startOrderIsDateOrder: Bool
    private static let recentDays = 4
    private let historyMinutes: UnsafeMutablePointer<Int32>
    private let historyDays: Int
    private let siteCount: Int

    public var score: Score { Score(hard: hard, soft: soft) }

    public init(_ problem: CompiledProblem, schedule: Schedule? = nil) {
        self.problem = problem
        rules = problem.rules
        staffCount = problem.staffCount
        days = problem.days
        shiftCount = problem.shiftCount
        valueCount = problem.valueCount
        postCount = problem.postCount
        siteCount = problem.siteCount
        valueShift = .copy(problem.valueShift)
        valueSite = .copy(problem.valueSite)
        valueIsNight = .copy(problem.valueIsNight)
        cellStart = .copy(problem.cellStart)
        cellEnd = .copy(problem.cellEnd)
        cellMinutes = .copy(problem.cellMinutes)
        weekendOfDay = .copy(problem.weekendOfDay)
        staffContract = .copy(problem.staffContract)
        homeSite = .copy(problem.homeSite)
        cellHard = .copy(problem.cellHard)
        cellSoft = .copy(problem.cellSoft)
        cellFlags = .copy(ContiguousArray((0..<(problem.staffCount * problem.days)).map { cell -> UInt8 in
            let values = (cell * problem.valueCount)..<((cell + 1) * problem.valueCount)
            return (values.contains { problem.cellHard[$0] != 0 } ? 1 : 0) | (values.contains { problem.cellSoft[$0] != 0 } ? 2 : 0)
        }))
        succession = .copy(problem.rules.succession)
        successionBase = .copy(problem.rules.successionBase)
        families = .copy(ContiguousArray((0..<problem.staffCount).map { IncrementalScoring.mask(problem.rules, $0, fairness: !problem.problem.fairness.isEmpty) }))
        cover = .copy(ContiguousArray((0..<(problem.days * problem.postCount)).map { i in
            CoverSlot(minimum: problem.coverMin[i], minimumWeight: problem.coverMinWeight[i], preferred: problem.coverPreferred[i],
                      preferredWeight: problem.coverPreferredWeight[i], maximum: problem.coverMax[i], overWeight: problem.coverOverWeight[i])
        }))
        travel = .copy(problem.travelMinutes)
        coverParent = .copy(problem.coverParent)
        shiftsOfTypeStart = .copy(problem.rules.shiftsOfTypeStart)
        shiftsOfTypeLimit = .copy(problem.rules.shiftsOfTypeLimit)
        shiftsOfTypeWeight = .copy(problem.rules.shiftsOfTypeWeight)
        fixed = .copy(problem.fixed)
        allowed = .copy(problem.allowed)
        allowedStart = .copy(problem.allowedStart)
        allowedValues = .copy(problem.allowedValues)
        dayStart = .copy(ContiguousArray((0...problem.days).map { Int32(clamping: problem.dayStartEpochMinutes($0)) }))
        historyKnown = .copy(problem.historyKnown)
        historyWorkRun = .copy(problem.historyWorkRun)
        historyNightRun = .copy(problem.historyNightRun)
        do {
            let E = problem.staffCount, K = Self.recentDays
            var rStart = ContiguousArray<Int32>(repeating: 0, count: E * K), rEnd = rStart, rSite = rStart
            var rNight = ContiguousArray<UInt8>(repeating: 0, count: E * K)
            var oDay = ContiguousArray<Int32>(repeating: Int32.min, count: E), oStart = oDay, oEnd = oDay, oSite = oDay
            var oNight = ContiguousArray<UInt8>(repeating: 0, count: E)
            var offBefore = ContiguousArray<Int32>(repeating: -1, count: E)
            for e in 0..<E {
                let range = Int(problem.historyShiftsStart[e])..<Int(problem.historyShiftsStart[e + 1])
                if let last = range.last { offBefore[e] = -1 - problem.historyShiftDay[last] }
                for i in range {
                    let d = Int(problem.historyShiftDay[i])
                    if d >= -K {
                        let k = e * K - 1 - d
                        (rStart[k], rEnd[k], rSite[k], rNight[k]) = (problem.historyShiftStart[i], problem.historyShiftEnd[i],
                                                                       problem.historyShiftSite[i], problem.historyShiftNight[i])
                    } else {
                        (oDay[e], oStart[e], oEnd[e], oSite[e], oNight[e]) = (Int32(d), problem.historyShiftStart[i], problem.historyShiftEnd[i],
                                                                              problem.historyShiftSite[i], problem.historyShiftNight[i])
                    }
                }
            }
            recentStart = .copy(rStart); recentEnd = .copy(rEnd); recentSite = .copy(rSite); recentNight = .copy(rNight)
            olderDay = .copy(oDay); olderStart = .copy(oStart); olderEnd = .copy(oEnd); olderSite = .copy(oSite); olderNight = .copy(oNight)
            historyOffBefore = .copy(offBefore)
        }
        historyDeploymentStart = .copy(problem.historyDeploymentStart)
        do {
            // The earliest start and latest end of any shift of each day, the history's recent days included.
            let K = Self.recentDays, H = problem.days, V = problem.valueCount
            var earliest = [Int](repeating: Int.max, count: H + K), latest = [Int](repeating: Int.min, count: H + K)
            var latestStart = latest
            for d in 0..<H {
                for v in 1..<V {
                    earliest[d + K] = min(earliest[d + K], Int(problem.cellStart[d * V + v]))
                    latestStart[d + K] = max(latestStart[d + K], Int(problem.cellStart[d * V + v]))
                    latest[d + K] = max(latest[d + K], Int(problem.cellEnd[d * V + v]))
                }
            }
            for i in problem.historyShiftDay.indices where problem.historyShiftDay[i] >= -Int32(K) {
                let j = Int(problem.historyShiftDay[i]) + K
                earliest[j] = min(earliest[j], Int(problem.historyShiftStart[i]))
                latestStart[j] = max(latestStart[j], Int(problem.historyShiftStart[i]))
                latest[j] = max(latest[j], Int(problem.historyShiftEnd[i]))
            }
            var reorder = 1, reorders = false
            for j in earliest.indices where latest[j] != Int.min {
                for k in 1...K where j + k < earliest.count {
                    if earliest[j + k] < latest[j] { reorder = max(reorder, k) }
                    if earliest[j + k] < latestStart[j] { reorders = true }
                }
            }
            reorderDays = reorder
            // Date order is start order, and only shifts on consecutive dates can overlap.
            startOrderIsDateOrder = !reorders && reorder == 1
            let midnight = (0...H).map { problem.dayStartEpochMinutes($0) }
            var before = 0, after = 0
            for d in 0..<H {
                for k in 1...K where d - k >= -K && latest[d - k + K] > midnight[d] { before = max(before, k) }
                for k in 1...K where d + k < H && earliest[d + k + K] < midnight[d + 1] { after = max(after, k) }
            }
            weekReach = (before, after)
        }
        historyMinutes = .copy(problem.historyMinutes)
        historyDays = problem.historyDays
        cells = .zeroed(staffCount * days)
        typeCount = .zeroed(staffCount * shiftCount)
        func periodBases(_ list: RuleInstances) -> (UnsafeMutablePointer<Int32>, Int) {
            var bases = ContiguousArray<Int32>(), total = 0
            for i in 0..<list.a.count {
                bases.append(Int32(total))
                total += (problem.days + Int(list.a[i]) - 1) / Int(list.a[i])
            }
            return (.copy(bases), total)
        }
        let minutesBases = periodBases(problem.rules.minutesPerPeriod)
        minutesPeriodBase = minutesBases.0
        minutesPeriodCount = .zeroed(minutesBases.1)
        let shiftsBases = periodBases(problem.rules.shiftsPerPeriod)
        shiftsPeriodBase = shiftsBases.0
        shiftsPeriodCount = .zeroed(shiftsBases.1)
        weekendsWorked = .zeroed(staffCount)
        crewMemberStart = .copy(problem.crews.memberStart)
        crewMembers = .copy(problem.crews.members)
        crewApart = .copy(problem.crews.apart)
        crewWeight = .copy(problem.crews.weight)
        staffCrewStart = .copy(problem.crews.staffCrewStart)
        staffCrews = .copy(problem.crews.staffCrews)
        let together = ContiguousArray(problem.crews.apart.indices.filter { problem.crews.apart[$0] == 0 }.map(Int32.init))
        togetherCrews = .copy(together)
        togetherCrewCount = together.count
        rotationPattern = .copy(problem.rules.rotationPattern)
        do {
            var bases = ContiguousArray<Int32>(), total = 0
            for length in problem.rules.rotation.b {
                bases.append(Int32(total))
                total += Int(length)
            }
            rotationBase = .copy(bases)
            rotationMissed = .zeroed(total)
        }
        nightsWorked = .zeroed(staffCount)
        minutesWorked = .zeroed(staffCount)
        coverCount = .zeroed(days * postCount)
        staffHard = .zeroed(staffCount)
        fairness = problem.problem.fairness.isEmpty ? nil : FairnessState(problem)
        cellLogCapacity = 4 * days + 64
        cellLog = .zeroed(cellLogCapacity)
        cellLogOld = .zeroed(cellLogCapacity)
        counterLogCapacity = 64 * days + 256
        counterLog = .allocate(capacity: counterLogCapacity)
        counterLogOld = .zeroed(counterLogCapacity)
        load(schedule ?? Schedule(staffCount: staffCount, days: days))
    }

    deinit {
        for p in [valueShift, valueSite, cellStart, cellEnd, cellMinutes, weekendOfDay, staffContract, homeSite,
                  cellHard, cellSoft, succession, successionBase, travel, coverParent, shiftsOfTypeStart, shiftsOfTypeLimit, shiftsOfTypeWeight, dayStart, historyWorkRun, historyNightRun,
                  recentStart, recentEnd, recentSite, olderDay, olderStart, olderEnd, olderSite, historyOffBefore,
                  historyDeploymentStart, historyMinutes, typeCount, minutesPeriodBase, minutesPeriodCount, shiftsPeriodBase,
                  shiftsPeriodCount, weekendsWorked, crewMemberStart, crewMembers, crewWeight, staffCrewStart, staffCrews, togetherCrews, rotationPattern, rotationBase, rotationMissed, nightsWorked, minutesWorked, coverCount, staffHard, cellLog,
                  counterLogOld, allowedStart] as [UnsafeMutablePointer<Int32>] {
            p.deallocate()
        }
        for p in [crewApart, valueIsNight, historyKnown, recentNight, olderNight, cells, cellLogOld, fixed, allowed, allowedValues, cellFlags] { p.deallocate() }
        counterLog.deallocate()
        families.deallocate()
        cover.deallocate()
    }

    /// Replaces the roster. Scores it by starting from the all-off roster and rewriting each row with
    /// `changeRow`: one scoring code path for loading and for moves.
    public func load(_ schedule: Schedule) {
        precondition(schedule.staffCount == staffCount && schedule.days == days)
        cells.update(repeating: 0, count: staffCount * days)
        let empty = Schedule(staffCount: staffCount, days: days)
        let evaluation = Evaluation(problem, empty)
        for (p, n) in [(typeCount, staffCount * shiftCount), (weekendsWorked, staffCount), (nightsWorked, staffCount),
                       (minutesWorked, staffCount), (coverCount, days * postCount), (staffHard, staffCount)] {
            p.update(repeating: 0, count: n)
        }
        for i in 0..<rules.minutesPerPeriod.a.count {
            let n = (days + Int(rules.minutesPerPeriod.a[i]) - 1) / Int(rules.minutesPerPeriod.a[i])
            (minutesPeriodCount + Int(minutesPeriodBase[i])).update(repeating: 0, count: n)
        }
        for i in 0..<rules.shiftsPerPeriod.a.count {
            let n = (days + Int(rules.shiftsPerPeriod.a[i]) - 1) / Int(rules.shiftsPerPeriod.a[i])
            (shiftsPeriodCount + Int(shiftsPeriodBase[i])).update(repeating: 0, count: n)
        }
        // On the all-off roster, a phase misses every working day of the pattern.
        for i in 0..<rules.rotation.a.count {
            let pattern = rotationPattern + Int(rules.rotation.a[i]), length = Int(rules.rotation.b[i])
            for phase in 0..<length {
                var missed: Int32 = 0
                for d in 0..<days where pattern[(d + phase) % length] != RotationPattern.off { missed += 1 }
                rotationMissed[Int(rotationBase[i]) + phase] = missed
            }
        }
        fairness?.reset()
        hard = evaluation.score.hard
        soft = evaluation.score.soft
        for v in evaluation.violations where v.hard { if let e = v.staff { staffHard[e] += Int32(clamping: v.penalty) } }
        schedule.cells.withUnsafeBufferPointer { source in
            for e in 0..<staffCount {
                begin()
                _ = changeRow(e, 0, days - 1, source.baseAddress! + e * days, updatesCover: true)
            }
        }
        begin()
    }

    public var schedule: Schedule {
        Schedule(staffCount: staffCount, days: days,
                 cells: ContiguousArray(UnsafeBufferPointer(start: cells, count: staffCount * days)))
    }

    @inline(__always) public func value(_ e: Int, _ d: Int) -> UInt8 { cells[e * days + d] }

    /// What value `v` in cell (`e`, `d`) costs by itself (requests, unavailability, shift length), soft
    /// and hard penalties added.
    @inline(__always) public func cellPenalty(_ e: Int, _ d: Int, _ v: Int) -> Int32 {
        let i = (e * days + d) * valueCount + v
        return cellFlags[e * days + d] == 0 ? 0 : cellHard[i] + cellSoft[i]
    }

    /// People a (day, post) slot still lacks to reach its minimum and preferred numbers.
    @inline(__always) public func shortfall(_ c: Int) -> Int32 { max(cover[c].minimum, cover[c].preferred) - coverCount[c] }

    /// Whether staff member `e`'s totals in the periods that hold day `d` are too high (> 0) or too
    /// low (< 0) for the period rules (`hours-per-period`, `shifts-per-period`), hard or soft: +1 for
    /// each total above its maximum and -1 for each below its minimum (a last, shorter period's
    /// bounds scaled to its length, as the rules charge them).
    @inline(__always) public func periodPressure(_ e: Int, _ d: Int) -> Int {
        let has = families[e]
        var pressure = 0
        @inline(__always) func judge(_ list: RuleInstances, _ i: Int, _ total: Int32) {
            let period = Int(list.a[i]), k = period >= days ? 0 : d / period
            let length = min(period, days - k * period), x = Int(total) * period
            let hi = Int(list.c[i]), lo = Int(list.b[i])
            if hi != Int(Int32.max) && x > hi * length { pressure += 1 } else if lo > 0 && x < lo * length { pressure -= 1 }
        }
        if has & IncrementalScoring.minutesPerPeriod.bit != 0 {
            for i in rules.minutesPerPeriod.range(e) {
                let period = Int(rules.minutesPerPeriod.a[i])
                judge(rules.minutesPerPeriod, i, minutesPeriodCount[Int(minutesPeriodBase[i]) + (period >= days ? 0 : d / period)])
            }
        }
        if has & IncrementalScoring.shiftsPerPeriod.bit != 0 {
            for i in rules.shiftsPerPeriod.range(e) {
                let period = Int(rules.shiftsPerPeriod.a[i])
                judge(rules.shiftsPerPeriod, i, shiftsPeriodCount[Int(shiftsPeriodBase[i]) + (period >= days ? 0 : d / period)])
            }
        }
        return pressure
    }

    /// Whether value `v` may be placed in cell (`e`, `d`): a fixed cell takes its fixed value only,
    /// others any value the person is eligible for.
    @inline(__always) public func accepts(_ e: Int, _ d: Int, _ v: Int) -> Bool {
        let f = fixed[e * days + d]
        return f == 0 ? allowed[e * valueCount + v] != 0 : Int(f) - 1 == v
    }

    // MARK: Transactions

    @inline(__always) public func begin() {
        cellLogCount = 0
        counterLogCount = 0
        fairness?.begin()
        savedHard = hard
        savedSoft = soft
    }

    /// Undoes every change since `begin()`.
    public func rollback() {
        var i = cellLogCount - 1
        while i >= 0 {
            cells[Int(cellLog[i])] = cellLogOld[i]
            i -= 1
        }
        i = counterLogCount - 1
        while i >= 0 {
            counterLog[i].pointee = counterLogOld[i]
            i -= 1
        }
        fairness?.rollback()
        hard = savedHard
        soft = savedSoft
        cellLogCount = 0
        counterLogCount = 0
    }

    @inline(__always) private func add(_ p: UnsafeMutablePointer<Int32>, _ delta: Int32) {
        if counterLogCount == counterLogCapacity { growCounterLog() }
        counterLog[counterLogCount] = p
        counterLogOld[counterLogCount] = p.pointee
        counterLogCount += 1
        p.pointee += delta
    }

    private func growCounterLog() {
        let capacity = counterLogCapacity * 2
        let log = UnsafeMutablePointer<UnsafeMutablePointer<Int32>>.allocate(capacity: capacity)
        log.moveInitialize(from: counterLog, count: counterLogCount)
        counterLog.deallocate()
        counterLog = log
        let old = UnsafeMutablePointer<Int32>.zeroed(capacity)
        old.update(from: counterLogOld, count: counterLogCount)
        counterLogOld.deallocate()
        counterLogOld = old
        counterLogCapacity = capacity
    }

    @inline(__always) private func setCell(_ index: Int, _ value: UInt8) {
        if cellLogCount == cellLogCapacity {
            let capacity = cellLogCapacity * 2
            let log = UnsafeMutablePointer<Int32>.zeroed(capacity), old = UnsafeMutablePointer<UInt8>.zeroed(capacity)
            log.update(from: cellLog, count: cellLogCount)
            old.update(from: cellLogOld, count: cellLogCount)
            cellLog.deallocate()
            cellLogOld.deallocate()
            cellLog = log
            cellLogOld = old
            cellLogCapacity = capacity
        }
        cellLog[cellLogCount] = Int32(index)
        cellLogOld[cellLogCount] = cells[index]
        cellLogCount += 1
        cells[index] = value
    }

    // MARK: Incremental scoring

    /// Rewrites days `a...b` of staff member `e` with `values[0...(b-a)]` and returns the score change.
    /// `updatesCover: false` is for moves that provably leave every (day, post) count unchanged
    /// (swaps between two people on the same days); such a move must rewrite both rows in one transaction.
    @inline(__always)
    @discardableResult
    public func changeRow(_ e: Int, _ a: Int, _ b: Int, _ values: UnsafePointer<UInt8>, updatesCover: Bool) -> (hard: Int, soft: Int) {
        let row = cells + e * days
        let last = days - 1
        // The maximal runs of work or rest around the change start at `lo` and end at `hi`, before
        // and after it: every run, night run and rest between shifts it can touch lies in lo-1...hi+1.
        var lo = 0
        if a > 0 {
            let working = row[a - 1] != 0
            lo = a - 1
            while lo > 0 && (row[lo - 1] != 0) == working { lo -= 1 }
        }
        var hi = last
        if b < last {
            let working = row[b + 1] != 0
            hi = b + 1
            while hi < last && (row[hi + 1] != 0) == working { hi += 1 }
        }
        let before = local(e, row, a, b, lo, hi)
        var dHard = -before.hard, dSoft = -before.soft
        let countsWeekends = families[e] & IncrementalScoring.weekendCount.bit != 0
        let weekendsBefore = countsWeekends ? workedWeekends(row, a, b) : 0

        if families[e] & IncrementalScoring.rotationPhases.bit != 0 { rotations(e, row, a, b, values, &dHard, &dSoft) }
        let typeBase = e * shiftCount
        var coverHard = 0
        let crewsFrom = Int(staffCrewStart[e]), crewsTo = Int(staffCrewStart[e + 1])
        for d in a...b {
            let old = row[d], new = values[d - a]
            if old == new { continue }
            if crewsFrom < crewsTo { crewChange(e, d, old, new, crewsFrom..<crewsTo, &coverHard, &dSoft) }
            setCell(e * days + d, new)
            if old != 0 { dHard += countShift(e, typeBase, d, Int(old), step: -1, updatesCover: updatesCover, &dSoft, &coverHard) }
            if new != 0 { dHard += countShift(e, typeBase, d, Int(new), step: 1, updatesCover: updatesCover, &dSoft, &coverHard) }
        }

        let after = local(e, row, a, b, lo, hi)
        dHard += after.hard
        dSoft += after.soft
        if countsWeekends {
            let change = workedWeekends(row, a, b) - weekendsBefore
            if change != 0 {
                let worked = weekendsWorked[e]
                for i in rules.maxWeekends.range(e) {
                    let limit = rules.maxWeekends.a[i], w = rules.maxWeekends.weight[i]
                    let x = chargeCount(max(0, Int(worked + change - limit)), weight: w)
                    let y = chargeCount(max(0, Int(worked - limit)), weight: w)
                    dHard += x.hard - y.hard
                    dSoft += x.soft - y.soft
                }
                add(weekendsWorked + e, change)
                if let fairness { dSoft += fairness.change(e, .weekends, from: Int(worked), to: Int(worked + change)) }
            }
        }
        if dHard != 0 { add(staffHard + e, Int32(clamping: dHard)) }
        dHard += coverHard
        hard += dHard
        soft += dSoft
        return (dHard, dSoft)
    }

    /// Counts (`step` +1) or uncounts (-1) value `v` on day `d` in every counter: shifts of its type,
    /// totals per period, nights and minutes worked, cover. Returns the hard change of the person's
    /// rules, adds the soft change to `dSoft` and the hard change of cover minimums to `coverHard`.
    @inline(__always)
    private func countShift(_ e: Int, _ typeBase: Int, _ d: Int, _ v: Int, step: Int32, updatesCover: Bool,
                            _ dSoft: inout Int, _ coverHard: inout Int) -> Int {
        var dHard = 0
        let has = families[e]
        let t = Int(valueShift[v])
        let count = typeCount[typeBase + t]
        for i in Int(shiftsOfTypeStart[typeBase + t])..<Int(shiftsOfTypeStart[typeBase + t + 1]) {
            let limit = shiftsOfTypeLimit[i], w = shiftsOfTypeWeight[i]
            let x = chargeCount(max(0, Int(count + step - limit)), weight: w)
            let y = chargeCount(max(0, Int(count - limit)), weight: w)
            dHard += x.hard - y.hard
            dSoft += x.soft - y.soft
        }
        add(typeCount + typeBase + t, step)
        let minutes = cellMinutes[d * valueCount + v]
        for i in rules.minutesPerPeriod.range(e) where has & IncrementalScoring.minutesPerPeriod.bit != 0 {
            let period = Int(rules.minutesPerPeriod.a[i])
            let k = period >= days ? 0 : d / period
            let counter = minutesPeriodCount + Int(minutesPeriodBase[i]) + k
            let x = periodCharge(rules.minutesPerPeriod, i, k, counter.pointee + step * minutes, minutes: true)
            let y = periodCharge(rules.minutesPerPeriod, i, k, counter.pointee, minutes: true)
            dHard += x.hard - y.hard
            dSoft += x.soft - y.soft
            add(counter, step * minutes)
        }
        for i in rules.shiftsPerPeriod.range(e) where has & IncrementalScoring.shiftsPerPeriod.bit != 0 {
            let period = Int(rules.shiftsPerPeriod.a[i])
            let k = period >= days ? 0 : d / period
            let counter = shiftsPeriodCount + Int(shiftsPeriodBase[i]) + k
            let x = periodCharge(rules.shiftsPerPeriod, i, k, counter.pointee + step, minutes: false)
            let y = periodCharge(rules.shiftsPerPeriod, i, k, counter.pointee, minutes: false)
            dHard += x.hard - y.hard
            dSoft += x.soft - y.soft
            add(counter, step)
        }
        if let fairness {
            let nights = nightsWorked[e]
            if valueIsNight[v] != 0 {
                dSoft += fairness.change(e, .nights, from: Int(nights), to: Int(nights + step))
                add(nightsWorked + e, step)
            }
            let m = minutesWorked[e]
            dSoft += fairness.change(e, .hours, from: Int(m), to: Int(m + step * minutes))
            add(minutesWorked + e, step * minutes)
        }
        if updatesCover {
            let c = d * postCount + v - 1
            let x = coverCharge(c, coverCount[c] + step), y = coverCharge(c, coverCount[c])
            coverHard += x.hard - y.hard
            dSoft += x.soft - y.soft
            add(coverCount + c, step)
            let parent = Int(coverParent[v])
            if parent > 0 {
                let c = d * postCount + parent - 1
                let x = coverCharge(c, coverCount[c] + step), y = coverCharge(c, coverCount[c])
                coverHard += x.hard - y.hard
                dSoft += x.soft - y.soft
                add(coverCount + c, step)
            }
        }
        return dHard
    }

    /// Penalty of period `k` of instance `i` holding `x` minutes or shifts; bounds of a last, shorter
    /// period are scaled to its length.
    @inline(__always)
    private func periodCharge(_ list: RuleInstances, _ i: Int, _ k: Int, _ x: Int32, minutes: Bool) -> (hard: Int, soft: Int) {
        let period = Int(list.a[i])
        let breach = RuleInstances.periodBreach(total: Int(x), lo: Int(list.b[i]), hi: Int(list.c[i]), length: min(period, days - k * period), period: period)
        return minutes ? chargeMinutes(breach, weight: list.weight[i]) : chargeCount(breach, weight: list.weight[i])
    }

    @inline(__always) func coverCharge(_ c: Int, _ n: Int32) -> (hard: Int, soft: Int) {
        let slot = cover[c]
        return CoverRule.charge(count: n, minimum: slot.minimum, minimumWeight: slot.minimumWeight, preferred: slot.preferred,
                                preferredWeight: slot.preferredWeight, maximum: slot.maximum, overWeight: slot.overWeight)
    }

    /// Penalty of everything local to the change of `a...b`: the cells, successions, runs, rests,
    /// windows, complete weekends, rest weeks and deployments that involve those days.
    @inline(__always)
    private func local(_ e: Int, _ row: UnsafeMutablePointer<UInt8>, _ a: Int, _ b: Int, _ lo: Int, _ hi: Int) -> (hard: Int, soft: Int) {
        var hard = 0, soft = 0
        let V = valueCount
        let cellBase = e * days * V
        let flags = cellFlags + e * days
        for d in a...b where flags[d] != 0 {
            if flags[d] & 1 != 0 { hard += Int(cellHard[cellBase + d * V + Int(row[d])]) }
            if flags[d] & 2 != 0 { soft += Int(cellSoft[cellBase + d * V + Int(row[d])]) }
        }
        // Successions; one from the history's day before the horizon is a penalty of the first day's cell.
        let matrix = succession + Int(successionBase[e])
        let has = families[e]
        let firstPair = max(a - 1, 0), lastPair = min(b, days - 2)
        if firstPair <= lastPair {
            for d in firstPair...lastPair {
                let w = matrix[Int(row[d]) * V + Int(row[d + 1])]
                if w != 0 { let c = chargeCount(1, weight: w); hard += c.hard; soft += c.soft }
            }
        }
        runs(e, row, lo, hi, nights: has & IncrementalScoring.nightRuns.bit != 0, &hard, &soft)
        if rules.hasRestRules {
            if startOrderIsDateOrder { rests(e, row, max(lo - 1, 0), min(hi + 1, days - 1), &hard, &soft) } else { restsAcrossZones(e, row, a, b, &hard, &soft) }
        }
        if has & IncrementalScoring.windows.bit != 0 { windows(e, row, a, b, &hard, &soft) }
        if has & IncrementalScoring.completeWeekends.bit != 0 { completeWeekends(e, row, a, b, &hard, &soft) }
        if has & IncrementalScoring.weeklyRest.bit != 0 { weeklyRests(e, row, a, b, &hard, &soft) }
        if has & IncrementalScoring.deployments.bit != 0 { deployments(e, row, a, b, &hard, &soft) }
        return (hard, soft)
    }

    /// Runs of work, of rest and of nights in `lo...hi`.
    @inline(__always)
    private func runs(_ e: Int, _ row: UnsafeMutablePointer<UInt8>, _ lo: Int, _ hi: Int, nights: Bool, _ hard: inout Int, _ soft: inout Int) {
        var start = lo
        var working = row[lo] != 0
        var d = lo + 1
        let known = historyKnown[e] != 0
        while true {
            if d > hi || (row[d] != 0) != working {
                var length = d - start
                let atEnd = d == days
                if working {
                    if start == 0 {
                        length += Int(historyWorkRun[e])
                        // Days off wholly before the horizon, between the history's last shift and this stretch.
                        if historyOffBefore[e] > 0 { rules.minConsecutiveDaysOff.chargeBelow(e, Int(historyOffBefore[e]), &hard, &soft) }
                    }
                    rules.maxConsecutiveDays.chargeAbove(e, length, &hard, &soft)
                    if !(atEnd || (start == 0 && !known)) { rules.minConsecutiveDays.chargeBelow(e, length, &hard, &soft) }
                } else {
                    let before = start == 0 ? Int(historyOffBefore[e]) : 0
                    if !atEnd && before >= 0 { rules.minConsecutiveDaysOff.chargeBelow(e, length + before, &hard, &soft) }
                }
                if d > hi { break }
                start = d
                working = !working
            }
            d += 1
        }
        if nights {
            var length = 0
            for d in lo...hi {
                if valueIsNight[Int(row[d])] != 0 {
                    if length == 0 && d == 0 { length = Int(historyNightRun[e]) }
                    length += 1
                }
                if length > 0 && (d == hi || valueIsNight[Int(row[d + 1])] == 0) {
                    rules.maxConsecutiveNights.chargeAbove(e, length, &hard, &soft)
                    length = 0
                }
            }
        }
    }

    /// One of the person's shifts by day: a cell of the row for days ≥ 0, the history before.
    struct DayShift {
        var start: Int, end: Int, site: Int, night: Bool, length: Int
    }

    /// The shift staff member `e` works on day `d` (≥ -`recentDays`, or the older history day), nil on a day off.
    @inline(__always) private func shift(_ e: Int, _ row: UnsafeMutablePointer<UInt8>, _ d: Int) -> DayShift? {
        if d >= 0 {
            let v = Int(row[d])
            guard v != 0 else { return nil }
            let i = d * valueCount + v
            return DayShift(start: Int(cellStart[i]), end: Int(cellEnd[i]), site: Int(valueSite[v]), night: valueIsNight[v] != 0, length: Int(cellMinutes[i]))
        }
        if d >= -Self.recentDays {
            let k = e * Self.recentDays - 1 - d
            guard recentEnd[k] > recentStart[k] else { return nil }
            return DayShift(start: Int(recentStart[k]), end: Int(recentEnd[k]), site: Int(recentSite[k]), night: recentNight[k] != 0,
                            length: Int(recentEnd[k] - recentStart[k]))
        }
        guard Int(olderDay[e]) == d else { return nil }
        return DayShift(start: Int(olderStart[e]), end: Int(olderEnd[e]), site: Int(olderSite[e]), night: olderNight[e] != 0,
                        length: Int(olderEnd[e] - olderStart[e]))
    }

    /// The charges between shift `x` (day `d`) and the one before it by start time, `p` (day `c`):
    /// the overlap's intersection, then every rest rule and travel on `max(gap, 0)`.
    @inline(__always) private func pairCharge(_ e: Int, _ p: DayShift, _ c: Int, _ x: DayShift, _ d: Int) -> (hard: Int, soft: Int) {
        let both = min(p.end, x.end) - x.start
        let continues = c == d - 1
        var charge = RestCharges.charge(rules, e, gap: x.start - p.end, previousLength: p.length,
                                        afterNights: p.night && !(x.night && continues),
                                        travel: p.site == x.site ? 0 : Int(travel[p.site * siteCount + x.site]))
        if both > 0 { charge.hard += both }   // OverlapRule
        return charge
    }

    /// Rests between consecutive shifts worked in `from...to` (and the history's last shift when
    /// `from` is 0), where date order is start order and only consecutive shifts can overlap:
    /// overlap, minimum rest, rest after nights, work/rest ratio, travel.
    @inline(__always)
    private func rests(_ e: Int, _ row: UnsafeMutablePointer<UInt8>, _ from: Int, _ to: Int, _ hard: inout Int, _ soft: inout Int) {
        var previous: DayShift? = nil
        var previousDay = 0
        if from == 0 && historyOffBefore[e] >= 0 {
            previousDay = -1 - Int(historyOffBefore[e])
            previous = shift(e, row, previousDay)
        }
        for d in from...to where row[d] != 0 {
            let x = shift(e, row, d)!
            if let p = previous {
                let c = pairCharge(e, p, previousDay, x, d)
                hard += c.hard
                soft += c.soft
            }
            previous = x
            previousDay = d
        }
    }

    /// How many days apart two shifts can be and still reorder or overlap (at least 1): shifts more
    /// days apart start in date order and the earlier ends before the later starts. Read from the
    /// problem's clock; at most `recentDays`, since sites' clocks differ by at most 26 hours and a
    /// shift lasts at most 25 real hours.
    private let reorderDays: Int
    /// How many days before and after a rest week hold shifts that can reach into it.
    private let weekReach: (before: Int, after: Int)

    /// Whether shift `a` on day `c` comes before shift `b` on day `d` in start order (ties by date).
    @inline(__always) private static func precedes(_ a: DayShift, _ c: Int, _ b: DayShift, _ d: Int) -> Bool {
        a.start != b.start ? a.start < b.start : c < d
    }

    /// The rests and overlaps a change of `a...b` can alter when sites keep different clocks: each
    /// shift on a day from `a - reorderDays` to `reorderDays` past the first worked day more than
    /// `reorderDays` after `b` is charged with the shift before it by start time and every earlier
    /// one it overlaps; those outside keep their neighbours.
    private func restsAcrossZones(_ e: Int, _ row: UnsafeMutablePointer<UInt8>, _ a: Int, _ b: Int, _ hard: inout Int, _ soft: inout Int) {
        let R = reorderDays
        var last = b + R + 1
        while last < days && row[last] == 0 { last += 1 }
        let from = max(a - R, -Self.recentDays), to = min(last + R, days - 1)
        let oldest = olderDay[e] == Int32.min ? -Self.recentDays : Int(olderDay[e])
        guard from <= to else { return }
        for d in from...to {
            guard let x = shift(e, row, d) else { continue }
            // The shift before x by start time, and the earlier shifts that x overlaps.
            var best: DayShift? = nil
            var bestDay = 0
            var c = min(d + R, days - 1)
            while c >= oldest {
                if best != nil && c < bestDay - R { break }   // all earlier days start before `best`
                if c != d, let y = shift(e, row, c), Self.precedes(y, c, x, d), best == nil || Self.precedes(best!, bestDay, y, c) {
                    best = y
                    bestDay = c
                }
                c -= 1
                if c < -Self.recentDays && c > oldest { c = oldest }   // the history's older shift
            }
            guard let p = best else { continue }
            if d >= 0 || bestDay >= 0 {
                let charge = pairCharge(e, p, bestDay, x, d)
                hard += charge.hard
                soft += charge.soft
            }
            // Overlaps with earlier shifts other than the one just before.
            for c in max(d - R, -Self.recentDays)...min(d + R, days - 1) where c != d && c != bestDay {
                guard d >= 0 || c >= 0, let y = shift(e, row, c), Self.precedes(y, c, x, d) else { continue }
                let both = min(y.end, x.end) - x.start
                if both > 0 { hard += both }
            }
        }
    }

    /// Rolling windows of `maxMinutesInWindow` that contain a day of `a...b`.
    @inline(__always)
    private func windows(_ e: Int, _ row: UnsafeMutablePointer<UInt8>, _ a: Int, _ b: Int, _ hard: inout Int, _ soft: inout Int) {
        let known = historyKnown[e] != 0
        for i in rules.maxMinutesInWindow.range(e) {
            let n = Int(rules.maxMinutesInWindow.a[i]), limit = Int(rules.maxMinutesInWindow.b[i])
            let ruleDays = Int(rules.maxMinutesInWindow.c[i])
            let w = rules.maxMinutesInWindow.weight[i]
            let reachesHistory = known && ruleDays <= days
            let first = max(a - n + 1, reachesHistory ? -min(n - 1, historyDays) : 0), lastStart = min(b, days - n)
            guard first <= lastStart else { continue }
            var sum = 0
            for d in first..<(first + n) { sum += dayMinutes(e, row, d) }
            var s = first
            while true {
                let excess = ruleDays == n ? sum - limit : RuleInstances.windowExcess(total: sum, limit: limit, days: n, ruleDays: ruleDays)
                if excess > 0 { let c = chargeMinutes(excess, weight: w); hard += c.hard; soft += c.soft }
                if s == lastStart { break }
                sum += dayMinutes(e, row, s + n) - dayMinutes(e, row, s)
                s += 1
            }
        }
    }

    @inline(__always) private func dayMinutes(_ e: Int, _ row: UnsafeMutablePointer<UInt8>, _ d: Int) -> Int {
        d >= 0 ? Int(cellMinutes[d * valueCount + Int(row[d])]) : Int(historyMinutes[e * historyDays + historyDays + d])
    }

    /// Weekends with a day in `a...b` where exactly one day is worked.
    @inline(__always)
    private func completeWeekends(_ e: Int, _ row: UnsafeMutablePointer<UInt8>, _ a: Int, _ b: Int, _ hard: inout Int, _ soft: inout Int) {
        var d = max(a - 1, 0)
        let end = min(b + 1, days - 1)
        while d <= end {
            let w = weekendOfDay[d]
            if w >= 0 && d + 1 < days && weekendOfDay[d + 1] == w {
                if (row[d] != 0) != (row[d + 1] != 0) {
                    for i in rules.completeWeekends.range(e) {
                        let c = chargeCount(1, weight: rules.completeWeekends.weight[i]); hard += c.hard; soft += c.soft
                    }
                }
                d += 2
            } else {
                d += 1
            }
        }
    }

    /// Rest weeks (7-day blocks from the horizon start) whose longest rest a change of `a...b` can alter.
    @inline(__always)
    private func weeklyRests(_ e: Int, _ row: UnsafeMutablePointer<UInt8>, _ a: Int, _ b: Int, _ hard: inout Int, _ soft: inout Int) {
        let reach = weekReach
        let firstBlock = max(0, (a - 6 - reach.after + 6) / 7), lastBlock = min((b + reach.before) / 7, days / 7 - 1)
        guard firstBlock <= lastBlock else { return }
        for k in firstBlock...lastBlock {
            let longest = longestRest(e, row, block: k)
            for i in rules.weeklyRest.range(e) where longest < Int(rules.weeklyRest.a[i]) {
                let c = chargeMinutes(Int(rules.weeklyRest.a[i]) - longest, weight: rules.weeklyRest.weight[i])
                hard += c.hard
                soft += c.soft
            }
        }
    }

    /// The longest uninterrupted time off inside block `k` (days 7k ..< 7k+7 on the horizon's clock),
    /// the shifts that reach into it clipped to it, the history's included.
    func longestRest(_ e: Int, _ row: UnsafeMutablePointer<UInt8>, block k: Int) -> Int {
        let from = Int(dayStart[7 * k]), to = Int(dayStart[7 * k + 7])
        let reach = weekReach
        let first = max(7 * k - reach.before, -Self.recentDays), last = min(7 * k + 6 + reach.after, days - 1)
        return withUnsafeTemporaryAllocation(of: (start: Int, end: Int).self, capacity: last - first + 1) { buffer in
            var n = 0
            for d in first...last {
                guard let x = shift(e, row, d), x.end > from && x.start < to else { continue }
                // Insertion by start: on one clock the days are already in order.
                var j = n
                while j > 0 && buffer[j - 1].start > x.start { buffer[j] = buffer[j - 1]; j -= 1 }
                buffer[j] = (max(x.start, from), min(x.end, to))
                n += 1
            }
            var free = from, longest = 0
            for i in 0..<n {
                longest = max(longest, buffer[i].start - free)
                free = max(free, buffer[i].end)
            }
            return max(longest, to - free)
        }
    }

    /// Deployments (consecutive shifts away from home) that reach into `a...b`; one the history
    /// leaves open continues from its first away day.
    @inline(__always)
    private func deployments(_ e: Int, _ row: UnsafeMutablePointer<UInt8>, _ a: Int, _ b: Int, _ hard: inout Int, _ soft: inout Int) {
        let home = homeSite[e]
        var from = a
        while from > 0 && !(row[from - 1] != 0 && valueSite[Int(row[from - 1])] == home) { from -= 1 }
        var to = b
        while to < days - 1 && !(row[to + 1] != 0 && valueSite[Int(row[to + 1])] == home) { to += 1 }
        let open = from == 0 ? Int(historyDeploymentStart[e]) : 0
        var first = open < 0 ? open : Int.min, lastAway = -1
        for d in from...to {
            let v = Int(row[d])
            guard v != 0 else { continue }
            if valueSite[v] != home {
                if first == Int.min { first = d }
                lastAway = d
            } else if first != Int.min {
                if lastAway >= 0 { rules.maxDeploymentDays.chargeAbove(e, lastAway - first + 1, &hard, &soft) }
                first = Int.min
            }
        }
        if first != Int.min && lastAway >= 0 { rules.maxDeploymentDays.chargeAbove(e, lastAway - first + 1, &hard, &soft) }
    }

    /// Rotations with a phase to choose: moves each phase's count of days off the pattern by the
    /// change of `a...b` to `values` (before the cells are written) and charges the change of the least.
    /// Kept out of line, as only people with such a rotation need it.
    @inline(never)
    private func rotations(_ e: Int, _ row: UnsafeMutablePointer<UInt8>, _ a: Int, _ b: Int, _ values: UnsafePointer<UInt8>,
                           _ hard: inout Int, _ soft: inout Int) {
        for i in rules.rotation.range(e) {
            let pattern = rotationPattern + Int(rules.rotation.a[i]), length = Int(rules.rotation.b[i])
            let missed = rotationMissed + Int(rotationBase[i])
            var before = Int32.max
            for phase in 0..<length { before = min(before, missed[phase]) }
            for d in a...b where row[d] != values[d - a] {
                let old = row[d] == 0 ? RotationPattern.off : valueShift[Int(row[d])]
                let new = values[d - a] == 0 ? RotationPattern.off : valueShift[Int(values[d - a])]
                var k = d % length
                for phase in 0..<length {
                    let change = (RotationPattern.misses(pattern[k], new) ? 1 : 0) - (RotationPattern.misses(pattern[k], old) ? 1 : 0)
                    if change != 0 { add(missed + phase, Int32(change)) }
                    k = k + 1 == length ? 0 : k + 1
                }
            }
            var after = Int32.max
            for phase in 0..<length { after = min(after, missed[phase]) }
            if after != before {
                let x = chargeCount(Int(after), weight: rules.rotation.weight[i]), y = chargeCount(Int(before), weight: rules.rotation.weight[i])
                hard += x.hard - y.hard
                soft += x.soft - y.soft
            }
        }
    }

    /// What member `e` moving from `old` to `new` on day `d` changes in the breaches of their crews
    /// (`staffCrews[crews]`). Kept out of line: most problems have no crews, and the hot loop stays small.
    @inline(never)
    private func crewChange(_ e: Int, _ d: Int, _ old: UInt8, _ new: UInt8, _ crews: Range<Int>, _ hard: inout Int, _ soft: inout Int) {
        for i in crews {
            let c = Int(staffCrews[i])
            let x = chargeCount(crewBreach(c, d, e, new), weight: crewWeight[c]), y = chargeCount(crewBreach(c, d, e, old), weight: crewWeight[c])
            hard += x.hard - y.hard
            soft += x.soft - y.soft
        }
    }

    /// The breach of crew `c` on day `d` with member `e` holding `value` (the others as they are): for
    /// a crew, its members free that day (not fixed to off) outside the largest group on one (shift,
    /// site) or off; for one kept apart, those beyond the first on each (shift, site).
    @inline(__always)
    private func crewBreach(_ c: Int, _ d: Int, _ e: Int, _ value: UInt8) -> Int {
        let from = Int(crewMemberStart[c]), to = Int(crewMemberStart[c + 1])
        @inline(__always) func post(_ m: Int) -> Int {
            let v = m == e ? Int(value) : Int(cells[m * days + d])
            return v == 0 ? -1 : Int(valueShift[v]) * siteCount + Int(valueSite[v])
        }
        if crewApart[c] != 0 {
            var breach = 0
            for i in from..<to {
                let p = post(Int(crewMembers[i]))
                guard p >= 0 else { continue }
                for j in from..<i where post(Int(crewMembers[j])) == p { breach += 1; break }
            }
            return breach
        }
        var free = 0, largest = 0
        for i in from..<to {
            let m = Int(crewMembers[i])
            guard fixed[m * days + d] != 1 else { continue }
            free += 1
            let p = post(m)
            var group = 0
            for j in from..<to {
                let n = Int(crewMembers[j])
                if fixed[n * days + d] != 1 && post(n) == p { group += 1 }
            }
            largest = max(largest, group)
        }
        return free - largest
    }

    /// Crew `c`'s members are `crewMember(i)` for `i` in this range.
    public func crewMemberRange(_ c: Int) -> Range<Int> { Int(crewMemberStart[c])..<Int(crewMemberStart[c + 1]) }
    @inline(__always) public func crewMember(_ i: Int) -> Int { Int(crewMembers[i]) }
    @inline(__always) public func togetherCrew(_ i: Int) -> Int { Int(togetherCrews[i]) }

    /// The post staff member `m` takes to join someone on post `v`: `v` itself when they may hold it,
    /// else the first post of its shift and site they may hold (off for off); nil when there is none.
    @inline(__always) public func companion(_ m: Int, _ v: Int) -> Int? {
        if v == 0 || allowed[m * valueCount + v] != 0 { return v }
        for i in Int(allowedStart[m])..<Int(allowedStart[m + 1]) {
            let w = Int(allowedValues[i])
            if valueShift[w] == valueShift[v] && valueSite[w] == valueSite[v] { return w }
        }
        return nil
    }

    /// Weekends worked among those with a day in `a...b`.
    @inline(__always)
    private func workedWeekends(_ row: UnsafeMutablePointer<UInt8>, _ a: Int, _ b: Int) -> Int32 {
        var n: Int32 = 0
        var d = a
        // Start at the first day of the weekend `a` falls in.
        if d > 0 && weekendOfDay[d] >= 0 && weekendOfDay[d - 1] == weekendOfDay[d] { d -= 1 }
        while d <= b {
            let w = weekendOfDay[d]
            if w < 0 { d += 1; continue }
            let paired = d + 1 < days && weekendOfDay[d + 1] == w
            if row[d] != 0 || (paired && row[d + 1] != 0) { n += 1 }
            d += paired ? 2 : 1
        }
        return n
    }

    // MARK: Check mode

    /// Recomputes the score from scratch and returns a description of any difference, nil when equal.
    public func checkAgainstScratch() -> String? {
        let evaluation = Evaluation(problem, schedule)
        if evaluation.score != score {
            return "incremental score \(score) differs from the from-scratch score \(evaluation.score)"
        }
        var rows = Array(repeating: 0, count: staffCount)
        for v in evaluation.violations where v.hard { if let e = v.staff { rows[e] += v.penalty } }
        for e in 0..<staffCount where rows[e] != Int(staffHard[e]) {
            return "incremental hard penalty \(staffHard[e]) of \(problem.staffName(e)) differs from the from-scratch \(rows[e])"
        }
        return nil
    }
}

extension UnsafeMutablePointer {
    static func copy(_ source: ContiguousArray<Pointee>) -> UnsafeMutablePointer<Pointee> {
        let p = UnsafeMutablePointer<Pointee>.allocate(capacity: Swift.max(source.count, 1))
        for (i, x) in source.enumerated() { (p + i).initialize(to: x) }
        return p
    }
}

extension UnsafeMutablePointer where Pointee: FixedWidthInteger {
    static func zeroed(_ count: Int) -> UnsafeMutablePointer<Pointee> {
        let p = UnsafeMutablePointer<Pointee>.allocate(capacity: Swift.max(count, 1))
        p.initialize(repeating: 0, count: Swift.max(count, 1))
        return p
    }
}

/// The demand of one (day, post).
struct CoverSlot {
    var minimum: Int32, minimumWeight: Int32, preferred: Int32, preferredWeight: Int32, maximum: Int32, overWeight: Int32
}
