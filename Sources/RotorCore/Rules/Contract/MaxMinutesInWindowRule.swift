/// At most the contract's minutes of work in shifts starting in any window of N consecutive days
/// (e.g. 60 h in any 7 days). Windows lie inside the horizon, or reach back into history when it is
/// known; a window longer than the horizon is the horizon itself, its limit scaled by horizon/N.
package struct MaxMinutesInWindowRule: Sendable {
    public static func evaluate(_ p: CompiledProblem, _ s: Schedule, staff: Range<Int>, into out: inout [Violation]) {
        for e in staff {
            let member = p.problem.staff[e]
            var historyMinutes: [Int: Int] = [:]
            for shift in p.timeline(s, e) where !shift.inHorizon { historyMinutes[shift.day, default: 0] += shift.length }
            func minutes(_ d: Int) -> Int {
                d >= 0 ? Int(p.cellMinutes[d * p.valueCount + Int(s[staff: e, day: d])]) : historyMinutes[d] ?? 0
            }
            for rule in p.contract(of: e).expandedRules {
                guard case .maxMinutesInWindow(let ruleDays, let limit) = rule.kind else { continue }
                let n = min(ruleDays, p.days)
                let first = member.history != nil && ruleDays <= p.days ? -(n - 1) : 0
                guard first <= p.days - n else { continue }
                for start in first...(p.days - n) {
                    let total = (start..<(start + n)).reduce(0) { $0 + minutes($1) }
                    let excess = RuleInstances.windowExcess(total: total, limit: limit, days: n, ruleDays: ruleDays)
                    guard excess > 0 else { continue }
                    let allowed = ruleDays > p.days ? "\(p.hours(limit)) in \(ruleDays) days, scaled to the \(n)-day horizon" : "at most \(p.hours(limit))"
                    out.append(Violation(rule: .maxMinutesInWindow, staff: e, day: max(start, 0), dayCount: n + min(start, 0),
                                         amount: excess, charge: chargeMinutes(excess, weight: rule.weight.compiled),
                                         message: "\(p.staffLabel(e)) works \(p.hours(total)) in the \(n) days from \(start >= 0 ? p.dayName(start) : "\(-start) day(s) before the horizon"), \(allowed) allowed"))
                }
            }
        }
    }
}

extension MaxMinutesInWindowRule: ContractRuleFamily {
    public static let name = RuleName.maxHoursInWindow
    public static let parameters = [RuleParameter("days", .integer, minimum: 1, what: "the window"), RuleParameter("hours", .hours)]
    public static func kind(_ v: [String: RuleValue]) -> RuleKind { .maxMinutesInWindow(days: one(v, "days"), minutes: one(v, "hours")) }
    public static func values(_ kind: RuleKind) -> [String: RuleValue]? {
        if case .maxMinutesInWindow(let days, let m) = kind { return ["days": .integer(days), "hours": .minutes(m)] }
        return nil
    }
    /// Left out of the bound: a sliding window needs each of its days' minutes in the state.
    public static let rowPricer = RowPricerSupport.relaxed
    public static let example = RuleKind.maxMinutesInWindow(days: 7, minutes: 3600)
    public static var instances: WritableKeyPath<CompiledRules, RuleInstances>? { \CompiledRules.maxMinutesInWindow }
    public static func compile(_ kind: RuleKind, weight: Int32, staff e: Int, into rules: inout CompiledRules, _ context: inout RuleCompilation) {
        guard case .maxMinutesInWindow(let n, let m) = kind else { return }
        // A window longer than the horizon becomes the horizon, its limit scaled pro rata
        // (an average over a reference period longer than the plan).
        append(&rules, min(n, context.days), m, n, weight: weight)
    }
    public static let incremental = IncrementalScoring.windows
    public static let title = "Hours in a rolling window"
}
