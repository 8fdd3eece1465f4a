/// Rules about the real time between shifts, on the real clock: a night shift on the night clocks go
/// back is 13 hours long and every rule below sees that.

/// The charges of the rest between two consecutive shifts, shared by the from-scratch rules and the
/// incremental scorer. `gap` is from the end of the earlier shift to the start of the later one.
enum RestCharges {
    @inline(__always)
    static func charge(_ rules: CompiledRules, _ e: Int, gap: Int, previousLength: Int, afterNights: Bool, travel: Int) -> (hard: Int, soft: Int) {
        var hard = 0, soft = 0
        if gap < 0 { hard += -gap }   // OverlapRule: a person cannot work two shifts at once.
        for i in rules.minRest.range(e) where gap < Int(rules.minRest.a[i]) {
            let c = chargeMinutes(Int(rules.minRest.a[i]) - gap, weight: rules.minRest.weight[i]); hard += c.hard; soft += c.soft
        }
        if afterNights {
            for i in rules.minRestAfterNights.range(e) where gap < Int(rules.minRestAfterNights.a[i]) {
                let c = chargeMinutes(Int(rules.minRestAfterNights.a[i]) - gap, weight: rules.minRestAfterNights.weight[i]); hard += c.hard; soft += c.soft
            }
        }
        for i in rules.workRestRatio.range(e) {
            let need = previousLength * Int(rules.workRestRatio.b[i]) / Int(rules.workRestRatio.a[i])
            if gap < need { let c = chargeMinutes(need - gap, weight: rules.workRestRatio.weight[i]); hard += c.hard; soft += c.soft }
        }
        if gap < travel { hard += travel - gap }   // TravelTimeRule: always hard.
        return (hard, soft)
    }
}

/// One shift followed by the next one the same person works, with the real times involved.
struct ShiftPair {
    var staff: Int
    /// Day of the earlier shift, -1 for the last shift before the horizon.
    var firstDay: Int
    var first: Int, second: Int
    var secondDay: Int
    var end: Int, start: Int
    var firstLength: Int
    var gap: Int { start - end }
    var endsNights: Bool
}

extension CompiledProblem {
    /// Every pair of consecutive shifts of staff member `e`, the last shift before the horizon included.
    func shiftPairs(_ s: Schedule, _ e: Int) -> [ShiftPair] {
        var pairs: [ShiftPair] = []
        var previous: (day: Int, value: Int, end: Int, length: Int)? =
            historyLastValue[e] != 0 ? (-1, Int(historyLastValue[e]), Int(historyLastEnd[e]), 0) : nil
        for d in 0..<days {
            let v = Int(s[staff: e, day: d])
            guard v != 0 else { continue }
            let i = d * valueCount + v
            if let p = previous {
                // The history's last shift was worked the day before the horizon only when its run reaches day -1.
                let dayBefore = p.day >= 0 ? p.day == d - 1 : d == 0 && historyWorkRun[e] > 0
                let endsNights = valueIsNight[p.value] != 0 && !(valueIsNight[v] != 0 && dayBefore)
                pairs.append(ShiftPair(staff: e, firstDay: p.day, first: p.value, second: v, secondDay: d, end: p.end,
                                       start: Int(cellStart[i]), firstLength: p.length, endsNights: endsNights))
            }
            previous = (d, v, Int(cellEnd[i]), Int(cellMinutes[i]))
        }
        return pairs
    }

    func describe(_ pair: ShiftPair) -> String {
        let first = pair.firstDay < 0 ? "the last shift before the horizon" : "\(valueName(pair.first)) on \(dayName(pair.firstDay))"
        return "between \(first) ending \(clockTime(pair.end, value: pair.first)) and \(valueName(pair.second)) on \(dayName(pair.secondDay)) starting \(clockTime(pair.start, value: pair.second))"
    }
}

/// Hard: shifts of one person do not overlap (a shift crossing midnight and an early one the next day).
public struct OverlapRule: Sendable {
    public static func evaluate(_ p: CompiledProblem, _ s: Schedule, into out: inout [Violation]) {
        for e in 0..<p.staffCount {
            for pair in p.shiftPairs(s, e) where pair.gap < 0 {
                out.append(Violation(rule: .overlap, staff: e, day: pair.secondDay, value: pair.second, amount: -pair.gap,
                                     charge: (-pair.gap, 0),
                                     message: "\(p.staffLabel(e)) has shifts overlapping by \(p.hours(-pair.gap)) \(p.describe(pair))"))
            }
        }
    }
}

/// At least the contract's rest between the end of one shift and the start of the next (e.g. 11 h,
/// EU Working Time Directive art. 3).
public struct MinRestRule: Sendable {
    public static func evaluate(_ p: CompiledProblem, _ s: Schedule, into out: inout [Violation]) {
        shortRests(p, s, p.rules.minRest, .minRest, after: "", into: &out) { _ in true }
    }
}

/// After a run of nights, at least the contract's rest before the next shift (a night the next day
/// continues the run).
public struct MinRestAfterNightsRule: Sendable {
    public static func evaluate(_ p: CompiledProblem, _ s: Schedule, into out: inout [Violation]) {
        shortRests(p, s, p.rules.minRestAfterNights, .minRestAfterNights, after: " after a run of nights,", into: &out) { $0.endsNights }
    }
}

/// The rests shorter than a rule's minimum (`a`, minutes) between the pairs of shifts it applies to.
private func shortRests(_ p: CompiledProblem, _ s: Schedule, _ list: RuleInstances, _ rule: RuleID, after: String,
                        into out: inout [Violation], appliesTo: (ShiftPair) -> Bool) {
    for e in 0..<p.staffCount where !list.range(e).isEmpty {
        for pair in p.shiftPairs(s, e) where appliesTo(pair) {
            for i in list.range(e) where pair.gap < Int(list.a[i]) {
                let short = Int(list.a[i]) - pair.gap
                out.append(Violation(rule: rule, staff: e, day: pair.secondDay, value: pair.second, amount: short,
                                     charge: chargeMinutes(short, weight: list.weight[i]),
                                     message: "\(p.staffLabel(e)) has only \(p.hours(pair.gap)) rest\(after) \(p.describe(pair)); the rule needs \(p.hours(Int(list.a[i])))"))
            }
        }
    }
}

/// The rest after each shift is at least rest/work times its real length (US wildland fire 2:1).
public struct WorkRestRatioRule: Sendable {
    public static func evaluate(_ p: CompiledProblem, _ s: Schedule, into out: inout [Violation]) {
        let list = p.rules.workRestRatio
        for e in 0..<p.staffCount where !list.range(e).isEmpty {
            for pair in p.shiftPairs(s, e) {
                for i in list.range(e) {
                    let need = pair.firstLength * Int(list.b[i]) / Int(list.a[i])
                    guard pair.gap < need else { continue }
                    out.append(Violation(rule: .workRestRatio, staff: e, day: pair.secondDay, value: pair.second, amount: need - pair.gap,
                                         charge: chargeMinutes(need - pair.gap, weight: list.weight[i]),
                                         message: "\(p.staffLabel(e)) rests \(p.hours(pair.gap)) after a \(p.hours(pair.firstLength)) shift, \(p.describe(pair)); \(list.a[i]):\(list.b[i]) work/rest needs \(p.hours(need))"))
                }
            }
        }
    }
}

/// Hard: moving between two sites takes the travel time, and no shift may overlap it.
public struct TravelTimeRule: Sendable {
    public static func evaluate(_ p: CompiledProblem, _ s: Schedule, into out: inout [Violation]) {
        for e in 0..<p.staffCount {
            for pair in p.shiftPairs(s, e) {
                let travel = Int(p.travelMinutes[Int(p.valueSite[pair.first]) * p.siteCount + Int(p.valueSite[pair.second])])
                guard pair.gap < travel else { continue }
                out.append(Violation(rule: .travelTime, staff: e, day: pair.secondDay, value: pair.second, amount: travel - pair.gap,
                                     charge: (travel - pair.gap, 0),
                                     message: "\(p.staffLabel(e)) has \(p.hours(max(pair.gap, 0))) to travel \(p.describe(pair)); the journey takes \(p.hours(travel))"))
            }
        }
    }
}

/// Each 7-day period from the horizon start holds an uninterrupted rest of at least the contract's
/// length, shifts clipped to the period (EU Working Time Directive art. 5: 24 h plus the 11 h daily
/// rest). A last period shorter than 7 days is not judged.
public struct WeeklyRestRule: Sendable {
    public static func evaluate(_ p: CompiledProblem, _ s: Schedule, into out: inout [Violation]) {
        let list = p.rules.weeklyRest
        for e in 0..<p.staffCount where !list.range(e).isEmpty {
            for k in 0..<(p.days / 7) {
                let from = p.dayStartEpochMinutes(7 * k), to = p.dayStartEpochMinutes(7 * k + 7)
                var intervals: [(Int, Int)] = []
                for d in max(7 * k - 1, 0)..<(7 * k + 7) where s[staff: e, day: d] != 0 {
                    let i = d * p.valueCount + Int(s[staff: e, day: d])
                    let a = max(Int(p.cellStart[i]), from), b = min(Int(p.cellEnd[i]), to)
                    if b > from && a < to { intervals.append((a, b)) }
                }
                var longest = 0, free = from
                for (a, b) in intervals {
                    longest = max(longest, a - free)
                    free = max(free, b)
                }
                longest = max(longest, to - free)
                for i in list.range(e) where longest < Int(list.a[i]) {
                    out.append(Violation(rule: .weeklyRest, staff: e, day: 7 * k, dayCount: 7, amount: Int(list.a[i]) - longest,
                                         charge: chargeMinutes(Int(list.a[i]) - longest, weight: list.weight[i]),
                                         message: "\(p.staffLabel(e))'s longest rest in the week from \(p.dayName(7 * k)) is \(p.hours(longest)); the rule needs \(p.hours(Int(list.a[i])))"))
                }
            }
        }
    }
}
