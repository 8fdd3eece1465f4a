/// The parts of the incremental scorer (`SearchState.changeRow`) that follow contract rules. Each
/// family names its part (`ContractRuleFamily.incremental`); the scorer runs a part for a staff
/// member only when one of their rules needs it (`bit`), and the per-family full-assert test
/// (`RuleFamilyTests`) holds every family's part to its from-scratch evaluation.
package enum IncrementalScoring: Sendable, CaseIterable {
    /// Folded into the cell penalties at compilation; scored with the changed cells.
    case cellPenalty
    /// The succession matrices, scored on each pair of neighbouring days the change touches.
    case successionMatrix
    /// Runs of work and of days off around the change.
    case runs
    /// Runs of nights around the change.
    case nightRuns
    /// The rests between each shift and the next by start time around the change.
    case restPairs
    /// The rolling windows that contain a changed day.
    case windows
    /// Counters of minutes per period.
    case minutesPerPeriod
    /// Counters of shifts per period.
    case shiftsPerPeriod
    /// Counters of shifts of each type.
    case shiftTypeCounts
    /// The counter of weekends worked.
    case weekendCount
    /// Weekends around the change worked on one day only.
    case completeWeekends
    /// The 7-day blocks whose longest rest the change can alter.
    case weeklyRest
    /// The deployment the change falls in.
    case deployments
    /// Days off a rotation's pattern, counted for each phase.
    case rotationPhases

    /// The bit of `SearchState`'s per-person family mask that switches this part on; 0 for parts
    /// that always run (their cost when no rule needs them is one empty loop).
    var bit: UInt32 {
        switch self {
        case .cellPenalty, .successionMatrix, .runs, .restPairs, .shiftTypeCounts: 0
        case .nightRuns: 1 << 0
        case .windows: 1 << 1
        case .completeWeekends: 1 << 2
        case .weeklyRest: 1 << 3
        case .deployments: 1 << 4
        case .weekendCount: 1 << 5
        case .minutesPerPeriod: 1 << 6
        case .shiftsPerPeriod: 1 << 7
        case .rotationPhases: 1 << 8
        }
    }

    /// Staff member `e`'s mask: the parts their rules need; fairness goals count weekends too.
    static func mask(_ rules: CompiledRules, _ e: Int, fairness: Bool) -> UInt32 {
        var bits: UInt32 = fairness ? weekendCount.bit : 0
        for name in RuleName.allCases {
            if let list = name.family.instances, !rules[keyPath: list].range(e).isEmpty { bits |= name.family.incremental.bit }
        }
        return bits
    }
}
