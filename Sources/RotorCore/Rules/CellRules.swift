/// Hard: nobody works on a day listed as a day off (Curtois & Qu rule 2).
public struct DaysOffRule: Sendable {
    @inline(__always) public static func penalty(dayOff: UInt8, value: UInt8) -> Int {
        (dayOff != 0 && value != 0) ? hardUnit : 0
    }

    public static func evaluate(_ p: CompiledProblem, _ s: Schedule, into out: inout [Violation]) {
        for e in 0..<p.staffCount {
            for d in 0..<p.days where p.dayOff[e * p.days + d] != 0 && s[staff: e, day: d] != 0 {
                let shift = Int(s[staff: e, day: d]) - 1
                out.append(Violation(rule: .daysOff, staff: e, day: d, dayCount: 1, shift: shift, amount: 1,
                                     penalty: hardUnit,
                                     message: "\(p.staffName(e)) works \(p.shiftName(shift)) on day \(d), a day off"))
            }
        }
    }
}

/// Soft: shift-on requests cost their weight unless the requested shift is worked; shift-off requests
/// cost their weight when it is (Curtois & Qu objective). Both are folded per cell into
/// `CompiledProblem.requestCost`; the explanation reads the requests themselves.
public struct ShiftRequestRules: Sendable {
    public static func evaluate(_ p: CompiledProblem, _ s: Schedule, into out: inout [Violation]) {
        for r in p.problem.shiftOnRequests {
            guard let e = p.staffIndex[r.staff], let t = p.shiftIndex[r.shift] else { continue }
            let v = Int(s[staff: e, day: r.day])
            if v != t + 1 {
                let worked = v == 0 ? "is off" : "works \(p.shiftName(v - 1))"
                out.append(Violation(rule: .shiftOnRequest, staff: e, day: r.day, dayCount: 1, shift: t, amount: 1,
                                     penalty: r.weight,
                                     message: "\(r.staff) asked to work \(r.shift) on day \(r.day) but \(worked)"))
            }
        }
        for r in p.problem.shiftOffRequests {
            guard let e = p.staffIndex[r.staff], let t = p.shiftIndex[r.shift] else { continue }
            if Int(s[staff: e, day: r.day]) == t + 1 {
                out.append(Violation(rule: .shiftOffRequest, staff: e, day: r.day, dayCount: 1, shift: t, amount: 1,
                                     penalty: r.weight,
                                     message: "\(r.staff) asked not to work \(r.shift) on day \(r.day) but does"))
            }
        }
    }
}

/// Hard: a shift listed as "cannot follow" `s` is not worked the day after `s` (Curtois & Qu rule 3).
/// Nothing is assumed about the days outside the horizon.
public struct ShiftSuccessionRule: Sendable {
    @inline(__always) public static func penalty(forbidden: UInt8) -> Int { Int(forbidden) * hardUnit }

    public static func evaluate(_ p: CompiledProblem, _ s: Schedule, into out: inout [Violation]) {
        for e in 0..<p.staffCount {
            for d in 0..<max(p.days - 1, 0) {
                let a = Int(s[staff: e, day: d]), b = Int(s[staff: e, day: d + 1])
                if p.forbiddenSuccession[a * p.valueCount + b] != 0 {
                    out.append(Violation(rule: .shiftSuccession, staff: e, day: d, dayCount: 2, shift: b - 1, amount: 1,
                                         penalty: hardUnit,
                                         message: "\(p.staffName(e)) works \(p.shiftName(b - 1)) on day \(d + 1) right after \(p.shiftName(a - 1)) on day \(d), a forbidden succession"))
                }
            }
        }
    }
}
