/// A rotation: a cyclic pattern of days the person follows, such as `D D N N - - - -` (two days, two
/// nights, four off: a four-crew 24/7 cover) or the Panama 2-2-3. Each pattern day is a shift id
/// (that shift, at any site, with any skill), `-` (a day off) or `*` (any shift). The pattern's first
/// day falls on the person's `rotationStart`, else on the rule's `start`, and on every whole number
/// of pattern lengths before and after it; with neither, the phase is the one that fits the person's
/// roster best (fewest days off the pattern; a tie goes to the phase whose first day falls earliest on
/// or after the horizon's start). Each date of the horizon whose assignment differs from its pattern
/// day is one breach.
///
/// With its phase known the rule is a price on each cell, folded into the cell penalties (both row
/// pricers price it exactly); with the phase to choose, the scorer keeps for each phase the number
/// of days off it and charges the least, and the bound leaves the rule out.
package struct RotationRule: Sendable {
    /// The pattern day of horizon day `d` is `(d + phase) % length`.
    static func phase(start: LocalDate, horizonStart: LocalDate, length: Int) -> Int {
        let k = horizonStart.days(since: start) % length
        return k < 0 ? k + length : k
    }

    /// Whether working `shift` (nil: off) breaks pattern day `token`.
    static func misses(_ token: String, _ shift: String?) -> Bool {
        switch token {
        case "-": shift != nil
        case "*": shift == nil
        default: shift != token
        }
    }

    /// The horizon days off the pattern at `phase`, from the people's shift ids.
    static func missed(_ pattern: [String], phase: Int, _ shifts: [String?]) -> [Int] {
        shifts.indices.filter { misses(pattern[($0 + phase) % pattern.count], shifts[$0]) }
    }

    public static func evaluate(_ p: CompiledProblem, _ s: Schedule, staff: Range<Int>, into out: inout [Violation]) {
        for e in staff where p.contract(of: e).expandedRules.contains(where: { $0.kind.name == .rotation }) {
            let member = p.problem.staff[e]
            let shifts: [String?] = (0..<p.days).map { d in
                let v = Int(s[staff: e, day: d])
                return v == 0 ? nil : p.shiftName(Int(p.valueShift[v]))
            }
            for rule in p.contract(of: e).expandedRules {
                guard case .rotation(let pattern, let ruleStart) = rule.kind, !pattern.isEmpty else { continue }
                let L = pattern.count
                var phase: Int, days: [Int], cycle: String
                if let start = member.rotationStart ?? ruleStart {
                    phase = Self.phase(start: start, horizonStart: p.problem.horizon.start, length: L)
                    days = missed(pattern, phase: phase, shifts)
                    cycle = "cycle from \(start)"
                } else {
                    // Phase k puts the pattern's first day on horizon day (L - k) % L: try them in that order.
                    phase = 0
                    days = missed(pattern, phase: 0, shifts)
                    for first in 1..<L {
                        let k = (L - first) % L
                        let candidate = missed(pattern, phase: k, shifts)
                        if candidate.count < days.count { (phase, days) = (k, candidate) }
                    }
                    cycle = "the best-fitting cycle starts \(p.date((L - phase) % L))"
                }
                let text = pattern.joined(separator: " ")
                for d in days {
                    let token = pattern[(d + phase) % L], v = Int(s[staff: e, day: d])
                    let wanted = switch token {
                    case "-": "a day off"
                    case "*": "a working day"
                    default: token
                    }
                    let did = v == 0 ? "is off" : "works \(p.valueName(v))"
                    out.append(Violation(rule: .rotation, staff: e, day: d, value: v, amount: 1, charge: chargeCount(1, weight: rule.weight.compiled),
                                         message: "\(p.staffLabel(e)) \(did) on \(p.dayName(d)), \(wanted) in the rotation \(text) "
                                            + "(day \((d + phase) % L + 1) of \(L); \(cycle))"))
                }
            }
        }
    }
}

extension RotationRule: ContractRuleFamily {
    public static let name = RuleName.rotation
    public static let parameters = [RuleParameter("pattern", .pattern), RuleParameter("start", .date, optional: true)]
    public static func kind(_ v: [String: RuleValue]) -> RuleKind {
        guard case .pattern(let pattern) = v["pattern"] else { return .rotation(pattern: [], start: nil) }
        if case .date(let start) = v["start"] { return .rotation(pattern: pattern, start: start) }
        return .rotation(pattern: pattern, start: nil)
    }
    public static func values(_ kind: RuleKind) -> [String: RuleValue]? {
        guard case .rotation(let pattern, let start) = kind else { return nil }
        var values: [String: RuleValue] = ["pattern": .pattern(pattern)]
        if let start { values["start"] = .date(start) }
        return values
    }
    /// Longest pattern: a year. The scorer's work on a changed day grows with it when the phase is chosen.
    static let maximumLength = 366
    public static func moreErrors(_ values: [String: RuleValue], path: String) -> [String] {
        guard case .pattern(let pattern) = values["pattern"] else { return [] }
        if pattern.isEmpty { return ["\(path).pattern: is empty; expected days such as \"D D N N - - - -\""] }
        if pattern.count > maximumLength { return ["\(path).pattern: has \(pattern.count) days, at most \(maximumLength) allowed"] }
        return []
    }
    /// Listed (for the scorer's phase counters) only when the phase is left to choose.
    public static func isListed(_ kind: RuleKind, for member: StaffMember) -> Bool {
        guard case .rotation(_, let start) = kind else { return false }
        return start == nil && member.rotationStart == nil
    }
    /// The listed rules (phase to choose) are left out of the bound and keep the window rebuild off;
    /// those with a known phase are cell prices, which both programmes price exactly.
    public static let rowPricer = RowPricerSupport.relaxed
    public static let example = RuleKind.rotation(pattern: ["D", "D", "N", "N", "-", "-", "-", "-"], start: LocalDate("2027-01-04")!)
    public static var instances: WritableKeyPath<CompiledRules, RuleInstances>? { \CompiledRules.rotation }
    /// A known phase: each value that misses its pattern day costs one breach in that cell. A phase
    /// to choose: the pattern's days as shift indexes (-1 off, -2 any) in `rotationPattern`, the
    /// instance holding where they start (a) and how many (b).
    public static func compile(_ kind: RuleKind, weight: Int32, staff e: Int, into rules: inout CompiledRules, _ context: inout RuleCompilation) {
        guard case .rotation(let pattern, let start) = kind, !pattern.isEmpty else { return }
        let tokens = pattern.map { token -> Int32 in
            switch token {
            case "-": RotationPattern.off
            case "*": RotationPattern.any
            default: Int32(context.shiftIndex[token] ?? Int(RotationPattern.off))
            }
        }
        let L = tokens.count
        if let start = context.problem.staff[e].rotationStart ?? start {
            let phase = Self.phase(start: start, horizonStart: context.problem.horizon.start, length: L)
            let charge = chargeCount(1, weight: weight)
            for d in 0..<context.days {
                let token = tokens[(d + phase) % L]
                for v in 0..<context.valueCount where RotationPattern.misses(token, v == 0 ? RotationPattern.off : context.valueShift[v]) {
                    context.charge(e, d, v, charge)
                }
            }
        } else {
            append(&rules, rules.rotationPattern.count, L, weight: weight)
            rules.rotationPattern.append(contentsOf: tokens)
        }
    }
    public static let incremental = IncrementalScoring.rotationPhases
    public static let title = "Days off the rotation"
}

/// A compiled pattern day: a shift index, `off` or `any`.
enum RotationPattern {
    static let off: Int32 = -1, any: Int32 = -2

    /// Whether shift `shift` (`off` for a day off) breaks pattern day `token`.
    @inline(__always) static func misses(_ token: Int32, _ shift: Int32) -> Bool {
        token == any ? shift == off : shift != token
    }
}
