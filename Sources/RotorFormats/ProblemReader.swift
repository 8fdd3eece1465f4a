import RotorCore

/// Turns a document tree into a `Problem`, collecting every shape error instead of stopping at the first.
///
/// Each `read…` function returns nil when the value is missing or wrong (having reported why), and reading
/// goes on to find the next mistake. A wrong optional value falls back to its default, and a broken element
/// is left out, which is harmless: the problem is only used when no error was found at all.
final class ProblemReader {
    let file: String
    private(set) var errors: [FormatError] = []
    /// The line of every path read, so that semantic errors found later on the model can point into the file.
    private var lines: [String: Int] = [:]

    init(file: String) {
        self.file = file
    }

    /// The line of the longest path that starts `message` and was read from the file.
    func line(ofMessage message: String) -> Int? {
        guard message.hasPrefix("$"), let end = message.range(of: ": ") else { return nil }
        var path = String(message[..<end.lowerBound])
        while !path.isEmpty {
            if let line = lines[path] { return line }
            guard let cut = path.lastIndex(where: { $0 == "." || $0 == "[" }) else { return nil }
            path = String(path[..<cut])
        }
        return nil
    }

    private func report(_ node: DocumentNode?, _ path: String, _ message: String) {
        errors.append(FormatError(file: file, line: node?.line ?? lines[path], message: "\(path): \(message)"))
    }

    private func expected(_ what: String, _ node: DocumentNode, _ path: String) {
        report(node, path, "expected \(what), found \(node.foundDescription)")
    }

    // MARK: - Objects

    /// The members of an object whose keys were checked against the allowed ones.
    struct Fields {
        let path: String
        let line: Int?
        let members: [String: DocumentNode]
        let optional: Set<String>

        func path(_ key: String) -> String { ProblemReader.path(path, key) }
    }

    static func path(_ parent: String, _ key: String) -> String {
        let plain = key.first.map { $0.isLetter || $0 == "_" } == true
            && key.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }
        return plain ? "\(parent).\(key)" : "\(parent)[\"\(key)\"]"
    }

    /// The object's fields, reporting a value that is not an object, each unknown key and each missing required one.
    private func fields(_ node: DocumentNode, _ path: String, required: [String], optional: [String]) -> Fields? {
        lines[path] = node.line
        guard case .object(let members) = node.value else {
            let keys = (required + optional).joined(separator: ", ")
            expected(keys.isEmpty ? "an object" : "an object with keys \(keys)", node, path)
            return nil
        }
        let allowed = required + optional
        var byKey: [String: DocumentNode] = [:]
        for (key, value) in members {
            if allowed.contains(key) {
                byKey[key] = value
            } else {
                report(value, Self.path(path, key), "unknown key \"\(key)\"; expected one of \(allowed.joined(separator: ", "))")
            }
        }
        for key in required where byKey[key] == nil {
            report(node, path, "missing key \"\(key)\"")
        }
        return Fields(path: path, line: node.line, members: byKey, optional: Set(optional))
    }

    /// The value under `key` read by `read`; nil when absent (or null, for an optional key) or wrong.
    private func read<T>(_ fields: Fields, _ key: String, _ read: (DocumentNode, String) -> T?) -> T? {
        guard let node = fields.members[key] else { return nil }
        if case .null = node.value, fields.optional.contains(key) { return nil }
        return read(node, fields.path(key))
    }

    // MARK: - Scalars

    private func string(_ node: DocumentNode, _ path: String) -> String? {
        lines[path] = node.line
        guard case .string(let text) = node.value else { expected("a string", node, path); return nil }
        return text
    }

    /// A rotation's days: one string of words separated by spaces (`"D D N N - - - -"`).
    private func pattern(_ node: DocumentNode, _ path: String) -> [String]? {
        lines[path] = node.line
        guard case .string(let text) = node.value else { expected("a pattern of days such as \"D D N N - - - -\"", node, path); return nil }
        return text.split(whereSeparator: \.isWhitespace).map(String.init)
    }

    /// An identifier: a non-empty string.
    private func identifier(_ node: DocumentNode, _ path: String) -> String? {
        guard let text = string(node, path) else { return nil }
        guard !text.isEmpty else { report(node, path, "expected an identifier, found an empty string"); return nil }
        return text
    }

    private func integer(_ node: DocumentNode, _ path: String) -> Int? {
        lines[path] = node.line
        guard case .number(let number, _) = node.value, number == number.rounded(),
              abs(number) < 1e15 else { expected("a whole number", node, path); return nil }
        return Int(number)
    }

    private func nonNegativeInteger(_ node: DocumentNode, _ path: String) -> Int? {
        guard let number = integer(node, path) else { return nil }
        guard number >= 0 else { expected("a whole number ≥ 0", node, path); return nil }
        return number
    }

    private func bool(_ node: DocumentNode, _ path: String) -> Bool? {
        lines[path] = node.line
        guard case .bool(let flag) = node.value else { expected("true or false", node, path); return nil }
        return flag
    }

    /// Hours in the document, whole minutes in the model: 9.5 is 570 minutes, 8.33 (499.8 minutes) is refused.
    private func minutes(_ node: DocumentNode, _ path: String) -> Int? {
        lines[path] = node.line
        guard case .number(let hours, _) = node.value, abs(hours) < 1e9 else {
            expected("a number of hours", node, path)
            return nil
        }
        let minutes = hours * 60
        guard abs(minutes - minutes.rounded()) < 1e-6 else {
            expected("hours that make whole minutes (such as 8, 9.5 or 7.75)", node, path)
            return nil
        }
        return Int(minutes.rounded())
    }

    private func date(_ node: DocumentNode, _ path: String) -> LocalDate? {
        lines[path] = node.line
        guard case .string(let text) = node.value, let date = LocalDate(text) else {
            expected("a date \"YYYY-MM-DD\"", node, path)
            return nil
        }
        return date
    }

    /// `"HH:MM"` on the 24-hour clock, as minutes after midnight.
    private func timeOfDay(_ node: DocumentNode, _ path: String) -> Int? {
        lines[path] = node.line
        let what = "a time of day \"HH:MM\" from 00:00 to 23:59"
        guard case .string(let text) = node.value else { expected(what, node, path); return nil }
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, (1...2).contains(parts[0].count), parts[1].count == 2,
              parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let hour = Int(parts[0]), let minute = Int(parts[1]), hour < 24, minute < 60
        else { expected(what, node, path); return nil }
        return hour * 60 + minute
    }

    /// `"hard"` or a non-negative whole number.
    private func weight(_ node: DocumentNode, _ path: String) -> Weight? {
        lines[path] = node.line
        if case .string("hard") = node.value { return .hard }
        if case .number(let number, _) = node.value, number >= 0, number == number.rounded(), number < 1e15 {
            return .soft(Int(number))
        }
        expected("\"hard\" or a whole number ≥ 0", node, path)
        return nil
    }

    private func oneOf<T: RawRepresentable>(_ cases: [T], _ node: DocumentNode, _ path: String) -> T? where T.RawValue == String {
        lines[path] = node.line
        if case .string(let text) = node.value, let value = cases.first(where: { $0.rawValue == text }) { return value }
        expected("one of " + cases.map { "\"\($0.rawValue)\"" }.joined(separator: ", "), node, path)
        return nil
    }

    // MARK: - Lists

    /// The elements that could be read; nil when the value is not a list. A wrong element is left out after
    /// its error is reported.
    private func list<T>(_ node: DocumentNode, _ path: String, _ element: (DocumentNode, String) -> T?) -> [T]? {
        lines[path] = node.line
        guard case .array(let nodes) = node.value else { expected("a list", node, path); return nil }
        return nodes.enumerated().compactMap { element($1, "\(path)[\($0)]") }
    }

    private func identifiers(_ node: DocumentNode, _ path: String) -> [String]? {
        list(node, path, identifier)
    }

    // MARK: - The document

    func problem(_ node: DocumentNode, defaultName: String) -> Problem? {
        guard let f = fields(node, "$",
            required: ["horizon", "sites", "shifts", "contracts", "staff", "demand"],
            optional: ["name", "skills", "travel", "fairness", "stability", "crews"]) else { return nil }
        let name = read(f, "name", string) ?? defaultName
        let horizon = read(f, "horizon", horizon)
        let sites = read(f, "sites") { list($0, $1, site) }
        let skills = read(f, "skills") { list($0, $1, skill) } ?? []
        let shiftTypes = read(f, "shifts") { list($0, $1, shiftType) }
        let contracts = read(f, "contracts") { list($0, $1, contract) }
        let staff = read(f, "staff") { list($0, $1, staffMember) }
        let demand = read(f, "demand") { list($0, $1, self.demand) }
        let travel = read(f, "travel") { list($0, $1, self.travel) } ?? []
        let fairness = read(f, "fairness") { list($0, $1, fairnessGoal) } ?? []
        let stability = read(f, "stability", stability)
        let crews = read(f, "crews") { list($0, $1, crew) } ?? []
        guard let horizon, let sites, let shiftTypes, let contracts, let staff, let demand else { return nil }
        return Problem(name: name, horizon: horizon, sites: sites, skills: skills, shiftTypes: shiftTypes,
                       contracts: contracts, staff: staff, demand: demand, travel: travel, fairness: fairness,
                       stability: stability, crews: crews)
    }

    private func horizon(_ node: DocumentNode, _ path: String) -> Horizon? {
        guard let f = fields(node, path, required: ["start", "days", "timeZone"], optional: []) else { return nil }
        guard let start = read(f, "start", date), let days = read(f, "days", integer),
              let timeZone = read(f, "timeZone", identifier) else { return nil }
        return Horizon(start: start, days: days, timeZone: timeZone)
    }

    /// A site or skill is an object, or just its identifier when its name is the same.
    private func site(_ node: DocumentNode, _ path: String) -> Site? {
        if case .string = node.value { return identifier(node, path).map { Site(id: $0) } }
        guard case .object = node.value else { expected("a site id or an object with keys id, name, timeZone", node, path); return nil }
        guard let f = fields(node, path, required: ["id"], optional: ["name", "timeZone"]) else { return nil }
        let name = read(f, "name", string)
        let timeZone = read(f, "timeZone", identifier)
        guard let id = read(f, "id", identifier) else { return nil }
        return Site(id: id, name: name, timeZone: timeZone)
    }

    private func skill(_ node: DocumentNode, _ path: String) -> Skill? {
        if case .string = node.value { return identifier(node, path).map { Skill(id: $0) } }
        guard case .object = node.value else { expected("a skill id or an object with keys id, name", node, path); return nil }
        guard let f = fields(node, path, required: ["id"], optional: ["name"]) else { return nil }
        let name = read(f, "name", string)
        guard let id = read(f, "id", identifier) else { return nil }
        return Skill(id: id, name: name)
    }

    private func shiftType(_ node: DocumentNode, _ path: String) -> ShiftType? {
        guard let f = fields(node, path, required: ["id", "start", "hours"], optional: ["name", "tags"]) else { return nil }
        let name = read(f, "name", string)
        let tags = read(f, "tags", identifiers) ?? []
        guard let id = read(f, "id", identifier), let start = read(f, "start", timeOfDay),
              let minutes = read(f, "hours", minutes) else { return nil }
        return ShiftType(id: id, name: name, startMinute: start, minutes: minutes, tags: tags)
    }

    private func contract(_ node: DocumentNode, _ path: String) -> Contract? {
        guard let f = fields(node, path, required: ["id", "rules"], optional: []) else { return nil }
        let rules = read(f, "rules") { list($0, $1, rule) }
        guard let id = read(f, "id", identifier), let rules else { return nil }
        return Contract(id: id, rules: rules)
    }

    private func rule(_ node: DocumentNode, _ path: String) -> ContractRule? {
        guard case .object(let members) = node.value else {
            expected("a rule such as {\"rule\": \"min-rest\", \"hours\": 11} or {\"preset\": …}", node, path)
            return nil
        }
        if members.contains(where: { $0.key == "preset" }) {
            guard let f = fields(node, path, required: ["preset"], optional: ["weight"]) else { return nil }
            let weight = read(f, "weight", weight) ?? .hard
            return read(f, "preset") { oneOf(RulePreset.allCases, $0, $1) }.map { ContractRule(.preset($0), weight) }
        }
        guard let nameNode = members.first(where: { $0.key == "rule" })?.node else {
            report(node, path, "missing key \"rule\" (or \"preset\")")
            return nil
        }
        guard let name = oneOf(RuleName.allCases, nameNode, path + ".rule") else { return nil }
        let family = name.family
        guard let f = fields(node, path, required: ["rule"] + family.parameters.filter { !$0.optional }.map(\.key),
                             optional: family.parameters.filter(\.optional).map(\.key) + ["weight"])
        else { return nil }
        let weight = read(f, "weight", weight) ?? .hard
        var values: [String: RuleValue] = [:], complete = true
        for parameter in family.parameters {
            let value: RuleValue? = switch parameter.kind {
            case .hours: read(f, parameter.key, minutes).map(RuleValue.minutes)
            case .integer: read(f, parameter.key, integer).map(RuleValue.integer)
            case .shift: read(f, parameter.key, identifier).map(RuleValue.shift)
            case .pattern: read(f, parameter.key, pattern).map(RuleValue.pattern)
            case .date: read(f, parameter.key, date).map(RuleValue.date)
            }
            if let value { values[parameter.key] = value } else if !parameter.optional { complete = false }
        }
        let kind: RuleKind? = complete ? family.kind(values) : nil
        return kind.map { ContractRule($0, weight) }
    }

    private func staffMember(_ node: DocumentNode, _ path: String) -> StaffMember? {
        guard let f = fields(node, path, required: ["id", "homeSite", "contract"], optional: [
            "name", "skills", "deployableSites", "unavailable", "requests", "pinned", "history", "rotationStart",
        ]) else { return nil }
        let name = read(f, "name", string)
        let skills = read(f, "skills", identifiers) ?? []
        let deployableSites = read(f, "deployableSites", identifiers) ?? []
        let unavailable = read(f, "unavailable") { list($0, $1, dateRange) } ?? []
        let requests = read(f, "requests") { list($0, $1, request) } ?? []
        let pinned = read(f, "pinned") { list($0, $1, pin) } ?? []
        let history = read(f, "history") { list($0, $1, historyShift) }
        let rotationStart = read(f, "rotationStart", date)
        guard let id = read(f, "id", identifier), let homeSite = read(f, "homeSite", identifier),
              let contract = read(f, "contract", identifier) else { return nil }
        return StaffMember(id: id, name: name, skills: skills, homeSite: homeSite, deployableSites: deployableSites,
                           contract: contract, unavailable: unavailable, requests: requests, pinned: pinned,
                           history: history, rotationStart: rotationStart)
    }

    /// A single date, or `{from, to}` inclusive.
    private func dateRange(_ node: DocumentNode, _ path: String) -> DateRange? {
        if case .string = node.value { return date(node, path).map { DateRange($0) } }
        guard case .object = node.value else { expected("a date \"YYYY-MM-DD\" or {from, to}", node, path); return nil }
        guard let f = fields(node, path, required: ["from", "to"], optional: []) else { return nil }
        let from = read(f, "from", date), to = read(f, "to", date)
        guard let from, let to else { return nil }
        return DateRange(from: from, to: to)
    }

    private func request(_ node: DocumentNode, _ path: String) -> Request? {
        guard let f = fields(node, path, required: ["date", "want"], optional: ["shift", "weight"]) else { return nil }
        let shift = read(f, "shift", identifier)
        let weight = read(f, "weight", nonNegativeInteger) ?? 1
        let want = read(f, "want") { node, path -> Bool? in
            lines[path] = node.line
            switch node.value {
            case .string("on"): return true
            case .string("off"): return false
            default: expected("\"on\" or \"off\"", node, path); return nil
            }
        }
        guard let date = read(f, "date", date), let want else { return nil }
        return Request(date: date, shift: shift, on: want, weight: weight)
    }

    private func pin(_ node: DocumentNode, _ path: String) -> Pin? {
        guard let f = fields(node, path, required: ["date"], optional: ["shift", "site", "skill"]) else { return nil }
        let shift = read(f, "shift", identifier), site = read(f, "site", identifier), skill = read(f, "skill", identifier)
        guard let date = read(f, "date", date) else { return nil }
        return Pin(date: date, shift: shift, site: site, skill: skill)
    }

    private func historyShift(_ node: DocumentNode, _ path: String) -> HistoryShift? {
        guard let f = fields(node, path, required: ["date", "shift"], optional: ["site"]) else { return nil }
        let site = read(f, "site", identifier)
        guard let date = read(f, "date", date), let shift = read(f, "shift", identifier) else { return nil }
        return HistoryShift(date: date, shift: shift, site: site)
    }

    private func demand(_ node: DocumentNode, _ path: String) -> Demand? {
        guard let f = fields(node, path, required: ["site", "shift", "minimum"], optional: [
            "skill", "days", "minimumWeight", "preferred", "preferredWeight", "maximum", "overWeight",
        ]) else { return nil }
        let skill = read(f, "skill", identifier)
        let days = read(f, "days", daySelector) ?? .everyDay
        let minimumWeight = read(f, "minimumWeight", weight) ?? .hard
        let preferred = read(f, "preferred", integer)
        let preferredWeight = read(f, "preferredWeight", nonNegativeInteger) ?? 0
        let maximum = read(f, "maximum", integer)
        let overWeight = read(f, "overWeight", nonNegativeInteger) ?? 0
        guard let site = read(f, "site", identifier), let shift = read(f, "shift", identifier),
              let minimum = read(f, "minimum", integer) else { return nil }
        return Demand(site: site, shift: shift, skill: skill, days: days, minimum: minimum, minimumWeight: minimumWeight,
                      preferred: preferred, preferredWeight: preferredWeight, maximum: maximum, overWeight: overWeight)
    }

    static let weekdayNames = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
    private static let fullWeekdayNames = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]

    /// `"every-day"`, a list of dates, a list of weekday names, or `{from, to}`.
    private func daySelector(_ node: DocumentNode, _ path: String) -> DaySelector? {
        lines[path] = node.line
        let what = "\"every-day\", a list of dates, a list of weekdays (\"mon\" … \"sun\") or {from, to}"
        switch node.value {
        case .string("every-day"): return .everyDay
        case .object:
            guard let f = fields(node, path, required: ["from", "to"], optional: []) else { return nil }
            let from = read(f, "from", date), to = read(f, "to", date)
            guard let from, let to else { return nil }
            return .range(from: from, to: to)
        case .array(let elements):
            guard let first = elements.first else { return .dates([]) }
            if case .string(let text) = first.value, LocalDate(text) != nil {
                return list(node, path, date).map { .dates($0) }
            }
            return list(node, path, weekday).map { .weekdays($0) }
        default:
            expected(what, node, path)
            return nil
        }
    }

    /// An ISO weekday number from `"mon"` or `"monday"`, in any case.
    private func weekday(_ node: DocumentNode, _ path: String) -> Int? {
        lines[path] = node.line
        if case .string(let text) = node.value {
            let name = text.lowercased()
            if let index = Self.weekdayNames.firstIndex(of: name) ?? Self.fullWeekdayNames.firstIndex(of: name) {
                return index + 1
            }
        }
        expected("a weekday (\"mon\", \"tue\", \"wed\", \"thu\", \"fri\", \"sat\", \"sun\") like the first element", node, path)
        return nil
    }

    private func travel(_ node: DocumentNode, _ path: String) -> Travel? {
        guard let f = fields(node, path, required: ["from", "to", "hours"], optional: []) else { return nil }
        let from = read(f, "from", identifier), to = read(f, "to", identifier), minutes = read(f, "hours", minutes)
        guard let from, let to, let minutes else { return nil }
        return Travel(from: from, to: to, minutes: minutes)
    }

    private func fairnessGoal(_ node: DocumentNode, _ path: String) -> FairnessGoal? {
        guard let f = fields(node, path, required: ["measure", "weight"], optional: ["contract"]) else { return nil }
        let measure = read(f, "measure") { oneOf(FairnessGoal.Measure.allCases, $0, $1) }
        let contract = read(f, "contract", identifier)
        let weight = read(f, "weight", nonNegativeInteger)
        guard let measure, let weight else { return nil }
        return FairnessGoal(measure: measure, contract: contract, weight: weight)
    }

    private func crew(_ node: DocumentNode, _ path: String) -> Crew? {
        guard let f = fields(node, path, required: ["id", "members"], optional: ["apart", "weight"]) else { return nil }
        let id = read(f, "id", identifier), members = read(f, "members", identifiers)
        let apart = read(f, "apart", bool) ?? false
        let weight = read(f, "weight", weight) ?? .hard
        guard let id, let members else { return nil }
        return Crew(id: id, members: members, apart: apart, weight: weight)
    }

    private func stability(_ node: DocumentNode, _ path: String) -> Stability? {
        guard let f = fields(node, path, required: ["weight", "previous"], optional: []) else { return nil }
        let weight = read(f, "weight", nonNegativeInteger)
        let previous = read(f, "previous") { list($0, $1, previousAssignment) }
        guard let weight, let previous else { return nil }
        return Stability(weight: weight, previous: previous)
    }

    private func previousAssignment(_ node: DocumentNode, _ path: String) -> PreviousAssignment? {
        guard let f = fields(node, path, required: ["staff", "date", "shift"], optional: ["site", "skill"]) else { return nil }
        let site = read(f, "site", identifier), skill = read(f, "skill", identifier)
        let staff = read(f, "staff", identifier), date = read(f, "date", date), shift = read(f, "shift", identifier)
        guard let staff, let date, let shift else { return nil }
        return PreviousAssignment(staff: staff, date: date, shift: shift, site: site, skill: skill)
    }
}
