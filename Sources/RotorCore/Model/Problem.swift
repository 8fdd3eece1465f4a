/// Rotor's own problem model for round-the-clock operations: a horizon of calendar dates in a time
/// zone, sites, skills, shift types placed on the real clock, demand per site/shift/skill, staff with
/// contracts made of hard or soft rules, deployments between sites, fairness and stability goals.
///
/// Identifiers are strings; `CompiledProblem` turns them into small integers. Every time here is a
/// count of minutes or days so that the model has exact arithmetic; formats convert hours. The
/// Curtois & Qu benchmark format is translated into this model too (`CurtoisProblem.problem`), so
/// there is one engine for both. The file format is documented in `docs/model.md`.
public struct Problem: Sendable, Equatable {
    public var name: String
    public var horizon: Horizon
    public var sites: [Site]
    public var skills: [Skill]
    public var shiftTypes: [ShiftType]
    public var contracts: [Contract]
    public var staff: [StaffMember]
    public var demand: [Demand]
    /// Travel time between two sites; a pair listed once applies in both directions, an unlisted pair takes no time.
    public var travel: [Travel]
    public var fairness: [FairnessGoal]
    /// A previous roster to stay close to when re-planning.
    public var stability: Stability?
    /// People who work together, or who are kept apart.
    public var crews: [Crew]

    public init(name: String, horizon: Horizon, sites: [Site], skills: [Skill] = [], shiftTypes: [ShiftType],
                contracts: [Contract], staff: [StaffMember], demand: [Demand], travel: [Travel] = [],
                fairness: [FairnessGoal] = [], stability: Stability? = nil, crews: [Crew] = []) {
        self.name = name
        self.horizon = horizon
        self.sites = sites
        self.skills = skills
        self.shiftTypes = shiftTypes
        self.contracts = contracts
        self.staff = staff
        self.demand = demand
        self.travel = travel
        self.fairness = fairness
        self.stability = stability
        self.crews = crews
    }
}

/// A crew: people who work the same shift at the same site on the same days (a two-person unit, a
/// team deployed together); or, `apart`, people of whom no two work the same shift at the same site.
public struct Crew: Sendable, Equatable {
    public var id: String
    public var members: [String]
    public var apart: Bool
    public var weight: Weight

    public init(id: String, members: [String], apart: Bool = false, weight: Weight = .hard) {
        self.id = id
        self.members = members
        self.apart = apart
        self.weight = weight
    }
}

/// The planned period: `days` calendar dates from `start`, in the IANA time zone `timeZone` (sites
/// may have their own).
public struct Horizon: Sendable, Equatable {
    public var start: LocalDate
    public var days: Int
    public var timeZone: String

    public init(start: LocalDate, days: Int, timeZone: String) {
        self.start = start
        self.days = days
        self.timeZone = timeZone
    }
}

public struct Site: Sendable, Equatable {
    public var id: String
    public var name: String
    /// IANA time zone of the site's clock; nil means the horizon's.
    public var timeZone: String?

    public init(id: String, name: String? = nil, timeZone: String? = nil) {
        self.id = id
        self.name = name ?? id
        self.timeZone = timeZone
    }
}

public struct Skill: Sendable, Equatable {
    public var id: String
    public var name: String

    public init(id: String, name: String? = nil) {
        self.id = id
        self.name = name ?? id
    }
}

/// A shift on the wall clock of the site where it is worked: it starts at `startMinute` after local
/// midnight of its date and lasts `minutes` of local wall-clock time, so it may cross midnight; on a
/// daylight-saving change its real length differs (a 19:00–07:00 night is 11 or 13 hours).
public struct ShiftType: Sendable, Equatable {
    public var id: String
    public var name: String
    public var startMinute: Int
    public var minutes: Int
    /// Free labels; `night` marks the shifts that night-work rules count.
    public var tags: [String]

    public init(id: String, name: String? = nil, startMinute: Int, minutes: Int, tags: [String] = []) {
        self.id = id
        self.name = name ?? id
        self.startMinute = startMinute
        self.minutes = minutes
        self.tags = tags
    }

    public var isNight: Bool { tags.contains("night") }
}

/// How much breaking a rule costs: forbidden outright, or a weight per unit of breach.
public enum Weight: Sendable, Equatable {
    case hard
    case soft(Int)

    public var isHard: Bool { self == .hard }
}

/// How many people with a skill a site needs on a shift. Short of `minimum` costs `minimumWeight`
/// per person (hard makes it a hard rule); short of `preferred` costs `preferredWeight` per person;
/// above `maximum` costs `overWeight` per person.
public struct Demand: Sendable, Equatable {
    public var site: String
    public var shift: String
    /// nil: anyone counts, whatever their skills.
    public var skill: String?
    public var days: DaySelector
    public var minimum: Int
    public var minimumWeight: Weight
    public var preferred: Int?
    public var preferredWeight: Int
    public var maximum: Int?
    public var overWeight: Int

    public init(site: String, shift: String, skill: String? = nil, days: DaySelector = .everyDay, minimum: Int,
                minimumWeight: Weight = .hard, preferred: Int? = nil, preferredWeight: Int = 0,
                maximum: Int? = nil, overWeight: Int = 0) {
        self.site = site
        self.shift = shift
        self.skill = skill
        self.days = days
        self.minimum = minimum
        self.minimumWeight = minimumWeight
        self.preferred = preferred
        self.preferredWeight = preferredWeight
        self.maximum = maximum
        self.overWeight = overWeight
    }
}

/// Which dates of the horizon a demand line applies to.
public enum DaySelector: Sendable, Equatable {
    case everyDay
    case dates([LocalDate])
    /// ISO weekdays, 1 = Monday … 7 = Sunday.
    case weekdays([Int])
    case range(from: LocalDate, to: LocalDate)
}

public struct Contract: Sendable, Equatable {
    public var id: String
    public var rules: [ContractRule]

    public init(id: String, rules: [ContractRule]) {
        self.id = id
        self.rules = rules
    }
}

public struct ContractRule: Sendable, Equatable {
    public var kind: RuleKind
    public var weight: Weight

    public init(_ kind: RuleKind, _ weight: Weight = .hard) {
        self.kind = kind
        self.weight = weight
    }
}

/// The working-time and fatigue rules a contract can hold. Durations are in minutes of real time.
public enum RuleKind: Sendable, Equatable {
    /// At least this long between the end of one shift and the start of the next.
    case minRest(minutes: Int)
    /// At most `minutes` of work starting in any `days` consecutive days (e.g. 60 h in any 7 days).
    case maxMinutesInWindow(days: Int, minutes: Int)
    /// Total minutes worked per period of `periodDays` days from the horizon start (nil: the whole horizon).
    case minutesPerPeriod(periodDays: Int?, min: Int?, max: Int?)
    /// Shifts worked per period, as above.
    case shiftsPerPeriod(periodDays: Int?, min: Int?, max: Int?)
    case maxConsecutiveDays(Int)
    /// A stretch of work shorter than this is a breach, unless it runs into the end of the horizon
    /// (or into its start when the staff member has no recorded history).
    case minConsecutiveDays(Int)
    /// Every stretch of days off between two stretches of work is at least this long.
    case minConsecutiveDaysOff(Int)
    case maxConsecutiveNights(Int)
    /// At least this long between the end of a run of night shifts and the next shift.
    case minRestAfterNights(minutes: Int)
    case maxShiftsOfType(shift: String, max: Int)
    /// `to` may not be worked on the day after `from`.
    case forbiddenSuccession(from: String, to: String)
    /// A weekend (Saturday and Sunday) counts as worked when either day is.
    case maxWeekends(Int)
    /// Work both days of a weekend or neither.
    case completeWeekends
    /// The rest after each shift is at least `rest`/`work` times its length (2:1 is work 2, rest 1).
    case workRestRatio(work: Int, rest: Int)
    case maxShiftMinutes(Int)
    /// Each 7-day period from the horizon start holds an uninterrupted rest at least this long.
    case weeklyRest(minutes: Int)
    /// A deployment (consecutive shifts away from the home site) spans at most this many days.
    case maxDeploymentDays(Int)
    /// A cyclic pattern of days, each a shift id, `-` (off) or `*` (any shift), whose first day falls
    /// on `start` (and every pattern length before and after it); nil: on each person's
    /// `rotationStart`, else on the phase that fits their roster best.
    case rotation(pattern: [String], start: LocalDate?)
    /// A named set of rules (see `RulePreset`), expanded when the problem is compiled.
    case preset(RulePreset)
}

public enum RulePreset: String, Sendable, Equatable, CaseIterable {
    /// Directive 2003/88/EC: 11 h daily rest (art. 3), 24 h + 11 h weekly rest (art. 5), at most 48 h
    /// a week on average (art. 6, reference period 17 weeks, art. 16(b)).
    case euWorkingTimeDirective = "eu-working-time-directive"
    /// Interagency Standards for Fire and Fire Aviation Operations ("Red Book"), ch. 7, and the NWCG
    /// Interagency Incident Business Management Handbook (PMS 902): shifts at most 16 h, 2:1 work to
    /// rest, assignments at most 14 days (excluding travel) followed by at least 2 days off.
    case usWildlandFire = "us-wildland-fire"
}

public struct StaffMember: Sendable, Equatable {
    public var id: String
    public var name: String
    public var skills: [String]
    public var homeSite: String
    /// Sites other than home where this person may be deployed.
    public var deployableSites: [String]
    public var contract: String
    public var unavailable: [DateRange]
    public var requests: [Request]
    public var pinned: [Pin]
    /// Shifts worked on the days just before the horizon; nil when unknown, in which case rules about
    /// stretches of work treat the start of the horizon as a boundary (as the benchmark does).
    public var history: [HistoryShift]?
    /// The date the first day of this person's rotations falls on (their crew's phase), overriding
    /// the rules' own `start`; nil: the rule's start, or the best phase.
    public var rotationStart: LocalDate?

    public init(id: String, name: String? = nil, skills: [String] = [], homeSite: String, deployableSites: [String] = [],
                contract: String, unavailable: [DateRange] = [], requests: [Request] = [], pinned: [Pin] = [],
                history: [HistoryShift]? = nil, rotationStart: LocalDate? = nil) {
        self.id = id
        self.name = name ?? id
        self.skills = skills
        self.homeSite = homeSite
        self.deployableSites = deployableSites
        self.contract = contract
        self.unavailable = unavailable
        self.requests = requests
        self.pinned = pinned
        self.history = history
        self.rotationStart = rotationStart
    }
}

public struct DateRange: Sendable, Equatable {
    public var from: LocalDate
    public var to: LocalDate

    public init(from: LocalDate, to: LocalDate) {
        self.from = from
        self.to = to
    }

    public init(_ date: LocalDate) {
        self.init(from: date, to: date)
    }
}

/// A wish to work (`on`) or not to work a shift on a date; `shift` nil means any shift (a day on or off).
public struct Request: Sendable, Equatable {
    public var date: LocalDate
    public var shift: String?
    public var on: Bool
    public var weight: Int

    public init(date: LocalDate, shift: String?, on: Bool, weight: Int) {
        self.date = date
        self.shift = shift
        self.on = on
        self.weight = weight
    }
}

/// An assignment fixed by the planner; `shift` nil pins a day off. Site defaults to home, skill to
/// the one the demand needs when only one fits.
public struct Pin: Sendable, Equatable {
    public var date: LocalDate
    public var shift: String?
    public var site: String?
    public var skill: String?

    public init(date: LocalDate, shift: String?, site: String? = nil, skill: String? = nil) {
        self.date = date
        self.shift = shift
        self.site = site
        self.skill = skill
    }
}

/// A shift worked before the horizon starts (site defaults to home).
public struct HistoryShift: Sendable, Equatable {
    public var date: LocalDate
    public var shift: String
    public var site: String?

    public init(date: LocalDate, shift: String, site: String? = nil) {
        self.date = date
        self.shift = shift
        self.site = site
    }
}

public struct Travel: Sendable, Equatable {
    public var from: String
    public var to: String
    public var minutes: Int

    public init(from: String, to: String, minutes: Int) {
        self.from = from
        self.to = to
        self.minutes = minutes
    }
}

/// Balance a measure across comparable staff: the penalty is `weight` times the sum of squared
/// deviations from the group's mean (integer arithmetic: (n·Σx² − (Σx)²) / n).
public struct FairnessGoal: Sendable, Equatable {
    public enum Measure: String, Sendable, Equatable, CaseIterable {
        case nights, weekends, hours
    }

    public var measure: Measure
    /// The staff compared: those on this contract, or everyone when nil.
    public var contract: String?
    public var weight: Int

    public init(measure: Measure, contract: String? = nil, weight: Int) {
        self.measure = measure
        self.contract = contract
        self.weight = weight
    }
}

/// Re-planning: each cell that differs from `previous` costs `weight`.
public struct Stability: Sendable, Equatable {
    public var weight: Int
    public var previous: [PreviousAssignment]

    public init(weight: Int, previous: [PreviousAssignment]) {
        self.weight = weight
        self.previous = previous
    }
}

public struct PreviousAssignment: Sendable, Equatable {
    public var staff: String
    public var date: LocalDate
    public var shift: String
    public var site: String?
    public var skill: String?

    public init(staff: String, date: LocalDate, shift: String, site: String? = nil, skill: String? = nil) {
        self.staff = staff
        self.date = date
        self.shift = shift
        self.site = site
        self.skill = skill
    }
}
