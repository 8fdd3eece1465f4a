/// Both days of a weekend worked, or neither (weekends with both days in the horizon).
package struct CompleteWeekendsRule: Sendable {
    public static func evaluate(_ p: CompiledProblem, _ s: Schedule, staff: Range<Int>, into out: inout [Violation]) {
        let list = p.contractRules(.completeWeekends, "", staff: staff)
        for e in staff where !list.range(e).isEmpty {
            for d in 0..<max(p.days - 1, 0) where p.weekendOfDay[d] >= 0 && p.weekendOfDay[d + 1] == p.weekendOfDay[d] {
                guard (s[staff: e, day: d] != 0) != (s[staff: e, day: d + 1] != 0) else { continue }
                for i in list.range(e) {
                    out.append(Violation(rule: .completeWeekends, staff: e, day: d, dayCount: 2, amount: 1,
                                         charge: chargeCount(1, weight: list.weight[i]),
                                         message: "\(p.staffLabel(e)) works only one day of the weekend of \(p.dayName(d))"))
                }
            }
        }
    }
}

extension CompleteWeekendsRule: ContractRuleFamily {
    public static let name = RuleName.completeWeekends
    public static let parameters: [RuleParameter] = []
    public static func kind(_ v: [String: RuleValue]) -> RuleKind { .completeWeekends }
    public static func values(_ kind: RuleKind) -> [String: RuleValue]? { kind == .completeWeekends ? [:] : nil }
    /// The bound's programme judges a weekend's later day by whether the day before was worked.
    public static let rowPricer = RowPricerSupport.boundOnly
    public static let example = RuleKind.completeWeekends
    public static var instances: WritableKeyPath<CompiledRules, RuleInstances>? { \CompiledRules.completeWeekends }
    public static func compile(_ kind: RuleKind, weight: Int32, staff e: Int, into rules: inout CompiledRules, _ context: inout RuleCompilation) {
        append(&rules, 0, weight: weight)
    }
    public static let incremental = IncrementalScoring.completeWeekends
    public static let title = "Weekends worked on one day only"
}
