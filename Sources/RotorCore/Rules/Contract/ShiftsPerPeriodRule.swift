/// `shifts-per-period` (`PeriodTotalRule` in shifts).
package struct ShiftsPerPeriodRule: Sendable {}

extension ShiftsPerPeriodRule: ContractRuleFamily {
    public static let name = RuleName.shiftsPerPeriod
    public static let parameters = [RuleParameter("periodDays", .integer, optional: true, minimum: 1, what: "the period"),
                                    RuleParameter("min", .integer, optional: true), RuleParameter("max", .integer, optional: true)]
    public static func kind(_ v: [String: RuleValue]) -> RuleKind {
        .shiftsPerPeriod(periodDays: optional(v, "periodDays"), min: optional(v, "min"), max: optional(v, "max"))
    }
    public static func values(_ kind: RuleKind) -> [String: RuleValue]? {
        guard case .shiftsPerPeriod(let p, let lo, let hi) = kind else { return nil }
        return ["periodDays": p.map(RuleValue.integer), "min": lo.map(RuleValue.integer), "max": hi.map(RuleValue.integer)].compactMapValues { $0 }
    }
    public static func moreErrors(_ v: [String: RuleValue], path: String) -> [String] { periodErrors(v, path: path, format: String.init) }
    public static func evaluate(_ p: CompiledProblem, _ s: Schedule, staff: Range<Int>, into out: inout [Violation]) {
        PeriodTotalRule.evaluate(p, s, minutes: false, staff: staff, into: &out)
    }
    /// Left out of the bound (its count would be a second period counter in the state).
    public static let rowPricer = RowPricerSupport.relaxed
    public static let example = RuleKind.shiftsPerPeriod(periodDays: 7, min: 3, max: 5)
    public static var instances: WritableKeyPath<CompiledRules, RuleInstances>? { \CompiledRules.shiftsPerPeriod }
    public static func compile(_ kind: RuleKind, weight: Int32, staff e: Int, into rules: inout CompiledRules, _ context: inout RuleCompilation) {
        guard case .shiftsPerPeriod(let p, let lo, let hi) = kind else { return }
        append(&rules, p ?? context.days, lo ?? -1, hi ?? Int(Int32.max), weight: weight)
    }
    public static let incremental = IncrementalScoring.shiftsPerPeriod
    public static let title = "Shifts per period"
}
