import RotorCore

extension ProblemDocument {
    /// The problem as pretty JSON that `parse` reads back to an equal `Problem`. Keys come in the order of
    /// `docs/model.md` (identifiers first), values equal to their defaults are left out, and small objects and
    /// lists of plain values are kept on one line so that a roster of rules or staff stays readable.
    public static func write(_ problem: Problem) -> String {
        render(problemValue(problem), indent: "") + "\n"
    }
}

/// A JSON value whose objects keep their keys in the order written.
private indirect enum JSONValue {
    case object([(String, JSONValue)])
    case array([JSONValue])
    case string(String)
    case integer(Int)
    case number(Double)
    case bool(Bool)

    var isScalar: Bool {
        switch self {
        case .object(let members): members.isEmpty
        case .array(let elements): elements.isEmpty
        default: true
        }
    }

    /// A scalar or a list of scalars: what a one-line object may hold.
    var isFlat: Bool {
        if case .array(let elements) = self { return elements.allSatisfy(\.isScalar) }
        return isScalar
    }
}

/// Builds an object, leaving out the members given as nil.
private func object(_ members: [(String, JSONValue?)]) -> JSONValue {
    .object(members.compactMap { key, value in value.map { (key, $0) } })
}

private func hours(_ minutes: Int) -> JSONValue {
    minutes % 60 == 0 ? .integer(minutes / 60) : .number(Double(minutes) / 60)
}

private func weight(_ weight: Weight) -> JSONValue {
    switch weight {
    case .hard: .string("hard")
    case .soft(let value): .integer(value)
    }
}

private func date(_ date: LocalDate) -> JSONValue { .string(date.description) }

private func strings(_ values: [String]) -> JSONValue { .array(values.map(JSONValue.string)) }

/// A list that is left out when empty.
private func optionalList(_ values: [JSONValue]) -> JSONValue? { values.isEmpty ? nil : .array(values) }

/// A name that is left out when it repeats the identifier.
private func name(_ name: String, id: String) -> JSONValue? { name == id ? nil : .string(name) }

private func timeOfDay(_ minute: Int) -> JSONValue {
    let hour = minute / 60, rest = minute % 60
    return .string((hour < 10 ? "0" : "") + "\(hour):" + (rest < 10 ? "0" : "") + "\(rest)")
}

private func problemValue(_ p: Problem) -> JSONValue {
    object([
        ("name", .string(p.name)),
        ("horizon", object([
            ("start", date(p.horizon.start)), ("days", .integer(p.horizon.days)),
            ("timeZone", .string(p.horizon.timeZone)),
        ])),
        ("sites", .array(p.sites.map { site in
            site.name == site.id && site.timeZone == nil ? .string(site.id)
                : object([("id", .string(site.id)), ("name", name(site.name, id: site.id)), ("timeZone", site.timeZone.map(JSONValue.string))])
        })),
        ("skills", optionalList(p.skills.map { skill in
            skill.name == skill.id ? .string(skill.id) : object([("id", .string(skill.id)), ("name", .string(skill.name))])
        })),
        ("shifts", .array(p.shiftTypes.map { shift in
            object([
                ("id", .string(shift.id)), ("name", name(shift.name, id: shift.id)), ("start", timeOfDay(shift.startMinute)),
                ("hours", hours(shift.minutes)), ("tags", shift.tags.isEmpty ? nil : strings(shift.tags)),
            ])
        })),
        ("contracts", .array(p.contracts.map { contract in
            object([("id", .string(contract.id)), ("rules", .array(contract.rules.map(ruleValue)))])
        })),
        ("staff", .array(p.staff.map(staffValue))),
        ("demand", .array(p.demand.map(demandValue))),
        ("travel", optionalList(p.travel.map { travel in
            object([("from", .string(travel.from)), ("to", .string(travel.to)), ("hours", hours(travel.minutes))])
        })),
        ("fairness", optionalList(p.fairness.map { goal in
            object([
                ("measure", .string(goal.measure.rawValue)), ("contract", goal.contract.map(JSONValue.string)),
                ("weight", .integer(goal.weight)),
            ])
        })),
        ("crews", optionalList(p.crews.map { crew in
            object([
                ("id", .string(crew.id)), ("members", strings(crew.members)), ("apart", crew.apart ? .bool(true) : nil),
                ("weight", crew.weight == .hard ? nil : weight(crew.weight)),
            ])
        })),
        ("stability", p.stability.map { stability in
            object([
                ("weight", .integer(stability.weight)),
                ("previous", .array(stability.previous.map { previous in
                    object([
                        ("staff", .string(previous.staff)), ("date", date(previous.date)), ("shift", .string(previous.shift)),
                        ("site", previous.site.map(JSONValue.string)), ("skill", previous.skill.map(JSONValue.string)),
                    ])
                })),
            ])
        }),
    ])
}

private func ruleValue(_ rule: ContractRule) -> JSONValue {
    let weightMember: (String, JSONValue?) = ("weight", rule.weight == .hard ? nil : weight(rule.weight))
    guard let name = rule.kind.name, let values = name.family.values(rule.kind) else {
        if case .preset(let preset) = rule.kind { return object([("preset", .string(preset.rawValue)), weightMember]) }
        return object([weightMember])
    }
    let parameters = name.family.parameters.map { parameter -> (String, JSONValue?) in
        (parameter.key, values[parameter.key].map { value -> JSONValue in
            switch value {
            case .minutes(let m): hours(m)
            case .integer(let n): .integer(n)
            case .shift(let id): .string(id)
            case .pattern(let days): .string(days.joined(separator: " "))
            case .date(let day): date(day)
            }
        })
    }
    return object([("rule", .string(name.rawValue))] + parameters + [weightMember])
}

private func staffValue(_ member: StaffMember) -> JSONValue {
    object([
        ("id", .string(member.id)),
        ("name", name(member.name, id: member.id)),
        ("skills", member.skills.isEmpty ? nil : strings(member.skills)),
        ("homeSite", .string(member.homeSite)),
        ("deployableSites", member.deployableSites.isEmpty ? nil : strings(member.deployableSites)),
        ("contract", .string(member.contract)),
        ("unavailable", optionalList(member.unavailable.map { range in
            range.from == range.to ? date(range.from) : object([("from", date(range.from)), ("to", date(range.to))])
        })),
        ("requests", optionalList(member.requests.map { request in
            object([
                ("date", date(request.date)), ("shift", request.shift.map(JSONValue.string)),
                ("want", .string(request.on ? "on" : "off")), ("weight", request.weight == 1 ? nil : .integer(request.weight)),
            ])
        })),
        ("pinned", optionalList(member.pinned.map { pin in
            object([
                ("date", date(pin.date)), ("shift", pin.shift.map(JSONValue.string)),
                ("site", pin.site.map(JSONValue.string)), ("skill", pin.skill.map(JSONValue.string)),
            ])
        })),
        ("history", member.history.map { history in
            .array(history.map { shift in
                object([("date", date(shift.date)), ("shift", .string(shift.shift)), ("site", shift.site.map(JSONValue.string))])
            })
        }),
        ("rotationStart", member.rotationStart.map(date)),
    ])
}

private func demandValue(_ demand: Demand) -> JSONValue {
    let days: JSONValue?
    switch demand.days {
    case .everyDay: days = nil
    case .dates(let dates): days = .array(dates.map(date))
    case .weekdays(let weekdays):
        days = .array(weekdays.map { weekday in
            // Out-of-range weekdays are written as numbers, which the reader rejects rather than misreads.
            (1...7).contains(weekday) ? .string(ProblemReader.weekdayNames[weekday - 1]) : .integer(weekday)
        })
    case .range(let from, let to): days = object([("from", date(from)), ("to", date(to))])
    }
    return object([
        ("site", .string(demand.site)),
        ("shift", .string(demand.shift)),
        ("skill", demand.skill.map(JSONValue.string)),
        ("days", days),
        ("minimum", .integer(demand.minimum)),
        ("minimumWeight", demand.minimumWeight == .hard ? nil : weight(demand.minimumWeight)),
        ("preferred", demand.preferred.map(JSONValue.integer)),
        ("preferredWeight", demand.preferredWeight == 0 ? nil : .integer(demand.preferredWeight)),
        ("maximum", demand.maximum.map(JSONValue.integer)),
        ("overWeight", demand.overWeight == 0 ? nil : .integer(demand.overWeight)),
    ])
}

// MARK: - Rendering

/// Lists of plain values, and objects of plain values and such lists, stay on one line when it is short.
private let inlineLimit = 100

private func render(_ value: JSONValue, indent: String) -> String {
    switch value {
    case .string(let text): return quoted(text)
    case .integer(let number): return String(number)
    case .number(let number): return String(number)
    case .bool(let flag): return String(flag)
    case .object(let members):
        if members.isEmpty { return "{}" }
        if members.allSatisfy({ $0.1.isFlat }) {
            let line = "{" + members.map { "\(quoted($0.0)): \(render($0.1, indent: ""))" }.joined(separator: ", ") + "}"
            if line.count + indent.count <= inlineLimit { return line }
        }
        let inner = indent + "  "
        let lines = members.map { "\(inner)\(quoted($0.0)): \(render($0.1, indent: inner))" }
        return "{\n" + lines.joined(separator: ",\n") + "\n\(indent)}"
    case .array(let elements):
        if elements.isEmpty { return "[]" }
        if elements.allSatisfy(\.isScalar) {
            let line = "[" + elements.map { render($0, indent: "") }.joined(separator: ", ") + "]"
            if line.count + indent.count <= inlineLimit { return line }
        }
        let inner = indent + "  "
        return "[\n" + elements.map { inner + render($0, indent: inner) }.joined(separator: ",\n") + "\n\(indent)]"
    }
}

private func quoted(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\"": out += "\\\""
        case "\\": out += "\\\\"
        case "\n": out += "\\n"
        case "\r": out += "\\r"
        case "\t": out += "\\t"
        case let control where control.value < 0x20:
            let hex = String(control.value, radix: 16)
            out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        default: out.unicodeScalars.append(scalar)
        }
    }
    return out + "\""
}
