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
        var v = Self.personal(problem, schedule, staff: 0..<problem.staffCount)
        // Then the team's objectives.
        FairnessRule.evaluate(problem, schedule, into: &v)
        CoverRule.evaluate(problem, schedule, into: &v)
        CrewRule.evaluate(problem, schedule, into: &v)
        violations = v
        score = Score(hard: v.filter(\.hard).reduce(0) { $0 + $1.penalty },
                      soft: v.filter { !$0.hard }.reduce(0) { $0 + $1.penalty })
    }

    /// Every breach by the staff members in `staff` of the rules that are each person's own: the
    /// rules about single cells, then every contract rule family, then the rules that hold for
    /// everyone. Cover and fairness, the team's, are not among them.
    public static func personal(_ problem: CompiledProblem, _ schedule: Schedule, staff: Range<Int>) -> [Violation] {
        var v: [Violation] = []
        UnavailableRule.evaluate(problem, schedule, staff: staff, into: &v)
        EligibilityRule.evaluate(problem, schedule, staff: staff, into: &v)
        PinRule.evaluate(problem, schedule, staff: staff, into: &v)
        for name in RuleName.allCases { name.family.evaluate(problem, schedule, staff: staff, into: &v) }
        OverlapRule.evaluate(problem, schedule, staff: staff, into: &v)
        TravelTimeRule.evaluate(problem, schedule, staff: staff, into: &v)
        RequestRule.evaluate(problem, schedule, staff: staff, into: &v)
        StabilityRule.evaluate(problem, schedule, staff: staff, into: &v)
        return v
    }

    public var hardViolations: [Violation] { violations.filter(\.hard) }

    /// Penalty summed by rule, in `RuleID` order, hard and soft apart; rules with no penalty left out.
    public func byRule(hard: Bool) -> [(rule: RuleID, penalty: Int)] {
        RuleID.allCases.compactMap { rule in
            let total = violations.filter { $0.rule == rule && $0.hard == hard }.reduce(0) { $0 + $1.penalty }
            return total == 0 ? nil : (rule, total)
        }
    }

    public var softByRule: [(rule: RuleID, penalty: Int)] { byRule(hard: false) }

    /// Soft penalty per staff member (index); cover, crews and fairness are team penalties and have no staff.
    public func softByStaff(staffCount: Int) -> [Int] {
        var totals = Array(repeating: 0, count: staffCount)
        for v in violations where !v.hard { if let e = v.staff { totals[e] += v.penalty } }
        return totals
    }

    /// Soft penalty per day.
    public func softByDay(days: Int) -> [Int] {
        var totals = Array(repeating: 0, count: days)
        for v in violations where !v.hard { if let d = v.day, d < days { totals[d] += v.penalty } }
        return totals
    }
}
