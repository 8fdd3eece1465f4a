/// A shift type listed as "cannot follow" another is not worked the day after it (Curtois & Qu rule 3);
/// the day before the horizon counts when the history has a shift on it. Several rules for the same
/// pair make one breach, hard when any of them is, else costing the sum of their weights.
package struct ShiftSuccessionRule: Sendable {
    /// The charge of shift `to` worked the day after shift `from` under a contract's rules.
    static func charge(_ contract: Contract, from: String, to: String) -> (hard: Int, soft: Int) {
        var hard = false, soft = 0, any = false
        for rule in contract.expandedRules {
            guard case .forbiddenSuccession(from, to) = rule.kind else { continue }
            any = true
            if rule.weight.isHard { hard = true } else { soft += rule.weight.softValue }
        }
        guard any else { return (0, 0) }
        return hard ? (hardUnit, 0) : (0, soft)
    }

    public static func evaluate(_ p: CompiledProblem, _ s: Schedule, staff: Range<Int>, into out: inout [Violation]) {
        for e in staff {
            let member = p.problem.staff[e], contract = p.contract(of: e)
            let dayBefore = p.problem.horizon.start.adding(days: -1)
            var previous: String? = member.history?.first { $0.date == dayBefore }?.shift
            var previousName = previous.map { "\($0) (history)" } ?? ""
            for d in 0..<p.days {
                let v = Int(s[staff: e, day: d])
                let shift = v == 0 ? nil : p.shiftName(Int(p.valueShift[v]))
                if let from = previous, let to = shift {
                    let c = charge(contract, from: from, to: to)
                    if c != (0, 0) {
                        out.append(Violation(rule: .shiftSuccession, staff: e, day: max(d - 1, 0), dayCount: d == 0 ? 1 : 2, value: v,
                                             amount: 1, charge: c,
                                             message: "\(p.staffLabel(e)) works \(p.valueName(v)) on \(p.dayName(d)) right after \(previousName) the day before, a forbidden succession"))
                    }
                }
                previous = shift
                previousName = p.valueName(v)
            }
        }
    }
}

extension ShiftSuccessionRule: ContractRuleFamily {
    public static let name = RuleName.forbiddenSuccession
    public static let parameters = [RuleParameter("from", .shift), RuleParameter("to", .shift)]
    public static func kind(_ v: [String: RuleValue]) -> RuleKind {
        var from = "", to = ""
        if case .shift(let f) = v["from"] { from = f }
        if case .shift(let t) = v["to"] { to = t }
        return .forbiddenSuccession(from: from, to: to)
    }
    public static func values(_ kind: RuleKind) -> [String: RuleValue]? {
        if case .forbiddenSuccession(let from, let to) = kind { return ["from": .shift(from), "to": .shift(to)] }
        return nil
    }
    public static let rowPricer = RowPricerSupport.exact
    public static let example = RuleKind.forbiddenSuccession(from: "night", to: "day")
    public static var instances: WritableKeyPath<CompiledRules, RuleInstances>? { nil }
    /// One matrix per distinct set of succession rules, shared by the contracts that have it: a
    /// pair is one breach, hard when any rule for it is, else the sum of their weights.
    public static func compileContracts(into rules: inout CompiledRules, _ context: inout RuleCompilation) {
        let V = context.valueCount, valueShift = context.valueShift
        var matrixOfContract: [Int] = []
        var matrices: [ContiguousArray<Int32>: Int] = [:]
        for contractRules in context.expandedRules {
            var matrix = ContiguousArray<Int32>(repeating: 0, count: V * V)
            for rule in contractRules {
                guard case .forbiddenSuccession(let from, let to) = rule.kind,
                      let f = context.shiftIndex[from], let t = context.shiftIndex[to] else { continue }
                for v in 1..<V where valueShift[v] == f {
                    for w in 1..<V where valueShift[w] == t {
                        let i = v * V + w
                        matrix[i] = rule.weight.isHard || matrix[i] < 0 ? -1 : matrix[i] + rule.weight.compiled
                    }
                }
            }
            if let known = matrices[matrix] {
                matrixOfContract.append(known)
            } else {
                matrices[matrix] = rules.succession.count
                matrixOfContract.append(rules.succession.count)
                rules.succession.append(contentsOf: matrix)
            }
        }
        rules.successionBase = ContiguousArray(context.staffContract.map { Int32(matrixOfContract[Int($0)]) })
    }
    /// Compiled per contract (`compileContracts`).
    public static func compile(_ kind: RuleKind, weight: Int32, staff e: Int, into rules: inout CompiledRules, _ context: inout RuleCompilation) {}
    public static let incremental = IncrementalScoring.successionMatrix
    public static let title = "Forbidden shift after shift"
}
