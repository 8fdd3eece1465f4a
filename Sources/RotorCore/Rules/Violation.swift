/// Which rule a penalty comes from. The raw value is the name printed in explanations and JSON: a
/// contract rule's is its `RuleName`.
public enum RuleID: String, Sendable, CaseIterable, Codable {
    case unavailable = "unavailable"
    case eligibility = "eligibility"
    case pinned = "pinned"
    case maxShiftMinutes = "max-shift-hours"
    case shiftSuccession = "forbidden-succession"
    case maxShiftsOfType = "max-shifts-of-type"
    case minutesPerPeriod = "hours-per-period"
    case shiftsPerPeriod = "shifts-per-period"
    case maxConsecutiveDays = "max-consecutive-days"
    case minConsecutiveDays = "min-consecutive-days"
    case minConsecutiveDaysOff = "min-consecutive-days-off"
    case maxConsecutiveNights = "max-consecutive-nights"
    case overlap = "overlap"
    case minRest = "min-rest"
    case minRestAfterNights = "min-rest-after-nights"
    case workRestRatio = "work-rest-ratio"
    case travelTime = "travel-time"
    case maxMinutesInWindow = "max-hours-in-window"
    case maxWeekends = "max-weekends"
    case completeWeekends = "complete-weekends"
    case weeklyRest = "weekly-rest"
    case maxDeploymentDays = "max-deployment-days"
    case rotation = "rotation"
    case shiftOnRequest = "shift-on-request"
    case shiftOffRequest = "shift-off-request"
    case stability = "stability"
    case fairness = "fairness"
    case coverMinimum = "cover-minimum"
    case coverPreferred = "cover-preferred"
    case coverOver = "cover-over"
    case crewTogether = "crew"
    case crewApart = "crew-apart"
}

extension RuleID {
    /// The rule's heading on the page and in listings: a contract rule's is its family's.
    public var title: String {
        switch self {
        case .maxShiftMinutes, .shiftSuccession, .maxShiftsOfType, .minutesPerPeriod, .shiftsPerPeriod, .maxConsecutiveDays,
             .minConsecutiveDays, .minConsecutiveDaysOff, .maxConsecutiveNights, .minRest, .minRestAfterNights, .workRestRatio,
             .maxMinutesInWindow, .maxWeekends, .completeWeekends, .weeklyRest, .maxDeploymentDays, .rotation:
            RuleName(rawValue: rawValue)!.family.title
        case .unavailable: "Work on unavailable dates"
        case .eligibility: "Posts a person cannot hold"
        case .pinned: "Pinned cells changed"
        case .overlap: "Overlapping shifts"
        case .travelTime: "Too little time to travel"
        case .shiftOnRequest: "Requests to work"
        case .shiftOffRequest: "Requests for time off"
        case .stability: "Changes from the previous roster"
        case .fairness: "Uneven share of work"
        case .coverMinimum: "Cover below the minimum"
        case .coverPreferred: "Cover below the preferred number"
        case .coverOver: "Cover above the maximum"
        case .crewTogether: "Crews split"
        case .crewApart: "People kept apart on one shift"
        }
    }
}

/// One broken rule or one soft penalty, located on the roster.
public struct Violation: Sendable, Equatable {
    public var rule: RuleID
    /// Staff index, nil for cover and fairness.
    public var staff: Int?
    /// First day concerned, nil for rules over the whole horizon.
    public var day: Int?
    /// Number of days concerned starting at `day` (1 for a single cell).
    public var dayCount: Int
    /// The cell value (post) concerned, if one is.
    public var value: Int?
    /// The size of the breach in the rule's own unit (days, shifts, minutes, weekends, people).
    public var amount: Int
    /// Contribution to the score: hard penalty for hard breaches, objective value for soft ones.
    public var penalty: Int
    public var hard: Bool
    /// A sentence a planner understands.
    public var message: String

    public init(rule: RuleID, staff: Int?, day: Int?, dayCount: Int = 1, value: Int? = nil, amount: Int,
                charge: (hard: Int, soft: Int), message: String) {
        self.rule = rule
        self.staff = staff
        self.day = day
        self.dayCount = dayCount
        self.value = value
        self.amount = amount
        self.hard = charge.hard > 0
        self.penalty = charge.hard > 0 ? charge.hard : charge.soft
        self.message = message
    }
}

/// How much a hard breach weighs: a day, shift or weekend too many weighs as much as an hour of
/// working time outside the contract's bounds, which is counted in minutes.
package let hardUnit = 60

extension CompiledProblem {
    /// `"2027-03-02 (Tue)"`: how explanations name a day of the horizon.
    public func dayName(_ d: Int) -> String {
        let date = self.date(d)
        return "\(date) (\(date.weekdayShortName))"
    }

    /// `"9.5 h"`, `"11 h"`, `"15 h 59 min"`: minutes as hours for explanations, exact (a tenth of an
    /// hour only when it is a whole number of minutes).
    public func hours(_ minutes: Int) -> String {
        if minutes % 60 == 0 { return "\(minutes / 60) h" }
        if minutes % 6 == 0 { return "\(minutes / 60).\(minutes % 60 / 6) h" }
        return "\(minutes / 60) h \(minutes % 60) min"
    }

    /// Local wall-clock time of an epoch minute at the site of value `v` (or the horizon's zone).
    public func clockTime(_ epochMinute: Int, value v: Int) -> String {
        clockTime(epochMinute, zone: v > 0 ? (problem.sites[Int(valueSite[v])].timeZone ?? problem.horizon.timeZone) : problem.horizon.timeZone)
    }

    /// Local wall-clock time of an epoch minute in an IANA zone.
    public func clockTime(_ epochMinute: Int, zone: String) -> String {
        let local = epochMinute + offsetMinutes(zone: zone, epochMinute: epochMinute)
        let m = ((local % 1440) + 1440) % 1440
        return (m / 60 < 10 ? "0" : "") + "\(m / 60):" + (m % 60 < 10 ? "0" : "") + "\(m % 60)"
    }

    /// `soft 3` or `hard`, for messages about a rule's weight.
    static func describe(_ weight: Int32) -> String { weight < 0 ? "hard" : "weight \(weight)" }
}
