import RotorCore

/// The views of a roster a planner hands out: one grid per site, and one calendar per staff member.
public enum RosterExports {
    /// The grid of one site: the header `employee,<date>,…`, then one row per staff member who works
    /// there at least once, each cell the shift (and skill) worked at this site that day, or empty.
    public static func siteGrid(_ schedule: Schedule, problem p: CompiledProblem, site x: Int) -> String {
        var out = (["employee"] + (0..<p.days).map { "\(p.date($0))" }).joined(separator: ",") + "\n"   // fixed text, no quoting needed
        for e in 0..<p.staffCount {
            let cells = (0..<p.days).map { d -> String in
                let v = Int(schedule[staff: e, day: d])
                guard v != 0, Int(p.valueSite[v]) == x else { return "" }
                let skill = p.valueSkill[v] >= 0 ? "/" + p.problem.skills[Int(p.valueSkill[v])].id : ""
                return p.shiftName(Int(p.valueShift[v])) + skill
            }
            guard cells.contains(where: { !$0.isEmpty }) else { continue }
            out += ([CSVField.written(p.staffName(e))] + cells.map(CSVField.written)).joined(separator: ",") + "\n"
        }
        return out
    }

    /// Staff member `e`'s shifts as calendar events on the real clock (UTC instants).
    public static func calendarEvents(_ schedule: Schedule, problem p: CompiledProblem, staff e: Int) -> [CalendarEvent] {
        (0..<p.days).compactMap { d -> CalendarEvent? in
            let v = Int(schedule[staff: e, day: d])
            guard v != 0 else { return nil }
            let site = p.problem.sites[Int(p.valueSite[v])]
            let shift = p.problem.shiftTypes[Int(p.valueShift[v])]
            let skill = p.valueSkill[v] >= 0 ? p.problem.skills[Int(p.valueSkill[v])].name : nil
            return CalendarEvent(
                uid: "\(p.problem.name)-\(p.staffName(e))-\(p.date(d))@rotor",
                summary: "\(shift.name) shift at \(site.name)",
                location: site.name,
                description: skill.map { "Skill: \($0)" },
                start: Int(p.cellStart[d * p.valueCount + v]) * 60,
                end: Int(p.cellEnd[d * p.valueCount + v]) * 60)
        }
    }
}

extension CompiledProblem {
    /// Why a roster cell's text names no post of the problem, for error messages: an unknown shift,
    /// site or skill, or a real shift for which no demand line asks at that site (with that skill).
    func unknownPostReason(_ name: String) -> String {
        var rest = Substring(name), skill: Substring? = nil, site: Substring? = nil
        if let slash = rest.lastIndex(of: "/") { skill = rest[rest.index(after: slash)...]; rest = rest[..<slash] }
        if let at = rest.lastIndex(of: "@") { site = rest[rest.index(after: at)...]; rest = rest[..<at] }
        let posts = listForMessage((1..<valueCount).map(valueName))
        guard let s = shiftIndex[String(rest)] else { return "\"\(name)\" names no shift of the problem (posts: \(posts))" }
        if site != nil && problem.sites.count == 1 {
            return "\"\(name)\": the problem has one site, so a post is written without @site (posts: \(posts))"
        }
        let siteID = site.map(String.init) ?? (problem.sites.count == 1 ? problem.sites[0].id : nil)
        guard let siteID, let x = siteIndex[siteID] else {
            return site == nil ? "\"\(name)\" names no site; the problem has several, so write \(rest)@site (posts: \(posts))"
                : "\"\(name)\" names no site of the problem (posts: \(posts))"
        }
        if let skill, skillIndex[String(skill)] == nil { return "\"\(name)\" names no skill of the problem (posts: \(posts))" }
        let lines = problem.demand.filter { $0.shift == problem.shiftTypes[s].id && $0.site == problem.sites[x].id }
        if lines.isEmpty {
            return "no demand line asks for \(rest) at \(siteID), so nobody can be rostered on it (posts: \(posts))"
        }
        if let skill {
            return "no demand line asks for \(rest) at \(siteID) with skill \(skill) (posts: \(posts))"
        }
        return "every demand line for \(rest) at \(siteID) names a skill, so write \(name)/skill (posts: \(posts))"
    }
}
