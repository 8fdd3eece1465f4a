/// The rows of a master linear programme over whole rows (Desaulniers, Desrosiers & Solomon, eds.,
/// "Column Generation", Springer 2005): one per person (exactly one row of theirs is chosen), then
/// for each cover slot (a post on a day) one per bound that costs — at least the minimum, at least
/// the preferred number, at most the maximum — each with a shortfall variable priced as the roster
/// prices a person short, and a column per maximum for the people over it. Where the preferred
/// number is the maximum (the benchmark's cover), the two are one equality row. The dives
/// (`ColumnGenerationDive`) and the bound (`LagrangianBound.columnGeneration`) both build this.
struct CoverMasterRows {
    var senses: [RevisedSimplex.Sense] = []
    var rhs: [Double] = []
    /// What each row's shortfall variable costs a unit.
    var shortfall: [Double] = []
    /// Master rows of cover slot `c`: `slotRows[slotStart[c] ..< slotStart[c + 1]]`.
    var slotStart: [Int] = [0], slotRows: [Int] = []
    /// The columns for people over a maximum: the row and the cost of one person over it.
    var overColumns: [(row: Int, cost: Double)] = []

    /// `personShortfall` prices a person with no row (large: every person has one), and
    /// `hardShortfall` a person short of a hard minimum.
    init(_ problem: CompiledProblem, personShortfall: Double, hardShortfall: Double) {
        let E = problem.staffCount
        senses = [RevisedSimplex.Sense](repeating: .equal, count: E)
        rhs = [Double](repeating: 1, count: E)
        shortfall = [Double](repeating: personShortfall, count: E)
        func addRow(_ sense: RevisedSimplex.Sense, _ value: Int32, _ cost: Double) {
            slotRows.append(rhs.count)
            senses.append(sense)
            rhs.append(Double(value))
            shortfall.append(cost)
        }
        for c in 0..<(problem.days * problem.postCount) {
            if problem.coverMin[c] > 0 && problem.coverMinWeight[c] != 0 {
                addRow(.atLeast, problem.coverMin[c], problem.coverMinWeight[c] < 0 ? hardShortfall : Double(problem.coverMinWeight[c]))
            }
            let preferred = problem.coverPreferred[c] > 0 && problem.coverPreferredWeight[c] > 0
            let maximum = problem.coverMax[c] < Int32(clamping: E) && problem.coverOverWeight[c] > 0
            if preferred && maximum && problem.coverPreferred[c] == problem.coverMax[c] {
                // One row: its own variable the shortfall, a column the excess.
                overColumns.append((rhs.count, Double(problem.coverOverWeight[c])))
                addRow(.equal, problem.coverPreferred[c], Double(problem.coverPreferredWeight[c]))
            } else {
                if preferred { addRow(.atLeast, problem.coverPreferred[c], Double(problem.coverPreferredWeight[c])) }
                if maximum {
                    overColumns.append((rhs.count, Double(problem.coverOverWeight[c])))
                    addRow(.atMost, problem.coverMax[c], 0)
                }
            }
            slotStart.append(slotRows.count)
        }
    }

    /// The master's rows.
    var count: Int { rhs.count }

    /// The master's rows of cover slot `c`.
    @inline(__always) func rows(ofSlot c: Int) -> ArraySlice<Int> { slotRows[slotStart[c]..<slotStart[c + 1]] }

    /// The master's rows of staff member `e`'s row `values` as a column: the person's own, then for
    /// each day worked its slot's and its parent post's (a skill's post counts towards its shift's).
    func columnRows(_ problem: CompiledProblem, _ e: Int, _ values: [UInt8]) -> [Int] {
        let P = problem.postCount
        var column = [e]
        for (d, value) in values.enumerated() where value != 0 {
            let v = Int(value), parent = Int(problem.coverParent[v])
            column += rows(ofSlot: d * P + v - 1)
            if parent > 0 { column += rows(ofSlot: d * P + parent - 1) }
        }
        return column
    }

    /// Each cover slot's price at the master's row prices `y`: the sum of its rows'.
    func slotPrices(_ y: [Double]) -> [Double] {
        (0..<(slotStart.count - 1)).map { c in rows(ofSlot: c).reduce(0) { $0 + y[$1] } }
    }

    /// What tells staff member `e`'s row `values` from every other column: its values, then `e`.
    static func columnKey(_ e: Int, _ values: [UInt8]) -> [UInt8] {
        values + withUnsafeBytes(of: UInt32(e).littleEndian) { Array($0) }
    }
}
