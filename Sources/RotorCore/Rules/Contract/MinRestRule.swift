/// At least the contract's rest between the end of one shift and the start of the next (e.g. 11 h,
/// EU Working Time Directive art. 3).
package struct MinRestRule: Sendable {
    public static func evaluate(_ p: CompiledProblem, _ s: Schedule, staff: Range<Int>, into out: inout [Violation]) {
        shortRests(p, s, .minRest, after: "", staff: staff, into: &out) { _ in true }
    }
}

extension MinRestRule: ContractRuleFamily {
    public static let name = RuleName.minRest
    public static let parameters = [RuleParameter("hours", .hours)]
    public static func kind(_ v: [String: RuleValue]) -> RuleKind { .minRest(minutes: one(v, "hours")) }
    public static func values(_ kind: RuleKind) -> [String: RuleValue]? {
        if case .minRest(let m) = kind { return ["hours": .minutes(m)] }
        return nil
    }
    /// Priced between consecutive days on the real clock where no rest two days apart can fall short.
    public static let rowPricer = RowPricerSupport.boundOnly
    public static let example = RuleKind.minRest(minutes: 660)
    public static var instances: WritableKeyPath<CompiledRules, RuleInstances>? { \CompiledRules.minRest }
    public static func compile(_ kind: RuleKind, weight: Int32, staff e: Int, into rules: inout CompiledRules, _ context: inout RuleCompilation) {
        if case .minRest(let m) = kind { append(&rules, m, weight: weight) }
    }
    public static let incremental = IncrementalScoring.restPairs
    public static let title = "Rest between shifts"
}
