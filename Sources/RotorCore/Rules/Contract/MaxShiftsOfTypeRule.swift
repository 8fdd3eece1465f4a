/// At most the contract's number of shifts of each type over the horizon (Curtois & Qu rule 4); each
/// rule is judged on its own.
package struct MaxShiftsOfTypeRule: Sendable {
    public static func evaluate(_ p: CompiledProblem, _ s: Schedule, staff: Range<Int>, into out: inout [Violation]) {
        for e in staff {
            for rule in p.contract(of: e).expandedRules {
                guard case .maxShiftsOfType(let shift, let limit) = rule.kind else { continue }
                let count = (0..<p.days).filter { s[staff: e, day: $0] != 0 && p.shiftName(Int(p.valueShift[Int(s[staff: e, day: $0])])) == shift }.count
                guard count > limit else { continue }
                out.append(Violation(rule: .maxShiftsOfType, staff: e, day: nil, dayCount: 0, amount: count - limit,
                                     charge: chargeCount(count - limit, weight: rule.weight.compiled),
                                     message: "\(p.staffLabel(e)) works \(count) \(shift) shifts, at most \(limit) allowed"))
            }
        }
    }
}

extension MaxShiftsOfTypeRule: ContractRuleFamily {
    public static let name = RuleName.maxShiftsOfType
    public static let parameters = [RuleParameter("shift", .shift), RuleParameter("max", .integer)]
    public static func kind(_ v: [String: RuleValue]) -> RuleKind {
        guard case .shift(let shift) = v["shift"] else { return .maxShiftsOfType(shift: "", max: one(v, "max")) }
        return .maxShiftsOfType(shift: shift, max: one(v, "max"))
    }
    public static func values(_ kind: RuleKind) -> [String: RuleValue]? {
        if case .maxShiftsOfType(let shift, let max) = kind { return ["shift": .shift(shift), "max": .integer(max)] }
        return nil
    }
    public static let rowPricer = RowPricerSupport.exact
    public static let example = RuleKind.maxShiftsOfType(shift: "night", max: 3)
    public static var instances: WritableKeyPath<CompiledRules, RuleInstances>? { \CompiledRules.maxShiftsOfType }
    public static func compile(_ kind: RuleKind, weight: Int32, staff e: Int, into rules: inout CompiledRules, _ context: inout RuleCompilation) {
        guard case .maxShiftsOfType(let shift, let n) = kind, let t = context.shiftIndex[shift] else { return }
        append(&rules, t, n, weight: weight)
    }
    public static let incremental = IncrementalScoring.shiftTypeCounts
    public static let title = "Shifts of one type"
}
