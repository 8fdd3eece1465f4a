/// A staff-scheduling problem as a planner states it: named shift types, staff with their contracts,
/// requests and cover. Identifiers are strings here; `CompiledProblem` turns them into small integers
/// for the solver.
///
/// The rule semantics follow Curtois & Qu, "Computational results on new staff scheduling benchmark
/// instances" (2014): see `../shared/benchmarks/curtois/FORMAT.md`. Day 0 is a Monday.
public struct CurtoisProblem: Sendable, Equatable {
    public var name: String
    public var horizonDays: Int
    public var shiftTypes: [CurtoisShiftType]
    public var staff: [CurtoisStaffMember]
    public var shiftOnRequests: [CurtoisRequest]
    public var shiftOffRequests: [CurtoisRequest]
    public var cover: [CurtoisCover]

    public init(
        name: String, horizonDays: Int, shiftTypes: [CurtoisShiftType], staff: [CurtoisStaffMember],
        shiftOnRequests: [CurtoisRequest] = [], shiftOffRequests: [CurtoisRequest] = [],
        cover: [CurtoisCover] = []
    ) {
        self.name = name
        self.horizonDays = horizonDays
        self.shiftTypes = shiftTypes
        self.staff = staff
        self.shiftOnRequests = shiftOnRequests
        self.shiftOffRequests = shiftOffRequests
        self.cover = cover
    }
}

public struct CurtoisShiftType: Sendable, Equatable {
    public var id: String
    public var minutes: Int
    /// Shift types that may not be worked on the day after this one.
    public var forbiddenNext: [String]

    public init(id: String, minutes: Int, forbiddenNext: [String] = []) {
        self.id = id
        self.minutes = minutes
        self.forbiddenNext = forbiddenNext
    }
}

public struct CurtoisStaffMember: Sendable, Equatable {
    public var id: String
    public var contract: CurtoisContract
    /// Days (indexes into the horizon) on which this person must not work.
    public var daysOff: [Int]

    public init(id: String, contract: CurtoisContract, daysOff: [Int] = []) {
        self.id = id
        self.contract = contract
        self.daysOff = daysOff
    }
}

/// The working-time limits of one person over the horizon; every limit here is hard.
public struct CurtoisContract: Sendable, Equatable {
    /// Maximum number of shifts of each type; a type not listed is unlimited.
    public var maxShifts: [String: Int]
    public var maxTotalMinutes: Int
    public var minTotalMinutes: Int
    public var maxConsecutiveShifts: Int
    public var minConsecutiveShifts: Int
    public var minConsecutiveDaysOff: Int
    public var maxWeekends: Int

    public init(
        maxShifts: [String: Int], maxTotalMinutes: Int, minTotalMinutes: Int,
        maxConsecutiveShifts: Int, minConsecutiveShifts: Int, minConsecutiveDaysOff: Int, maxWeekends: Int
    ) {
        self.maxShifts = maxShifts
        self.maxTotalMinutes = maxTotalMinutes
        self.minTotalMinutes = minTotalMinutes
        self.maxConsecutiveShifts = maxConsecutiveShifts
        self.minConsecutiveShifts = minConsecutiveShifts
        self.minConsecutiveDaysOff = minConsecutiveDaysOff
        self.maxWeekends = maxWeekends
    }
}

/// A wish to work (shift-on) or not to work (shift-off) a given shift on a given day.
public struct CurtoisRequest: Sendable, Equatable {
    public var staff: String
    public var day: Int
    public var shift: String
    public var weight: Int

    public init(staff: String, day: Int, shift: String, weight: Int) {
        self.staff = staff
        self.day = day
        self.shift = shift
        self.weight = weight
    }
}

/// How many people a shift needs on a day, and what each one short or over costs.
public struct CurtoisCover: Sendable, Equatable {
    public var day: Int
    public var shift: String
    public var required: Int
    public var underWeight: Int
    public var overWeight: Int

    public init(day: Int, shift: String, required: Int, underWeight: Int, overWeight: Int) {
        self.day = day
        self.shift = shift
        self.required = required
        self.underWeight = underWeight
        self.overWeight = overWeight
    }
}

/// A roster: for every staff member (in the problem's order) and day, the index of the shift type
/// worked, or nil for a day off.
public struct Roster: Sendable, Equatable {
    public var assignments: [[Int?]]

    public init(assignments: [[Int?]]) {
        self.assignments = assignments
    }

    public init(staffCount: Int, days: Int) {
        self.assignments = Array(repeating: Array(repeating: nil, count: days), count: staffCount)
    }
}
