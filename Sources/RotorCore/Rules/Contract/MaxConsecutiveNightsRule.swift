/// Runs of night shifts on consecutive days are at most the maximum (history's nights included).
package struct MaxConsecutiveNightsRule: Sendable {
    public static func evaluate(_ p: CompiledProblem, _ s: Schedule, staff: Range<Int>, into out: inout [Violation]) {
        let list = p.contractRules(.maxConsecutiveNights, "nights", staff: staff)
        for e in staff where !list.range(e).isEmpty {
            var d = 0
            while d < p.days {
                guard p.valueIsNight[Int(s[staff: e, day: d])] != 0 else { d += 1; continue }
                let start = d
                while d < p.days && p.valueIsNight[Int(s[staff: e, day: d])] != 0 { d += 1 }
                let length = d - start + (start == 0 ? Int(p.historyNightRun[e]) : 0)
                for i in list.range(e) where length > Int(list.a[i]) {
                    out.append(Violation(rule: .maxConsecutiveNights, staff: e, day: start, dayCount: d - start,
                                         amount: length - Int(list.a[i]), charge: chargeCount(length - Int(list.a[i]), weight: list.weight[i]),
                                         message: "\(p.staffLabel(e)) works \(length) nights in a row to \(p.dayName(d - 1)), at most \(list.a[i]) allowed"))
                }
            }
        }
    }
}

extension MaxConsecutiveNightsRule: ContractRuleFamily {
    public static let name = RuleName.maxConsecutiveNights
    public static let parameters = [RuleParameter("nights", .integer)]
    public static func kind(_ v: [String: RuleValue]) -> RuleKind { .maxConsecutiveNights(one(v, "nights")) }
    public static func values(_ kind: RuleKind) -> [String: RuleValue]? {
        if case .maxConsecutiveNights(let n) = kind { return ["nights": .integer(n)] }
        return nil
    }
    /// The bound's programme counts the run of nights in its state (up to the largest limit).
    public static let rowPricer = RowPricerSupport.boundOnly
    public static let example = RuleKind.maxConsecutiveNights(4)
    public static var instances: WritableKeyPath<CompiledRules, RuleInstances>? { \CompiledRules.maxConsecutiveNights }
    public static func compile(_ kind: RuleKind, weight: Int32, staff e: Int, into rules: inout CompiledRules, _ context: inout RuleCompilation) {
        if case .maxConsecutiveNights(let n) = kind { append(&rules, n, weight: weight) }
    }
    public static let incremental = IncrementalScoring.nightRuns
    public static let title = "Nights in a row"
}
