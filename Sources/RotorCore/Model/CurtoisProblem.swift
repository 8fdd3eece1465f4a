/// A staff-scheduling problem in the shape of the Curtois & Qu benchmark: named shift types, staff with
/// their contracts, requests and cover. `problem` translates it into Rotor's own model, which is what
/// gets compiled and solved.
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

extension CurtoisProblem {
    /// Day 0 of every benchmark instance is a Monday; this one stands for it.
    public static let firstDay = LocalDate(year: 2024, month: 1, day: 1)!

    /// The instance in Rotor's own model, so that one engine solves both: one site, no skills, UTC,
    /// one contract per person holding their limits as hard rules, the forbidden successions of the
    /// shift types in every contract, cover as a preferred number that is also the maximum.
    public var problem: Problem {
        let day = { (d: Int) in Self.firstDay.adding(days: d) }
        let successions = shiftTypes.flatMap { type in
            type.forbiddenNext.map { ContractRule(.forbiddenSuccession(from: type.id, to: $0)) }
        }
        let contracts = staff.map { member in
            let c = member.contract
            let limits = c.maxShifts.sorted { $0.key < $1.key }.map { ContractRule(.maxShiftsOfType(shift: $0.key, max: $0.value)) }
            return Contract(id: member.id, rules: limits + [
                ContractRule(.minutesPerPeriod(periodDays: nil, min: c.minTotalMinutes, max: c.maxTotalMinutes)),
                ContractRule(.maxConsecutiveDays(c.maxConsecutiveShifts)),
                ContractRule(.minConsecutiveDays(c.minConsecutiveShifts)),
                ContractRule(.minConsecutiveDaysOff(c.minConsecutiveDaysOff)),
                ContractRule(.maxWeekends(c.maxWeekends)),
            ] + successions)
        }
        var requests: [String: [Request]] = [:]
        for r in shiftOnRequests { requests[r.staff, default: []].append(Request(date: day(r.day), shift: r.shift, on: true, weight: r.weight)) }
        for r in shiftOffRequests { requests[r.staff, default: []].append(Request(date: day(r.day), shift: r.shift, on: false, weight: r.weight)) }
        return Problem(
            name: name,
            horizon: Horizon(start: Self.firstDay, days: horizonDays, timeZone: "UTC"),
            sites: [Site(id: "site")],
            shiftTypes: shiftTypes.map { ShiftType(id: $0.id, startMinute: 0, minutes: $0.minutes) },
            contracts: contracts,
            staff: staff.map { member in
                StaffMember(id: member.id, homeSite: "site", contract: member.id,
                            unavailable: member.daysOff.map { DateRange(day($0)) }, requests: requests[member.id] ?? [])
            },
            demand: cover.map {
                Demand(site: "site", shift: $0.shift, days: .dates([day($0.day)]), minimum: 0, minimumWeight: .soft(0),
                       preferred: $0.required, preferredWeight: $0.underWeight, maximum: $0.required, overWeight: $0.overWeight)
            } + shiftTypes.filter { type in !cover.contains { $0.shift == type.id } }.map {
                // The benchmark lets anyone work a shift type no cover line mentions, at no cost.
                Demand(site: "site", shift: $0.id, minimum: 0, minimumWeight: .soft(0))
            })
    }
}

extension CompiledProblem {
    /// Compiles a benchmark instance through Rotor's own model.
    public init(_ curtois: CurtoisProblem) throws(ModelError) {
        try self.init(curtois.problem)
    }
}
