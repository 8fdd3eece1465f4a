/// Rules that count work over a span of days: shifts of a type, totals per period, rolling windows,
/// weekends, deployments.

/// Minutes (`minutes: true`) or shifts worked in each period of the contract's length from the
/// horizon start lie within its bounds (Curtois & Qu rule 5 is one period, the horizon, in minutes).
/// A period cut short by the end of the horizon (the last one, or the horizon itself when the period
/// is longer) has its bounds scaled to its length as exact fractions; the breach is rounded up.
package struct PeriodTotalRule: Sendable {
    public static func evaluate(_ p: CompiledProblem, _ s: Schedule, minutes: Bool, staff: Range<Int>, into out: inout [Violation]) {
        for e in staff {
            for rule in p.contract(of: e).expandedRules {
                let bounds: (period: Int?, lo: Int?, hi: Int?)
                switch (rule.kind, minutes) {
                case (.minutesPerPeriod(let period, let lo, let hi), true), (.shiftsPerPeriod(let period, let lo, let hi), false): bounds = (period, lo, hi)
                default: continue
                }
                let period = bounds.period ?? p.days
                for k in 0..<((p.days + period - 1) / period) {
                    let length = min(period, p.days - k * period)
                    var total = 0
                    for d in (k * period)..<(k * period + length) {
                        let v = Int(s[staff: e, day: d])
                        total += minutes ? Int(p.cellMinutes[d * p.valueCount + v]) : (v != 0 ? 1 : 0)
                    }
                    let lo = bounds.lo ?? -1, hi = bounds.hi ?? Int(Int32.max)
                    let breach = RuleInstances.periodBreach(total: total, lo: lo, hi: hi, length: length, period: period)
                    guard breach > 0 else { continue }
                    let over = hi != Int(Int32.max) && total * period > hi * length
                    let bound = over ? hi : lo
                    let unit = minutes ? { (x: Int) in p.hours(x) } : { (x: Int) in "\(x) shifts" }
                    let scaled = length < period ? " (\(unit(bound)) scaled to \(length) of \(period) days)" : ""
                    let span = length == p.days ? "over the horizon" : "in the \(length) days from \(p.dayName(k * period))"
                    out.append(Violation(rule: minutes ? .minutesPerPeriod : .shiftsPerPeriod, staff: e, day: k * period, dayCount: length,
                                         amount: breach,
                                         charge: minutes ? chargeMinutes(breach, weight: rule.weight.compiled) : chargeCount(breach, weight: rule.weight.compiled),
                                         message: "\(p.staffLabel(e)) works \(unit(total)) \(span), \(unit(breach)) \(over ? "over the maximum" : "short of the minimum") \(unit(bound))\(scaled)"))
                }
            }
        }
    }
}

extension CompiledProblem {
    /// Weekends (index) worked by staff member `e`: either day worked.
    package func weekendsWorked(_ s: Schedule, _ e: Int) -> Int {
        var worked = Set<Int32>()
        for d in 0..<days where weekendOfDay[d] >= 0 && s[staff: e, day: d] != 0 { worked.insert(weekendOfDay[d]) }
        return worked.count
    }
}

/// Cover of each (day, post): short of the minimum costs its weight per person (hard when the minimum
/// is), short of the preferred number costs the preferred weight, above the maximum the over weight.
/// The benchmark's cover (Curtois & Qu) is a preferred number with the same number as maximum.
package struct CoverRule: Sendable {
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

    /// Reads the demand lines of the problem itself (not the compiled slots): for each (site, shift,
    /// skill) and day (of `days`, else every day), the lines that apply add up (`DemandSlot`); a line
    /// without a skill counts everyone on that shift at that site, one with a skill those assigned with it.
    public static func evaluate(_ p: CompiledProblem, _ s: Schedule, days: Range<Int>? = nil, into out: inout [Violation]) {
        let problem = p.problem
        struct Key: Hashable { var site: String, shift: String, skill: String? }
        var lines: [Key: [Demand]] = [:]
        var order: [Key] = []
        for line in problem.demand {
            let key = Key(site: line.site, shift: line.shift, skill: line.skill)
            if lines[key] == nil { order.append(key) }
            lines[key, default: []].append(line)
        }
        for d in days ?? 0..<p.days {
            let date = p.date(d)
            // People on each (site, shift, skill) on day d, by identifier, and on each (site, shift) whatever the skill.
            var count: [Key: Int32] = [:]
            for e in 0..<p.staffCount where s[staff: e, day: d] != 0 {
                let v = Int(s[staff: e, day: d])
                let site = problem.sites[Int(p.valueSite[v])].id, shift = problem.shiftTypes[Int(p.valueShift[v])].id
                count[Key(site: site, shift: shift, skill: nil), default: 0] += 1
                if p.valueSkill[v] >= 0 { count[Key(site: site, shift: shift, skill: problem.skills[Int(p.valueSkill[v])].id), default: 0] += 1 }
            }
            for key in order {
                guard let slot = DemandSlot(lines[key]!.filter { $0.days.contains(date) }) else { continue }
                let n = count[key] ?? 0
                let v = p.value(shift: p.shiftIndex[key.shift]!, site: p.siteIndex[key.site]!, skill: key.skill.flatMap { p.skillIndex[$0] })
                let post = problem.sites.count > 1 ? "\(key.shift)@\(key.site)" : key.shift
                let where_ = "\(post)\(key.skill.map { "/\($0)" } ?? "") on \(p.dayName(d))"
                if n < slot.minimum && slot.minimumWeight != 0 {
                    let short = Int(slot.minimum - n)
                    out.append(Violation(rule: .coverMinimum, staff: nil, day: d, value: v, amount: short,
                                         charge: slot.minimumWeight < 0 ? (short * hardUnit, 0) : (0, short * Int(slot.minimumWeight)),
                                         message: "\(where_) has \(n) people, \(short) short of the minimum \(slot.minimum)"))
                }
                if n < slot.preferred && slot.preferredWeight > 0 {
                    let short = Int(slot.preferred - n)
                    out.append(Violation(rule: .coverPreferred, staff: nil, day: d, value: v, amount: short,
                                         charge: (0, short * Int(slot.preferredWeight)),
                                         message: "\(where_) has \(n) of the \(slot.preferred) people it needs"))
                }
                if n > slot.maximum && slot.overWeight > 0 {
                    let over = Int(n - slot.maximum)
                    out.append(Violation(rule: .coverOver, staff: nil, day: d, value: v, amount: over,
                                         charge: (0, over * Int(slot.overWeight)),
                                         message: "\(where_) has \(n) people, \(over) more than the \(slot.maximum) it needs"))
                }
            }
        }
    }
}
