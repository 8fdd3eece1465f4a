/// Crews (`docs/model.md`, "Crews"): on each date, the members of a crew who are free to work (not
/// unavailable, not pinned to a day off) hold the same shift at the same site, skills aside, or are
/// all off; each of them outside the largest such group is one breach. Members of a crew kept
/// `apart` never hold the same shift at the same site: on each date, each beyond the first on one is
/// one breach. A crew's breaches are the team's, like cover: they name no one staff member.
package struct CrewRule: Sendable {
    /// Every crew's breaches on the days `days` (all when nil), of the crews with a member in `staff`
    /// (all when nil), read from the problem's crews by name.
    public static func evaluate(_ p: CompiledProblem, _ s: Schedule, days: Range<Int>? = nil, staff: Set<Int>? = nil, into out: inout [Violation]) {
        let problem = p.problem
        for crew in problem.crews {
            let members = crew.members.compactMap { p.staffIndex[$0] }
            guard staff.map({ !$0.isDisjoint(with: members) }) ?? true else { continue }
            let weight = crew.weight.compiled
            for d in days ?? 0..<p.days {
                let date = p.date(d)
                // (shift, site) of each member, nil when off; members not free that day left out.
                var held: [(e: Int, post: String?, value: Int)] = []
                for e in members {
                    let member = problem.staff[e]
                    let v = Int(s[staff: e, day: d])
                    let post = v == 0 ? nil : "\(p.shiftName(Int(p.valueShift[v])))@\(problem.sites[Int(p.valueSite[v])].id)"
                    if crew.apart {
                        if post != nil { held.append((e, post, v)) }
                        continue
                    }
                    let onLeave = member.unavailable.contains { $0.from <= date && date <= $0.to }
                    let pinnedOff = member.pinned.contains { $0.date == date && $0.shift == nil }
                    if !onLeave && !pinnedOff { held.append((e, post, v)) }
                }
                let groups = Dictionary(grouping: held, by: { $0.post ?? "" })
                let breach = crew.apart
                    ? groups.values.reduce(0) { $0 + $1.count - 1 }
                    : held.count - (groups.values.map(\.count).max() ?? 0)
                guard breach > 0, weight != 0 else { continue }
                let who = held.map { "\(p.staffName($0.e)) \($0.value == 0 ? "off" : p.valueName($0.value))" }.joined(separator: ", ")
                let message = crew.apart
                    ? "\(crew.id), kept apart, share a shift on \(p.dayName(d)): \(who)"
                    : "crew \(crew.id) is split on \(p.dayName(d)): \(who); \(breach == 1 ? "1 person is" : "\(breach) people are") apart from the rest"
                out.append(Violation(rule: crew.apart ? .crewApart : .crewTogether, staff: nil, day: d, amount: breach,
                                     charge: chargeCount(breach, weight: weight), message: message))
            }
        }
    }
}

/// The crews for the incremental scorer: crew `c`'s members are `members[memberStart[c] ..< memberStart[c + 1]]`,
/// staff member `e`'s crews `staffCrews[staffCrewStart[e] ..< staffCrewStart[e + 1]]`.
package struct CompiledCrews: Sendable {
    public private(set) var memberStart: ContiguousArray<Int32> = [0]
    public private(set) var members = ContiguousArray<Int32>()
    /// 1 for a crew kept apart.
    public private(set) var apart = ContiguousArray<UInt8>()
    /// -1 hard.
    public private(set) var weight = ContiguousArray<Int32>()
    public private(set) var staffCrewStart = ContiguousArray<Int32>()
    public private(set) var staffCrews = ContiguousArray<Int32>()

    public var isEmpty: Bool { apart.isEmpty }

    init(_ problem: Problem, staffIndex: [String: Int]) {
        var crewsOf = [[Int32]](repeating: [], count: problem.staff.count)
        for (c, crew) in problem.crews.enumerated() {
            for id in crew.members {
                guard let e = staffIndex[id] else { continue }
                members.append(Int32(e))
                crewsOf[e].append(Int32(c))
            }
            memberStart.append(Int32(members.count))
            apart.append(crew.apart ? 1 : 0)
            weight.append(crew.weight.compiled)
        }
        staffCrewStart = [0]
        for list in crewsOf {
            staffCrews.append(contentsOf: list)
            staffCrewStart.append(Int32(staffCrews.count))
        }
    }
}
