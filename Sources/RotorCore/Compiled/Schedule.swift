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
