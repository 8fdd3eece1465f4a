/// Soft: with n people on shift s on day d against a requirement r, (r − n)·under-weight when short and
/// (n − r)·over-weight when over (Curtois & Qu objective).
public struct CoverRule: Sendable {
    @inline(__always) public static func penalty(count: Int32, required: Int32, under: Int32, over: Int32) -> Int {
        count < required ? Int(required - count) * Int(under) : Int(count - required) * Int(over)
    }

    /// Change in penalty when one more person (`+1`) or one fewer (`-1`) works the slot now holding `count`.
    @inline(__always) public static func delta(count: Int32, step: Int32, required: Int32, under: Int32, over: Int32) -> Int {
        penalty(count: count + step, required: required, under: under, over: over)
            - penalty(count: count, required: required, under: under, over: over)
    }

    public static func evaluate(_ p: CompiledProblem, _ s: Schedule, into out: inout [Violation]) {
        for d in 0..<p.days {
            for t in 0..<p.shiftCount {
                let i = d * p.shiftCount + t
                let n = (0..<p.staffCount).filter { Int(s[staff: $0, day: d]) == t + 1 }.count
                let r = Int(p.coverRequired[i])
                if n < r && p.coverUnderWeight[i] > 0 {
                    out.append(Violation(rule: .coverUnder, staff: nil, day: d, dayCount: 1, shift: t, amount: r - n,
                                         penalty: (r - n) * Int(p.coverUnderWeight[i]),
                                         message: "\(p.shiftName(t)) on day \(d) has \(n) of the \(r) people it needs"))
                } else if n > r && p.coverOverWeight[i] > 0 {
                    out.append(Violation(rule: .coverOver, staff: nil, day: d, dayCount: 1, shift: t, amount: n - r,
                                         penalty: (n - r) * Int(p.coverOverWeight[i]),
                                         message: "\(p.shiftName(t)) on day \(d) has \(n) people, \(n - r) more than the \(r) it needs"))
                }
            }
        }
    }
}
