/// A roster's score: hard penalty first (0 means feasible), then the soft objective.
public struct Score: Sendable, Equatable, Comparable, CustomStringConvertible {
    public var hard: Int
    public var soft: Int

    public init(hard: Int, soft: Int) {
        self.hard = hard
        self.soft = soft
    }

    public var isFeasible: Bool { hard == 0 }

    public static func < (a: Score, b: Score) -> Bool {
        a.hard != b.hard ? a.hard < b.hard : a.soft < b.soft
    }

    public var description: String { hard == 0 ? "\(soft)" : "\(soft) (hard \(hard))" }
}

/// A roster scored from scratch by every rule, written for clarity rather than speed: the reference
/// the incremental scorer is checked against, and the source of every explanation.
public struct Evaluation: Sendable {
    public let score: Score
    public let violations: [Violation]

    public init(_ problem: CompiledProblem, _ schedule: Schedule) {
        var v: [Violation] = []
        DaysOffRule.evaluate(problem, schedule, into: &v)
        ShiftSuccessionRule.evaluate(problem, schedule, into: &v)
        MaxShiftsOfTypeRule.evaluate(problem, schedule, into: &v)
        TotalMinutesRule.evaluate(problem, schedule, into: &v)
        MaxConsecutiveShiftsRule.evaluate(problem, schedule, into: &v)
        MinConsecutiveShiftsRule.evaluate(problem, schedule, into: &v)
        MinConsecutiveDaysOffRule.evaluate(problem, schedule, into: &v)
        MaxWeekendsRule.evaluate(problem, schedule, into: &v)
        ShiftRequestRules.evaluate(problem, schedule, into: &v)
        CoverRule.evaluate(problem, schedule, into: &v)
        violations = v
        score = Score(hard: v.filter(\.isHard).reduce(0) { $0 + $1.penalty },
                      soft: v.filter { !$0.isHard }.reduce(0) { $0 + $1.penalty })
    }

    public var hardViolations: [Violation] { violations.filter(\.isHard) }

    /// Soft penalty summed by rule, in `RuleID` order; rules with no penalty left out.
    public var softByRule: [(rule: RuleID, penalty: Int)] {
        RuleID.allCases.filter { !$0.isHard }.compactMap { rule in
            let total = violations.filter { $0.rule == rule }.reduce(0) { $0 + $1.penalty }
            return total == 0 ? nil : (rule, total)
        }
    }

    /// Soft penalty per staff member (index), for requests; cover is a team penalty and has no staff.
    public func softByStaff(staffCount: Int) -> [Int] {
        var totals = Array(repeating: 0, count: staffCount)
        for v in violations where !v.isHard { if let e = v.staff { totals[e] += v.penalty } }
        return totals
    }

    /// Soft penalty per day.
    public func softByDay(days: Int) -> [Int] {
        var totals = Array(repeating: 0, count: days)
        for v in violations where !v.isHard { if let d = v.day { totals[d] += v.penalty } }
        return totals
    }
}
