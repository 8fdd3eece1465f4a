/// A deployment — shifts away from the home site with no home shift between them — spans at most the
/// contract's days, from its first shift's day to its last's. One the history leaves open (its last
/// shifts away from home) continues into the horizon; deployments wholly in the history are not judged.
package struct MaxDeploymentDaysRule: Sendable {
    public static func evaluate(_ p: CompiledProblem, _ s: Schedule, staff: Range<Int>, into out: inout [Violation]) {
        let list = p.contractRules(.maxDeploymentDays, "days", staff: staff)
        for e in staff where !list.range(e).isEmpty {
            let home = p.siteIndex[p.problem.staff[e].homeSite]!
            var deployments: [(first: Int, last: Int)] = []
            var current: (first: Int, last: Int)? = nil
            for shift in p.timeline(s, e).sorted(by: { $0.day < $1.day }) {
                if shift.site != home {
                    current = (current?.first ?? shift.day, shift.day)
                } else if let c = current {
                    deployments.append(c)
                    current = nil
                }
            }
            if let c = current { deployments.append(c) }
            for dep in deployments where dep.last >= 0 {
                let span = dep.last - dep.first + 1
                for i in list.range(e) where span > Int(list.a[i]) {
                    let from = dep.first >= 0 ? p.dayName(dep.first) : "\(p.date(dep.first)) (history)"
                    out.append(Violation(rule: .maxDeploymentDays, staff: e, day: max(dep.first, 0), dayCount: dep.last - max(dep.first, 0) + 1, amount: span - Int(list.a[i]),
                                         charge: chargeCount(span - Int(list.a[i]), weight: list.weight[i]),
                                         message: "\(p.staffLabel(e)) is deployed away from \(p.problem.staff[e].homeSite) for \(span) days from \(from), at most \(list.a[i]) allowed"))
                }
            }
        }
    }
}

extension MaxDeploymentDaysRule: ContractRuleFamily {
    public static let name = RuleName.maxDeploymentDays
    public static let parameters = [RuleParameter("days", .integer, minimum: 1, what: "a deployment limit")]
    public static func kind(_ v: [String: RuleValue]) -> RuleKind { .maxDeploymentDays(one(v, "days")) }
    public static func values(_ kind: RuleKind) -> [String: RuleValue]? {
        if case .maxDeploymentDays(let n) = kind { return ["days": .integer(n)] }
        return nil
    }
    /// Left out of the bound.
    public static let rowPricer = RowPricerSupport.relaxed
    public static let example = RuleKind.maxDeploymentDays(14)
    public static var instances: WritableKeyPath<CompiledRules, RuleInstances>? { \CompiledRules.maxDeploymentDays }
    public static func compile(_ kind: RuleKind, weight: Int32, staff e: Int, into rules: inout CompiledRules, _ context: inout RuleCompilation) {
        if case .maxDeploymentDays(let n) = kind { append(&rules, n, weight: weight) }
    }
    public static let incremental = IncrementalScoring.deployments
    public static let title = "Days deployed away from home"
}
