/// The rest after each shift is at least rest/work times its real length (US wildland fire 2:1).
package struct WorkRestRatioRule: Sendable {
    /// Minutes of rest short of `restPart`/`work` times `length`, the exact fraction rounded up.
    @inline(__always) static func shortMinutes(length: Int, rest: Int, work: Int, restPart: Int) -> Int {
        let excess = length * restPart - rest * work
        return excess > 0 ? (excess + work - 1) / work : 0
    }

    public static func evaluate(_ p: CompiledProblem, _ s: Schedule, staff: Range<Int>, into out: inout [Violation]) {
        for e in staff {
            let ratios: [(work: Int, rest: Int, weight: Weight)] = p.contract(of: e).expandedRules.compactMap {
                if case .workRestRatio(let work, let rest) = $0.kind { return (work, rest, $0.weight) }
                return nil
            }
            guard !ratios.isEmpty else { continue }
            for pair in p.shiftPairs(s, e) {
                let rest = max(pair.gap, 0), length = pair.first.length
                for (work, restPart, weight) in ratios {
                    let short = shortMinutes(length: length, rest: rest, work: work, restPart: restPart)
                    guard short > 0 else { continue }
                    out.append(Violation(rule: .workRestRatio, staff: e, day: p.day(of: pair), value: p.value(of: pair), amount: short,
                                         charge: chargeMinutes(short, weight: weight.compiled),
                                         message: "\(p.staffLabel(e)) rests \(p.hours(rest)) after a \(p.hours(length)) shift, \(p.describe(pair)); \(work):\(restPart) work/rest needs \(p.hours(rest + short))"))
                }
            }
        }
    }
}

extension WorkRestRatioRule: ContractRuleFamily {
    public static let name = RuleName.workRestRatio
    public static let parameters = [RuleParameter("work", .integer, minimum: 1, what: "the work part of the ratio"),
                                    RuleParameter("rest", .integer, minimum: 1, what: "the rest part of the ratio")]
    public static func kind(_ v: [String: RuleValue]) -> RuleKind { .workRestRatio(work: one(v, "work"), rest: one(v, "rest")) }
    public static func values(_ kind: RuleKind) -> [String: RuleValue]? {
        if case .workRestRatio(let work, let rest) = kind { return ["work": .integer(work), "rest": .integer(rest)] }
        return nil
    }
    /// Priced between consecutive days on the real clock, like `min-rest`.
    public static let rowPricer = RowPricerSupport.boundOnly
    public static let example = RuleKind.workRestRatio(work: 2, rest: 1)
    public static var instances: WritableKeyPath<CompiledRules, RuleInstances>? { \CompiledRules.workRestRatio }
    public static func compile(_ kind: RuleKind, weight: Int32, staff e: Int, into rules: inout CompiledRules, _ context: inout RuleCompilation) {
        if case .workRestRatio(let work, let rest) = kind { append(&rules, work, rest, weight: weight) }
    }
    public static let incremental = IncrementalScoring.restPairs
    public static let title = "Rest after work (work/rest ratio)"
}
