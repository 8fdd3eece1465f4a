/// Runs of work are at least the minimum (Curtois & Qu rule 7). A run that reaches the end of the
/// horizon may continue and is not too short; one that starts on the first date continues the
/// history's run when history is known, and is otherwise not too short either.
package struct MinConsecutiveDaysRule: Sendable {
    public static func evaluate(_ p: CompiledProblem, _ s: Schedule, staff: Range<Int>, into out: inout [Violation]) {
        let minimum = p.contractRules(.minConsecutiveDays, "days", staff: staff)
        for e in staff where !minimum.range(e).isEmpty {
            let known = p.problem.staff[e].history != nil
            for run in s.runs(ofStaff: e) where run.working {
                let length = run.length + (run.start == 0 ? Int(p.historyWorkRun[e]) : 0)
                let exempt = run.start + run.length == p.days || (run.start == 0 && !known)
                for i in minimum.range(e) where !exempt && length < Int(minimum.a[i]) {
                    out.append(Violation(rule: .minConsecutiveDays, staff: e, day: run.start, dayCount: run.length,
                                         amount: Int(minimum.a[i]) - length, charge: chargeCount(Int(minimum.a[i]) - length, weight: minimum.weight[i]),
                                         message: "\(p.staffLabel(e)) works only \(length) day(s) in a row from \(p.dayName(run.start)), at least \(minimum.a[i]) required"))
                }
            }
        }
    }
}

extension MinConsecutiveDaysRule: ContractRuleFamily {
    public static let name = RuleName.minConsecutiveDays
    public static let parameters = [RuleParameter("days", .integer)]
    public static func kind(_ v: [String: RuleValue]) -> RuleKind { .minConsecutiveDays(one(v, "days")) }
    public static func values(_ kind: RuleKind) -> [String: RuleValue]? {
        if case .minConsecutiveDays(let n) = kind { return ["days": .integer(n)] }
        return nil
    }
    public static let rowPricer = RowPricerSupport.exact
    public static let example = RuleKind.minConsecutiveDays(2)
    public static var instances: WritableKeyPath<CompiledRules, RuleInstances>? { \CompiledRules.minConsecutiveDays }
    public static func compile(_ kind: RuleKind, weight: Int32, staff e: Int, into rules: inout CompiledRules, _ context: inout RuleCompilation) {
        if case .minConsecutiveDays(let n) = kind { append(&rules, n, weight: weight) }
    }
    public static let incremental = IncrementalScoring.runs
    public static let title = "Too few days worked in a row"
}
