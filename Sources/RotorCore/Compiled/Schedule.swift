/// A roster in compiled form: one cell value per staff member and day (`0` off, `v` post `v`),
/// laid out row by row (`e * days + d`).
public struct Schedule: Sendable, Equatable {
    public let staffCount: Int
    public let days: Int
    public var cells: ContiguousArray<UInt8>

    public init(staffCount: Int, days: Int) {
        self.staffCount = staffCount
        self.days = days
        self.cells = ContiguousArray(repeating: 0, count: staffCount * days)
    }

    public init(staffCount: Int, days: Int, cells: ContiguousArray<UInt8>) {
        precondition(cells.count == staffCount * days)
        self.staffCount = staffCount
        self.days = days
        self.cells = cells
    }

    public subscript(staff e: Int, day d: Int) -> UInt8 {
        get { cells[e * days + d] }
        set { cells[e * days + d] = newValue }
    }

    /// The roster a planner reads (shift indexes, nil for off).
    public var roster: Roster {
        Roster(assignments: (0..<staffCount).map { e in
            (0..<days).map { d in
                let v = cells[e * days + d]
                return v == 0 ? nil : Int(v) - 1
            }
        })
    }

    /// Compiles a roster; fails when its shape or a shift index does not match the problem.
    public init(_ roster: Roster, for problem: CompiledProblem) throws(ModelError) {
        guard roster.assignments.count == problem.staffCount else {
            throw ModelError(["the roster has \(roster.assignments.count) rows, the problem has \(problem.staffCount) staff"])
        }
        self.init(staffCount: problem.staffCount, days: problem.days)
        for (e, row) in roster.assignments.enumerated() {
            guard row.count == problem.days else {
                throw ModelError(["row \(e) of the roster has \(row.count) days, the horizon has \(problem.days)"])
            }
            for (d, shift) in row.enumerated() {
                guard let s = shift else { continue }
                guard s >= 0 && s < problem.postCount else {
                    throw ModelError(["row \(e) day \(d) names post index \(s), which does not exist"])
                }
                cells[e * days + d] = UInt8(s + 1)
            }
        }
    }
}

extension Schedule {
    /// The roster with every cell brought into the problem's domain: a fixed cell (leave, a pin) takes
    /// its fixed value, a post the person may not hold becomes a day off. A roster made for an earlier
    /// version of the problem (before a sick call) starts a search this way, since moves never break
    /// the domain and so could not repair such a cell themselves.
    public func keepingToTheDomain(of p: CompiledProblem) -> Schedule {
        var s = self
        for e in 0..<staffCount {
            for d in 0..<days where !p.accepts(e, d, Int(s[staff: e, day: d])) {
                let f = p.fixed[e * days + d]
                s[staff: e, day: d] = f == 0 ? 0 : f - 1
            }
        }
        return s
    }

    /// The roster's assignments as a previous roster for the stability goal of a re-planned problem.
    public func previousAssignments(in p: CompiledProblem) -> [PreviousAssignment] {
        (0..<staffCount).flatMap { e in
            (0..<days).compactMap { d -> PreviousAssignment? in
                let v = Int(self[staff: e, day: d])
                guard v != 0 else { return nil }
                return PreviousAssignment(staff: p.staffName(e), date: p.date(d), shift: p.shiftName(Int(p.valueShift[v])),
                                          site: p.problem.sites[Int(p.valueSite[v])].id,
                                          skill: p.valueSkill[v] >= 0 ? p.problem.skills[Int(p.valueSkill[v])].id : nil)
            }
        }
    }
}
