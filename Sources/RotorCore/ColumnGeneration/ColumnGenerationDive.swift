/// A whole roster from column generation and diving: the heuristic half of the branch and price that
/// proved the optimum of most Curtois & Qu instances (Burke & Curtois, "New approaches to nurse
/// rostering benchmark instances", EJOR 2014), with the dive of Joncour et al. ("Column generation
/// based primal heuristics", ENDM 2010) in place of the branching.
///
/// The master chooses one row (a column: a person's values over the horizon) per person; cover is its
/// only coupling, priced as the roster prices it: per unit short of the minimum and the preferred
/// number, per unit over the maximum. Rows come from `WindowRebuilder.cheapestRow`, the same dynamic
/// programme the search rebuilds windows with, priced by the master's dual values. When no row
/// prices out, the dive fixes the person whose best column has the largest value (every person whose
/// column is already whole at once) by taking that column out of the right-hand sides (the person's
/// own row asks for none of their columns, the cover rows for what the column does not cover), and
/// generates again, until everyone is fixed; further dives start again from the root with another
/// choice (`barsFixedColumns` says how). Local search cannot make the coordinated changes across
/// many rows that such a roster may differ by; the dive makes them through the linear programme, and
/// the search then polishes it.
///
/// A row's cost here is its cells and successions only: the programme keeps the other row rules as
/// hard limits, which they all are on the benchmark; the search scores the roster with every rule.
/// On problems with rules that programme does not model (Rotor's own), rows come instead from the
/// bound's programme (`RowRelaxation`, through `LagrangianBound`), which prices every rule it models,
/// hard and soft, and leaves the rest to the search (`relaxation`).
package final class ColumnGenerationDive {
    let problem: CompiledProblem
    /// The bound's programme, where it prices the rows (`isApplicable` but not benchmark-shaped).
    let relaxation: LagrangianBound?
    var workspace = RowRelaxation.Workspace()
    let pricer: WindowRebuilder
    /// The pricing programme with `fineLabelsPerBucket` labels a bucket, asked when `pricer` finds no
    /// row that prices out at the root, or once at most `finePricingShare` of the people are left
    /// unfixed. With 32 labels a bucket the programme misses rows whose partial rows are not among the
    /// cheapest of their bucket (where the buckets do not key a limit such as the number of night
    /// shifts, or the weekends), so the root's value may stay above the optimum and bound nothing.
    /// Pricing finely at every fixing costs more than it gains: while many people are unfixed the
    /// quick programme's rows serve. Both programmes seek only rows that price out
    /// (`WindowRebuilder.cheapestRow(costBelow:)`), whose completion bounds make 128 labels
    /// affordable and the 32-label programme faster.
    let finePricer: WindowRebuilder
    static let fineLabelsPerBucket = 128
    static let finePricingShare = 0.4
    let domain: SearchState
    let hardWeight: Int
    var master: RevisedSimplex
    /// The master's rows.
    let cover: CoverMasterRows
    /// Per column: its person (-1 for the master's own over-cover columns) and values (`days` each).
    var columnStaff: [Int] = []
    var columnValues: [UInt8] = []
    var known: Set<[UInt8]> = []
    var fixed: [Int]
    /// Whether a fixed person's other columns, which can only be zero, are barred from entering
    /// the master (`RevisedSimplex.bar`): on masters of more than 200 rows, where fixings take
    /// thousands of pivots and the bar nearly halves them. On smaller masters the bar changes which
    /// of the degenerate programme's optimal bases the dives pass through, and did worse.
    let barsFixedColumns: Bool
    /// The master's basis at the root, optimal for the columns it had then and primal feasible
    /// with those added since: each dive after the first starts from it. Returning there from the
    /// last fixing's basis by the dual method costs hundreds of pivots a dive instead, and with
    /// barred columns is unsound: that basis need not be dual feasible for the columns barred
    /// meanwhile, which were not priced.
    var root: RevisedSimplex.Basis?
    /// The master's right-hand sides with nobody fixed.
    let rootRightHandSide: [Double]
    /// Price units per unit of penalty: the programme prices in integers, the duals are fractions.
    let scale = 1024.0
    /// Cost of leaving a person without a row: more than any row costs.
    let missingRow = 1e7

    /// Called with the cover slots' prices (the sum of each slot's rows' duals) each time generation
    /// at the root has ended: prices at which `LagrangianBound` proves a bound close to the
    /// programme's value.
    public var atRoot: (([Double]) -> Void)?

    /// Linear programmes solved so far.
    public private(set) var solves = 0
    /// Dives begun so far.
    public private(set) var dives = 0

    /// A deterministic measure of the time spent so far: steps of the pricing programme, plus the
    /// entries the simplex visits (a two-hundredth of a step each). `workPerSecond` converts a time
    /// limit into it, calibrated on the benchmark; the programme does nine tenths or more of it.
    public var work: Int { pricer.lastWork + finePricer.lastWork + workspace.steps + master.work / 200 }
    public static let workPerSecond = 50_000_000

    /// Where every rule is one the window programme models (`WindowRebuilder.isApplicable`), or
    /// else where the master fits the dense simplex and the bound's programme prices the rows.
    public static func isApplicable(_ problem: CompiledProblem) -> Bool {
        problem.staffCount > 0
            && (WindowRebuilder.isApplicable(problem) || CoverMasterRows(problem, personShortfall: 0, hardShortfall: 0).count <= LagrangianBound.maxMasterRows)
    }

    public init(_ problem: CompiledProblem, hardWeight: Int, labelsPerBucket: Int = 32) {
        self.problem = problem
        self.hardWeight = hardWeight
        relaxation = WindowRebuilder.isApplicable(problem) ? nil : LagrangianBound(problem)
        pricer = WindowRebuilder(problem, labelsPerBucket: labelsPerBucket, maxMinuteBuckets: 256, revisits: 0)
        finePricer = WindowRebuilder(problem, labelsPerBucket: Self.fineLabelsPerBucket, maxMinuteBuckets: 256, revisits: 0)
        domain = SearchState(problem)
        fixed = [Int](repeating: -1, count: problem.staffCount)
        let rows = CoverMasterRows(problem, personShortfall: missingRow, hardShortfall: Double(hardUnit * hardWeight))
        cover = rows
        master = RevisedSimplex(senses: rows.senses, rhs: rows.rhs, shortfallCost: rows.shortfall)
        barsFixedColumns = master.rowCount > 200
        rootRightHandSide = rows.rhs
        for (row, cost) in rows.overColumns { master.addColumn(rows: [row], values: [-1], cost: cost) }
        // The master's own columns (slacks, artificials, over-cover) belong to nobody.
        columnStaff = [Int](repeating: -1, count: master.columnCount)
        columnValues = [UInt8](repeating: 0, count: master.columnCount * problem.days)
    }

    /// Offers a roster's rows that keep every hard rule of their own as columns, so that the master
    /// starts from them.
    public func add(_ schedule: Schedule) {
        domain.load(schedule)
        for e in 0..<problem.staffCount where domain.staffHard[e] == 0 {
            _ = addColumn(e, Array(schedule.cells[(e * problem.days)..<((e + 1) * problem.days)]))
        }
    }

    /// A cell's own penalty, as the programme prices it.
    @inline(__always) func cellCost(_ e: Int, _ d: Int, _ v: Int) -> Int {
        let cell = (e * problem.days + d) * problem.valueCount + v
        return Int(problem.cellHard[cell]) * hardWeight + Int(problem.cellSoft[cell])
    }

    /// What the master pays for one more person on value `v > 0` on day `d` at row prices `y`.
    @inline(__always) func coverPrice(_ d: Int, _ v: Int, _ y: [Double]) -> Double {
        let P = problem.postCount, parent = Int(problem.coverParent[v])
        return slotPrice(d * P + v - 1, y) + (parent > 0 ? slotPrice(d * P + parent - 1, y) : 0)
    }

    /// The sum of cover slot `c`'s rows' prices in `y`.
    @inline(__always) func slotPrice(_ c: Int, _ y: [Double]) -> Double {
        cover.rows(ofSlot: c).reduce(0) { $0 + y[$1] }
    }

    /// A row's own penalty: its cells and successions, as the programme prices them (with the bound's
    /// programme, everything it models).
    func rowCost(_ e: Int, _ values: [UInt8]) -> Double {
        if let relaxation { return relaxation.rowCost(e, values) }
        let V = problem.valueCount
        var cost = 0
        let base = Int(problem.rules.successionBase[e])
        for d in 0..<problem.days {
            let v = Int(values[d])
            cost += cellCost(e, d, v)
            if d > 0 && v != 0 && values[d - 1] != 0 {
                cost += max(Int(problem.rules.succession[base + Int(values[d - 1]) * V + v]), 0)
            }
        }
        return Double(cost)
    }

    /// Adds staff member `e`'s row `values` unless the master has it; returns whether it was new.
    func addColumn(_ e: Int, _ values: [UInt8]) -> Bool {
        guard known.insert(CoverMasterRows.columnKey(e, values)).inserted else { return false }
        let cost = rowCost(e, values)
        guard cost < .infinity else { return false }
        let rows = cover.columnRows(problem, e, values)
        let coefficients = [Double](repeating: 1, count: rows.count)
        let j = master.addColumn(rows: rows, values: coefficients, cost: cost)
        precondition(j == columnStaff.count)
        columnStaff.append(e)
        columnValues.append(contentsOf: values)
        return true
    }

    /// Solves the master and prices every unfixed person's best row at its duals until none prices
    /// out (asking `finePricer` before giving up where it is asked); returns false when `stop` says so first.
    func generate(_ stop: () -> Bool) -> Bool {
        let V = problem.valueCount, H = problem.days, E = problem.staffCount
        var prices = [Int](repeating: 0, count: H * V)
        let unfixed = fixed.count { $0 < 0 }
        let asksFinePricer = relaxation == nil && (unfixed == E || Double(unfixed) <= Self.finePricingShare * Double(E))
        var slotPrices: [Double] = [], rowPrices: [Double] = []
        var fine = false
        while true {
            if stop() { return false }
            master.solve()
            solves += 1
            let y = master.duals
            var added = false
            if let relaxation {
                // The bound's programme: each person's cheapest row at the slots' prices.
                slotPrices = cover.slotPrices(y)
                for e in 0..<E where fixed[e] < 0 {
                    relaxation.rowPrices(e, slotPrices, into: &rowPrices)
                    guard let found = relaxation.relaxation.cheapest(e, prices: rowPrices, workspace: &workspace) else { continue }
                    if found.cost - y[e] < -1e-6 && addColumn(e, found.row) { added = true }
                }
                if added { continue }
                return true
            }
            for e in 0..<E where fixed[e] < 0 {
                for d in 0..<H {
                    for v in 0..<V {
                        guard domain.accepts(e, d, v) else { prices[d * V + v] = Int.max; continue }
                        let p = Double(cellCost(e, d, v)) - (v > 0 ? coverPrice(d, v, y) : 0)
                        prices[d * V + v] = Int((p * scale).rounded())
                    }
                }
                // A row prices out when the programme's cost is below y[e] · scale, give or take the
                // rounding of each day's price (half a unit each).
                let costBelow = Int((y[e] * scale).rounded(.down)) + H
                let row = (fine ? finePricer : pricer).cheapestRow(e, prices: prices, successionScale: Int(scale), costBelow: costBelow)
                guard let values = row else { continue }
                var reduced = rowCost(e, values) - y[e]
                for d in 0..<H where values[d] != 0 { reduced -= coverPrice(d, Int(values[d]), y) }
                if reduced < -1e-6 && addColumn(e, values) { added = true }
            }
            if added {
                fine = false
            } else if fine || !asksFinePricer {
                return true
            } else {
                fine = true
            }
        }
    }

    /// How a dive ended.
    public enum Outcome {
        /// A whole roster.
        case roster(Schedule)
        /// Abandoned: the programme's value showed that it could not end below the bound.
        case cutOff
        /// `stop` said so before the end, or some person has no row that keeps the hard limits the
        /// programme models.
        case stopped
    }

    /// Whether nobody is fixed: the next dive starts here, and one cut off here shows that none can
    /// end below its bound.
    public var isAtRoot: Bool { !fixed.contains { $0 >= 0 } }

    /// The programme's value at the current fixing: the fixed columns' costs and the master's.
    var fixedValue: Double {
        fixed.reduce(master.objective) { $1 >= 0 ? $0 + master.cost[$1] : $0 }
    }

    /// Generates and dives to a whole roster. Every cost is a whole number, so once the programme's
    /// value after generation exceeds `bound - 1`, no roster the dive can still reach scores below
    /// `bound`, and the dive is cut off there. (The value is a true lower bound only when pricing is
    /// exact; with a few labels per bucket it may cut off a dive that would have ended lower.) Cutting
    /// off leaves the time to more dives. The first dive fixes the largest column; later ones (each
    /// starts again from the root, with every column generated so far) fix one drawn from those at
    /// least a quarter as large, so that repeated dives explore: a first dive is often far from the
    /// optimum and a later one reaches it.
    public func dive(stop: () -> Bool, random: inout RandomSource, below bound: Int = .max) -> Outcome {
        let E = problem.staffCount, H = problem.days
        var rightHandSide = rootRightHandSide
        if !isAtRoot {
            // Set once the first dive has generated at the root, before any fixing.
            if let root { master.restore(root) }
            fixed = [Int](repeating: -1, count: E)
        }
        let first = dives == 0
        dives += 1
        while fixed.contains(-1) {
            guard generate(stop) else { return .stopped }
            if isAtRoot {
                root = master.currentBasis
                if let atRoot {
                    let y = master.duals
                    atRoot(cover.slotPrices(y))
                }
            }
            if bound < .max && fixedValue > Double(bound) - 1 + 1e-6 { return .cutOff }
            let x = master.solution
            // Everyone whose column is whole, else the person with the largest column.
            var choice: [(e: Int, j: Int)] = []
            var best = (e: -1, j: -1, x: -1.0)
            var largest = [Double](repeating: -1, count: E), largestColumn = [Int](repeating: -1, count: E)
            for j in 0..<master.columnCount {
                let e = columnStaff[j]
                guard e >= 0, fixed[e] < 0, x[j] > largest[e] else { continue }
                largest[e] = x[j]
                largestColumn[e] = j
            }
            for e in 0..<E where fixed[e] < 0 && largestColumn[e] >= 0 {
                if largest[e] > 1 - 1e-6 { choice.append((e, largestColumn[e])) }
                if largest[e] > best.x { best = (e, largestColumn[e], largest[e]) }
            }
            if choice.isEmpty {
                guard best.e >= 0 else { return .stopped }
                if first {
                    choice = [(best.e, best.j)]
                } else {
                    let near = (0..<E).filter { fixed[$0] < 0 && largestColumn[$0] >= 0 && largest[$0] >= best.x / 4 }
                    let e = near[random.below(near.count)]
                    choice = [(e, largestColumn[e])]
                }
            }
            for (e, j) in choice {
                fixed[e] = j
                rightHandSide[e] = 0
                for r in cover.columnRows(problem, e, Array(columnValues[(j * H)..<((j + 1) * H)])).dropFirst() { rightHandSide[r] -= 1 }
            }
            master.setRightHandSide(rightHandSide)
            if barsFixedColumns {
                let staff = columnStaff, fixedNow = fixed
                master.bar { staff[$0] >= 0 && fixedNow[staff[$0]] >= 0 }
            }
        }
        var schedule = Schedule(staffCount: E, days: H)
        for e in 0..<E {
            let start = fixed[e] * H
            for d in 0..<H { schedule.cells[e * H + d] = columnValues[start + d] }
        }
        return .roster(schedule)
    }
}

