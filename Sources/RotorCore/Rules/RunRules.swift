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

/// Hard: every maximal run of worked days is at most the contract's maximum, runs at the horizon's
/// edges included (days outside count as off; Curtois & Qu rule 6).
public struct MaxConsecutiveShiftsRule: Sendable {
    @inline(__always) public static func penalty(length: Int, limit: Int32) -> Int {
        length > Int(limit) ? (length - Int(limit)) * hardUnit : 0
    }

    public static func evaluate(_ p: CompiledProblem, _ s: Schedule, into out: inout [Violation]) {
        for e in 0..<p.staffCount {
            let limit = p.maxConsecutiveShifts[e]
            for run in s.runs(ofStaff: e) where run.working && run.length > limit {
                out.append(Violation(rule: .maxConsecutiveShifts, staff: e, day: run.start, dayCount: run.length, shift: nil,
                                     amount: run.length - Int(limit), penalty: penalty(length: run.length, limit: limit),
                                     message: "\(p.staffName(e)) works \(run.length) days in a row from day \(run.start), at most \(limit) allowed"))
            }
        }
    }
}

/// Hard: every maximal run of worked days is at least the contract's minimum, except a run that starts
/// on day 0 or ends on the last day (Curtois & Qu rule 7).
public struct MinConsecutiveShiftsRule: Sendable {
    @inline(__always) public static func penalty(length: Int, limit: Int32, atEdge: Bool) -> Int {
        (!atEdge && length < Int(limit)) ? (Int(limit) - length) * hardUnit : 0
    }

    public static func evaluate(_ p: CompiledProblem, _ s: Schedule, into out: inout [Violation]) {
        for e in 0..<p.staffCount {
            let limit = p.minConsecutiveShifts[e]
            for run in s.runs(ofStaff: e) where run.working && !run.touchesHorizonEdge && run.length < limit {
                out.append(Violation(rule: .minConsecutiveShifts, staff: e, day: run.start, dayCount: run.length, shift: nil,
                                     amount: Int(limit) - run.length,
                                     penalty: penalty(length: run.length, limit: limit, atEdge: false),
                                     message: "\(p.staffName(e)) works only \(run.length) day(s) in a row from day \(run.start), at least \(limit) required"))
            }
        }
    }
}

/// Hard: every maximal run of days off is at least the contract's minimum, except a run that starts on
/// day 0 or ends on the last day (Curtois & Qu rule 8).
public struct MinConsecutiveDaysOffRule: Sendable {
    @inline(__always) public static func penalty(length: Int, limit: Int32, atEdge: Bool) -> Int {
        (!atEdge && length < Int(limit)) ? (Int(limit) - length) * hardUnit : 0
    }

    public static func evaluate(_ p: CompiledProblem, _ s: Schedule, into out: inout [Violation]) {
        for e in 0..<p.staffCount {
            let limit = p.minConsecutiveDaysOff[e]
            for run in s.runs(ofStaff: e) where !run.working && !run.touchesHorizonEdge && run.length < limit {
                out.append(Violation(rule: .minConsecutiveDaysOff, staff: e, day: run.start, dayCount: run.length, shift: nil,
                                     amount: Int(limit) - run.length,
                                     penalty: penalty(length: run.length, limit: limit, atEdge: false),
                                     message: "\(p.staffName(e)) has only \(run.length) day(s) off in a row from day \(run.start), at least \(limit) required"))
            }
        }
    }
}
