/// The contract rules of `docs/model.md`, each one family in one file of `Rules/Contract/`: its
/// name and parameters as documents write them, their validation, its compilation into
/// `CompiledRules`, its from-scratch evaluation with the planner's sentence (read from the contracts,
/// not the compiled lists), the part of the incremental scorer that follows it, what the row pricer
/// knows of it, and its heading on the page. `RuleName` lists the families in the documentation's
/// order and is the one list every consumer iterates: the document reader and writer, validation,
/// compilation, `Evaluation`, the scorer's per-person mask, the row pricer's applicability, the
/// page's headings. A `RuleKind` case without a name, or a name without a family, is a compile
/// error; a family whose example does not round-trip, whose rules are lost in compilation or whose
/// incremental part disagrees with its from-scratch evaluation fails `RuleFamilyTests` by name.
///
/// The incremental parts' code stays in `SearchState`, which owns the raw buffers they read; the
/// hot loop runs them by static dispatch on the person's mask, never through these protocols.

/// A contract rule's name in documents, explanations and JSON, in the order of `docs/model.md`.
public enum RuleName: String, CaseIterable, Sendable {
    case minRest = "min-rest"
    case maxHoursInWindow = "max-hours-in-window"
    case hoursPerPeriod = "hours-per-period"
    case shiftsPerPeriod = "shifts-per-period"
    case maxConsecutiveDays = "max-consecutive-days"
    case minConsecutiveDays = "min-consecutive-days"
    case minConsecutiveDaysOff = "min-consecutive-days-off"
    case maxConsecutiveNights = "max-consecutive-nights"
    case minRestAfterNights = "min-rest-after-nights"
    case maxShiftsOfType = "max-shifts-of-type"
    case forbiddenSuccession = "forbidden-succession"
    case maxWeekends = "max-weekends"
    case completeWeekends = "complete-weekends"
    case workRestRatio = "work-rest-ratio"
    case maxShiftHours = "max-shift-hours"
    case weeklyRest = "weekly-rest"
    case maxDeploymentDays = "max-deployment-days"
    case rotation = "rotation"

    /// The family that defines the rule.
    package var family: any ContractRuleFamily.Type {
        switch self {
        case .minRest: MinRestRule.self
        case .maxHoursInWindow: MaxMinutesInWindowRule.self
        case .hoursPerPeriod: MinutesPerPeriodRule.self
        case .shiftsPerPeriod: ShiftsPerPeriodRule.self
        case .maxConsecutiveDays: MaxConsecutiveDaysRule.self
        case .minConsecutiveDays: MinConsecutiveDaysRule.self
        case .minConsecutiveDaysOff: MinConsecutiveDaysOffRule.self
        case .maxConsecutiveNights: MaxConsecutiveNightsRule.self
        case .minRestAfterNights: MinRestAfterNightsRule.self
        case .maxShiftsOfType: MaxShiftsOfTypeRule.self
        case .forbiddenSuccession: ShiftSuccessionRule.self
        case .maxWeekends: MaxWeekendsRule.self
        case .completeWeekends: CompleteWeekendsRule.self
        case .workRestRatio: WorkRestRatioRule.self
        case .maxShiftHours: MaxShiftLengthRule.self
        case .weeklyRest: WeeklyRestRule.self
        case .maxDeploymentDays: MaxDeploymentDaysRule.self
        case .rotation: RotationRule.self
        }
    }

    /// The name of the violations this rule reports.
    public var ruleID: RuleID { RuleID(rawValue: rawValue)! }
}

extension RuleKind {
    /// The rule's name; nil for a preset, which stands for several.
    public var name: RuleName? {
        switch self {
        case .minRest: .minRest
        case .maxMinutesInWindow: .maxHoursInWindow
        case .minutesPerPeriod: .hoursPerPeriod
        case .shiftsPerPeriod: .shiftsPerPeriod
        case .maxConsecutiveDays: .maxConsecutiveDays
        case .minConsecutiveDays: .minConsecutiveDays
        case .minConsecutiveDaysOff: .minConsecutiveDaysOff
        case .maxConsecutiveNights: .maxConsecutiveNights
        case .minRestAfterNights: .minRestAfterNights
        case .maxShiftsOfType: .maxShiftsOfType
        case .forbiddenSuccession: .forbiddenSuccession
        case .maxWeekends: .maxWeekends
        case .completeWeekends: .completeWeekends
        case .workRestRatio: .workRestRatio
        case .maxShiftMinutes: .maxShiftHours
        case .weeklyRest: .weeklyRest
        case .maxDeploymentDays: .maxDeploymentDays
        case .rotation: .rotation
        case .preset: nil
        }
    }
}

/// A parameter's value: a duration in minutes (hours in documents), a whole number, a shift's id,
/// a pattern of days (shift ids, `-` and `*`; one string of words in documents) or a date.
public enum RuleValue: Sendable, Equatable {
    case minutes(Int)
    case integer(Int)
    case shift(String)
    case pattern([String])
    case date(LocalDate)

    var number: Int? {
        switch self {
        case .minutes(let n), .integer(let n): n
        case .shift, .pattern, .date: nil
        }
    }
}

/// One parameter of a contract rule, as documents write it.
public struct RuleParameter: Sendable {
    public enum Kind: Sendable { case hours, integer, shift, pattern, date }
    public let key: String
    public let kind: Kind
    public let optional: Bool
    /// The smallest and largest values allowed (minutes for hours); nil for no bound.
    public let minimum: Int?, maximum: Int?
    /// What the value is, for messages: "the window", "the period".
    public let what: String

    public init(_ key: String, _ kind: Kind, optional: Bool = false, minimum: Int? = 0, maximum: Int? = nil, what: String = "") {
        self.key = key
        self.kind = kind
        self.optional = optional
        self.minimum = kind == .hours || kind == .integer ? minimum : nil
        self.maximum = maximum
        self.what = what
    }
}

/// What the row pricers know of a rule's compiled instances (a rule folded into the cell penalties
/// is priced exactly by both, like every cell). Two programmes build a person's row day by day: the window
/// rebuild's (`WindowRebuilder`, also the dives' pricing), which keeps the benchmark's rules as hard
/// limits, and the bound's (`RowRelaxation`), which must never price a row above what the rules make
/// it cost, so it either models a rule exactly or leaves it out and says so.
package enum RowPricerSupport: Sendable {
    /// Both model its hard instances (the bound's, where its state fits; see `RowRelaxation`).
    case exact
    /// The bound's programme models it, hard and soft (the rests between consecutive days on the
    /// real clock; runs of nights and split weekends in its state); the rebuild does not run on
    /// problems that use it.
    case boundOnly
    /// Neither: the bound leaves it out (naming it in `relaxedRules`), the rebuild does not run.
    case relaxed
}

/// One contract rule family (see the file's comment).
package protocol ContractRuleFamily {
    static var name: RuleName { get }
    static var parameters: [RuleParameter] { get }
    /// The rule from its parameters' values (keys as `parameters`; optional ones may be missing).
    static func kind(_ values: [String: RuleValue]) -> RuleKind
    /// The parameters' values of a rule of this family (nil for another family's rule).
    static func values(_ kind: RuleKind) -> [String: RuleValue]?
    /// Checks beyond each parameter's bounds, as messages with their JSON path under `path`.
    static func moreErrors(_ values: [String: RuleValue], path: String) -> [String]
    /// Every breach of rules of this family by the staff members in `staff`, from scratch.
    static func evaluate(_ p: CompiledProblem, _ s: Schedule, staff: Range<Int>, into out: inout [Violation])
    static var rowPricer: RowPricerSupport { get }
    /// The list in `CompiledRules` holding this family's compiled rules, one range per staff member;
    /// nil when they are folded elsewhere (cell penalties, succession matrices).
    static var instances: WritableKeyPath<CompiledRules, RuleInstances>? { get }
    /// Compiles one rule of this family in staff member `e`'s contract.
    static func compile(_ kind: RuleKind, weight: Int32, staff e: Int, into rules: inout CompiledRules, _ context: inout RuleCompilation)
    /// Compiles what the family shares between contracts, before anyone's rules (default: nothing).
    static func compileContracts(into rules: inout CompiledRules, _ context: inout RuleCompilation)
    /// Whether compiling `kind` for `member` puts an instance in `instances` (default: whenever the
    /// family has a list); a family may fold some of its rules into the cells instead.
    static func isListed(_ kind: RuleKind, for member: StaffMember) -> Bool
    /// The part of the incremental scorer that follows this family's rules.
    static var incremental: IncrementalScoring { get }
    /// The rule's heading on the page.
    static var title: String { get }
    /// A rule of this family, for tests.
    static var example: RuleKind { get }
}

extension ContractRuleFamily {
    public static func moreErrors(_ values: [String: RuleValue], path: String) -> [String] { [] }
    public static func compileContracts(into rules: inout CompiledRules, _ context: inout RuleCompilation) {}
    public static func isListed(_ kind: RuleKind, for member: StaffMember) -> Bool { instances != nil }

    /// Appends one compiled instance to the family's list.
    static func append(_ rules: inout CompiledRules, _ a: Int, _ b: Int = 0, _ c: Int = 0, weight: Int32) {
        rules[keyPath: instances!].append(Int32(clamping: a), Int32(clamping: b), Int32(clamping: c), weight: weight)
    }
}

/// The families that take their one parameter as a duration or a count.
func one(_ values: [String: RuleValue], _ key: String) -> Int { values[key]?.number ?? 0 }
func optional(_ values: [String: RuleValue], _ key: String) -> Int? { values[key]?.number }

/// `min` and `max` of a period rule: at least one, and `min` ≤ `max`.
func periodErrors(_ v: [String: RuleValue], path: String, format: (Int) -> String) -> [String] {
    let lo = optional(v, "min"), hi = optional(v, "max")
    if lo == nil && hi == nil { return ["\(path): sets neither min nor max"] }
    if let lo, let hi, lo > hi { return ["\(path): min (\(format(lo))) is greater than max (\(format(hi)))"] }
    return []
}


extension CompiledProblem {
    /// One family's rules of the staff members in `staff` read afresh from their contracts (others
    /// have none), each as its parameter `key` (0 when it has none) and weight: the from-scratch rules
    /// judge by these rather than by the compiled lists, so that a compilation bug shows as a disagreement.
    func contractRules(_ name: RuleName, _ key: String, staff: Range<Int>) -> RuleInstances {
        var list = RuleInstances()
        for e in 0..<staffCount {
            for rule in staff.contains(e) ? contract(of: e).expandedRules : [] where rule.kind.name == name {
                list.append(Int32(clamping: name.family.values(rule.kind)?[key]?.number ?? 0), weight: rule.weight.compiled)
            }
            list.endStaff()
        }
        return list
    }
}
