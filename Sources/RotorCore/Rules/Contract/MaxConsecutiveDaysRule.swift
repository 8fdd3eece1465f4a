/// Runs of work are at most the maximum (Curtois & Qu rule 6). A run that starts on the first date
/// continues the history's run ending the day before.
package struct MaxConsecutiveDaysRule: Sendable {
    public static func evaluate(_ p: CompiledProblem, _ s: Schedule, staff: Range<Int>, into out: inout [Violation]) {
        let list = p.contractRules(.maxConsecutiveDays, "days", staff: staff)
        for e in staff where !list.range(e).isEmpty {
            for run in s.runs(ofStaff: e) where run.working {
                let length = run.length + (run.start == 0 ? Int(p.historyWorkRun[e]) : 0)
                for i in list.range(e) where length > Int(list.a[i]) {
                    out.append(Violation(rule: .maxConsecutiveDays, staff: e, day: run.start, dayCount: run.length,
                                         amount: length - Int(list.a[i]), charge: chargeCount(length - Int(list.a[i]), weight: list.weight[i]),
                                         message: "\(p.staffLabel(e)) works \(length) days in a row to \(p.dayName(run.start + run.length - 1)), at most \(list.a[i]) allowed"))
                }
            }
        }
    }
}

extension MaxConsecutiveDaysRule: ContractRuleFamily {
    public static let name = RuleName.maxConsecutiveDays
    public static let parameters = [RuleParameter("days", .integer)]
    public static func kind(_ v: [String: RuleValue]) -> RuleKind { .maxConsecutiveDays(one(v, "days")) }
    public static func values(_ kind: RuleKind) -> [String: RuleValue]? {
        if case .maxConsecutiveDays(let n) = kind { return ["days": .integer(n)] }
        return nil
    }
    public static let rowPricer = RowPricerSupport.exact
    public static let example = RuleKind.maxConsecutiveDays(5)
    public static var instances: WritableKeyPath<CompiledRules, RuleInstances>? { \CompiledRules.maxConsecutiveDays }
    public static func compile(_ kind: RuleKind, weight: Int32, staff e: Int, into rules: inout CompiledRules, _ context: inout RuleCompilation) {
        if case .maxConsecutiveDays(let n) = kind { append(&rules, n, weight: weight) }
    }
    public static let incremental = IncrementalScoring.runs
    public static let title = "Days worked in a row"
}
