/// Rules about the order of work in one person's row: successions and runs of work, rest and nights.

/// A shift type listed as "cannot follow" another is not worked the day after it (Curtois & Qu rule 3);
/// the day before the horizon counts when history is known.
public struct ShiftSuccessionRule: Sendable {
    public static func evaluate(_ p: CompiledProblem, _ s: Schedule, into out: inout [Violation]) {
        let V = p.valueCount
        for e in 0..<p.staffCount {
            let base = Int(p.rules.successionBase[e])
            var previous = p.historyWorkRun[e] > 0 ? Int(p.historyLastValue[e]) : 0
            for d in 0..<p.days {
                let v = Int(s[staff: e, day: d])
                let w = p.rules.succession[base + previous * V + v]
                if w != 0 {
                    out.append(Violation(rule: .shiftSuccession, staff: e, day: max(d - 1, 0), dayCount: d == 0 ? 1 : 2, value: v,
                                         amount: 1, charge: chargeCount(1, weight: w),
                                         message: "\(p.staffLabel(e)) works \(p.valueName(v)) on \(p.dayName(d)) right after \(p.valueName(previous)) the day before, a forbidden succession"))
                }
                previous = v
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

/// Runs of work are at most the maximum and at least the minimum. A run that reaches the end of the
/// horizon may continue and is not too short; one that starts on the first day continues the
/// history's run when history is known, and is otherwise not too short either (Curtois & Qu rules 6, 7).
public struct ConsecutiveDaysRule: Sendable {
    public static func evaluate(_ p: CompiledProblem, _ s: Schedule, into out: inout [Violation]) {
        for e in 0..<p.staffCount {
            let known = p.historyKnown[e] != 0
            for run in s.runs(ofStaff: e) where run.working {
                let length = run.length + (run.start == 0 ? Int(p.historyWorkRun[e]) : 0)
                let list = p.rules.maxConsecutiveDays
                for i in list.range(e) where length > Int(list.a[i]) {
                    out.append(Violation(rule: .maxConsecutiveDays, staff: e, day: run.start, dayCount: run.length,
                                         amount: length - Int(list.a[i]), charge: chargeCount(length - Int(list.a[i]), weight: list.weight[i]),
                                         message: "\(p.staffLabel(e)) works \(length) days in a row to \(p.dayName(run.start + run.length - 1)), at most \(list.a[i]) allowed"))
                }
                let exempt = run.start + run.length == p.days || (run.start == 0 && !known)
                let minimum = p.rules.minConsecutiveDays
                for i in minimum.range(e) where !exempt && length < Int(minimum.a[i]) {
                    out.append(Violation(rule: .minConsecutiveDays, staff: e, day: run.start, dayCount: run.length,
                                         amount: Int(minimum.a[i]) - length, charge: chargeCount(Int(minimum.a[i]) - length, weight: minimum.weight[i]),
                                         message: "\(p.staffLabel(e)) works only \(length) day(s) in a row from \(p.dayName(run.start)), at least \(minimum.a[i]) required"))
                }
            }
        }
    }
}

/// Every stretch of days off that follows work is at least the minimum, unless it reaches the end of
/// the horizon (Curtois & Qu rule 8); one at the start follows work only when history says so.
public struct MinConsecutiveDaysOffRule: Sendable {
    public static func evaluate(_ p: CompiledProblem, _ s: Schedule, into out: inout [Violation]) {
        for e in 0..<p.staffCount {
            let list = p.rules.minConsecutiveDaysOff
            for run in s.runs(ofStaff: e) where !run.working {
                let followsWork = run.start > 0 || (p.historyKnown[e] != 0 && p.historyWorkRun[e] > 0)
                guard followsWork && run.start + run.length < p.days else { continue }
                for i in list.range(e) where run.length < Int(list.a[i]) {
                    out.append(Violation(rule: .minConsecutiveDaysOff, staff: e, day: run.start, dayCount: run.length,
                                         amount: Int(list.a[i]) - run.length, charge: chargeCount(Int(list.a[i]) - run.length, weight: list.weight[i]),
                                         message: "\(p.staffLabel(e)) has only \(run.length) day(s) off in a row from \(p.dayName(run.start)), at least \(list.a[i]) required"))
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
