/// A shift's real length is at most the contract's maximum (`maxShiftMinutes`); on a daylight-saving
/// night a 12-hour shift may be 13 hours.
package struct MaxShiftLengthRule: Sendable {
    public static func evaluate(_ p: CompiledProblem, _ s: Schedule, staff: Range<Int>, into out: inout [Violation]) {
        for e in staff {
            for rule in p.contract(of: e).expandedRules {
                guard case .maxShiftMinutes(let limit) = rule.kind else { continue }
                for d in 0..<p.days {
                    let v = Int(s[staff: e, day: d])
                    let length = Int(p.cellMinutes[d * p.valueCount + v])
                    guard v != 0, length > limit else { continue }
                    out.append(Violation(rule: .maxShiftMinutes, staff: e, day: d, value: v, amount: length - limit,
                                         charge: chargeMinutes(length - limit, weight: rule.weight.compiled),
                                         message: "\(p.staffLabel(e))'s \(p.valueName(v)) on \(p.dayName(d)) lasts \(p.hours(length)), the contract allows \(p.hours(limit))"))
                }
            }
        }
    }
}

extension MaxShiftLengthRule: ContractRuleFamily {
    public static let name = RuleName.maxShiftHours
    public static let parameters = [RuleParameter("hours", .hours, minimum: 1)]
    public static func kind(_ v: [String: RuleValue]) -> RuleKind { .maxShiftMinutes(one(v, "hours")) }
    public static func values(_ kind: RuleKind) -> [String: RuleValue]? {
        if case .maxShiftMinutes(let m) = kind { return ["hours": .minutes(m)] }
        return nil
    }
    /// A cell penalty, which the pricer prices like every cell's.
    public static let rowPricer = RowPricerSupport.exact
    public static let example = RuleKind.maxShiftMinutes(960)
    public static var instances: WritableKeyPath<CompiledRules, RuleInstances>? { nil }
    /// Each value longer than the limit on a day costs its excess in that person's cell.
    public static func compile(_ kind: RuleKind, weight: Int32, staff e: Int, into rules: inout CompiledRules, _ context: inout RuleCompilation) {
        guard case .maxShiftMinutes(let limit) = kind else { return }
        let V = context.valueCount
        for d in 0..<context.days {
            for v in 1..<V where Int(context.cellMinutes[d * V + v]) > limit {
                context.charge(e, d, v, chargeMinutes(Int(context.cellMinutes[d * V + v]) - limit, weight: weight))
            }
        }
    }
    public static let incremental = IncrementalScoring.cellPenalty
    public static let title = "Shift too long"
}
