/// Soft: a fairness goal spreads nights, weekends or hours evenly over a group of staff (a contract's
/// staff, or everyone). Its penalty is the weight times the sum of squared deviations from the
/// group's mean, rounded down: weight · (n·Σx² − (Σx)²) / n. Hours are real hours, exact fractions:
/// the measure is kept in minutes and the total divided by 60² as well.
package struct FairnessRule: Sendable {
    @inline(__always) static func penalty(n: Int, sum: Int, squares: Int, weight: Int, measure: FairnessGoal.Measure) -> Int {
        guard n > 0 else { return 0 }
        let scale = measure == .hours ? 3600 : 1
        return Int(Int128(weight) * (Int128(n) * Int128(squares) - Int128(sum) * Int128(sum)) / Int128(n * scale))
    }

    static func members(_ p: CompiledProblem, _ goal: FairnessGoal) -> [Int] {
        (0..<p.staffCount).filter { goal.contract == nil || p.problem.staff[$0].contract == goal.contract }
    }

    static func measure(_ p: CompiledProblem, _ s: Schedule, _ e: Int, _ measure: FairnessGoal.Measure) -> Int {
        switch measure {
        case .nights: (0..<p.days).filter { p.valueIsNight[Int(s[staff: e, day: $0])] != 0 }.count
        case .weekends: p.weekendsWorked(s, e)
        case .hours: (0..<p.days).reduce(0) { $0 + Int(p.cellMinutes[$1 * p.valueCount + Int(s[staff: e, day: $1])]) }
        }
    }

    public static func evaluate(_ p: CompiledProblem, _ s: Schedule, into out: inout [Violation]) {
        for goal in p.problem.fairness {
            let group = members(p, goal)
            let values = group.map { measure(p, s, $0, goal.measure) }
            let total = penalty(n: group.count, sum: values.reduce(0, +), squares: values.reduce(0) { $0 + $1 * $1 }, weight: goal.weight,
                                measure: goal.measure)
            guard total > 0 else { continue }
            let low = values.min() ?? 0, high = values.max() ?? 0
            let range = goal.measure == .hours ? "\(p.hours(low)) to \(p.hours(high))" : "\(low) to \(high)"
            out.append(Violation(rule: .fairness, staff: nil, day: nil, dayCount: 0, amount: high - low, charge: (0, total),
                                 message: "\(goal.measure.rawValue) are spread unevenly over \(goal.contract.map { "the staff on contract \($0)" } ?? "all staff") (\(group.count) people, from \(range))"))
        }
    }
}

/// The running sums of every fairness goal, updated as the measures of its members change, with an
/// undo log for the open transaction. The goals of staff member `e` are
/// `goalList[goalStart[e] ..< goalStart[e + 1]]`: one contiguous array, no array per person.
final class FairnessState {
    private let measure: ContiguousArray<FairnessGoal.Measure>
    private let weight: ContiguousArray<Int>
    private let size: ContiguousArray<Int>
    private let goalStart: ContiguousArray<Int32>
    private let goalList: ContiguousArray<Int32>
    private var sum: ContiguousArray<Int>, squares: ContiguousArray<Int>
    private var log: [(goal: Int, sum: Int, squares: Int)] = []

    init(_ p: CompiledProblem) {
        let fairness = p.problem.fairness
        measure = ContiguousArray(fairness.map(\.measure))
        weight = ContiguousArray(fairness.map(\.weight))
        var goalsOf = Array(repeating: [Int32](), count: p.staffCount)
        var size = ContiguousArray<Int>()
        for (g, goal) in fairness.enumerated() {
            let group = FairnessRule.members(p, goal)
            size.append(group.count)
            for e in group { goalsOf[e].append(Int32(g)) }
        }
        self.size = size
        var start = ContiguousArray<Int32>([0])
        for goals in goalsOf { start.append(start.last! + Int32(goals.count)) }
        goalStart = start
        goalList = ContiguousArray(goalsOf.joined())
        sum = ContiguousArray(repeating: 0, count: fairness.count)
        squares = sum
    }

    func reset() {
        for g in sum.indices { sum[g] = 0; squares[g] = 0 }
        log.removeAll(keepingCapacity: true)
    }

    func begin() { log.removeAll(keepingCapacity: true) }

    func rollback() {
        for entry in log.reversed() {
            sum[entry.goal] = entry.sum
            squares[entry.goal] = entry.squares
        }
        log.removeAll(keepingCapacity: true)
    }

    /// Staff member `e`'s measure `kind` goes from `old` to `new`; returns the soft penalty change.
    func change(_ e: Int, _ kind: FairnessGoal.Measure, from old: Int, to new: Int) -> Int {
        guard old != new else { return 0 }
        var delta = 0
        for i in Int(goalStart[e])..<Int(goalStart[e + 1]) {
            let g = Int(goalList[i])
            guard measure[g] == kind else { continue }
            log.append((g, sum[g], squares[g]))
            let before = FairnessRule.penalty(n: size[g], sum: sum[g], squares: squares[g], weight: weight[g], measure: kind)
            sum[g] += new - old
            squares[g] += new * new - old * old
            delta += FairnessRule.penalty(n: size[g], sum: sum[g], squares: squares[g], weight: weight[g], measure: kind) - before
        }
        return delta
    }
}
