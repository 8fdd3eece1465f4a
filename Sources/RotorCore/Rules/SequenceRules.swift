/// Rules about the order of work in one person's row: successions and runs of work, rest and nights.

/// A shift type listed as "cannot follow" another is not worked the day after it (Curtois & Qu rule 3);
/// the day before the horizon counts when the history has a shift on it. Several rules for the same
/// pair make one breach, hard when any of them is, else costing the sum of their weights.
public struct ShiftSuccessionRule: Sendable {
    /// The charge of shift `to` worked the day after shift `from` under a contract's rules.
    static func charge(_ contract: Contract, from: String, to: String) -> (hard: Int, soft: Int) {
        var hard = false, soft = 0, any = false
        for rule in contract.expandedRules {
            guard case .forbiddenSuccession(from, to) = rule.kind else { continue }
            any = true
            if rule.weight.isHard { hard = true } else { soft += rule.weight.softValue }
        }
        guard any else { return (0, 0) }
        return hard ? (hardUnit, 0) : (0, soft)
    }

    public static func evaluate(_ p: CompiledProblem, _ s: Schedule, into out: inout [Violation]) {
        for e in 0..<p.staffCount {
            let member = p.problem.staff[e], contract = p.contract(of: e)
            let dayBefore = p.problem.horizon.start.adding(days: -1)
            var previous: String? = member.history?.first { $0.date == dayBefore }?.shift
            var previousName = previous.map { "\($0) (history)" } ?? ""
            for d in 0..<p.days {
                let v = Int(s[staff: e, day: d])
                let shift = v == 0 ? nil : p.shiftName(Int(p.valueShift[v]))
                if let from = previous, let to = shift {
                    let c = charge(contract, from: from, to: to)
                    if c != (0, 0) {
                        out.append(Violation(rule: .shiftSuccession, staff: e, day: max(d - 1, 0), dayCount: d == 0 ? 1 : 2, value: v,
                                             amount: 1, charge: c,
                                             message: "\(p.staffLabel(e)) works \(p.valueName(v)) on \(p.dayName(d)) right after \(previousName) the day before, a forbidden succession"))
                    }
                }
                previous = shift
                previousName = p.valueName(v)
            }
        }
    }
}

/// A maximal run of worked days or of days off in one staff member's row.
public struct Run: Sendable, Equatable {
    public var start: Int
    public var length: Int
    public var working: Bool
    /// True when the run starts on day 0 or ends on the last day: it may continue outside the horizon.
    public var touchesHorizonEdge: Bool
}

extension Schedule {
    /// The maximal runs of one row, in order; written for clarity (the incremental scorer scans
    /// only the runs around a change).
    public func runs(ofStaff e: Int) -> [Run] {
        var runs: [Run] = []
        var start = 0
        for d in 1...days {
            if d == days || (self[staff: e, day: d] != 0) != (self[staff: e, day: start] != 0) {
                runs.append(Run(start: start, length: d - start, working: self[staff: e, day: start] != 0,
                                touchesHorizonEdge: start == 0 || d == days))
                start = d
            }
        }
        return runs
    }
}

/// Runs of work are at most the maximum (Curtois & Qu rule 6). A run that starts on the first date
/// continues the history's run ending the day before.
public struct MaxConsecutiveDaysRule: Sendable {
    public static func evaluate(_ p: CompiledProblem, _ s: Schedule, into out: inout [Violation]) {
        let list = p.rules.maxConsecutiveDays
        for e in 0..<p.staffCount where !list.range(e).isEmpty {
            for run in s.runs(ofStaff: e) where run.working {
                let length = run.length + (run.start == 0 ? Int(p.historyWorkRun[e]) : 0)
                for i in list.range(e) where length > Int(list.a[i]) {
                    out.append(Violation(rule: .maxConsecutiveDays, staff: e, day: run.start, dayCount: run.length,
                                         amount: length - Int(list.a[i]), charge: chargeCount(length - Int(list.a[i]), weight: list.weight[i]),
                                         message: "\(p.staffLabel(e)) works \(length) days in a row to \(p.dayName(run.start + run.length - 1)), at most \(list.a[i]) allowed"))
                }
            }
        }
    }
}

/// Runs of work are at least the minimum (Curtois & Qu rule 7). A run that reaches the end of the
/// horizon may continue and is not too short; one that starts on the first date continues the
/// history's run when history is known, and is otherwise not too short either.
public struct MinConsecutiveDaysRule: Sendable {
    public static func evaluate(_ p: CompiledProblem, _ s: Schedule, into out: inout [Violation]) {
        let minimum = p.rules.minConsecutiveDays
        for e in 0..<p.staffCount where !minimum.range(e).isEmpty {
            let known = p.problem.staff[e].history != nil
            for run in s.runs(ofStaff: e) where run.working {
                let length = run.length + (run.start == 0 ? Int(p.historyWorkRun[e]) : 0)
                let exempt = run.start + run.length == p.days || (run.start == 0 && !known)
                for i in minimum.range(e) where !exempt && length < Int(minimum.a[i]) {
                    out.append(Violation(rule: .minConsecutiveDays, staff: e, day: run.start, dayCount: run.length,
                                         amount: Int(minimum.a[i]) - length, charge: chargeCount(Int(minimum.a[i]) - length, weight: minimum.weight[i]),
                                         message: "\(p.staffLabel(e)) works only \(length) day(s) in a row from \(p.dayName(run.start)), at least \(minimum.a[i]) required"))
                }
            }
        }
    }
}

/// Every stretch of days off between two stretches of work is at least the minimum (Curtois & Qu
/// rule 8): one that reaches the end of the horizon is not judged; one that began before the horizon
/// is judged when the history has a shift before it, its days off before the horizon counted — also
/// when it lies wholly before the horizon and the first date is worked.
public struct MinConsecutiveDaysOffRule: Sendable {
    public static func evaluate(_ p: CompiledProblem, _ s: Schedule, into out: inout [Violation]) {
        for e in 0..<p.staffCount {
            let list = p.rules.minConsecutiveDaysOff
            let lastWorked = (p.problem.staff[e].history ?? []).map { $0.date.days(since: p.problem.horizon.start) }.filter { $0 < 0 }.max()
            // Days off wholly before the horizon, between the history's last shift and work on the first date.
            if let last = lastWorked, last < -1, p.days > 0, s[staff: e, day: 0] != 0 {
                let length = -1 - last
                for i in list.range(e) where length < Int(list.a[i]) {
                    out.append(Violation(rule: .minConsecutiveDaysOff, staff: e, day: 0, dayCount: 1,
                                         amount: Int(list.a[i]) - length, charge: chargeCount(Int(list.a[i]) - length, weight: list.weight[i]),
                                         message: "\(p.staffLabel(e)) has only \(length) day(s) off in a row before working on \(p.dayName(0)), at least \(list.a[i]) required"))
                }
            }
            for run in s.runs(ofStaff: e) where !run.working {
                guard run.start + run.length < p.days else { continue }
                var length = run.length
                if run.start == 0 {
                    guard let last = lastWorked else { continue }
                    length += -1 - last
                }
                for i in list.range(e) where length < Int(list.a[i]) {
                    out.append(Violation(rule: .minConsecutiveDaysOff, staff: e, day: run.start, dayCount: run.length,
                                         amount: Int(list.a[i]) - length, charge: chargeCount(Int(list.a[i]) - length, weight: list.weight[i]),
                                         message: "\(p.staffLabel(e)) has only \(length) day(s) off in a row to \(p.dayName(run.start + run.length - 1)), at least \(list.a[i]) required"))
                }
            }
        }
    }
}

/// Runs of night shifts on consecutive days are at most the maximum (history's nights included).
public struct MaxConsecutiveNightsRule: Sendable {
    public static func evaluate(_ p: CompiledProblem, _ s: Schedule, into out: inout [Violation]) {
        let list = p.rules.maxConsecutiveNights
        for e in 0..<p.staffCount where !list.range(e).isEmpty {
            var d = 0
            while d < p.days {
                guard p.valueIsNight[Int(s[staff: e, day: d])] != 0 else { d += 1; continue }
                let start = d
                while d < p.days && p.valueIsNight[Int(s[staff: e, day: d])] != 0 { d += 1 }
                let length = d - start + (start == 0 ? Int(p.historyNightRun[e]) : 0)
                for i in list.range(e) where length > Int(list.a[i]) {
                    out.append(Violation(rule: .maxConsecutiveNights, staff: e, day: start, dayCount: d - start,
                                         amount: length - Int(list.a[i]), charge: chargeCount(length - Int(list.a[i]), weight: list.weight[i]),
                                         message: "\(p.staffLabel(e)) works \(length) nights in a row to \(p.dayName(d - 1)), at most \(list.a[i]) allowed"))
                }
            }
        }
    }
}
