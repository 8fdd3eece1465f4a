/// The roster under search and its score, kept up to date move by move.
///
/// A move opens a transaction (`begin`), rewrites rows with `changeRow`, which returns the score
/// change, and is either kept (the next `begin` forgets the undo log) or undone with `rollback`.
/// `changeRow` rescores only what a change of days `a...b` can affect: those cells, the successions
/// touching them, the maximal runs around them, the weekends they fall on, and the per-person
/// totals. `Evaluation` is the from-scratch reference; `checkAgainstScratch()` compares the two.
///
/// Hot data lives in manually allocated buffers of small integers so that the inner loop is free
/// of reference counting, uniqueness checks and bounds checks.
public final class SearchState {
    public let problem: CompiledProblem
    public let staffCount: Int, days: Int, shiftCount: Int, valueCount: Int

    // CurtoisProblem data (read-only copies).
    private let valueMinutes: UnsafeMutablePointer<Int32>
    private let forbidden: UnsafeMutablePointer<UInt8>
    private let maxOfType: UnsafeMutablePointer<Int32>
    private let maxMinutes: UnsafeMutablePointer<Int32>, minMinutes: UnsafeMutablePointer<Int32>
    private let maxConsecutive: UnsafeMutablePointer<Int32>, minConsecutive: UnsafeMutablePointer<Int32>
    private let minDaysOff: UnsafeMutablePointer<Int32>, maxWeekends: UnsafeMutablePointer<Int32>
    /// 1 where the staff member must not work (`[e * days + d]`); moves never put work there.
    public let dayOff: UnsafeMutablePointer<UInt8>
    private let requestCost: UnsafeMutablePointer<Int32>
    public let coverRequired: UnsafeMutablePointer<Int32>
    private let coverUnder: UnsafeMutablePointer<Int32>, coverOver: UnsafeMutablePointer<Int32>

    // State.
    public let cells: UnsafeMutablePointer<UInt8>
    private let minutes: UnsafeMutablePointer<Int32>
    private let typeCount: UnsafeMutablePointer<Int32>
    private let weekendsWorked: UnsafeMutablePointer<Int32>
    /// People on each (day, shift).
    public let coverCount: UnsafeMutablePointer<Int32>
    /// Hard penalty of each staff member's row (every hard rule is about one person), so that the
    /// search can aim its moves at the rows that break a rule.
    public let staffHard: UnsafeMutablePointer<Int32>
    public private(set) var hard = 0
    public private(set) var soft = 0

    // Undo log of the open transaction.
    private let undoIndex: UnsafeMutablePointer<Int32>
    private let undoValue: UnsafeMutablePointer<UInt8>
    private var undoCount = 0
    private var undoCover = false
    /// Per `changeRow` call of the open transaction: the row and its worked weekends and hard
    /// penalty before the call. A transaction may rewrite at most `maxRowsPerTransaction` rows.
    private let undoRowStaff: UnsafeMutablePointer<Int32>
    private let undoRowWeekends: UnsafeMutablePointer<Int32>
    private let undoRowHard: UnsafeMutablePointer<Int32>
    private var undoRowCount = 0
    public static let maxRowsPerTransaction = 16
    private var savedHard = 0, savedSoft = 0
    /// Capacity of the undo log, in cells: a transaction may rewrite at most this many.
    public let undoCapacity: Int

    public var score: Score { Score(hard: hard, soft: soft) }

    public init(_ problem: CompiledProblem, schedule: Schedule? = nil) {
        self.problem = problem
        staffCount = problem.staffCount
        days = problem.days
        shiftCount = problem.shiftCount
        valueCount = problem.valueCount
        valueMinutes = .copy(problem.valueMinutes)
        forbidden = .copy(problem.forbiddenSuccession)
        maxOfType = .copy(problem.maxShiftsOfType)
        maxMinutes = .copy(problem.maxTotalMinutes)
        minMinutes = .copy(problem.minTotalMinutes)
        maxConsecutive = .copy(problem.maxConsecutiveShifts)
        minConsecutive = .copy(problem.minConsecutiveShifts)
        minDaysOff = .copy(problem.minConsecutiveDaysOff)
        maxWeekends = .copy(problem.maxWeekends)
        dayOff = .copy(problem.dayOff)
        requestCost = .copy(problem.requestCost)
        coverRequired = .copy(problem.coverRequired)
        coverUnder = .copy(problem.coverUnderWeight)
        coverOver = .copy(problem.coverOverWeight)
        cells = .zeroed(staffCount * days)
        minutes = .zeroed(staffCount)
        typeCount = .zeroed(staffCount * shiftCount)
        weekendsWorked = .zeroed(staffCount)
        coverCount = .zeroed(days * shiftCount)
        undoCapacity = 4 * days + 16
        undoIndex = .zeroed(undoCapacity)
        undoValue = .zeroed(undoCapacity)
        undoRowStaff = .zeroed(Self.maxRowsPerTransaction)
        undoRowWeekends = .zeroed(Self.maxRowsPerTransaction)
        undoRowHard = .zeroed(Self.maxRowsPerTransaction)
        staffHard = .zeroed(staffCount)
        load(schedule ?? Schedule(staffCount: staffCount, days: days))
    }

    deinit {
        for p in [valueMinutes, maxOfType, maxMinutes, minMinutes, maxConsecutive, minConsecutive, minDaysOff,
                  maxWeekends, requestCost, coverRequired, coverUnder, coverOver, minutes, typeCount,
                  weekendsWorked, coverCount, undoIndex, undoRowStaff, undoRowWeekends, undoRowHard, staffHard] as [UnsafeMutablePointer<Int32>] {
            p.deallocate()
        }
        for p in [forbidden, dayOff, cells, undoValue] { p.deallocate() }
    }

    /// Replaces the roster. Scores it by starting from the all-off roster, whose score is plain
    /// (minimum minutes unmet, every cover short, off-requests met), and rewriting each row with
    /// `changeRow`: one scoring code path for loading and for moves.
    public func load(_ schedule: Schedule) {
        precondition(schedule.staffCount == staffCount && schedule.days == days)
        cells.update(repeating: 0, count: staffCount * days)
        minutes.update(repeating: 0, count: staffCount)
        typeCount.update(repeating: 0, count: staffCount * shiftCount)
        weekendsWorked.update(repeating: 0, count: staffCount)
        staffHard.update(repeating: 0, count: staffCount)
        coverCount.update(repeating: 0, count: days * shiftCount)
        hard = 0
        soft = 0
        for e in 0..<staffCount {
            let unmet = TotalMinutesRule.penalty(minutes: 0, min: minMinutes[e], max: maxMinutes[e])
            staffHard[e] = Int32(clamping: unmet)
            hard += unmet
            for d in 0..<days { soft += Int(requestCost[(e * days + d) * valueCount]) }
        }
        for i in 0..<(days * shiftCount) {
            soft += CoverRule.penalty(count: 0, required: coverRequired[i], under: coverUnder[i], over: coverOver[i])
        }
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

    // MARK: Transactions

    @inline(__always) public func begin() {
        undoCount = 0
        undoRowCount = 0
        undoCover = false
        savedHard = hard
        savedSoft = soft
    }

    /// Undoes every change since `begin()`.
    public func rollback() {
        var i = undoCount - 1
        while i >= 0 {
            let index = Int(undoIndex[i])
            let e = index / days, d = index - e * days
            let now = cells[index], old = undoValue[i]
            cells[index] = old
            minutes[e] += valueMinutes[Int(old)] - valueMinutes[Int(now)]
            if now != 0 { typeCount[e * shiftCount + Int(now) - 1] -= 1 }
            if old != 0 { typeCount[e * shiftCount + Int(old) - 1] += 1 }
            if undoCover {
                if now != 0 { coverCount[d * shiftCount + Int(now) - 1] -= 1 }
                if old != 0 { coverCount[d * shiftCount + Int(old) - 1] += 1 }
            }
            i -= 1
        }
        var r = undoRowCount - 1
        while r >= 0 {
            let e = Int(undoRowStaff[r])
            weekendsWorked[e] = undoRowWeekends[r]
            staffHard[e] = undoRowHard[r]
            r -= 1
        }
        hard = savedHard
        soft = savedSoft
        undoCount = 0
        undoRowCount = 0
    }

    // MARK: Incremental scoring

    /// Rewrites days `a...b` of staff member `e` with `values[0...(b-a)]` and returns the score change.
    /// `updatesCover: false` is for moves that provably leave every (day, shift) count unchanged
    /// (swaps between two people on the same days); such a move must rewrite both rows in one transaction.
    @inline(__always)
    @discardableResult
    public func changeRow(_ e: Int, _ a: Int, _ b: Int, _ values: UnsafePointer<UInt8>, updatesCover: Bool) -> (hard: Int, soft: Int) {
        let row = cells + e * days
        let last = days - 1
        // The maximal runs around the change start at `lo` and end at `hi`, before and after it.
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
        let firstWeekend = a / 7
        let lastWeekend = b >= 5 ? min((b - 5) / 7, problem.weekendCount - 1) : -1

        var dHard = -localHard(e, row, a, b, lo, hi)
        var dSoft = -localSoft(e, row, a, b)
        let workedWeekendsBefore = workedWeekends(row, firstWeekend, lastWeekend)
        let minutesBefore = minutes[e]

        undoCover = undoCover || updatesCover
        let typeBase = e * shiftCount
        let limits = maxOfType + typeBase
        let counts = typeCount + typeBase
        for d in a...b {
            let old = row[d], new = values[d - a]
            if old == new { continue }
            undoIndex[undoCount] = Int32(e * days + d)
            undoValue[undoCount] = old
            undoCount += 1
            row[d] = new
            minutes[e] += valueMinutes[Int(new)] - valueMinutes[Int(old)]
            if old != 0 {
                let t = Int(old) - 1
                dHard -= MaxShiftsOfTypeRule.penalty(count: counts[t], limit: limits[t])
                counts[t] -= 1
                dHard += MaxShiftsOfTypeRule.penalty(count: counts[t], limit: limits[t])
                if updatesCover {
                    let c = d * shiftCount + t
                    dSoft += CoverRule.delta(count: coverCount[c], step: -1, required: coverRequired[c],
                                             under: coverUnder[c], over: coverOver[c])
                    coverCount[c] -= 1
                }
            }
            if new != 0 {
                let t = Int(new) - 1
                dHard -= MaxShiftsOfTypeRule.penalty(count: counts[t], limit: limits[t])
                counts[t] += 1
                dHard += MaxShiftsOfTypeRule.penalty(count: counts[t], limit: limits[t])
                if updatesCover {
                    let c = d * shiftCount + t
                    dSoft += CoverRule.delta(count: coverCount[c], step: 1, required: coverRequired[c],
                                             under: coverUnder[c], over: coverOver[c])
                    coverCount[c] += 1
                }
            }
        }

        dHard += localHard(e, row, a, b, lo, hi)
        dSoft += localSoft(e, row, a, b)
        dHard += TotalMinutesRule.penalty(minutes: minutes[e], min: minMinutes[e], max: maxMinutes[e])
            - TotalMinutesRule.penalty(minutes: minutesBefore, min: minMinutes[e], max: maxMinutes[e])
        undoRowStaff[undoRowCount] = Int32(e)
        undoRowWeekends[undoRowCount] = weekendsWorked[e]
        undoRowHard[undoRowCount] = staffHard[e]
        undoRowCount += 1
        let weekendChange = workedWeekends(row, firstWeekend, lastWeekend) - workedWeekendsBefore
        if weekendChange != 0 {
            let before = weekendsWorked[e]
            weekendsWorked[e] += weekendChange
            dHard += MaxWeekendsRule.penalty(worked: weekendsWorked[e], limit: maxWeekends[e])
                - MaxWeekendsRule.penalty(worked: before, limit: maxWeekends[e])
        }
        staffHard[e] += Int32(clamping: dHard)
        hard += dHard
        soft += dSoft
        return (dHard, dSoft)
    }

    /// Hard penalty of the cells `a...b`, the successions touching them and the runs in `lo...hi`.
    @inline(__always)
    private func localHard(_ e: Int, _ row: UnsafeMutablePointer<UInt8>, _ a: Int, _ b: Int, _ lo: Int, _ hi: Int) -> Int {
        var cost = 0
        let offs = dayOff + e * days
        for d in a...b { cost += DaysOffRule.penalty(dayOff: offs[d], value: row[d]) }
        let firstPair = max(a - 1, 0), lastPair = min(b, days - 2)
        if firstPair <= lastPair {
            for d in firstPair...lastPair {
                cost += ShiftSuccessionRule.penalty(forbidden: forbidden[Int(row[d]) * valueCount + Int(row[d + 1])])
            }
        }
        let maxRun = maxConsecutive[e], minRun = minConsecutive[e], minOff = minDaysOff[e]
        var start = lo
        var working = row[lo] != 0
        var d = lo + 1
        while true {
            if d > hi || (row[d] != 0) != working {
                let length = d - start
                let atEdge = start == 0 || d == days
                if working {
                    cost += MaxConsecutiveShiftsRule.penalty(length: length, limit: maxRun)
                        + MinConsecutiveShiftsRule.penalty(length: length, limit: minRun, atEdge: atEdge)
                } else {
                    cost += MinConsecutiveDaysOffRule.penalty(length: length, limit: minOff, atEdge: atEdge)
                }
                if d > hi { break }
                start = d
                working = !working
            }
            d += 1
        }
        return cost
    }

    @inline(__always)
    private func localSoft(_ e: Int, _ row: UnsafeMutablePointer<UInt8>, _ a: Int, _ b: Int) -> Int {
        var cost = 0
        let base = requestCost + e * days * valueCount
        for d in a...b { cost += Int(base[d * valueCount + Int(row[d])]) }
        return cost
    }

    @inline(__always)
    private func workedWeekends(_ row: UnsafeMutablePointer<UInt8>, _ first: Int, _ last: Int) -> Int32 {
        guard first <= last else { return 0 }
        var n: Int32 = 0
        for w in first...last {
            let sat = 7 * w + 5, sun = sat + 1
            if row[sat] != 0 || (sun < days && row[sun] != 0) { n += 1 }
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
        for v in evaluation.hardViolations { if let e = v.staff { rows[e] += v.penalty } }
        for e in 0..<staffCount where rows[e] != Int(staffHard[e]) {
            return "incremental hard penalty \(staffHard[e]) of \(problem.staffName(e)) differs from the from-scratch \(rows[e])"
        }
        return nil
    }
}

extension UnsafeMutablePointer {
    fileprivate static func copy(_ source: ContiguousArray<Pointee>) -> UnsafeMutablePointer<Pointee> {
        let p = UnsafeMutablePointer<Pointee>.allocate(capacity: Swift.max(source.count, 1))
        for (i, x) in source.enumerated() { (p + i).initialize(to: x) }
        return p
    }
}

extension UnsafeMutablePointer where Pointee: FixedWidthInteger {
    fileprivate static func zeroed(_ count: Int) -> UnsafeMutablePointer<Pointee> {
        let p = UnsafeMutablePointer<Pointee>.allocate(capacity: Swift.max(count, 1))
        p.initialize(repeating: 0, count: Swift.max(count, 1))
        return p
    }
}
