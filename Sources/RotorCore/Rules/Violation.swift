/// Which rule a penalty comes from. The raw value is the name printed in explanations and JSON.
public enum RuleID: String, Sendable, CaseIterable, Codable {
    case daysOff = "days-off"
    case shiftSuccession = "shift-succession"
    case maxShiftsOfType = "max-shifts-of-type"
    case totalMinutes = "total-minutes"
    case maxConsecutiveShifts = "max-consecutive-shifts"
    case minConsecutiveShifts = "min-consecutive-shifts"
    case minConsecutiveDaysOff = "min-consecutive-days-off"
    case maxWeekends = "max-weekends"
    case shiftOnRequest = "shift-on-request"
    case shiftOffRequest = "shift-off-request"
    case coverUnder = "cover-under"
    case coverOver = "cover-over"

    public var isHard: Bool {
        switch self {
        case .shiftOnRequest, .shiftOffRequest, .coverUnder, .coverOver: false
        default: true
        }
    }
}

/// One broken rule or one soft penalty, located on the roster.
public struct Violation: Sendable, Equatable {
    public var rule: RuleID
    /// Staff index, nil for cover.
    public var staff: Int?
    /// First day concerned, nil for rules over the whole horizon.
    public var day: Int?
    /// Number of days concerned starting at `day` (1 for a single cell).
    public var dayCount: Int
    public var shift: Int?
    /// The size of the breach in the rule's own unit (days, shifts, minutes, weekends, people).
    public var amount: Int
    /// Contribution to the score: hard penalty for hard rules, objective value for soft ones.
    public var penalty: Int
    /// A sentence a planner understands.
    public var message: String

    public var isHard: Bool { rule.isHard }
}

/// How much a hard breach weighs: a day, shift or weekend too many weighs as much as an hour of
/// working time outside the contract's bounds, which is counted in minutes.
public let hardUnit = 60
