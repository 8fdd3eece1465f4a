/// The cheapest row of one person at given prices, over a set of rows that holds every row the
/// person's hard rules allow: the pricing problem of column generation, solved exactly by a dynamic
/// programme over the days (a shortest path with resources; Irnich & Desaulniers, "Shortest path
/// problems with resource constraints", in "Column Generation", Springer 2005), where the rules it
/// leaves out make it a relaxation. Its answer is therefore never above the cheapest row that keeps
/// the rules, which is what a lower bound needs (`LagrangianBound`).
///
/// What it models, each family saying so in its own file (`ContractRuleFamily.rowPricer`):
/// - the cells (leave, pins, eligibility, shift length, requests, stability): the prices;
/// - pairs of consecutive days: successions (hard forbidden, soft priced) and, on the real clock,
///   overlaps, `min-rest`, `min-rest-after-nights`, `work-rest-ratio` and travel, hard or soft, where
///   no shifts two or more days apart can reorder or fall short of any of them (so every rest that
///   counts lies between consecutive days; a night across a change of clocks is its true length);
/// - runs of days worked and off (`max-consecutive-days`, `min-consecutive-days`,
///   `min-consecutive-days-off`), hard and soft, continuing the history's stretch as the scorer does,
///   and the rest from the history's last shift to the first day;
/// - `hours-per-period` of one period length (the whole horizon, or weeks), hard and soft, while its
///   minutes fit `maxMinuteBuckets`;
/// - `complete-weekends`, hard and soft, from whether the day before a weekend's day was worked;
/// - `max-consecutive-nights`, hard and soft, continuing the history's nights, while its run of
///   nights fits the state;
/// - hard `max-weekends` and hard `max-shifts-of-type`, while the state fits `maxStates`.
/// Every other rule, soft instances of the weekend and type rules, fairness, and whatever the state
/// and work budgets drop are left out; `relaxedRules` names them.
package struct RowRelaxation: Sendable {
    let days: Int, valueCount: Int
    /// Largest number of minute buckets kept; above it the period rules are left out.
    static let maxMinuteBuckets = 512
    /// Largest number of states (per day) the programme keeps for one person: weekends and shift
    /// counts join the state while they fit, tightest first; the rest are left out.
    static let maxStates = 200_000
    /// Most steps (states × values × days, a ceiling: only the states reached are visited, and only
    /// the cheapest value of a group) the programme may take for all rows of one round where rounds
    /// repeat (column generation), and at least for one row; see the initialiser.
    static let maxRoundWork = 1_000_000_000, minRowWork = 500_000
    /// The same where a single pass is all that runs (`LagrangianBound` on a master too large for
    /// column generation): its time is bounded by the solver's deadline, not by dropping rules.
    static let maxSinglePassWork = 1_000_000_000_000

    struct Period: Sendable {
        var lo: Int, hi: Int, weight: Int32
    }

    struct Person: Sendable {
        var maxRun = Int.max, minRun = 0, minOff = 0, cap = 1
        /// The period rules kept: their length in days (0 none), instances, and the minutes bucket
        /// count (minutes in `unit`s, up to the hard maximum or what a period can hold).
        var periodDays = 0
        var periods: [Period] = []
        var buckets = 1
        /// The value standing for each class (0: off); values of one class share their futures.
        var classValue: [Int] = [0]
        var successionBase = 0
        /// Whether the rests on the real clock are priced between consecutive days (then each value
        /// is its own class).
        var pricesRests = false
        /// Hard `max-weekends` limit kept in the state (-1: not kept).
        var weekendLimit = -1
        /// Hard `max-shifts-of-type` limits kept in the state: per value its digit (-1 none), and
        /// per digit its limit and place value in the state's resource part.
        var typeDigit: [Int] = []
        var typeLimit: [Int] = [], typePlace: [Int] = []
        /// `max-consecutive-nights` kept in the state: the run of nights counted up to `nightCap`
        /// (0: not kept), its place value; the hard limit and the soft (limit, weight)s; the
        /// history's run of nights to day -1.
        var nightCap = 0, nightPlace = 1, maxNights = Int.max, startNights = 0
        var softMaxNights: [(Int, Int)] = []
        /// `complete-weekends`: whether a weekend worked on one day only is forbidden, and what
        /// each such weekend costs otherwise.
        var splitWeekendForbidden = false, splitWeekendCharge = 0
        /// Resource combinations: (weekends + 1) · 2 · Π (type limit + 1) · (night cap + 1).
        var resources = 1
        /// The state before day 0, from the history: the stretch it leaves (worked or off, its
        /// length), whether that stretch is judged by the minimums, and whether the history is known.
        var startWorking = false, startRun = 0, startFree = true, historyKnown = false
        /// What each value on day 0 costs by the rest from the history's last shift (-1: forbidden).
        var startCharge: [Int] = []
        /// Soft run rules, priced as their stretches end: (limit, weight) each.
        var softMaxRun: [(Int, Int)] = [], softMinRun: [(Int, Int)] = [], softMinOff: [(Int, Int)] = []
        /// The longest minimum on stretches worked and off, hard or soft.
        var longestMinRun = 0, longestMinOff = 0
        /// Per value, its group: values of one group on one day with the same minutes step alike
        /// from every state (same class, night or not, type counted, successions into them), so
        /// only the cheapest of them is tried after day 0. Empty where rests are priced (each
        /// value steps differently).
        var valueGroup: [Int] = []
    }
    let persons: [Person]
    /// `[e * valueCount + v]`: the class of value `v` for staff member `e`.
    let valueClass: [Int32]
    let rules: CompiledRules
    let cellMinutes: [Int32]
    /// The rests on the clock between consecutive days (`ConsecutiveDayRests.charge`).
    package let rests: ConsecutiveDayRests
    let weekendOfDay: [Int32]
    let valueIsNight: [UInt8]
    let unit: Int
    /// Per staff member, the rules (by name) and goals that the programme leaves out.
    package let relaxedRules: [[String]]

    /// `roundWork` is the budget of steps for a round (`maxRoundWork`, or `maxSinglePassWork`).
    package init(_ problem: CompiledProblem, roundWork budget: Int = maxRoundWork) {
        days = problem.days
        valueCount = problem.valueCount
        let r = problem.rules, V = problem.valueCount, H = problem.days
        rules = r
        cellMinutes = Array(problem.cellMinutes)
        rests = ConsecutiveDayRests(problem)
        weekendOfDay = Array(problem.weekendOfDay)
        valueIsNight = Array(problem.valueIsNight)
        var g = 0
        for m in problem.cellMinutes where m > 0 { g = gcd(g, Int(m)) }
        let unit = max(g, 1)
        self.unit = unit
        let longest = Int(problem.cellMinutes.max() ?? 0)

        // The clock: do consecutive days' shifts keep date order, and how short is the shortest gap
        // between shifts two days apart? (Pairs further apart have longer gaps.)
        var datesInOrder = true, overlapPossible = false
        var gapOverDayOff = Int.max, longestShift = 0
        var maxTravel = 0
        for t in problem.travelMinutes { maxTravel = max(maxTravel, Int(t)) }
        for d in 0..<H {
            for v in 1..<max(V, 1) {
                let i = d * V + v
                longestShift = max(longestShift, Int(problem.cellEnd[i] - problem.cellStart[i]))
                for w in 1..<V {
                    if d + 1 < H {
                        let j = (d + 1) * V + w
                        if problem.cellStart[j] < problem.cellStart[i] { datesInOrder = false }
                        if problem.cellStart[j] < problem.cellEnd[i] { overlapPossible = true }
                    }
                    if d + 2 < H { gapOverDayOff = min(gapOverDayOff, Int(problem.cellStart[(d + 2) * V + w] - problem.cellEnd[i])) }
                }
            }
        }

        var persons: [Person] = [], valueClass: [Int32] = [], relaxed: [[String]] = []
        let lists: [(RuleName, RuleInstances)] = RuleName.allCases.compactMap { name in
            name.family.instances.map { (name, r[keyPath: $0]) }
        }
        for e in 0..<problem.staffCount {
            var p = Person()
            var left: Set<String> = []
            let history = problem.historyKnown[e] != 0
            // The period length kept: one with a hard instance if any, else the first.
            let periodList = r.minutesPerPeriod.range(e)
            let chosen = periodList.first { r.minutesPerPeriod.weight[$0] < 0 } ?? periodList.first
            let restRules = !r.minRest.range(e).isEmpty || !r.minRestAfterNights.range(e).isEmpty || !r.workRestRatio.range(e).isEmpty
            /// Names the rests on the clock (and overlaps, travel) as left out for this person.
            func leaveOutRests() {
                if !r.minRest.range(e).isEmpty { left.insert(RuleName.minRest.rawValue) }
                if !r.minRestAfterNights.range(e).isEmpty { left.insert(RuleName.minRestAfterNights.rawValue) }
                if !r.workRestRatio.range(e).isEmpty { left.insert(RuleName.workRestRatio.rawValue) }
                if overlapPossible { left.insert(RuleID.overlap.rawValue) }
                if r.hasTravel { left.insert(RuleID.travelTime.rawValue) }
            }
            for (name, list) in lists {
                for i in list.range(e) {
                    let hard = list.weight[i] < 0, a = Int(list.a[i])
                    switch name {
                    case .maxConsecutiveDays where hard:
                        p.maxRun = min(p.maxRun, a)
                    case .minConsecutiveDays where hard:
                        p.minRun = max(p.minRun, a)
                    case .minConsecutiveDaysOff where hard:
                        p.minOff = max(p.minOff, a)
                    case .maxConsecutiveDays where a <= 250:
                        p.softMaxRun.append((a, Int(list.weight[i])))
                    case .minConsecutiveDays where a <= 250:
                        p.softMinRun.append((a, Int(list.weight[i])))
                    case .minConsecutiveDaysOff where a <= 250:
                        p.softMinOff.append((a, Int(list.weight[i])))
                    case .maxWeekends where hard:
                        p.weekendLimit = p.weekendLimit < 0 ? a : min(p.weekendLimit, a)
                    case .maxShiftsOfType where hard:
                        break
                    case .maxConsecutiveNights where hard:
                        p.maxNights = min(p.maxNights, a)
                    case .maxConsecutiveNights where a <= 250:
                        p.softMaxNights.append((a, Int(list.weight[i])))
                    case .completeWeekends where hard:
                        p.splitWeekendForbidden = true
                    case .completeWeekends:
                        p.splitWeekendCharge += Int(list.weight[i])
                    case .hoursPerPeriod where chosen.map { Int(list.a[$0]) } == a:
                        p.periodDays = a
                        p.periods.append(Period(lo: Int(list.b[i]), hi: Int(list.c[i]), weight: list.weight[i]))
                    case .minRest, .minRestAfterNights, .workRestRatio, .forbiddenSuccession:
                        break   // priced between consecutive days, below
                    default:
                        left.insert(name.rawValue)
                    }
                }
            }
            if p.periodDays > 0 {
                let hardMax = p.periods.filter { $0.weight < 0 && $0.hi < Int(Int32.max) }.map(\.hi).min()
                let reachable = min(p.periodDays, H) * longest / unit
                p.buckets = min(hardMax.map { $0 / unit } ?? reachable, reachable) + 1
                if p.buckets > Self.maxMinuteBuckets {
                    p.periodDays = 0
                    p.periods = []
                    p.buckets = 1
                    left.insert(RuleName.hoursPerPeriod.rawValue)
                }
            }
            if !periodList.allSatisfy({ Int(r.minutesPerPeriod.a[$0]) == p.periodDays }) { left.insert(RuleName.hoursPerPeriod.rawValue) }
            let softLimits = (p.softMaxRun + p.softMinRun + p.softMinOff).map(\.0)
            p.longestMinRun = max(p.minRun, p.softMinRun.map(\.0).max() ?? 0)
            p.longestMinOff = max(p.minOff, p.softMinOff.map(\.0).max() ?? 0)
            p.cap = min(max(p.maxRun == Int.max ? 0 : p.maxRun, p.minRun, p.minOff, softLimits.max() ?? 0, 1), 250)
            if p.maxRun > 250 { p.maxRun = Int.max }

            // Rests on the clock, between consecutive days only when nothing two days apart can
            // reorder, overlap or fall short: their charge at the shortest such gap is nothing.
            let needsPairs = restRules || overlapPossible || r.hasTravel
            if needsPairs {
                let far = RestCharges.charge(r, e, gap: gapOverDayOff == Int.max ? Int.max / 4 : gapOverDayOff,
                                             previousLength: longestShift, afterNights: true, travel: maxTravel)
                if datesInOrder && gapOverDayOff >= 0 && far.hard == 0 && far.soft == 0 {
                    p.pricesRests = true
                } else {
                    leaveOutRests()
                }
            }
            // The history: the stretch it leaves open, and the rest from its last shift to the first
            // shift of the horizon (a succession from its last day is already a cell penalty of day 0).
            p.historyKnown = history
            p.startCharge = [Int](repeating: 0, count: V)
            let shifts = Int(problem.historyShiftsStart[e])..<Int(problem.historyShiftsStart[e + 1])
            if history, let last = shifts.last {
                let lastDay = Int(problem.historyShiftDay[last])
                if lastDay == -1 {
                    p.startWorking = true
                    p.startRun = min(Int(problem.historyWorkRun[e]), p.cap)
                } else {
                    p.startRun = min(-1 - lastDay, p.cap)
                }
                p.startFree = false
                if needsPairs {
                    // The rest to day 0's shift is priced; one to a later first shift must cost nothing.
                    let end = Int(problem.historyShiftEnd[last]), length = end - Int(problem.historyShiftStart[last])
                    let site = Int(problem.historyShiftSite[last]), night = problem.historyShiftNight[last] != 0
                    var laterIsFree = true
                    for d in 0..<min(H, 2) {
                        for w in 1..<V {
                            let j = d * V + w
                            var charge = RestCharges.charge(r, e, gap: Int(problem.cellStart[j]) - end, previousLength: length,
                                                            afterNights: night && !(d == 0 && lastDay == -1 && problem.valueIsNight[w] != 0),
                                                            travel: site == Int(problem.valueSite[w]) ? 0 : Int(problem.travelMinutes[site * problem.siteCount + Int(problem.valueSite[w])]))
                            if min(end, Int(problem.cellEnd[j])) - Int(problem.cellStart[j]) > 0 { charge.hard += 1 }
                            if d == 0 && lastDay == -1 {
                                p.startCharge[w] = charge.hard > 0 ? -1 : charge.soft
                            } else if charge.hard > 0 || charge.soft > 0 {
                                laterIsFree = false
                            }
                        }
                    }
                    if !laterIsFree || !p.pricesRests {
                        p.startCharge = [Int](repeating: 0, count: V)
                        leaveOutRests()
                    }
                }
            }

            // Classes: values with the same successions to the next day (0 is off), or each value its
            // own where rests are priced.
            p.successionBase = Int(r.successionBase[e])
            func classes(_ p: inout Person) -> [Int32] {
                var classOf: [ArraySlice<Int32>: Int] = [:]
                var valueClass: [Int32] = [0]
                p.classValue = [0]
                for v in 1..<max(V, 1) {
                    if p.pricesRests {
                        valueClass.append(Int32(p.classValue.count))
                        p.classValue.append(v)
                        continue
                    }
                    let key = r.succession[(p.successionBase + v * V)..<(p.successionBase + (v + 1) * V)]
                    let c = classOf[key] ?? (p.classValue.count)
                    if classOf[key] == nil { classOf[key] = c; p.classValue.append(v) }
                    valueClass.append(Int32(c))
                }
                return valueClass
            }
            var personClasses = classes(&p)

            // Weekends, then shift types by tightness, while the state fits.
            var size = (p.cap + 1) * 2 * p.buckets * p.classValue.count
            if p.weekendLimit >= 0 && problem.weekendCount > p.weekendLimit {
                if size * (p.weekendLimit + 1) * 2 <= Self.maxStates {
                    p.resources = (p.weekendLimit + 1) * 2
                    size *= p.resources
                } else {
                    p.weekendLimit = -1
                    left.insert(RuleName.maxWeekends.rawValue)
                }
            } else {
                p.weekendLimit = -1
            }
            p.typeDigit = [Int](repeating: -1, count: V)
            let S = problem.shiftCount
            let binding = (0..<S).compactMap { s -> (Int, Int)? in
                let limit = Int(r.hardShiftsOfType[e * S + s])
                return limit < H ? (s, limit) : nil
            }.sorted { $0.1 < $1.1 }
            for (s, limit) in binding {
                guard size * (limit + 1) <= Self.maxStates else {
                    left.insert(RuleName.maxShiftsOfType.rawValue)
                    continue
                }
                for v in 1..<V where problem.valueShift[v] == s { p.typeDigit[v] = p.typeLimit.count }
                p.typePlace.append(p.resources)
                p.typeLimit.append(limit)
                p.resources *= limit + 1
                size *= limit + 1
            }
            // Nights in a row, counted up to the largest limit (a longer run breaks every limit).
            let nightLimits = (p.maxNights <= 250 ? [p.maxNights] : []) + p.softMaxNights.map(\.0)
            if let cap = nightLimits.max() {
                if size * (cap + 1) <= Self.maxStates {
                    p.nightCap = cap
                    p.startNights = min(Int(problem.historyNightRun[e]), cap)
                    size *= cap + 1
                } else {
                    left.insert(RuleName.maxConsecutiveNights.rawValue)
                }
            }
            if p.maxNights > 250 && p.maxNights < Int.max { left.insert(RuleName.maxConsecutiveNights.rawValue) }
            Self.layOut(&p)
            for name in [RuleName.maxWeekends, .maxShiftsOfType] {
                let list = r[keyPath: name.family.instances!]
                if list.range(e).contains(where: { list.weight[$0] >= 0 }) { left.insert(name.rawValue) }
            }
            // Within a share of `maxRoundWork` steps a row: leave out shift counts, then weekends, then
            // nights in a row, then the period, then the rests, until the programme fits (large
            // operations price hundreds of rows a round).
            func work(_ p: Person) -> Int { p.classValue.count * (p.cap + 1) * 2 * p.buckets * p.resources * V * H }
            let maxWork = max(budget / max(problem.staffCount, 1), Self.minRowWork)
            if work(p) > maxWork && !p.typeLimit.isEmpty {
                p.typeLimit = []; p.typeDigit = [Int](repeating: -1, count: V)
                Self.layOut(&p)
                left.insert(RuleName.maxShiftsOfType.rawValue)
            }
            if work(p) > maxWork && p.weekendLimit >= 0 {
                p.weekendLimit = -1
                Self.layOut(&p)
                left.insert(RuleName.maxWeekends.rawValue)
            }
            if work(p) > maxWork && p.nightCap > 0 {
                p.nightCap = 0
                Self.layOut(&p)
                left.insert(RuleName.maxConsecutiveNights.rawValue)
            }
            if work(p) > maxWork && p.periodDays > 0 {
                p.periodDays = 0; p.periods = []; p.buckets = 1
                left.insert(RuleName.hoursPerPeriod.rawValue)
            }
            if work(p) > maxWork && p.pricesRests {
                p.pricesRests = false
                p.startCharge = [Int](repeating: 0, count: V)
                personClasses = classes(&p)
                leaveOutRests()
            }
            if !p.pricesRests {
                var groupOf: [[Int]: Int] = [:]
                p.valueGroup = (0..<V).map { w in
                    var key = [Int(personClasses[w]), Int(problem.valueIsNight[w]), p.typeDigit[w]]
                    for c in p.classValue { key.append(Int(r.succession[p.successionBase + c * V + w])) }
                    if let g = groupOf[key] { return g }
                    groupOf[key] = groupOf.count
                    return groupOf.count - 1
                }
            }
            valueClass.append(contentsOf: personClasses)
            persons.append(p)
            relaxed.append(left.sorted())
        }
        if !problem.problem.fairness.isEmpty {
            for e in relaxed.indices { relaxed[e].append("fairness") }
        }
        // Crews tie people's rows together; a row alone cannot price them. Each kind a person is in is named.
        let crews = problem.crews
        for e in relaxed.indices {
            let kinds = Set((Int(crews.staffCrewStart[e])..<Int(crews.staffCrewStart[e + 1])).map { crews.apart[Int(crews.staffCrews[$0])] != 0 })
            relaxed[e] += kinds.sorted { !$0 && $1 }.map { $0 ? RuleID.crewApart.rawValue : RuleID.crewTogether.rawValue }
        }
        self.persons = persons
        self.valueClass = valueClass
        relaxedRules = relaxed
    }

    /// The resources' place values: the weekend digit (lowest), each kept type's count, then the
    /// run of nights.
    static func layOut(_ p: inout Person) {
        p.resources = p.weekendLimit >= 0 ? (p.weekendLimit + 1) * 2 : 1
        p.typePlace = []
        for limit in p.typeLimit {
            p.typePlace.append(p.resources)
            p.resources *= limit + 1
        }
        p.nightPlace = p.resources
        p.resources *= p.nightCap + 1
    }

    /// What the period rules charge staff member `e` for a period (the `k`-th) holding `minutes`:
    /// nil when a hard one is broken.
    @inline(__always)
    func periodCharge(_ p: Person, _ k: Int, minutes: Int) -> Int? {
        var soft = 0
        let length = min(p.periodDays, days - k * p.periodDays)
        for rule in p.periods {
            let breach = RuleInstances.periodBreach(total: minutes, lo: rule.lo, hi: rule.hi, length: length, period: p.periodDays)
            guard breach > 0 else { continue }
            if rule.weight < 0 { return nil }
            soft += chargeMinutes(breach, weight: rule.weight).soft
        }
        return soft
    }

    /// A partial row's state after a day: the class of its last value (0 off), its stretch (days
    /// worked or off in a row, up to the cap), whether that stretch is free of the minimums (it began
    /// the horizon with nothing before it), the minutes of the current period (in `unit`s), and its
    /// resources (weekends and whether this weekend is counted, then each kept type's count, then the
    /// run of nights).
    struct State {
        var cls: Int, run: Int, free: Bool, minutes: Int, x: Int
    }

    /// The state before day 0, from the history.
    @inline(__always)
    func startState(_ p: Person) -> State {
        State(cls: p.startWorking && p.classValue.count > 1 ? 1 : 0, run: p.startRun, free: p.startFree, minutes: 0,
              x: p.nightCap > 0 ? p.startNights * p.nightPlace : 0)
    }

    /// Staff member `e`'s state `s` through day `d - 1` extended by value `w` on day `d`: the new
    /// state and what the modelled rules charge for it (successions, rests, soft runs, periods), or
    /// nil when a modelled hard rule forbids it. The one place both the programme and
    /// `modelledCost` take a step.
    @inline(__always)
    func step(_ p: Person, _ e: Int, _ s: State, day d: Int, value w: Int) -> (State, Int)? {
        let V = valueCount
        let working = s.cls != 0, from = p.classValue[s.cls]
        var charge = 0
        if d > 0 {
            let rule = Int(rules.succession[p.successionBase + from * V + w])
            if rule < 0 { return nil }
            charge += rule
            if p.pricesRests && working && w != 0 {
                guard let rest = rests.charge(e, d, from, w) else { return nil }
                charge += rest
            }
        } else if w != 0 && p.startCharge[w] != 0 {
            if p.startCharge[w] < 0 { return nil }
            charge += p.startCharge[w]
        }
        var next = s
        if w != 0 {
            if working {
                if s.run + 1 > p.maxRun { return nil }
                for (limit, weight) in p.softMaxRun where s.run + 1 > limit { charge += weight }
                next.run = min(s.run + 1, p.cap)
            } else {
                if p.maxRun < 1 { return nil }
                if !s.free {
                    if s.run < p.minOff { return nil }
                    for (limit, weight) in p.softMinOff where s.run < limit { charge += (limit - s.run) * weight }
                }
                next.run = 1
                next.free = d == 0 && !p.historyKnown
            }
            if p.periodDays > 0 {
                next.minutes = s.minutes + Int(cellMinutes[d * V + w]) / unit
                if next.minutes >= p.buckets { return nil }
            }
        } else {
            if working {
                // A stretch the history leaves on day -1 is the history's, not judged.
                if !s.free && d > 0 {
                    if s.run < p.minRun { return nil }
                    for (limit, weight) in p.softMinRun where s.run < limit { charge += (limit - s.run) * weight }
                }
                next.run = 1
                next.free = false
            } else {
                next.run = min(s.run + 1, p.cap)
            }
        }
        if p.periodDays > 0 && (d == days - 1 || (d + 1) % p.periodDays == 0) {
            guard let period = periodCharge(p, d / p.periodDays, minutes: next.minutes * unit) else { return nil }
            charge += period
            next.minutes = 0
        }
        // A stretch long enough for every minimum no longer needs to know where it began.
        if next.run >= (w != 0 ? p.longestMinRun : p.longestMinOff) { next.free = false }
        if p.weekendLimit >= 0 {
            let weekend = Int(weekendOfDay[d])
            let counted = d > 0 && weekend >= 0 && Int(weekendOfDay[d - 1]) == weekend && s.x % 2 == 1
            var worked = s.x / 2 % (p.weekendLimit + 1)
            if w != 0 && weekend >= 0 && !counted {
                worked += 1
                if worked > p.weekendLimit { return nil }
            }
            let flag = weekend >= 0 && (w != 0 || counted) ? 1 : 0
            next.x = s.x - s.x % ((p.weekendLimit + 1) * 2) + worked * 2 + flag
        }
        if p.nightCap > 0 {
            // The run of nights so far (at least `nightCap` when it shows the cap).
            let run = s.x / p.nightPlace % (p.nightCap + 1)
            if valueIsNight[w] != 0 {
                if run + 1 > p.maxNights { return nil }
                for (limit, weight) in p.softMaxNights where run + 1 > limit { charge += weight }
                next.x += (min(run + 1, p.nightCap) - run) * p.nightPlace
            } else {
                next.x -= run * p.nightPlace
            }
        }
        // A weekend worked on one day only, judged on its later day.
        if d > 0 && (p.splitWeekendForbidden || p.splitWeekendCharge > 0) && working != (w != 0) {
            let weekend = weekendOfDay[d]
            if weekend >= 0 && weekendOfDay[d - 1] == weekend {
                if p.splitWeekendForbidden { return nil }
                charge += p.splitWeekendCharge
            }
        }
        let digit = p.typeDigit[w]
        if digit >= 0 {
            let place = p.typePlace[digit]
            if s.x / place % (p.typeLimit[digit] + 1) == p.typeLimit[digit] { return nil }
            next.x += place
        }
        next.cls = Int(valueClass[e * V + w])
        return (next, charge)
    }

    /// Steps (states × values × days) of one pass over everyone's rows: the cost of a round.
    package var roundWork: Int {
        persons.reduce(0) { $0 + $1.classValue.count * ($1.cap + 1) * 2 * $1.buckets * $1.resources * valueCount * days }
    }

    /// The programme's working arrays, kept between people so that a round allocates them once:
    /// every cost `.infinity` between calls.
    package struct Workspace {
        var cost: [Double] = [], next: [Double] = []
        /// Per day and state, the previous state and the value taken (for the row).
        var parent: [Int32] = [], taken: [UInt8] = []
        /// The states reached after the current day, and after the next.
        var live: [Int32] = [], nextLive: [Int32] = []
        /// The values tried on the current day, and their groups' keys.
        var tried: [Int] = [], triedKey: [Int] = []
        /// Steps taken (a state extended by a value) over every call: a measure of the work done.
        package var steps = 0
        package init() {}
    }

    /// The cheapest row of staff member `e` at `prices` (`[d * valueCount + v]`, `.infinity` for a
    /// value the person may not take that day), with what the modelled rules charge (`step`); its
    /// cost and values, or nil when no row keeps the modelled hard rules.
    package func cheapest(_ e: Int, prices: [Double]) -> (cost: Double, row: [UInt8])? {
        var workspace = Workspace()
        return cheapest(e, prices: prices, workspace: &workspace)
    }

    /// `cheapest(_:prices:)` in `workspace`. Only the states reached are visited, day by day.
    package func cheapest(_ e: Int, prices: [Double], workspace w: inout Workspace) -> (cost: Double, row: [UInt8])? {
        let p = persons[e], V = valueCount, H = days
        guard H > 0 else { return (0, []) }
        let R = p.cap + 1, B = p.buckets, X = p.resources
        let states = p.classValue.count * R * 2 * B * X
        @inline(__always) func index(_ s: State) -> Int { (((s.cls * R + s.run) * 2 + (s.free ? 1 : 0)) * B + s.minutes) * X + s.x }
        if w.cost.count < states {
            w.cost = [Double](repeating: .infinity, count: states)
            w.next = w.cost
        }
        if w.parent.count < H * states {
            w.parent = [Int32](repeating: -1, count: H * states)
            w.taken = [UInt8](repeating: 0, count: H * states)
        }
        let start = index(startState(p))
        w.cost[start] = 0
        w.live.removeAll(keepingCapacity: true)
        w.live.append(Int32(start))
        for d in 0..<H {
            w.nextLive.removeAll(keepingCapacity: true)
            let dayPrice = d * V
            // The cheapest value of each group with the same minutes (every value on day 0, whose
            // rest from the history is each value's own).
            w.tried.removeAll(keepingCapacity: true)
            w.triedKey.removeAll(keepingCapacity: true)
            for v in 0..<V where prices[dayPrice + v] < .infinity {
                guard d > 0 && !p.valueGroup.isEmpty else { w.tried.append(v); continue }
                let key = p.valueGroup[v] &* 1_000_000 &+ Int(cellMinutes[dayPrice + v])
                if let k = w.triedKey.firstIndex(of: key) {
                    if prices[dayPrice + v] < prices[dayPrice + w.tried[k]] { w.tried[k] = v }
                } else {
                    w.tried.append(v)
                    w.triedKey.append(key)
                }
            }
            w.steps += w.live.count * w.tried.count
            for k in w.live.indices {
                let i = Int(w.live[k])
                let t0 = i / X
                let state = State(cls: t0 / B / 2 / R, run: t0 / B / 2 % R, free: t0 / B % 2 == 1, minutes: t0 % B, x: i % X)
                let here = w.cost[i]
                for v in w.tried {
                    let price = prices[dayPrice + v]
                    guard let (after, charge) = step(p, e, state, day: d, value: v) else { continue }
                    let total = here + price + Double(charge)
                    let t = index(after)
                    if w.next[t] == .infinity { w.nextLive.append(Int32(t)) }
                    if total < w.next[t] {
                        w.next[t] = total
                        w.parent[d * states + t] = Int32(i)
                        w.taken[d * states + t] = UInt8(v)
                    }
                }
            }
            for i in w.live { w.cost[Int(i)] = .infinity }
            swap(&w.cost, &w.next)
            swap(&w.live, &w.nextLive)
        }
        var best = -1
        for i in w.live where best < 0 || w.cost[Int(i)] < w.cost[best] { best = Int(i) }
        let bestCost = best >= 0 ? w.cost[best] : .infinity
        for i in w.live { w.cost[Int(i)] = .infinity }
        guard best >= 0 else { return nil }
        var row = [UInt8](repeating: 0, count: H)
        var i = best
        for d in stride(from: H - 1, through: 0, by: -1) {
            row[d] = w.taken[d * states + i]
            i = Int(w.parent[d * states + i])
        }
        return (bestCost, row)
    }

    /// What the modelled rules charge a whole row beyond its cells (`step` day by day), or nil when
    /// it breaks one of their hard rules. The master's column costs; the tests' reference.
    package func modelledCost(_ e: Int, _ row: [UInt8]) -> Int? {
        let p = persons[e]
        var state = startState(p), cost = 0
        for d in 0..<days {
            guard let (after, charge) = step(p, e, state, day: d, value: Int(row[d])) else { return nil }
            state = after
            cost += charge
        }
        return cost
    }
}

/// What a shift on one day costs a person after a shift on the day before, by the rests on the real
/// clock: overlaps (hard), `min-rest`, `min-rest-after-nights`, `work-rest-ratio` and the travel
/// between the two sites (`RestCharges.charge`). The bound's programme and the window rebuild's price
/// consecutive days with it.
package struct ConsecutiveDayRests: Sendable {
    let valueCount: Int, siteCount: Int
    let rules: CompiledRules
    let cellStart: [Int32], cellEnd: [Int32]
    let valueSite: [Int32], valueNight: [UInt8]
    let travel: [Int32]

    package init(_ problem: CompiledProblem) {
        valueCount = problem.valueCount
        siteCount = problem.siteCount
        rules = problem.rules
        cellStart = Array(problem.cellStart)
        cellEnd = Array(problem.cellEnd)
        valueSite = Array(problem.valueSite)
        valueNight = Array(problem.valueIsNight)
        travel = Array(problem.travelMinutes)
    }

    /// What working `w` on day `d` after `v` on day `d - 1` (both shifts) costs staff member `e`:
    /// nil when a hard rule or an overlap forbids it, else the soft charge.
    @inline(__always)
    package func charge(_ e: Int, _ d: Int, _ v: Int, _ w: Int) -> Int? {
        let V = valueCount
        let i = (d - 1) * V + v, j = d * V + w
        let start = Int(cellStart[j]), end = Int(cellEnd[i])
        if min(end, Int(cellEnd[j])) - start > 0 { return nil }   // overlap
        let a = Int(valueSite[v]), b = Int(valueSite[w])
        let charge = RestCharges.charge(rules, e, gap: start - end, previousLength: end - Int(cellStart[i]),
                                        afterNights: valueNight[v] != 0 && valueNight[w] == 0,
                                        travel: a == b ? 0 : Int(travel[a * siteCount + b]))
        return charge.hard > 0 ? nil : charge.soft
    }
}
