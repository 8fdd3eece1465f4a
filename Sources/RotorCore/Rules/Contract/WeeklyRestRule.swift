/// Each 7-day period from the horizon start (midnight on the horizon's clock) holds an uninterrupted
/// rest of at least the contract's length, shifts clipped to the period, the history's included (EU
/// Working Time Directive art. 5: 24 h plus the 11 h daily rest). A last period shorter than 7 days
/// is not judged.
package struct WeeklyRestRule: Sendable {
    public static func evaluate(_ p: CompiledProblem, _ s: Schedule, staff: Range<Int>, into out: inout [Violation]) {
        for e in staff {
            let minimums: [(minutes: Int, weight: Weight)] = p.contract(of: e).expandedRules.compactMap {
                if case .weeklyRest(let m) = $0.kind { return (m, $0.weight) }
                return nil
            }
            guard !minimums.isEmpty else { continue }
            let shifts = p.timeline(s, e)
            for k in 0..<(p.days / 7) {
                let from = p.dayStartEpochMinutes(7 * k), to = p.dayStartEpochMinutes(7 * k + 7)
                var longest = 0, free = from
                for shift in shifts where shift.end > from && shift.start < to {
                    longest = max(longest, max(shift.start, from) - free)
                    free = max(free, min(shift.end, to))
                }
                longest = max(longest, to - free)
                for (need, weight) in minimums where longest < need {
                    out.append(Violation(rule: .weeklyRest, staff: e, day: 7 * k, dayCount: 7, amount: need - longest,
                                         charge: chargeMinutes(need - longest, weight: weight.compiled),
                                         message: "\(p.staffLabel(e))'s longest rest in the week from \(p.dayName(7 * k)) is \(p.hours(longest)); the rule needs \(p.hours(need))"))
                }
            }
        }
    }
}

extension WeeklyRestRule: ContractRuleFamily {
    public static let name = RuleName.weeklyRest
    public static let parameters = [RuleParameter("hours", .hours, maximum: 7 * 24 * 60, what: "a rest in each 7 days")]
    public static func kind(_ v: [String: RuleValue]) -> RuleKind { .weeklyRest(minutes: one(v, "hours")) }
    public static func values(_ kind: RuleKind) -> [String: RuleValue]? {
        if case .weeklyRest(let m) = kind { return ["hours": .minutes(m)] }
        return nil
    }
    /// Left out of the bound: the longest rest of a week is not a per-day state.
    public static let rowPricer = RowPricerSupport.relaxed
    public static let example = RuleKind.weeklyRest(minutes: 2100)
    public static var instances: WritableKeyPath<CompiledRules, RuleInstances>? { \CompiledRules.weeklyRest }
    public static func compile(_ kind: RuleKind, weight: Int32, staff e: Int, into rules: inout CompiledRules, _ context: inout RuleCompilation) {
        if case .weeklyRest(let m) = kind { append(&rules, m, weight: weight) }
    }
    public static let incremental = IncrementalScoring.weeklyRest
    public static let title = "Weekly rest"
}
