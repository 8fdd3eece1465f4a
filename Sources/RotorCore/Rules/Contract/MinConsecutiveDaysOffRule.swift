/// Every stretch of days off between two stretches of work is at least the minimum (Curtois & Qu
/// rule 8): one that reaches the end of the horizon is not judged; one that began before the horizon
/// is judged when the history has a shift before it, its days off before the horizon counted — also
/// when it lies wholly before the horizon and the first date is worked.
package struct MinConsecutiveDaysOffRule: Sendable {
    public static func evaluate(_ p: CompiledProblem, _ s: Schedule, staff: Range<Int>, into out: inout [Violation]) {
        let list = p.contractRules(.minConsecutiveDaysOff, "days", staff: staff)
        for e in staff {
            let lastWorked = (p.problem.staff[e].history ?? []).map { $0.date.days(since: p.problem.horizon.start) }.filter { $0 < 0 }.max()
            // Days off wholly before the horizon, between the history's last shift and work on the first date.
            if let last = lastWorked, last < -1, p.days > 0, s[staff: e, day: 0] != 0 {
                let length = -1 - last
                for i in list.range(e) where length < Int(list.a[i]) {
                    out.append(Violation(rule: .minConsecutiveDaysOff, staff: e, day: 0, dayCount: 1,
                                         amount: Int(list.a[i]) - length, charge: chargeCount(Int(list.a[i]) - length, weight: list.weight[i]),
                                         message: "\(p.staffLabel(e)) has only \(length) day(s) off in a row before working on \(p.dayName(0)), at least \(list.a[i]) required"))
                }
            }
            for run in s.runs(ofStaff: e) where !run.working {
                guard run.start + run.length < p.days else { continue }
                var length = run.length
                if run.start == 0 {
                    guard let last = lastWorked else { continue }
                    length += -1 - last
                }
                for i in list.range(e) where length < Int(list.a[i]) {
                    out.append(Violation(rule: .minConsecutiveDaysOff, staff: e, day: run.start, dayCount: run.length,
                                         amount: Int(list.a[i]) - length, charge: chargeCount(Int(list.a[i]) - length, weight: list.weight[i]),
                                         message: "\(p.staffLabel(e)) has only \(length) day(s) off in a row to \(p.dayName(run.start + run.length - 1)), at least \(list.a[i]) required"))
                }
            }
        }
    }
}

extension MinConsecutiveDaysOffRule: ContractRuleFamily {
    public static let name = RuleName.minConsecutiveDaysOff
    public static let parameters = [RuleParameter("days", .integer)]
    public static func kind(_ v: [String: RuleValue]) -> RuleKind { .minConsecutiveDaysOff(one(v, "days")) }
    public static func values(_ kind: RuleKind) -> [String: RuleValue]? {
        if case .minConsecutiveDaysOff(let n) = kind { return ["days": .integer(n)] }
        return nil
    }
    public static let rowPricer = RowPricerSupport.exact
    public static let example = RuleKind.minConsecutiveDaysOff(2)
    public static var instances: WritableKeyPath<CompiledRules, RuleInstances>? { \CompiledRules.minConsecutiveDaysOff }
    public static func compile(_ kind: RuleKind, weight: Int32, staff e: Int, into rules: inout CompiledRules, _ context: inout RuleCompilation) {
        if case .minConsecutiveDaysOff(let n) = kind { append(&rules, n, weight: weight) }
    }
    public static let incremental = IncrementalScoring.runs
    public static let title = "Too few days off in a row"
}
