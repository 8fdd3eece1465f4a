/// Hard: at most the contract's number of shifts of each type over the horizon (Curtois & Qu rule 4).
public struct MaxShiftsOfTypeRule: Sendable {
    @inline(__always) public static func penalty(count: Int32, limit: Int32) -> Int {
        count > limit ? Int(count - limit) * hardUnit : 0
    }

    public static func evaluate(_ p: CompiledProblem, _ s: Schedule, into out: inout [Violation]) {
        for e in 0..<p.staffCount {
            for t in 0..<p.shiftCount {
                let limit = p.maxShiftsOfType[e * p.shiftCount + t]
                let count = (0..<p.days).filter { Int(s[staff: e, day: $0]) == t + 1 }.count
                if count > limit {
                    out.append(Violation(rule: .maxShiftsOfType, staff: e, day: nil, dayCount: 0, shift: t,
                                         amount: count - Int(limit), penalty: penalty(count: Int32(count), limit: limit),
                                         message: "\(p.staffName(e)) works \(count) \(p.shiftName(t)) shifts, at most \(limit) allowed"))
                }
            }
        }
    }
}

/// Hard: total minutes worked over the horizon lie between the contract's minimum and maximum,
/// inclusive (Curtois & Qu rule 5). Weighed per minute outside the bounds.
public struct TotalMinutesRule: Sendable {
    @inline(__always) public static func penalty(minutes: Int32, min: Int32, max: Int32) -> Int {
        minutes > max ? Int(minutes - max) : (minutes < min ? Int(min - minutes) : 0)
    }

    public static func evaluate(_ p: CompiledProblem, _ s: Schedule, into out: inout [Violation]) {
        for e in 0..<p.staffCount {
            let total = (0..<p.days).reduce(0) { $0 + Int(p.valueMinutes[Int(s[staff: e, day: $1])]) }
            let lo = Int(p.minTotalMinutes[e]), hi = Int(p.maxTotalMinutes[e])
            if total > hi || total < lo {
                let bound = total > hi ? "maximum \(hi)" : "minimum \(lo)"
                out.append(Violation(rule: .totalMinutes, staff: e, day: nil, dayCount: 0, shift: nil,
                                     amount: total > hi ? total - hi : lo - total,
                                     penalty: penalty(minutes: Int32(total), min: Int32(lo), max: Int32(hi)),
                                     message: "\(p.staffName(e)) works \(total) minutes, the \(bound)"))
            }
        }
    }
}

/// Hard: at most the contract's number of worked weekends; weekend `w` (days 7w+5 and 7w+6) counts as
/// worked when either day is (Curtois & Qu rule 9).
public struct MaxWeekendsRule: Sendable {
    @inline(__always) public static func penalty(worked: Int32, limit: Int32) -> Int {
        worked > limit ? Int(worked - limit) * hardUnit : 0
    }

    public static func evaluate(_ p: CompiledProblem, _ s: Schedule, into out: inout [Violation]) {
        for e in 0..<p.staffCount {
            var worked = 0
            for w in 0..<p.weekendCount {
                let sat = 7 * w + 5, sun = 7 * w + 6
                if s[staff: e, day: sat] != 0 || (sun < p.days && s[staff: e, day: sun] != 0) { worked += 1 }
            }
            let limit = p.maxWeekends[e]
            if worked > limit {
                out.append(Violation(rule: .maxWeekends, staff: e, day: nil, dayCount: 0, shift: nil,
                                     amount: worked - Int(limit), penalty: penalty(worked: Int32(worked), limit: limit),
                                     message: "\(p.staffName(e)) works \(worked) weekends, at most \(limit) allowed"))
            }
        }
    }
}
