/// Rules about single cells. The incremental scorer reads them folded into `cellHard`/`cellSoft`;
/// these from-scratch versions read the problem itself.

/// Hard: nobody works on a date they are unavailable (leave, sickness, a day off in the benchmark).
package struct UnavailableRule: Sendable {
    public static func evaluate(_ p: CompiledProblem, _ s: Schedule, staff: Range<Int>, into out: inout [Violation]) {
        for e in staff {
            let member = p.problem.staff[e]
            // Dates outside the horizon are ignored, so a range may reach beyond it or lie wholly outside.
            var days = Set<Int>()
            for range in member.unavailable {
                let from = max(range.from.days(since: p.problem.horizon.start), 0), to = min(range.to.days(since: p.problem.horizon.start), p.days - 1)
                if from <= to { days.formUnion(from...to) }
            }
            for d in days.sorted() where s[staff: e, day: d] != 0 {
                let v = Int(s[staff: e, day: d])
                out.append(Violation(rule: .unavailable, staff: e, day: d, value: v, amount: 1, charge: (hardUnit, 0),
                                     message: "\(p.staffLabel(e)) works \(p.valueName(v)) on \(p.dayName(d)), when unavailable"))
            }
        }
    }
}

/// Hard: people hold only posts at sites they may work at (home or deployable) and needing a skill they have.
package struct EligibilityRule: Sendable {
    public static func evaluate(_ p: CompiledProblem, _ s: Schedule, staff: Range<Int>, into out: inout [Violation]) {
        for e in staff {
            let member = p.problem.staff[e]
            for d in 0..<p.days {
                let v = Int(s[staff: e, day: d])
                guard v != 0 else { continue }
                let site = p.problem.sites[Int(p.valueSite[v])].id
                let skill = p.valueSkill[v] >= 0 ? p.problem.skills[Int(p.valueSkill[v])].id : nil
                var reasons: [String] = []
                if site != member.homeSite && !member.deployableSites.contains(site) { reasons.append("may not work at \(site)") }
                if let skill, !member.skills.contains(skill) { reasons.append("lacks the skill \(skill)") }
                if !reasons.isEmpty {
                    out.append(Violation(rule: .eligibility, staff: e, day: d, value: v, amount: 1, charge: (hardUnit, 0),
                                         message: "\(p.staffLabel(e)) works \(p.valueName(v)) on \(p.dayName(d)) but \(reasons.joined(separator: " and "))"))
                }
            }
        }
    }
}

/// Hard: a cell the planner pinned holds the pinned assignment.
package struct PinRule: Sendable {
    public static func evaluate(_ p: CompiledProblem, _ s: Schedule, staff: Range<Int>, into out: inout [Violation]) {
        for e in staff {
            let member = p.problem.staff[e]
            for pin in member.pinned {
                let d = pin.date.days(since: p.problem.horizon.start)
                guard d >= 0 && d < p.days, p.fixed[e * p.days + d] > 1 || pin.shift == nil else { continue }
                let want = pin.shift == nil ? 0 : Int(p.fixed[e * p.days + d]) - 1
                let v = Int(s[staff: e, day: d])
                if v != want {
                    out.append(Violation(rule: .pinned, staff: e, day: d, value: v, amount: 1, charge: (hardUnit, 0),
                                         message: "\(p.staffLabel(e)) is pinned to \(p.valueName(want)) on \(p.dayName(d)) but has \(p.valueName(v))"))
                }
            }
        }
    }
}

/// Soft: a shift-on request costs its weight unless the shift (any shift when none is named) is
/// worked; a shift-off request costs its weight when it is (Curtois & Qu objective).
package struct RequestRule: Sendable {
    public static func evaluate(_ p: CompiledProblem, _ s: Schedule, staff: Range<Int>, into out: inout [Violation]) {
        for e in staff {
            let member = p.problem.staff[e]
            for r in member.requests {
                let d = r.date.days(since: p.problem.horizon.start)
                guard d >= 0 && d < p.days, r.weight > 0 else { continue }
                let v = Int(s[staff: e, day: d])
                let matches = v != 0 && (r.shift == nil || p.shiftName(Int(p.valueShift[v])) == r.shift)
                guard matches != r.on else { continue }
                let what = r.shift ?? "any shift"
                let message = r.on
                    ? "\(p.staffLabel(e)) asked to work \(what) on \(p.dayName(d)) but \(v == 0 ? "is off" : "works \(p.valueName(v))")"
                    : "\(p.staffLabel(e)) asked not to work \(what) on \(p.dayName(d)) but works \(p.valueName(v))"
                out.append(Violation(rule: r.on ? .shiftOnRequest : .shiftOffRequest, staff: e, day: d, value: v,
                                     amount: 1, charge: (0, r.weight), message: message))
            }
        }
    }
}

/// Soft: when re-planning, each cell that differs from the previous roster costs the stability weight,
/// so that a sick call changes as little as possible.
package struct StabilityRule: Sendable {
    public static func evaluate(_ p: CompiledProblem, _ s: Schedule, staff: Range<Int>, into out: inout [Violation]) {
        guard let stability = p.problem.stability, stability.weight > 0 else { return }
        let previous = p.previousSchedule
        for e in staff {
            for d in 0..<p.days where s[staff: e, day: d] != previous[staff: e, day: d] {
                let was = Int(previous[staff: e, day: d]), now = Int(s[staff: e, day: d])
                out.append(Violation(rule: .stability, staff: e, day: d, value: now, amount: 1, charge: (0, stability.weight),
                                     message: "\(p.staffLabel(e)) on \(p.dayName(d)): \(p.valueName(now)), previously \(p.valueName(was))"))
            }
        }
    }
}

extension CompiledProblem {
    public func contract(of e: Int) -> Contract { problem.contracts[Int(staffContract[e])] }

    /// The post of a previous assignment: the one it names; without a skill (or with one no line
    /// names there), the post without a skill, else the first skill in `skills` order that the person
    /// has, else the first a line names; nil when no demand line asks for the shift at the site.
    func previousPost(_ e: Int, shift s: Int, site x: Int, skill k: Int?) -> Int? {
        if let k, let v = value(shift: s, site: x, skill: k) { return v }
        let posts = (1..<valueCount).filter { Int(valueShift[$0]) == s && Int(valueSite[$0]) == x }   // skill-less first, then `skills` order
        let skills = Set(problem.staff[e].skills.compactMap { skillIndex[$0] })
        return posts.first { valueSkill[$0] < 0 } ?? posts.first { skills.contains(Int(valueSkill[$0])) } ?? posts.first
    }

    /// The previous roster of the stability goal as cell values (off where it has nothing or names
    /// a shift no demand line asks for at that site).
    public var previousSchedule: Schedule {
        var schedule = Schedule(staffCount: staffCount, days: days)
        for a in problem.stability?.previous ?? [] {
            guard let e = staffIndex[a.staff], let s = shiftIndex[a.shift] else { continue }
            let d = a.date.days(since: problem.horizon.start)
            guard d >= 0 && d < days else { continue }
            let x = a.site.flatMap { siteIndex[$0] } ?? Int(homeSite[e])
            if let v = previousPost(e, shift: s, site: x, skill: a.skill.flatMap { skillIndex[$0] }) { schedule[staff: e, day: d] = UInt8(v) }
        }
        return schedule
    }
}
