/// Rules that count work over a span of days: shifts of a type, totals per period, rolling windows,
/// weekends, deployments.

/// At most the contract's number of shifts of each type over the horizon (Curtois & Qu rule 4).
public struct MaxShiftsOfTypeRule: Sendable {
    public static func evaluate(_ p: CompiledProblem, _ s: Schedule, into out: inout [Violation]) {
        for e in 0..<p.staffCount {
            for t in 0..<p.shiftCount {
                let limit = p.rules.maxShiftsOfType[e * p.shiftCount + t]
                guard limit != Int32.max else { continue }
                let count = (0..<p.days).filter { s[staff: e, day: $0] != 0 && Int(p.valueShift[Int(s[staff: e, day: $0])]) == t }.count
                if count > limit {
                    out.append(Violation(rule: .maxShiftsOfType, staff: e, day: nil, dayCount: 0, amount: count - Int(limit),
                                         charge: chargeCount(count - Int(limit), weight: p.rules.maxShiftsOfTypeWeight[e * p.shiftCount + t]),
                                         message: "\(p.staffLabel(e)) works \(count) \(p.shiftName(t)) shifts, at most \(limit) allowed"))
                }
            }
        }
    }
}

/// Minutes (`minutes: true`) or shifts worked in each period of the contract's length from the
/// horizon start lie within its bounds (Curtois & Qu rule 5 is one period, the horizon, in minutes).
/// The bounds of a last, shorter period are scaled to its length.
public struct PeriodTotalRule: Sendable {
    public static func evaluate(_ p: CompiledProblem, _ s: Schedule, minutes: Bool, into out: inout [Violation]) {
        let list = minutes ? p.rules.minutesPerPeriod : p.rules.shiftsPerPeriod
        for e in 0..<p.staffCount {
            for i in list.range(e) {
                let period = Int(list.a[i])
                for k in 0..<((p.days + period - 1) / period) {
                    let length = min(period, p.days - k * period)
                    var total = 0
                    for d in (k * period)..<(k * period + length) {
                        let v = Int(s[staff: e, day: d])
                        total += minutes ? Int(p.cellMinutes[d * p.valueCount + v]) : (v != 0 ? 1 : 0)
                    }
                    var lo = Int(list.b[i]), hi = Int(list.c[i])
                    if length < period {
                        if lo > 0 { lo = lo * length / period }
                        if hi != Int(Int32.max) { hi = hi * length / period }
                    }
                    guard total < lo || total > hi else { continue }
                    let breach = total > hi ? total - hi : lo - total
                    let unit = minutes ? { (x: Int) in p.hours(x) } : { (x: Int) in "\(x) shifts" }
                    let span = period >= p.days ? "over the horizon" : "in the \(length) days from \(p.dayName(k * period))"
                    out.append(Violation(rule: minutes ? .minutesPerPeriod : .shiftsPerPeriod, staff: e, day: k * period, dayCount: length,
                                         amount: breach,
                                         charge: minutes ? chargeMinutes(breach, weight: list.weight[i]) : chargeCount(breach, weight: list.weight[i]),
                                         message: "\(p.staffLabel(e)) works \(unit(total)) \(span), the \(total > hi ? "maximum is \(unit(hi))" : "minimum is \(unit(lo))")"))
                }
            }
        }
    }
}

/// At most the contract's minutes of work starting in any window of N consecutive days (e.g. 60 h in
/// any 7 days). Windows lie inside the horizon, or reach back into history when it is known.
public struct MaxMinutesInWindowRule: Sendable {
    public static func evaluate(_ p: CompiledProblem, _ s: Schedule, into out: inout [Violation]) {
        let list = p.rules.maxMinutesInWindow
        for e in 0..<p.staffCount {
            func minutes(_ d: Int) -> Int {
                d >= 0 ? Int(p.cellMinutes[d * p.valueCount + Int(s[staff: e, day: d])])
                    : Int(p.historyMinutes[e * p.historyDays + p.historyDays + d])
            }
            for i in list.range(e) {
                let n = Int(list.a[i]), limit = Int(list.b[i])
                let first = p.historyKnown[e] != 0 ? -min(n - 1, p.historyDays) : 0
                guard first <= p.days - n else { continue }
                for start in first...(p.days - n) {
                    let total = (start..<(start + n)).reduce(0) { $0 + minutes($1) }
                    guard total > limit else { continue }
                    out.append(Violation(rule: .maxMinutesInWindow, staff: e, day: max(start, 0), dayCount: n + min(start, 0),
                                         amount: total - limit, charge: chargeMinutes(total - limit, weight: list.weight[i]),
                                         message: "\(p.staffLabel(e)) works \(p.hours(total)) in the \(n) days from \(start >= 0 ? p.dayName(start) : "\(-start) day(s) before the horizon"), at most \(p.hours(limit)) allowed"))
                }
            }
        }
    }
}

extension CompiledProblem {
    /// Weekends (index) worked by staff member `e`: either day worked.
    func weekendsWorked(_ s: Schedule, _ e: Int) -> Int {
        var worked = Set<Int32>()
        for d in 0..<days where weekendOfDay[d] >= 0 && s[staff: e, day: d] != 0 { worked.insert(weekendOfDay[d]) }
        return worked.count
    }
}

/// At most the contract's number of worked weekends; a weekend counts as worked when its Saturday or
/// its Sunday is (Curtois & Qu rule 9).
public struct MaxWeekendsRule: Sendable {
    public static func evaluate(_ p: CompiledProblem, _ s: Schedule, into out: inout [Violation]) {
        let list = p.rules.maxWeekends
        for e in 0..<p.staffCount {
            let worked = p.weekendsWorked(s, e)
            for i in list.range(e) where worked > Int(list.a[i]) {
                out.append(Violation(rule: .maxWeekends, staff: e, day: nil, dayCount: 0, amount: worked - Int(list.a[i]),
                                     charge: chargeCount(worked - Int(list.a[i]), weight: list.weight[i]),
                                     message: "\(p.staffLabel(e)) works \(worked) weekends, at most \(list.a[i]) allowed"))
            }
        }
    }
}

/// Both days of a weekend worked, or neither (weekends with both days in the horizon).
public struct CompleteWeekendsRule: Sendable {
    public static func evaluate(_ p: CompiledProblem, _ s: Schedule, into out: inout [Violation]) {
        let list = p.rules.completeWeekends
        for e in 0..<p.staffCount where !list.range(e).isEmpty {
            for d in 0..<max(p.days - 1, 0) where p.weekendOfDay[d] >= 0 && p.weekendOfDay[d + 1] == p.weekendOfDay[d] {
                guard (s[staff: e, day: d] != 0) != (s[staff: e, day: d + 1] != 0) else { continue }
                for i in list.range(e) {
                    out.append(Violation(rule: .completeWeekends, staff: e, day: d, dayCount: 2, amount: 1,
                                         charge: chargeCount(1, weight: list.weight[i]),
                                         message: "\(p.staffLabel(e)) works only one day of the weekend of \(p.dayName(d))"))
                }
            }
        }
    }
}

/// A deployment — shifts away from the home site with no home shift between them — spans at most the
/// contract's days, from its first shift's day to its last's.
public struct MaxDeploymentDaysRule: Sendable {
    public static func evaluate(_ p: CompiledProblem, _ s: Schedule, into out: inout [Violation]) {
        let list = p.rules.maxDeploymentDays
        for e in 0..<p.staffCount where !list.range(e).isEmpty {
            var deployments: [(first: Int, last: Int)] = []
            var current: (first: Int, last: Int)? = nil
            for d in 0..<p.days where s[staff: e, day: d] != 0 {
                if p.valueSite[Int(s[staff: e, day: d])] != p.homeSite[e] {
                    current = (current?.first ?? d, d)
                } else if let c = current {
                    deployments.append(c)
                    current = nil
                }
            }
            if let c = current { deployments.append(c) }
            for dep in deployments {
                let span = dep.last - dep.first + 1
                for i in list.range(e) where span > Int(list.a[i]) {
                    out.append(Violation(rule: .maxDeploymentDays, staff: e, day: dep.first, dayCount: span, amount: span - Int(list.a[i]),
                                         charge: chargeCount(span - Int(list.a[i]), weight: list.weight[i]),
                                         message: "\(p.staffLabel(e)) is deployed away from \(p.problem.staff[e].homeSite) for \(span) days from \(p.dayName(dep.first)), at most \(list.a[i]) allowed"))
                }
            }
        }
    }
}

/// Cover of each (day, post): short of the minimum costs its weight per person (hard when the minimum
/// is), short of the preferred number costs the preferred weight, above the maximum the over weight.
/// The benchmark's cover (Curtois & Qu) is a preferred number with the same number as maximum.
public struct CoverRule: Sendable {
    @inline(__always)
    public static func charge(count n: Int32, minimum: Int32, minimumWeight: Int32, preferred: Int32, preferredWeight: Int32,
                              maximum: Int32, overWeight: Int32) -> (hard: Int, soft: Int) {
        var hard = 0, soft = 0
        if n < minimum {
            if minimumWeight < 0 { hard = Int(minimum - n) * hardUnit } else { soft = Int(minimum - n) * Int(minimumWeight) }
        }
        if n < preferred { soft += Int(preferred - n) * Int(preferredWeight) }
        if n > maximum { soft += Int(n - maximum) * Int(overWeight) }
        return (hard, soft)
    }

    public static func evaluate(_ p: CompiledProblem, _ s: Schedule, into out: inout [Violation]) {
        let P = p.postCount
        for d in 0..<p.days {
            for v in 1..<p.valueCount {
                let i = d * P + v - 1
                let n = Int32((0..<p.staffCount).filter { Int(s[staff: $0, day: d]) == v }.count)
                let where_ = "\(p.valueName(v)) on \(p.dayName(d))"
                if n < p.coverMin[i] {
                    let w = p.coverMinWeight[i]
                    let short = Int(p.coverMin[i] - n)
                    if w != 0 {
                        out.append(Violation(rule: .coverMinimum, staff: nil, day: d, value: v, amount: short,
                                             charge: w < 0 ? (short * hardUnit, 0) : (0, short * Int(w)),
                                             message: "\(where_) has \(n) people, \(short) short of the minimum \(p.coverMin[i])"))
                    }
                }
                if n < p.coverPreferred[i] && p.coverPreferredWeight[i] > 0 {
                    let short = Int(p.coverPreferred[i] - n)
                    out.append(Violation(rule: .coverPreferred, staff: nil, day: d, value: v, amount: short,
                                         charge: (0, short * Int(p.coverPreferredWeight[i])),
                                         message: "\(where_) has \(n) of the \(p.coverPreferred[i]) people it needs"))
                }
                if n > p.coverMax[i] && p.coverOverWeight[i] > 0 {
                    let over = Int(n - p.coverMax[i])
                    out.append(Violation(rule: .coverOver, staff: nil, day: d, value: v, amount: over,
                                         charge: (0, over * Int(p.coverOverWeight[i])),
                                         message: "\(where_) has \(n) people, \(over) more than the \(p.coverMax[i]) it needs"))
                }
            }
        }
    }
}
