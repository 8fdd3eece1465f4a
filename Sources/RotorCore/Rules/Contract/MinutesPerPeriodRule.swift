/// `hours-per-period` (`PeriodTotalRule` in minutes).
package struct MinutesPerPeriodRule: Sendable {}

extension MinutesPerPeriodRule: ContractRuleFamily {
    public static let name = RuleName.hoursPerPeriod
    public static let parameters = [RuleParameter("periodDays", .integer, optional: true, minimum: 1, what: "the period"),
                                    RuleParameter("min", .hours, optional: true), RuleParameter("max", .hours, optional: true)]
    public static func kind(_ v: [String: RuleValue]) -> RuleKind {
        .minutesPerPeriod(periodDays: optional(v, "periodDays"), min: optional(v, "min"), max: optional(v, "max"))
    }
    public static func values(_ kind: RuleKind) -> [String: RuleValue]? {
        guard case .minutesPerPeriod(let p, let lo, let hi) = kind else { return nil }
        return ["periodDays": p.map(RuleValue.integer), "min": lo.map(RuleValue.minutes), "max": hi.map(RuleValue.minutes)].compactMapValues { $0 }
    }
    public static func moreErrors(_ v: [String: RuleValue], path: String) -> [String] { periodErrors(v, path: path, format: hours) }
    public static func evaluate(_ p: CompiledProblem, _ s: Schedule, staff: Range<Int>, into out: inout [Violation]) {
        PeriodTotalRule.evaluate(p, s, minutes: true, staff: staff, into: &out)
    }
    /// The rebuild models hard bounds over the whole horizon; the bound's programme models every
    /// instance of one period length, hard and soft, counting the period's minutes in its state.
    public static let rowPricer = RowPricerSupport.exact
    public static let example = RuleKind.minutesPerPeriod(periodDays: 7, min: 1800, max: 2880)
    public static var instances: WritableKeyPath<CompiledRules, RuleInstances>? { \CompiledRules.minutesPerPeriod }
    public static func compile(_ kind: RuleKind, weight: Int32, staff e: Int, into rules: inout CompiledRules, _ context: inout RuleCompilation) {
        guard case .minutesPerPeriod(let p, let lo, let hi) = kind else { return }
        append(&rules, p ?? context.days, lo ?? -1, hi ?? Int(Int32.max), weight: weight)
    }
    public static let incremental = IncrementalScoring.minutesPerPeriod
    public static let title = "Hours per period"
}
