import Foundation

extension Problem {
    /// Everything wrong with a problem that is well formed but cannot be solved as stated: duplicate or
    /// undefined identifiers, dates outside the horizon, impossible numbers, demand nobody can fill, pins that
    /// contradict the staff member. All are reported at once, so a planner can fix a file in one pass.
    ///
    /// Each message starts with the JSON path of the value it concerns in the problem file (`docs/model.md`),
    /// e.g. `$.staff[12].homeSite: site "north" is not defined`; durations are given in hours, as in the file.
    public func validationErrors() -> [String] {
        var validator = ProblemValidator(problem: self)
        validator.run()
        return validator.errors
    }
}

private struct ProblemValidator {
    let problem: Problem
    var errors: [String] = []
    let siteIDs: Set<String>
    let skillIDs: Set<String>
    let shiftIDs: Set<String>
    let contractIDs: Set<String>
    let staffIDs: Set<String>

    init(problem: Problem) {
        self.problem = problem
        siteIDs = Set(problem.sites.map(\.id))
        skillIDs = Set(problem.skills.map(\.id))
        shiftIDs = Set(problem.shiftTypes.map(\.id))
        contractIDs = Set(problem.contracts.map(\.id))
        staffIDs = Set(problem.staff.map(\.id))
    }

    mutating func run() {
        checkHorizon()
        checkUnique(problem.sites.map(\.id), "$.sites", "site")
        checkUnique(problem.skills.map(\.id), "$.skills", "skill")
        checkUnique(problem.shiftTypes.map(\.id), "$.shifts", "shift")
        checkUnique(problem.contracts.map(\.id), "$.contracts", "contract")
        checkUnique(problem.staff.map(\.id), "$.staff", "staff")
        for (index, site) in problem.sites.enumerated() {
            if let zone = site.timeZone { checkTimeZone(zone, "$.sites[\(index)].timeZone") }
        }
        for (index, shift) in problem.shiftTypes.enumerated() { checkShift(shift, "$.shifts[\(index)]") }
        for (c, contract) in problem.contracts.enumerated() {
            for (r, rule) in contract.rules.enumerated() { checkRule(rule, "$.contracts[\(c)].rules[\(r)]") }
        }
        for (index, member) in problem.staff.enumerated() { checkStaffMember(member, "$.staff[\(index)]") }
        for (index, demand) in problem.demand.enumerated() { checkDemand(demand, "$.demand[\(index)]") }
        for (index, travel) in problem.travel.enumerated() {
            let path = "$.travel[\(index)]"
            checkDefined(travel.from, siteIDs, "\(path).from", "site")
            checkDefined(travel.to, siteIDs, "\(path).to", "site")
            if travel.minutes < 0 { errors.append("\(path).hours: must not be negative, found \(hours(travel.minutes))") }
        }
        for (index, goal) in problem.fairness.enumerated() {
            let path = "$.fairness[\(index)]"
            if let contract = goal.contract { checkDefined(contract, contractIDs, "\(path).contract", "contract") }
            checkWeight(goal.weight, "\(path).weight")
        }
        if let stability = problem.stability { checkStability(stability) }
        checkUnique(problem.crews.map(\.id), "$.crews", "crew")
        for (index, crew) in problem.crews.enumerated() {
            let path = "$.crews[\(index)]"
            if crew.members.count < 2 { errors.append("\(path).members: a crew needs at least 2 members, found \(crew.members.count)") }
            if crew.members.count > Self.largestCrew { errors.append("\(path).members: a crew has at most \(Self.largestCrew) members, found \(crew.members.count)") }
            var seen = Set<String>()
            for (m, member) in crew.members.enumerated() {
                checkDefined(member, staffIDs, "\(path).members[\(m)]", "staff member")
                if !seen.insert(member).inserted { errors.append("\(path).members[\(m)]: \"\(member)\" is listed twice") }
            }
            checkWeight(crew.weight, "\(path).weight")
        }
    }

    /// Most members of one crew: the scorer compares each changed member with every other.
    static let largestCrew = 100

    // MARK: - Pieces

    mutating func checkHorizon() {
        if !(1...3660).contains(problem.horizon.days) {
            errors.append("$.horizon.days: must be from 1 to 3660, found \(problem.horizon.days)")
        }
        checkTimeZone(problem.horizon.timeZone, "$.horizon.timeZone")
    }

    mutating func checkTimeZone(_ identifier: String, _ path: String) {
        if TimeZone(identifier: identifier) == nil {
            errors.append("\(path): \"\(identifier)\" is not an IANA time zone (such as \"Europe/Paris\" or \"America/Denver\")")
        }
    }

    mutating func checkUnique(_ ids: [String], _ path: String, _ kind: String) {
        var firstIndex: [String: Int] = [:]
        for (index, id) in ids.enumerated() {
            if let first = firstIndex[id] {
                errors.append("\(path)[\(index)].id: duplicate \(kind) id \"\(id)\" (first at \(path)[\(first)])")
            } else {
                firstIndex[id] = index
            }
        }
    }

    mutating func checkDefined(_ id: String, _ defined: Set<String>, _ path: String, _ kind: String) {
        if !defined.contains(id) { errors.append("\(path): \(kind) \"\(id)\" is not defined") }
    }

    mutating func checkWeight(_ weight: Int, _ path: String) {
        if weight < 0 { errors.append("\(path): weight must not be negative, found \(weight)") }
    }

    mutating func checkWeight(_ weight: Weight, _ path: String) {
        if case .soft(let value) = weight { checkWeight(value, path) }
    }

    func inHorizon(_ date: LocalDate) -> Bool {
        let day = date.days(since: problem.horizon.start)
        return day >= 0 && day < problem.horizon.days
    }

    var horizonText: String {
        "\(problem.horizon.start) to \(problem.horizon.start.adding(days: max(problem.horizon.days, 1) - 1))"
    }

    mutating func checkInHorizon(_ date: LocalDate, _ path: String) {
        if !inHorizon(date) { errors.append("\(path): \(date) is outside the horizon (\(horizonText))") }
    }

    mutating func checkShift(_ shift: ShiftType, _ path: String) {
        if !(0..<24 * 60).contains(shift.startMinute) {
            errors.append("\(path).start: must be from 00:00 to 23:59, found \(shift.startMinute) minutes after midnight")
        }
        if shift.minutes <= 0 || shift.minutes > 24 * 60 {
            errors.append("\(path).hours: a shift must last more than 0 and at most 24 hours, found \(hours(shift.minutes))")
        }
    }

    // MARK: - Rules

    /// A rule's weight and parameters, each against the bounds its family declares, then the
    /// family's own checks.
    mutating func checkRule(_ rule: ContractRule, _ path: String) {
        checkWeight(rule.weight, "\(path).weight")
        guard let family = rule.kind.name?.family, let values = family.values(rule.kind) else { return }
        for parameter in family.parameters {
            guard let value = values[parameter.key] else { continue }
            let at = "\(path).\(parameter.key)"
            switch value {
            case .shift(let shift):
                checkDefined(shift, shiftIDs, at, "shift")
            case .pattern(let days):
                for (k, day) in days.enumerated() where day != "-" && day != "*" && !shiftIDs.contains(day) {
                    errors.append("\(at): day \(k + 1) is \"\(day)\", expected a shift id, \"-\" (off) or \"*\" (any shift)")
                }
            case .date:
                break   // any date: the pattern repeats before and after it
            case .minutes(let n), .integer(let n):
                let text = parameter.kind == .hours ? hours(n) : String(n)
                if let minimum = parameter.minimum, n < minimum {
                    switch (minimum, parameter.kind) {
                    case (0, _): errors.append("\(at): must not be negative, found \(text)")
                    case (_, .hours): errors.append("\(at): must be more than 0, found \(text)")
                    default: errors.append("\(at): \(parameter.what) must be at least \(minimum), found \(text)")
                    }
                }
                if let maximum = parameter.maximum, n > maximum {
                    let limit = parameter.kind == .hours ? hours(maximum) : String(maximum)
                    errors.append("\(at): \(parameter.what) cannot exceed \(limit), found \(text)")
                }
            }
        }
        errors += family.moreErrors(values, path: path)
    }

    mutating func notNegative(_ value: Int, _ path: String) {
        if value < 0 { errors.append("\(path): must not be negative, found \(value)") }
    }

    mutating func notNegativeHours(_ minutes: Int, _ path: String) {
        if minutes < 0 { errors.append("\(path): must not be negative, found \(hours(minutes))") }
    }

    mutating func atLeastOne(_ value: Int, _ path: String, _ what: String) {
        if value < 1 { errors.append("\(path): \(what) must be at least 1, found \(value)") }
    }

    // MARK: - Staff

    mutating func checkStaffMember(_ member: StaffMember, _ path: String) {
        checkDefined(member.homeSite, siteIDs, "\(path).homeSite", "site")
        checkDefined(member.contract, contractIDs, "\(path).contract", "contract")
        for (index, site) in member.deployableSites.enumerated() {
            checkDefined(site, siteIDs, "\(path).deployableSites[\(index)]", "site")
        }
        for (index, skill) in member.skills.enumerated() {
            checkDefined(skill, skillIDs, "\(path).skills[\(index)]", "skill")
        }
        for (index, range) in member.unavailable.enumerated() where range.from > range.to {
            errors.append("\(path).unavailable[\(index)]: from \(range.from) is after to \(range.to)")
        }
        for (index, request) in member.requests.enumerated() {
            let requestPath = "\(path).requests[\(index)]"
            checkInHorizon(request.date, "\(requestPath).date")
            if let shift = request.shift { checkDefined(shift, shiftIDs, "\(requestPath).shift", "shift") }
            checkWeight(request.weight, "\(requestPath).weight")
        }
        var pinnedDates: [LocalDate: Int] = [:]
        for (index, pin) in member.pinned.enumerated() {
            checkPin(pin, of: member, "\(path).pinned[\(index)]")
            if let first = pinnedDates[pin.date] {
                errors.append("\(path).pinned[\(index)].date: \(pin.date) is already pinned at \(path).pinned[\(first)]")
            } else {
                pinnedDates[pin.date] = index
            }
        }
        var historyDates: [LocalDate: Int] = [:]
        for (index, shift) in (member.history ?? []).enumerated() {
            let historyPath = "\(path).history[\(index)]"
            if let first = historyDates[shift.date] {
                errors.append("\(historyPath).date: a person works at most one shift a date; \(shift.date) is already at \(path).history[\(first)]")
            } else {
                historyDates[shift.date] = index
            }
            checkDefined(shift.shift, shiftIDs, "\(historyPath).shift", "shift")
            if let site = shift.site { checkDefined(site, siteIDs, "\(historyPath).site", "site") }
            if shift.date >= problem.horizon.start {
                errors.append("\(historyPath).date: history must be before the horizon starts (\(problem.horizon.start)), found \(shift.date)")
            }
        }
    }

    mutating func checkPin(_ pin: Pin, of member: StaffMember, _ path: String) {
        checkInHorizon(pin.date, "\(path).date")
        guard let shift = pin.shift else {
            if pin.site != nil || pin.skill != nil {
                errors.append("\(path): a day off (no shift) takes no site or skill")
            }
            return
        }
        checkDefined(shift, shiftIDs, "\(path).shift", "shift")
        if member.unavailable.contains(where: { $0.from <= pin.date && pin.date <= $0.to }) {
            errors.append("\(path).date: \(member.id) is unavailable on \(pin.date)")
        }
        if let site = pin.site {
            if !siteIDs.contains(site) {
                checkDefined(site, siteIDs, "\(path).site", "site")
            } else if site != member.homeSite && !member.deployableSites.contains(site) {
                errors.append("\(path).site: \(member.id) cannot work at site \"\(site)\" (neither home nor deployable)")
            }
        }
        if let skill = pin.skill {
            if !skillIDs.contains(skill) {
                checkDefined(skill, skillIDs, "\(path).skill", "skill")
            } else if !member.skills.contains(skill) {
                errors.append("\(path).skill: \(member.id) does not have skill \"\(skill)\"")
            }
        }
    }

    // MARK: - Demand

    mutating func checkDemand(_ demand: Demand, _ path: String) {
        checkDefined(demand.site, siteIDs, "\(path).site", "site")
        checkDefined(demand.shift, shiftIDs, "\(path).shift", "shift")
        if let skill = demand.skill { checkDefined(skill, skillIDs, "\(path).skill", "skill") }
        checkDays(demand.days, "\(path).days")
        notNegative(demand.minimum, "\(path).minimum")
        if let preferred = demand.preferred { notNegative(preferred, "\(path).preferred") }
        if let maximum = demand.maximum {
            notNegative(maximum, "\(path).maximum")
            if demand.minimum > maximum {
                errors.append("\(path): minimum (\(demand.minimum)) is greater than maximum (\(maximum))")
            }
        }
        if let preferred = demand.preferred,
           preferred < demand.minimum || preferred > (demand.maximum ?? Int.max) {
            let upper = demand.maximum.map { ", \($0)]" } ?? ", no maximum)"
            errors.append("\(path).preferred: \(preferred) is outside [minimum, maximum] = [\(demand.minimum)\(upper)")
        }
        checkWeight(demand.minimumWeight, "\(path).minimumWeight")
        checkWeight(demand.preferredWeight, "\(path).preferredWeight")
        checkWeight(demand.overWeight, "\(path).overWeight")
        if demand.minimum > 0, siteIDs.contains(demand.site), demand.skill.map(skillIDs.contains) ?? true {
            let canFill = problem.staff.contains { member in
                (member.homeSite == demand.site || member.deployableSites.contains(demand.site))
                    && (demand.skill.map(member.skills.contains) ?? true)
            }
            if !canFill {
                let with = demand.skill.map { " with skill \"\($0)\"" } ?? ""
                errors.append("\(path): nobody can fill it: no staff member\(with) has site \"\(demand.site)\" as home or deployable site")
            }
        }
    }

    mutating func checkDays(_ days: DaySelector, _ path: String) {
        switch days {
        case .everyDay:
            break
        case .dates(let dates):
            for (index, date) in dates.enumerated() { checkInHorizon(date, "\(path)[\(index)]") }
        case .weekdays(let weekdays):
            for (index, weekday) in weekdays.enumerated() where !(1...7).contains(weekday) {
                errors.append("\(path)[\(index)]: weekday must be from 1 (Monday) to 7 (Sunday), found \(weekday)")
            }
        case .range(let from, let to):
            if from > to {
                errors.append("\(path): from \(from) is after to \(to)")
            } else if to < problem.horizon.start || from > problem.horizon.start.adding(days: problem.horizon.days - 1) {
                errors.append("\(path): \(from) to \(to) does not overlap the horizon (\(horizonText))")
            }
        }
    }

    // MARK: - Stability

    mutating func checkStability(_ stability: Stability) {
        checkWeight(stability.weight, "$.stability.weight")
        var seen: [String: Int] = [:]
        for (index, previous) in stability.previous.enumerated() {
            let path = "$.stability.previous[\(index)]"
            let key = "\(previous.staff) \(previous.date)"
            if let first = seen[key] {
                errors.append("\(path): \(previous.staff) already has an assignment on \(previous.date) at $.stability.previous[\(first)]")
            } else {
                seen[key] = index
            }
            checkDefined(previous.staff, staffIDs, "\(path).staff", "staff member")
            checkInHorizon(previous.date, "\(path).date")
            checkDefined(previous.shift, shiftIDs, "\(path).shift", "shift")
            if let site = previous.site { checkDefined(site, siteIDs, "\(path).site", "site") }
            if let skill = previous.skill { checkDefined(skill, skillIDs, "\(path).skill", "skill") }
        }
    }
}

/// Minutes as hours the way the problem file writes them: `11 hours`, `9.5 hours`, `1 hour`.
func hours(_ minutes: Int) -> String {
    let value = minutes % 60 == 0 ? String(minutes / 60) : String(Double(minutes) / 60)
    return value == "1" ? "1 hour" : "\(value) hours"
}
