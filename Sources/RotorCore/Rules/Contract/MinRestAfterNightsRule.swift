/// After a run of nights, at least the contract's rest before the next shift (a night the next day
/// continues the run).
package struct MinRestAfterNightsRule: Sendable {
    public static func evaluate(_ p: CompiledProblem, _ s: Schedule, staff: Range<Int>, into out: inout [Violation]) {
        shortRests(p, s, .minRestAfterNights, after: " after a run of nights,", staff: staff, into: &out) { $0.endsNights }
    }
}

extension MinRestAfterNightsRule: ContractRuleFamily {
    public static let name = RuleName.minRestAfterNights
    public static let parameters = [RuleParameter("hours", .hours)]
    public static func kind(_ v: [String: RuleValue]) -> RuleKind { .minRestAfterNights(minutes: one(v, "hours")) }
    public static func values(_ kind: RuleKind) -> [String: RuleValue]? {
        if case .minRestAfterNights(let m) = kind { return ["hours": .minutes(m)] }
        return nil
    }
    /// Priced between consecutive days on the real clock, like `min-rest`.
    public static let rowPricer = RowPricerSupport.boundOnly
    public static let example = RuleKind.minRestAfterNights(minutes: 2760)
    public static var instances: WritableKeyPath<CompiledRules, RuleInstances>? { \CompiledRules.minRestAfterNights }
    public static func compile(_ kind: RuleKind, weight: Int32, staff e: Int, into rules: inout CompiledRules, _ context: inout RuleCompilation) {
        if case .minRestAfterNights(let m) = kind { append(&rules, m, weight: weight) }
    }
    public static let incremental = IncrementalScoring.restPairs
    public static let title = "Rest after nights"
}
