/// Rules about the real time between shifts, on the real clock: a night shift on the night clocks go
/// back is 13 hours long and every rule below sees that. "The next shift" is the next by real start
/// time, which differs from the next by date when sites in different time zones reorder them; the
/// history's shifts are part of that sequence, and pairs of two history shifts are not judged.

/// The charges of the rest between a shift and the next one by start time, shared by the
/// from-scratch rules and the incremental scorer. `gap` is from the end of the earlier shift to the
/// start of the later one; the rest is `max(gap, 0)`, since overlapping time is the overlap rule's.
enum RestCharges {
    @inline(__always)
    static func charge(_ rules: CompiledRules, _ e: Int, gap: Int, previousLength: Int, afterNights: Bool, travel: Int) -> (hard: Int, soft: Int) {
        var hard = 0, soft = 0
        let rest = max(gap, 0)
        for i in rules.minRest.range(e) where rest < Int(rules.minRest.a[i]) {
            let c = chargeMinutes(Int(rules.minRest.a[i]) - rest, weight: rules.minRest.weight[i]); hard += c.hard; soft += c.soft
        }
        if afterNights {
            for i in rules.minRestAfterNights.range(e) where rest < Int(rules.minRestAfterNights.a[i]) {
                let c = chargeMinutes(Int(rules.minRestAfterNights.a[i]) - rest, weight: rules.minRestAfterNights.weight[i]); hard += c.hard; soft += c.soft
            }
        }
        for i in rules.workRestRatio.range(e) {
            let short = WorkRestRatioRule.shortMinutes(length: previousLength, rest: rest, work: Int(rules.workRestRatio.a[i]), restPart: Int(rules.workRestRatio.b[i]))
            if short > 0 { let c = chargeMinutes(short, weight: rules.workRestRatio.weight[i]); hard += c.hard; soft += c.soft }
        }
        if rest < travel { hard += travel - rest }   // TravelTimeRule: always hard.
        return (hard, soft)
    }
}

/// One of a person's shifts on the real clock, in the horizon (`day` ≥ 0) or in the history.
struct TimedShift {
    var day: Int
    var start: Int, end: Int
    var site: Int
    var shiftType: Int
    var night: Bool
    /// The cell value for horizon shifts, 0 for history.
    var value: Int
    var length: Int { end - start }
    var inHorizon: Bool { day >= 0 }
}

/// A shift and the next one the same person works by start time.
struct ShiftPair {
    var first: TimedShift, second: TimedShift
    var gap: Int { second.start - first.end }
    /// The earlier shift ends a run of nights: it is a night and the later one is not a night on the next day.
    var endsNights: Bool { first.night && !(second.night && second.day == first.day + 1) }
}

extension CompiledProblem {
    /// Every shift of staff member `e`, the history's (read from the problem) and the roster's, in
    /// order of real start time (ties by date).
    func timeline(_ s: Schedule, _ e: Int) -> [TimedShift] {
        var shifts: [TimedShift] = []
        let member = problem.staff[e]
        for h in member.history ?? [] {
            let d = h.date.days(since: problem.horizon.start)
            guard d < 0, let t = shiftIndex[h.shift], let x = siteIndex[h.site ?? member.homeSite] else { continue }
            let type = problem.shiftTypes[t]
            let zone = Self.zone(problem.sites[x].timeZone ?? problem.horizon.timeZone)
            shifts.append(TimedShift(day: d, start: Self.epochMinutes(zone, date: h.date, minute: type.startMinute),
                                     end: Self.epochMinutes(zone, date: h.date, minute: type.startMinute + type.minutes),
                                     site: x, shiftType: t, night: type.isNight, value: 0))
        }
        for d in 0..<days where s[staff: e, day: d] != 0 {
            let v = Int(s[staff: e, day: d]), i = d * valueCount + v
            shifts.append(TimedShift(day: d, start: Int(cellStart[i]), end: Int(cellEnd[i]), site: Int(valueSite[v]),
                                     shiftType: Int(valueShift[v]), night: valueIsNight[v] != 0, value: v))
        }
        return shifts.sorted { ($0.start, $0.day) < ($1.start, $1.day) }
    }

    /// Every pair of shifts of staff member `e` that follow one another by start time, at least one of
    /// them in the horizon.
    func shiftPairs(_ s: Schedule, _ e: Int) -> [ShiftPair] {
        let shifts = timeline(s, e)
        return zip(shifts, shifts.dropFirst()).compactMap { a, b in
            a.inHorizon || b.inHorizon ? ShiftPair(first: a, second: b) : nil
        }
    }

    func describe(_ shift: TimedShift) -> String {
        shift.inHorizon ? "\(valueName(shift.value)) on \(dayName(shift.day))"
            : "\(problem.shiftTypes[shift.shiftType].id) on \(date(shift.day)) (history)"
    }

    func clockTime(_ epochMinute: Int, site: Int) -> String {
        clockTime(epochMinute, zone: problem.sites[site].timeZone ?? problem.horizon.timeZone)
    }

    func describe(_ pair: ShiftPair) -> String {
        "between \(describe(pair.first)) ending \(clockTime(pair.first.end, site: pair.first.site)) and \(describe(pair.second)) starting \(clockTime(pair.second.start, site: pair.second.site))"
    }

    /// The day a pair's breach is located on: the later shift's, or the earlier one's when the later is history.
    func day(of pair: ShiftPair) -> Int { pair.second.inHorizon ? pair.second.day : pair.first.day }
    func value(of pair: ShiftPair) -> Int { pair.second.inHorizon ? pair.second.value : pair.first.value }
}

/// Hard: shifts of one person do not overlap. Each pair of shifts that overlap is one breach of the
/// time both are worked (the intersection), whichever sites they are at.
package struct OverlapRule: Sendable {
    public static func evaluate(_ p: CompiledProblem, _ s: Schedule, staff: Range<Int>, into out: inout [Violation]) {
        for e in staff {
            let shifts = p.timeline(s, e)
            for j in shifts.indices {
                for i in 0..<j where shifts[i].inHorizon || shifts[j].inHorizon {
                    let both = min(shifts[i].end, shifts[j].end) - max(shifts[i].start, shifts[j].start)
                    guard both > 0 else { continue }
                    let pair = ShiftPair(first: shifts[i], second: shifts[j])
                    out.append(Violation(rule: .overlap, staff: e, day: p.day(of: pair), value: p.value(of: pair), amount: both,
                                         charge: (both, 0),
                                         message: "\(p.staffLabel(e)) has shifts overlapping by \(p.hours(both)): \(p.describe(shifts[i])) and \(p.describe(shifts[j]))"))
                }
            }
        }
    }
}

/// The rests shorter than a rule's minimum between the pairs of shifts it applies to; the minimums
/// are read from each person's contract.
func shortRests(_ p: CompiledProblem, _ s: Schedule, _ rule: RuleID, after: String, staff: Range<Int>,
                        into out: inout [Violation], appliesTo: (ShiftPair) -> Bool) {
    for e in staff {
        let minimums: [(minutes: Int, weight: Weight)] = p.contract(of: e).expandedRules.compactMap {
            switch ($0.kind, rule) {
            case (.minRest(let m), .minRest), (.minRestAfterNights(let m), .minRestAfterNights): (m, $0.weight)
            default: nil
            }
        }
        guard !minimums.isEmpty else { continue }
        for pair in p.shiftPairs(s, e) where appliesTo(pair) {
            let rest = max(pair.gap, 0)
            for (need, weight) in minimums where rest < need {
                out.append(Violation(rule: rule, staff: e, day: p.day(of: pair), value: p.value(of: pair), amount: need - rest,
                                     charge: chargeMinutes(need - rest, weight: weight.compiled),
                                     message: "\(p.staffLabel(e)) has only \(p.hours(rest)) rest\(after) \(p.describe(pair)); the rule needs \(p.hours(need))"))
            }
        }
    }
}

/// Hard: moving between two sites takes the travel time, counted from the end of one shift to the
/// start of the next; time the two overlap is the overlap rule's, not travel's.
package struct TravelTimeRule: Sendable {
    public static func evaluate(_ p: CompiledProblem, _ s: Schedule, staff: Range<Int>, into out: inout [Violation]) {
        for e in staff {
            for pair in p.shiftPairs(s, e) where pair.first.site != pair.second.site {
                let travel = Int(p.travelMinutes[pair.first.site * p.siteCount + pair.second.site])
                let rest = max(pair.gap, 0)
                guard rest < travel else { continue }
                out.append(Violation(rule: .travelTime, staff: e, day: p.day(of: pair), value: p.value(of: pair), amount: travel - rest,
                                     charge: (travel - rest, 0),
                                     message: "\(p.staffLabel(e)) has \(p.hours(rest)) to travel \(p.describe(pair)); the journey takes \(p.hours(travel))"))
            }
        }
    }
}
