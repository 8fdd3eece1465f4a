/// The contract rules of `docs/model.md`, each one family: its name and parameters as a problem
/// document writes them, their validation, the model's `RuleKind` it reads and writes, its
/// from-scratch evaluation, and what the row pricer (`WindowRebuilder`) knows of it. `RuleName` lists
/// the families in the documentation's order and is the one list every consumer iterates — the
/// document reader and writer, validation, `Evaluation`, the row pricer's applicability. Adding a
/// `RuleKind` case without a name, or a name without a family, is a compile error (exhaustive
/// switches below); a family whose example does not round-trip fails `RuleFamilyTests`.
///
/// Compiling into `CompiledRules` and the incremental delta stay in `CompiledRules` and
/// `SearchState`, whose exhaustive switches and flat arrays keep the inner loop free of dynamic
/// dispatch.

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

    /// The family that defines the rule.
    public var family: any ContractRuleFamily.Type {
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
        case .preset: nil
        }
    }
}

/// A parameter's value: a duration in minutes (hours in documents), a whole number, or a shift's id.
public enum RuleValue: Sendable, Equatable {
    case minutes(Int)
    case integer(Int)
    case shift(String)

    var number: Int? {
        switch self {
        case .minutes(let n), .integer(let n): n
        case .shift: nil
        }
    }
}

/// One parameter of a contract rule, as documents write it.
public struct RuleParameter: Sendable {
    public enum Kind: Sendable { case hours, integer, shift }
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
        self.minimum = kind == .shift ? nil : minimum
        self.maximum = maximum
        self.what = what
    }
}

/// How the row pricer (`WindowRebuilder`) treats a rule: models it exactly, or cannot build rows under
/// it (the pricer then does not run on problems that use it).
public enum RowPricerSupport: Sendable {
    case exact
    case unmodelled
}

/// One contract rule family (see the file's comment).
public protocol ContractRuleFamily {
    static var name: RuleName { get }
    static var parameters: [RuleParameter] { get }
    /// The rule from its parameters' values (keys as `parameters`; optional ones may be missing).
    static func kind(_ values: [String: RuleValue]) -> RuleKind
    /// The parameters' values of a rule of this family (nil for another family's rule).
    static func values(_ kind: RuleKind) -> [String: RuleValue]?
    /// Checks beyond each parameter's bounds, as messages with their JSON path under `path`.
    static func moreErrors(_ values: [String: RuleValue], path: String) -> [String]
    /// Every breach of rules of this family in a roster, from scratch.
    static func evaluate(_ p: CompiledProblem, _ s: Schedule, into out: inout [Violation])
    static var rowPricer: RowPricerSupport { get }
    /// A rule of this family, for tests.
    static var example: RuleKind { get }
}

extension ContractRuleFamily {
    public static func moreErrors(_ values: [String: RuleValue], path: String) -> [String] { [] }
}

/// The families that take their one parameter as a duration or a count.
private func one(_ values: [String: RuleValue], _ key: String) -> Int { values[key]?.number ?? 0 }
private func optional(_ values: [String: RuleValue], _ key: String) -> Int? { values[key]?.number }

extension MinRestRule: ContractRuleFamily {
    public static let name = RuleName.minRest
    public static let parameters = [RuleParameter("hours", .hours)]
    public static func kind(_ v: [String: RuleValue]) -> RuleKind { .minRest(minutes: one(v, "hours")) }
    public static func values(_ kind: RuleKind) -> [String: RuleValue]? {
        if case .minRest(let m) = kind { return ["hours": .minutes(m)] }
        return nil
    }
    public static let rowPricer = RowPricerSupport.unmodelled
    public static let example = RuleKind.minRest(minutes: 660)
}

extension MaxMinutesInWindowRule: ContractRuleFamily {
    public static let name = RuleName.maxHoursInWindow
    public static let parameters = [RuleParameter("days", .integer, minimum: 1, what: "the window"), RuleParameter("hours", .hours)]
    public static func kind(_ v: [String: RuleValue]) -> RuleKind { .maxMinutesInWindow(days: one(v, "days"), minutes: one(v, "hours")) }
    public static func values(_ kind: RuleKind) -> [String: RuleValue]? {
        if case .maxMinutesInWindow(let days, let m) = kind { return ["days": .integer(days), "hours": .minutes(m)] }
        return nil
    }
    public static let rowPricer = RowPricerSupport.unmodelled
    public static let example = RuleKind.maxMinutesInWindow(days: 7, minutes: 3600)
}

/// `min` and `max` of a period rule: at least one, and `min` ≤ `max`.
private func periodErrors(_ v: [String: RuleValue], path: String, format: (Int) -> String) -> [String] {
    let lo = optional(v, "min"), hi = optional(v, "max")
    if lo == nil && hi == nil { return ["\(path): sets neither min nor max"] }
    if let lo, let hi, lo > hi { return ["\(path): min (\(format(lo))) is greater than max (\(format(hi)))"] }
    return []
}

extension MinutesPerPeriodRule: ContractRuleFamily {
    public static let name = RuleName.hoursPerPeriod
    public static let parameters = [RuleParameter("periodDays", .integer, optional: true, minimum: 1, what: "the period"),
                                    RuleParameter("min", .hours, optional: true), RuleParameter("max", .hours, optional: true)]
    public static func kind(_ v: [String: RuleValue]) -> RuleKind {
        .minutesPerPeriod(periodDays: optional(v, "periodDays"), min: optional(v, "min"), max: optional(v, "max"))
    }
    public static func values(_ kind: RuleKind) -> [String: RuleValue]? {
        guard case .minutesPerPeriod(let p, let lo, let hi) = kind else { return nil }
        return ["periodDays": p.map(RuleValue.integer), "min": lo.map(RuleValue.minutes), "max": hi.map(RuleValue.minutes)].compactMapValues { $0 }
    }
    public static func moreErrors(_ v: [String: RuleValue], path: String) -> [String] { periodErrors(v, path: path, format: hours) }
    public static func evaluate(_ p: CompiledProblem, _ s: Schedule, into out: inout [Violation]) {
        PeriodTotalRule.evaluate(p, s, minutes: true, into: &out)
    }
    /// Modelled exactly when the period is the horizon (hard bounds on the row's minutes).
    public static let rowPricer = RowPricerSupport.exact
    public static let example = RuleKind.minutesPerPeriod(periodDays: 7, min: 1800, max: 2880)
}

extension ShiftsPerPeriodRule: ContractRuleFamily {
    public static let name = RuleName.shiftsPerPeriod
    public static let parameters = [RuleParameter("periodDays", .integer, optional: true, minimum: 1, what: "the period"),
                                    RuleParameter("min", .integer, optional: true), RuleParameter("max", .integer, optional: true)]
    public static func kind(_ v: [String: RuleValue]) -> RuleKind {
        .shiftsPerPeriod(periodDays: optional(v, "periodDays"), min: optional(v, "min"), max: optional(v, "max"))
    }
    public static func values(_ kind: RuleKind) -> [String: RuleValue]? {
        guard case .shiftsPerPeriod(let p, let lo, let hi) = kind else { return nil }
        return ["periodDays": p.map(RuleValue.integer), "min": lo.map(RuleValue.integer), "max": hi.map(RuleValue.integer)].compactMapValues { $0 }
    }
    public static func moreErrors(_ v: [String: RuleValue], path: String) -> [String] { periodErrors(v, path: path, format: String.init) }
    public static func evaluate(_ p: CompiledProblem, _ s: Schedule, into out: inout [Violation]) {
        PeriodTotalRule.evaluate(p, s, minutes: false, into: &out)
    }
    public static let rowPricer = RowPricerSupport.unmodelled
    public static let example = RuleKind.shiftsPerPeriod(periodDays: 7, min: 3, max: 5)
}

extension MaxConsecutiveDaysRule: ContractRuleFamily {
    public static let name = RuleName.maxConsecutiveDays
    public static let parameters = [RuleParameter("days", .integer)]
    public static func kind(_ v: [String: RuleValue]) -> RuleKind { .maxConsecutiveDays(one(v, "days")) }
    public static func values(_ kind: RuleKind) -> [String: RuleValue]? {
        if case .maxConsecutiveDays(let n) = kind { return ["days": .integer(n)] }
        return nil
    }
    public static let rowPricer = RowPricerSupport.exact
    public static let example = RuleKind.maxConsecutiveDays(5)
}

extension MinConsecutiveDaysRule: ContractRuleFamily {
    public static let name = RuleName.minConsecutiveDays
    public static let parameters = [RuleParameter("days", .integer)]
    public static func kind(_ v: [String: RuleValue]) -> RuleKind { .minConsecutiveDays(one(v, "days")) }
    public static func values(_ kind: RuleKind) -> [String: RuleValue]? {
        if case .minConsecutiveDays(let n) = kind { return ["days": .integer(n)] }
        return nil
    }
    public static let rowPricer = RowPricerSupport.exact
    public static let example = RuleKind.minConsecutiveDays(2)
}

extension MinConsecutiveDaysOffRule: ContractRuleFamily {
    public static let name = RuleName.minConsecutiveDaysOff
    public static let parameters = [RuleParameter("days", .integer)]
    public static func kind(_ v: [String: RuleValue]) -> RuleKind { .minConsecutiveDaysOff(one(v, "days")) }
    public static func values(_ kind: RuleKind) -> [String: RuleValue]? {
        if case .minConsecutiveDaysOff(let n) = kind { return ["days": .integer(n)] }
        return nil
    }
    public static let rowPricer = RowPricerSupport.exact
    public static let example = RuleKind.minConsecutiveDaysOff(2)
}

extension MaxConsecutiveNightsRule: ContractRuleFamily {
    public static let name = RuleName.maxConsecutiveNights
    public static let parameters = [RuleParameter("nights", .integer)]
    public static func kind(_ v: [String: RuleValue]) -> RuleKind { .maxConsecutiveNights(one(v, "nights")) }
    public static func values(_ kind: RuleKind) -> [String: RuleValue]? {
        if case .maxConsecutiveNights(let n) = kind { return ["nights": .integer(n)] }
        return nil
    }
    public static let rowPricer = RowPricerSupport.unmodelled
    public static let example = RuleKind.maxConsecutiveNights(4)
}

extension MinRestAfterNightsRule: ContractRuleFamily {
    public static let name = RuleName.minRestAfterNights
    public static let parameters = [RuleParameter("hours", .hours)]
    public static func kind(_ v: [String: RuleValue]) -> RuleKind { .minRestAfterNights(minutes: one(v, "hours")) }
    public static func values(_ kind: RuleKind) -> [String: RuleValue]? {
        if case .minRestAfterNights(let m) = kind { return ["hours": .minutes(m)] }
        return nil
    }
    public static let rowPricer = RowPricerSupport.unmodelled
    public static let example = RuleKind.minRestAfterNights(minutes: 2760)
}

extension MaxShiftsOfTypeRule: ContractRuleFamily {
    public static let name = RuleName.maxShiftsOfType
    public static let parameters = [RuleParameter("shift", .shift), RuleParameter("max", .integer)]
    public static func kind(_ v: [String: RuleValue]) -> RuleKind {
        guard case .shift(let shift) = v["shift"] else { return .maxShiftsOfType(shift: "", max: one(v, "max")) }
        return .maxShiftsOfType(shift: shift, max: one(v, "max"))
    }
    public static func values(_ kind: RuleKind) -> [String: RuleValue]? {
        if case .maxShiftsOfType(let shift, let max) = kind { return ["shift": .shift(shift), "max": .integer(max)] }
        return nil
    }
    public static let rowPricer = RowPricerSupport.exact
    public static let example = RuleKind.maxShiftsOfType(shift: "night", max: 3)
}

extension ShiftSuccessionRule: ContractRuleFamily {
    public static let name = RuleName.forbiddenSuccession
    public static let parameters = [RuleParameter("from", .shift), RuleParameter("to", .shift)]
    public static func kind(_ v: [String: RuleValue]) -> RuleKind {
        var from = "", to = ""
        if case .shift(let f) = v["from"] { from = f }
        if case .shift(let t) = v["to"] { to = t }
        return .forbiddenSuccession(from: from, to: to)
    }
    public static func values(_ kind: RuleKind) -> [String: RuleValue]? {
        if case .forbiddenSuccession(let from, let to) = kind { return ["from": .shift(from), "to": .shift(to)] }
        return nil
    }
    public static let rowPricer = RowPricerSupport.exact
    public static let example = RuleKind.forbiddenSuccession(from: "night", to: "day")
}

extension MaxWeekendsRule: ContractRuleFamily {
    public static let name = RuleName.maxWeekends
    public static let parameters = [RuleParameter("weekends", .integer)]
    public static func kind(_ v: [String: RuleValue]) -> RuleKind { .maxWeekends(one(v, "weekends")) }
    public static func values(_ kind: RuleKind) -> [String: RuleValue]? {
        if case .maxWeekends(let n) = kind { return ["weekends": .integer(n)] }
        return nil
    }
    public static let rowPricer = RowPricerSupport.exact
    public static let example = RuleKind.maxWeekends(2)
}

extension CompleteWeekendsRule: ContractRuleFamily {
    public static let name = RuleName.completeWeekends
    public static let parameters: [RuleParameter] = []
    public static func kind(_ v: [String: RuleValue]) -> RuleKind { .completeWeekends }
    public static func values(_ kind: RuleKind) -> [String: RuleValue]? { kind == .completeWeekends ? [:] : nil }
    public static let rowPricer = RowPricerSupport.unmodelled
    public static let example = RuleKind.completeWeekends
}

extension WorkRestRatioRule: ContractRuleFamily {
    public static let name = RuleName.workRestRatio
    public static let parameters = [RuleParameter("work", .integer, minimum: 1, what: "the work part of the ratio"),
                                    RuleParameter("rest", .integer, minimum: 1, what: "the rest part of the ratio")]
    public static func kind(_ v: [String: RuleValue]) -> RuleKind { .workRestRatio(work: one(v, "work"), rest: one(v, "rest")) }
    public static func values(_ kind: RuleKind) -> [String: RuleValue]? {
        if case .workRestRatio(let work, let rest) = kind { return ["work": .integer(work), "rest": .integer(rest)] }
        return nil
    }
    public static let rowPricer = RowPricerSupport.unmodelled
    public static let example = RuleKind.workRestRatio(work: 2, rest: 1)
}

extension MaxShiftLengthRule: ContractRuleFamily {
    public static let name = RuleName.maxShiftHours
    public static let parameters = [RuleParameter("hours", .hours, minimum: 1)]
    public static func kind(_ v: [String: RuleValue]) -> RuleKind { .maxShiftMinutes(one(v, "hours")) }
    public static func values(_ kind: RuleKind) -> [String: RuleValue]? {
        if case .maxShiftMinutes(let m) = kind { return ["hours": .minutes(m)] }
        return nil
    }
    /// A cell penalty, which the pricer prices like every cell's.
    public static let rowPricer = RowPricerSupport.exact
    public static let example = RuleKind.maxShiftMinutes(960)
}

extension WeeklyRestRule: ContractRuleFamily {
    public static let name = RuleName.weeklyRest
    public static let parameters = [RuleParameter("hours", .hours, maximum: 7 * 24 * 60, what: "a rest in each 7 days")]
    public static func kind(_ v: [String: RuleValue]) -> RuleKind { .weeklyRest(minutes: one(v, "hours")) }
    public static func values(_ kind: RuleKind) -> [String: RuleValue]? {
        if case .weeklyRest(let m) = kind { return ["hours": .minutes(m)] }
        return nil
    }
    public static let rowPricer = RowPricerSupport.unmodelled
    public static let example = RuleKind.weeklyRest(minutes: 2100)
}

extension MaxDeploymentDaysRule: ContractRuleFamily {
    public static let name = RuleName.maxDeploymentDays
    public static let parameters = [RuleParameter("days", .integer, minimum: 1, what: "a deployment limit")]
    public static func kind(_ v: [String: RuleValue]) -> RuleKind { .maxDeploymentDays(one(v, "days")) }
    public static func values(_ kind: RuleKind) -> [String: RuleValue]? {
        if case .maxDeploymentDays(let n) = kind { return ["days": .integer(n)] }
        return nil
    }
    public static let rowPricer = RowPricerSupport.unmodelled
    public static let example = RuleKind.maxDeploymentDays(14)
}
