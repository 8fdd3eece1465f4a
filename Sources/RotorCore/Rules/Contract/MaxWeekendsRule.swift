/// At most the contract's number of worked weekends; a weekend counts as worked when its Saturday or
/// its Sunday is (Curtois & Qu rule 9).
package struct MaxWeekendsRule: Sendable {
    public static func evaluate(_ p: CompiledProblem, _ s: Schedule, staff: Range<Int>, into out: inout [Violation]) {
        let list = p.contractRules(.maxWeekends, "weekends", staff: staff)
        for e in staff {
            let worked = p.weekendsWorked(s, e)
            for i in list.range(e) where worked > Int(list.a[i]) {
                out.append(Violation(rule: .maxWeekends, staff: e, day: nil, dayCount: 0, amount: worked - Int(list.a[i]),
                                     charge: chargeCount(worked - Int(list.a[i]), weight: list.weight[i]),
                                     message: "\(p.staffLabel(e)) works \(worked) weekends, at most \(list.a[i]) allowed"))
            }
        }
    }
}

extension MaxWeekendsRule: ContractRuleFamily {
    public static let name = RuleName.maxWeekends
    public static let parameters = [RuleParameter("weekends", .integer)]
    public static func kind(_ v: [String: RuleValue]) -> RuleKind { .maxWeekends(one(v, "weekends")) }
    public static func values(_ kind: RuleKind) -> [String: RuleValue]? {
        if case .maxWeekends(let n) = kind { return ["weekends": .integer(n)] }
        return nil
    }
    public static let rowPricer = RowPricerSupport.exact
    public static let example = RuleKind.maxWeekends(2)
    public static var instances: WritableKeyPath<CompiledRules, RuleInstances>? { \CompiledRules.maxWeekends }
    public static func compile(_ kind: RuleKind, weight: Int32, staff e: Int, into rules: inout CompiledRules, _ context: inout RuleCompilation) {
        if case .maxWeekends(let n) = kind { append(&rules, n, weight: weight) }
    }
    public static let incremental = IncrementalScoring.weekendCount
    public static let title = "Weekends worked"
}
