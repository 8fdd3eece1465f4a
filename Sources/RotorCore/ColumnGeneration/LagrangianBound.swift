/// A proven lower bound on the objective (the soft penalty) of every roster that keeps the hard
/// rules: the Lagrangian relaxation of cover (Fisher, "The Lagrangian relaxation method for solving
/// integer programming problems", Management Science 1981).
///
/// Cover couples the rows; everything else is a row's own. Give each cover slot c (a post on a day)
/// a price u_c and let each person choose a row alone, paid u_c for each slot it works, while each
/// slot chooses its own count n_c and pays its cover penalty f_c(n_c) plus u_c · n_c:
///
///     L(u) = Σ_e min over rows (cost_e(row) − Σ_c u_c · works_c(row)) + Σ_c min over n (f_c(n) + u_c · n)
///
/// For any roster the two sums add up to its score (the u terms cancel where n_c is the real count),
/// so L(u) ≤ the best score for every u. Rows come from `RowRelaxation`, which finds the cheapest row
/// over a superset of the rows the hard rules allow and prices only what it models, so its minimum is
/// never above the truth and L(u) stays a bound; where it leaves rules out the bound is weaker, and
/// says which (`relaxedRules`). At the master programme's dual prices with an exact pricer, L equals
/// the linear programme's value (the Lagrangian dual equals the LP relaxation of the column
/// formulation).
package struct LagrangianBound: Sendable {
    let problem: CompiledProblem
    let relaxation: RowRelaxation
    /// Per slot `d * postCount + post`: the least count the hard rules allow.
    let leastCount: [Int32]

    /// The rules and goals the bound leaves out for someone, sorted; empty when it is exact.
    package var relaxedRules: [String] { Array(Set(relaxation.relaxedRules.joined())).sorted() }

    /// Where the master is too large for column generation, only single passes run (L at zero
    /// prices), and on Rotor's own problems the programme keeps every rule its state holds, whatever
    /// the round's work. Not on the benchmark's: most of their states are reached, and on Instance 24
    /// (150 × 364) such a pass outlasted the bound's share, took 648 MB, and held up the first
    /// thread until the first feasible roster came at 30 s (3 s with the round's budget).
    package init(_ problem: CompiledProblem) {
        self.problem = problem
        masterRows = CoverMasterRows(problem, personShortfall: 0, hardShortfall: 0).count
        let singlePass = masterRows > Self.maxMasterRows && !WindowRebuilder.isApplicable(problem)
        relaxation = RowRelaxation(problem, roundWork: singlePass ? RowRelaxation.maxSinglePassWork : RowRelaxation.maxRoundWork)
        leastCount = (0..<(problem.days * problem.postCount)).map { c in
            problem.coverMinWeight[c] < 0 ? problem.coverMin[c] : 0
        }
    }

    /// One evaluation of L(u).
    package struct Evaluation: Sendable {
        /// L(u); +infinity when no roster keeps the modelled hard rules.
        package var value: Double
        /// Each person's cheapest row at u.
        package var rows: [[UInt8]]
    }

    /// L at prices `u` (one per slot `d * postCount + post`); nil when `stop` says so first (it is
    /// asked between people, since a round on a large operation can take seconds). `restrict` may
    /// forbid a person's cells (price them `.infinity`) before their row is priced: a branch of
    /// `BranchAndPrice`, whose L then bounds the rosters of that branch.
    package func evaluate(_ u: [Double], restrict: ((Int, inout [Double]) -> Void)? = nil,
                          stop: () -> Bool = { false }) -> Evaluation? {
        let E = problem.staffCount, H = problem.days, V = problem.valueCount, P = problem.postCount
        var value = 0.0
        var rows: [[UInt8]] = []
        var prices = [Double](repeating: 0, count: H * V)
        var workspace = RowRelaxation.Workspace()
        for e in 0..<E {
            if e % 16 == 0 && stop() { return nil }
            rowPrices(e, u, into: &prices)
            restrict?(e, &prices)
            guard let best = relaxation.cheapest(e, prices: prices, workspace: &workspace) else {
                return Evaluation(value: .infinity, rows: [])
            }
            value += best.cost
            rows.append(best.row)
        }
        for c in 0..<(H * P) {
            let n = slotChoice(c, u[c])
            if n < 0 { return Evaluation(value: .infinity, rows: rows) }
            value += slotCost(c, n) + u[c] * Double(n)
        }
        return Evaluation(value: value, rows: rows)
    }

    /// Staff member `e`'s prices at `u` (`[d * valueCount + v]`): the cell's soft penalty less the
    /// prices of the slots the value works, `.infinity` where the value is out of the person's domain
    /// or breaks a hard cell rule.
    package func rowPrices(_ e: Int, _ u: [Double], into prices: inout [Double]) {
        let H = problem.days, V = problem.valueCount, P = problem.postCount
        if prices.count != H * V { prices = [Double](repeating: 0, count: H * V) }
        for d in 0..<H {
            let f = problem.fixed[e * H + d]
            for v in 0..<V {
                let cell = (e * H + d) * V + v
                let allowed = f == 0 ? problem.allowed[e * V + v] != 0 : Int(f) - 1 == v
                guard allowed && problem.cellHard[cell] <= 0 else { prices[d * V + v] = .infinity; continue }
                var p = Double(problem.cellSoft[cell])
                if v > 0 {
                    p -= u[d * P + v - 1]
                    let parent = Int(problem.coverParent[v])
                    if parent > 0 { p -= u[d * P + parent - 1] }
                }
                prices[d * V + v] = p
            }
        }
    }

    /// The soft cover penalty of `n` people on slot `c`.
    func slotCost(_ c: Int, _ n: Int) -> Double {
        let p = problem
        var cost = 0
        if n < Int(p.coverMin[c]) && p.coverMinWeight[c] > 0 { cost += (Int(p.coverMin[c]) - n) * Int(p.coverMinWeight[c]) }
        if n < Int(p.coverPreferred[c]) { cost += (Int(p.coverPreferred[c]) - n) * Int(p.coverPreferredWeight[c]) }
        if n > Int(p.coverMax[c]) { cost += (n - Int(p.coverMax[c])) * Int(p.coverOverWeight[c]) }
        return Double(cost)
    }

    /// The count slot `c` chooses at price `u`: the least f(n) + u · n over the counts the hard
    /// minimum allows, up to everyone. f is convex and piecewise linear, so the least is at a corner.
    /// -1 when the hard minimum needs more people than there are.
    func slotChoice(_ c: Int, _ u: Double) -> Int {
        let lo = Int(leastCount[c]), hi = problem.staffCount
        guard lo <= hi else { return -1 }
        let p = problem
        var best = lo, bestCost = slotCost(c, lo) + u * Double(lo)
        @inline(__always) func consider(_ n: Int) {
            let k = min(max(n, lo), hi)
            let cost = slotCost(c, k) + u * Double(k)
            if cost < bestCost - 1e-9 { best = k; bestCost = cost }
        }
        consider(Int(p.coverMin[c]))
        consider(Int(p.coverPreferred[c]))
        consider(Int(p.coverMax[c]))
        consider(hi)
        return best
    }

    /// The proven bound from L: every score is a whole number, so it rounds up (allowing for the
    /// floating-point sums).
    package static func proven(_ value: Double) -> Int? {
        guard value.isFinite else { return value == .infinity ? Int.max : nil }
        return Int((value - 1e-6 * max(1, abs(value))).rounded(.up))
    }

    /// The bound to report from L: `proven`, at least 0 (no penalty is negative), with what the
    /// programme leaves out; nil when L proves nothing finite.
    package func objectiveBound(_ value: Double) -> ObjectiveBound? {
        guard let proven = Self.proven(value), proven < Int.max else { return nil }
        return ObjectiveBound(value: max(proven, 0), relaxed: relaxedRules)
    }

    /// The bound from column generation (Desaulniers, Desrosiers & Solomon, eds., "Column
    /// Generation", Springer 2005): a master linear programme picks a convex combination of rows per
    /// person, cover priced as the roster prices it; its dual prices give u, each person's cheapest row
    /// at u enters while it prices out, and L(u) at every round is a bound (Farley's, "A note on
    /// bounding a class of linear programming problems", Operations Research 1990). When nothing
    /// prices out, L equals the master's value: the linear programme's bound over the rows the
    /// relaxation allows. `startingRows` (staff member `i % staffCount`'s for the `i`-th: whole rosters'
    /// rows, one after another) enter first where they keep the modelled hard rules, so that the first
    /// prices already reflect rows that cover. `rounds` master solves at most; `stop` ends it sooner.
    /// Returns the best L.
    package func columnGeneration(rounds: Int, startingRows: [[UInt8]] = [],
                                  stop: () -> Bool = { false }) -> (value: Double, prices: [Double]) {
        precondition(masterRows <= Self.maxMasterRows, "the master is too large for the dense simplex")
        let E = problem.staffCount, H = problem.days
        var master = RowMaster(self)
        for (i, row) in startingRows.enumerated() where row.count == H {
            let e = i % max(E, 1), cost = rowCost(e, row)
            if cost < .infinity { _ = master.add(e, row, cost: cost) }
        }
        let found = generate(&master, rounds: rounds, stop: stop)
        return (found.value, found.prices)
    }

    /// A column generation master over whole rows (`CoverMasterRows`), and the people's rows it holds.
    struct RowMaster {
        let problem: CompiledProblem
        var simplex: RevisedSimplex
        let cover: CoverMasterRows
        /// Per column of `simplex`: its person and row; nil for the master's own columns.
        var columns: [(person: Int, row: [UInt8])?]
        var known: Set<[UInt8]> = []

        init(_ bounder: LagrangianBound) {
            problem = bounder.problem
            cover = CoverMasterRows(bounder.problem, personShortfall: 1e7, hardShortfall: 1e6)
            simplex = RevisedSimplex(senses: cover.senses, rhs: cover.rhs, shortfallCost: cover.shortfall)
            for (row, cost) in cover.overColumns { _ = simplex.addColumn(rows: [row], values: [-1], cost: cost) }
            columns = [(person: Int, row: [UInt8])?](repeating: nil, count: simplex.columnCount)
        }

        /// Adds staff member `e`'s row as a column unless the master has it; returns whether it was new.
        mutating func add(_ e: Int, _ row: [UInt8], cost: Double) -> Bool {
            guard known.insert(CoverMasterRows.columnKey(e, row)).inserted else { return false }
            let rows = cover.columnRows(problem, e, row)
            _ = simplex.addColumn(rows: rows, values: [Double](repeating: 1, count: rows.count), cost: cost)
            columns.append((e, row))
            return true
        }
    }

    /// Rounds of column generation on `master` (at most `rounds` solves): each person's cheapest row
    /// at the master's prices (under `restrict`) enters while it prices out, and L at those prices is
    /// a bound (Farley's, "A note on bounding a class of linear programming problems", Operations
    /// Research 1990). Ends when nothing prices out (`converged`), when the best L reaches
    /// `ceiling`, or when `stop` says so; `added` hears of every row that enters. Returns the best L
    /// and its prices.
    func generate(_ master: inout RowMaster, rounds: Int, restrict: ((Int, inout [Double]) -> Void)? = nil,
                  ceiling: Double = .infinity, added: (Int, [UInt8], Double) -> Void = { _, _, _ in },
                  stop: () -> Bool) -> (value: Double, prices: [Double], converged: Bool) {
        let E = problem.staffCount, H = problem.days, P = problem.postCount, p = problem
        var best = (value: -Double.infinity, prices: [Double](repeating: 0, count: H * P))
        for _ in 0..<rounds {
            if stop() { break }
            master.simplex.solve()
            let y = master.simplex.duals
            let u = master.cover.slotPrices(y)
            guard let x = evaluate(u, restrict: restrict, stop: stop) else { break }
            if x.value == .infinity { return (.infinity, u, true) }
            if x.value > best.value { best = (x.value, u) }
            if best.value >= ceiling { break }
            var any = false
            for e in 0..<E {
                let row = x.rows[e]
                let cost = rowCost(e, row)
                var reduced = cost - y[e]
                for d in 0..<H where row[d] != 0 {
                    let v = Int(row[d])
                    reduced -= u[d * P + v - 1]
                    let parent = Int(p.coverParent[v])
                    if parent > 0 { reduced -= u[d * P + parent - 1] }
                }
                if reduced < -1e-6 && master.add(e, row, cost: cost) {
                    any = true
                    added(e, row, cost)
                }
            }
            if !any { return (best.value, best.prices, true) }
        }
        return (best.value, best.prices, false)
    }

    /// The master's rows: one per person and one per cover bound that costs (`columnGeneration`).
    package let masterRows: Int
    /// The largest master the dense revised simplex takes (its basis inverse is rows² numbers, and
    /// a pivot touches each); larger problems get no prices from it (`LocalSearch.proveBound`).
    package static let maxMasterRows = 2500

    /// A row's own cost as the relaxation prices it: its cells' soft penalties and what the
    /// programme prices between days and per period (+infinity if it breaks a hard rule of those).
    package func rowCost(_ e: Int, _ row: [UInt8]) -> Double {
        let H = problem.days, V = problem.valueCount
        guard let rest = relaxation.modelledCost(e, row) else { return .infinity }
        var cost = rest
        for d in 0..<H { cost += Int(problem.cellSoft[(e * H + d) * V + Int(row[d])]) }
        return Double(cost)
    }
}
