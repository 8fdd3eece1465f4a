/// The instances of one kind of contract rule, per staff member: staff member `e`'s instances are
/// `start[e] ..< start[e + 1]`, each with up to three integer parameters and a weight (-1 hard).
/// A contract may hold several instances of a kind (say a soft limit of 5 days in a row and a hard
/// one of 7), so each kind is a list rather than one number per person.
package struct RuleInstances: Sendable {
    public private(set) var start: ContiguousArray<Int32> = [0]
    public private(set) var a = ContiguousArray<Int32>()
    public private(set) var b = ContiguousArray<Int32>()
    public private(set) var c = ContiguousArray<Int32>()
    public private(set) var weight = ContiguousArray<Int32>()

    public var isEmpty: Bool { a.isEmpty }

    mutating func append(_ a: Int32, _ b: Int32 = 0, _ c: Int32 = 0, weight: Int32) {
        self.a.append(a)
        self.b.append(b)
        self.c.append(c)
        self.weight.append(weight)
    }

    mutating func endStaff() { start.append(Int32(a.count)) }

    public func range(_ e: Int) -> Range<Int> { Int(start[e])..<Int(start[e + 1]) }

    /// Adds what `x` (days, nights, …) above each of staff member `e`'s limits `a` costs: one place
    /// for every "at most" count rule, used by the incremental scorer.
    @inline(__always) func chargeAbove(_ e: Int, _ x: Int, _ hard: inout Int, _ soft: inout Int) {
        for i in range(e) where x > Int(a[i]) {
            let c = chargeCount(x - Int(a[i]), weight: weight[i])
            hard += c.hard
            soft += c.soft
        }
    }

    /// Likewise for "at least" count rules: what `x` below each limit `a` costs.
    @inline(__always) func chargeBelow(_ e: Int, _ x: Int, _ hard: inout Int, _ soft: inout Int) {
        for i in range(e) where x < Int(a[i]) {
            let c = chargeCount(Int(a[i]) - x, weight: weight[i])
            hard += c.hard
            soft += c.soft
        }
    }
}

/// Every contract rule compiled per staff member. Rules about single cells (shift length) are folded
/// into the problem's cell penalties instead.
package struct CompiledRules: Sendable {
    public var maxConsecutiveDays = RuleInstances()
    public var minConsecutiveDays = RuleInstances()
    public var minConsecutiveDaysOff = RuleInstances()
    public var maxConsecutiveNights = RuleInstances()
    /// a: minutes.
    public var minRest = RuleInstances()
    /// a: minutes.
    public var minRestAfterNights = RuleInstances()
    /// a: work part, b: rest part.
    public var workRestRatio = RuleInstances()
    /// a: window days, b: minutes, c: the rule's own days. A rule's window longer than the horizon
    /// becomes the horizon (a = horizon days, c > a), its limit scaled to b·a/c, and reaches no history.
    public var maxMinutesInWindow = RuleInstances()
    /// a: period days (may exceed the horizon), b: minimum (-1 none), c: maximum (Int32.max none);
    /// counters per period. A period shorter than `a` (the last, or the horizon itself) has its bounds
    /// scaled to its length as exact fractions.
    public var minutesPerPeriod = RuleInstances()
    public var shiftsPerPeriod = RuleInstances()
    public var maxWeekends = RuleInstances()
    public var completeWeekends = RuleInstances()
    /// a: minutes.
    public var weeklyRest = RuleInstances()
    /// a: days.
    public var maxDeploymentDays = RuleInstances()
    /// Rotations whose phase is left to choose (those with a known phase are cell penalties):
    /// a: where the pattern starts in `rotationPattern`, b: its length.
    public var rotation = RuleInstances()
    public var rotationPattern = ContiguousArray<Int32>()
    /// a: shift type, b: most shifts of it in the horizon.
    public var maxShiftsOfType = RuleInstances()
    /// `[e * shiftCount + s]`: the tightest limit of any / of the hard `maxShiftsOfType` rules (Int32.max none),
    /// for construction and the row pricer.
    public var tightestShiftsOfType = ContiguousArray<Int32>()
    public var hardShiftsOfType = ContiguousArray<Int32>()
    /// The `maxShiftsOfType` instances of staff member `e` about shift type `s`, for the scorer's
    /// counters: `shiftsOfTypeLimit[shiftsOfTypeStart[e * shiftCount + s] ..< shiftsOfTypeStart[e * shiftCount + s + 1]]`
    /// with their weights.
    public var shiftsOfTypeStart = ContiguousArray<Int32>()
    public var shiftsOfTypeLimit = ContiguousArray<Int32>(), shiftsOfTypeWeight = ContiguousArray<Int32>()
    /// Forbidden successions as matrices `[from * V + to]` of weights (-1 hard, 0 allowed), one per
    /// distinct set of succession rules: staff member `e`'s matrix starts at `successionBase[e]`.
    /// Sharing them keeps the matrix in cache when, as in the benchmark, every contract has the same.
    public var succession = ContiguousArray<Int32>()
    public var successionBase = ContiguousArray<Int32>()
    /// Whether the rests between shifts need scoring: a rest rule (rest, rest after nights, work/rest
    /// ratio, travel) exists, or a shift can end after the next day's shift starts (overlap).
    public var hasRestRules = false
    public var hasTravel = false

    init(_ problem: Problem, staffContract: ContiguousArray<Int32>, shiftIndex: [String: Int],
         valueShift: ContiguousArray<Int32>, days: Int, cellMinutes: ContiguousArray<Int32>,
         cellStart: ContiguousArray<Int32>, cellEnd: ContiguousArray<Int32>,
         fixedCellHard cellHard: inout ContiguousArray<Int32>, cellSoft: inout ContiguousArray<Int32>) {
        let S = problem.shiftTypes.count, E = problem.staff.count
        let expanded = problem.contracts.map(\.expandedRules)
        var context = RuleCompilation(problem: problem, expandedRules: expanded, staffContract: staffContract, shiftIndex: shiftIndex,
                                      valueShift: valueShift, days: days, cellMinutes: cellMinutes, cellHard: cellHard, cellSoft: cellSoft)
        cellHard = []; cellSoft = []   // moved into the context, so that writing them copies nothing
        for name in RuleName.allCases { name.family.compileContracts(into: &self, &context) }
        hasTravel = problem.travel.contains { $0.minutes > 0 }
        for e in 0..<E {
            for rule in expanded[Int(staffContract[e])] {
                guard let name = rule.kind.name else { continue }
                name.family.compile(rule.kind, weight: rule.weight.compiled, staff: e, into: &self, &context)
            }
            for name in RuleName.allCases { if let list = name.family.instances { self[keyPath: list].endStaff() } }
        }
        swap(&cellHard, &context.cellHard)
        swap(&cellSoft, &context.cellSoft)
        shiftsOfTypeStart = [0]
        for e in 0..<E {
            for t in 0..<S {
                for i in maxShiftsOfType.range(e) where Int(maxShiftsOfType.a[i]) == t {
                    shiftsOfTypeLimit.append(maxShiftsOfType.b[i])
                    shiftsOfTypeWeight.append(maxShiftsOfType.weight[i])
                }
                shiftsOfTypeStart.append(Int32(shiftsOfTypeLimit.count))
            }
        }
        tightestShiftsOfType = ContiguousArray(repeating: Int32.max, count: E * S)
        hardShiftsOfType = tightestShiftsOfType
        for e in 0..<E {
            for i in maxShiftsOfType.range(e) {
                let k = e * S + Int(maxShiftsOfType.a[i])
                tightestShiftsOfType[k] = min(tightestShiftsOfType[k], maxShiftsOfType.b[i])
                if maxShiftsOfType.weight[i] < 0 { hardShiftsOfType[k] = min(hardShiftsOfType[k], maxShiftsOfType.b[i]) }
            }
        }
        let V1 = valueShift.count
        var overlapPossible = false
        for d in 0..<max(days - 1, 0) where !overlapPossible {
            let latestEnd = (1..<V1).map { cellEnd[d * V1 + $0] }.max() ?? Int32.min
            let earliestStart = (1..<V1).map { cellStart[(d + 1) * V1 + $0] }.min() ?? Int32.max
            overlapPossible = latestEnd > earliestStart
        }
        let restRules = RuleName.allCases.contains { name in
            name.family.incremental == .restPairs && name.family.instances.map { !self[keyPath: $0].isEmpty } ?? false
        }
        hasRestRules = overlapPossible || siteZonesDiffer(problem) || problem.staff.contains { !($0.history ?? []).isEmpty } || hasTravel || restRules
    }
}

/// What compiling a family's rules reads of the problem, and the cell penalties rules about single
/// cells are folded into (`[(e * days + d) * valueCount + v]`).
package struct RuleCompilation {
    public let problem: Problem
    /// Each contract's rules, presets expanded.
    public let expandedRules: [[ContractRule]]
    public let staffContract: ContiguousArray<Int32>
    public let shiftIndex: [String: Int]
    /// The shift type of each value (0 is off).
    public let valueShift: ContiguousArray<Int32>
    public let days: Int
    /// Real minutes of each `[d * valueCount + v]`.
    public let cellMinutes: ContiguousArray<Int32>
    public internal(set) var cellHard: ContiguousArray<Int32>, cellSoft: ContiguousArray<Int32>
    public var valueCount: Int { valueShift.count }

    /// Adds a penalty to staff member `e`'s cell of value `v` on day `d`.
    mutating func charge(_ e: Int, _ d: Int, _ v: Int, _ cost: (hard: Int, soft: Int)) {
        let i = (e * days + d) * valueCount + v
        cellHard[i] = Int32(clamping: Int(cellHard[i]) + cost.hard)
        cellSoft[i] = Int32(clamping: Int(cellSoft[i]) + cost.soft)
    }
}

extension Contract {
    /// The rules with presets replaced by what they stand for; a preset's weight applies to each of its rules.
    public var expandedRules: [ContractRule] {
        rules.flatMap { rule -> [ContractRule] in
            guard case .preset(let preset) = rule.kind else { return [rule] }
            return preset.rules.map { ContractRule($0, rule.weight) }
        }
    }
}

extension RulePreset {
    public var rules: [RuleKind] {
        switch self {
        case .euWorkingTimeDirective:
            // Art. 3: 11 h daily rest. Art. 5: 24 h weekly rest plus the 11 h daily rest.
            // Art. 6 with art. 16(b): 48 h a week on average over 17 weeks.
            [.minRest(minutes: 11 * 60), .weeklyRest(minutes: 35 * 60), .maxMinutesInWindow(days: 17 * 7, minutes: 17 * 48 * 60)]
        case .usWildlandFire:
            // NWCG work/rest: at most 16 h of work in a shift, 2:1 work to rest, assignments (or stretches
            // at home) of at most 14 days, then 2 days off.
            [.maxShiftMinutes(16 * 60), .workRestRatio(work: 2, rest: 1), .maxDeploymentDays(14), .maxConsecutiveDays(14),
             .minConsecutiveDaysOff(2)]
        }
    }
}

/// The penalty of a breach counted in days, shifts, nights or weekends: `hardUnit` each when hard,
/// the weight each when soft.
@inline(__always) public func chargeCount(_ units: Int, weight: Int32) -> (hard: Int, soft: Int) {
    weight < 0 ? (units * hardUnit, 0) : (0, units * Int(weight))
}

/// The penalty of a breach counted in minutes: a minute each when hard, the weight per started hour
/// when soft.
@inline(__always) public func chargeMinutes(_ minutes: Int, weight: Int32) -> (hard: Int, soft: Int) {
    weight < 0 ? (minutes, 0) : (0, (minutes + 59) / 60 * Int(weight))
}

/// Whether two sites keep different clocks, so that shifts may reorder or overlap across days.
private func siteZonesDiffer(_ problem: Problem) -> Bool {
    Set(problem.sites.map { $0.timeZone ?? problem.horizon.timeZone }).count > 1
}

extension RuleInstances {
    /// The breach of `total` against bounds `lo...hi` (-1 / Int32.max for none) scaled to a period of
    /// `length` days out of `period`, as exact fractions, rounded up: shifts or minutes short or over.
    @inline(__always) static func periodBreach(total: Int, lo: Int, hi: Int, length: Int, period: Int) -> Int {
        if hi != Int(Int32.max) && total * period > hi * length { return (total * period - hi * length + period - 1) / period }
        if lo > 0 && total * period < lo * length { return (lo * length - total * period + period - 1) / period }
        return 0
    }

    /// The minutes over a window's limit: `total` against `limit`·`days`/`ruleDays`, rounded up.
    @inline(__always) static func windowExcess(total: Int, limit: Int, days: Int, ruleDays: Int) -> Int {
        let excess = total * ruleDays - limit * days
        return excess > 0 ? (excess + ruleDays - 1) / ruleDays : 0
    }
}
