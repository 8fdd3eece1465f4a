/// Branch and price (Barnhart, Johnson, Nemhauser, Savelsbergh & Vance, "Branch-and-price: column
/// generation for solving huge integer programs", Operations Research 1998) over the bound's master,
/// to prove what the linear programme alone cannot: on Curtois & Qu Instance 1 its bound is 558 and
/// the optimum 607 (checked against every row of every person with an independent solver).
///
/// A node is a set of fixings, each "person e works value v on day d" or its negation (Burke &
/// Curtois, "New approaches to nurse rostering benchmark instances", EJOR 2014, branch on such
/// assignments). Its bound is the best L of column generation over the pool's rows that keep its
/// fixings, each person's new rows priced by `RowRelaxation` with the cells the fixings forbid
/// taken out, so L bounds every roster of the branch. A node whose bound reaches the incumbent (the
/// best roster found, which the caller reads afresh) is pruned; otherwise it branches on the
/// assignment whose share of the master's solution is nearest a half. Nodes are taken best bound
/// first. A node whose master solution is whole is a leaf at its programme's value: with a pricer
/// that leaves no rule out, that is a roster. The proven bound is the least of the incumbent, the
/// open nodes' bounds and the leaves': once every node is pruned it is the incumbent, proved optimal.
package struct BranchAndPrice {
    let bounder: LagrangianBound
    /// Every row generated so far, at any node: each node's master starts from those that keep its
    /// fixings.
    var pool: [(person: Int, row: [UInt8], cost: Double)] = []
    var known: Set<[UInt8]> = []
    /// Nodes solved so far.
    package private(set) var nodes = 0
    /// Column generation rounds at one node at most; a node that does not converge within them
    /// keeps its best L as a leaf's bound.
    let roundsPerNode: Int

    /// The tree stops, cut short, beyond these: its open nodes and the cells of its pool's rows
    /// (memory: a node is its fixings, a row a byte a day).
    static let maxOpenNodes = 100_000
    static let maxPoolCells = 64 << 20

    /// An assignment decision: `person` works `value` on `day` (`works`), or does not.
    struct Fixing: Equatable {
        var person: Int32, day: Int32, value: UInt8, works: Bool
    }

    struct Node {
        var fixings: [Fixing]
        /// A bound on every roster of the branch (the parent's).
        var bound: Double
        var depth: Int
    }

    package init(_ bounder: LagrangianBound, roundsPerNode: Int = SolverOptions.boundRounds) {
        self.bounder = bounder
        self.roundsPerNode = roundsPerNode
    }

    /// Offers staff member `e`'s row to the pool (a dive's, a roster's), taken where it keeps the
    /// modelled hard rules.
    package mutating func offer(_ e: Int, _ row: [UInt8]) {
        guard row.count == bounder.problem.days else { return }
        let cost = bounder.rowCost(e, row)
        if cost < .infinity { addToPool(e, row, cost) }
    }

    mutating func addToPool(_ e: Int, _ row: [UInt8], _ cost: Double) {
        if known.insert(CoverMasterRows.columnKey(e, row)).inserted { pool.append((e, row, cost)) }
    }

    /// What the search ended with.
    package struct Outcome: Sendable {
        /// The proven lower bound (unrounded; `LagrangianBound.proven` rounds it).
        package var value: Double
        /// Whether every node was pruned or closed: `value` is the tree's own, not cut short.
        package var complete: Bool
    }

    /// Searches the tree until every node is pruned or closed, or `stop` says so. `incumbent` is the
    /// objective of the best roster known that keeps the hard rules (`Int.max` for none), read at
    /// every node; `progress` hears of each better proven bound; `stop` is told the nodes solved so far.
    package mutating func prove(incumbent: () -> Int, progress: (Double) -> Void = { _ in },
                                stop: (_ nodes: Int) -> Bool) -> Outcome {
        let E = bounder.problem.staffCount
        var open = [Node(fixings: [], bound: -.infinity, depth: 0)]
        var leaves = Double.infinity
        var reported = -Double.infinity
        /// The proven bound with `extra` still open.
        func proven(_ extra: Double) -> Double {
            open.reduce(min(Double(incumbent()), leaves, extra)) { min($0, $1.bound) }
        }
        while !open.isEmpty {
            // Best bound first; of equal bounds, the deepest (its fixings nearest a whole roster).
            var pick = 0
            for i in open.indices.dropFirst() {
                let a = open[i], b = open[pick]
                if a.bound < b.bound - 1e-9 || (abs(a.bound - b.bound) <= 1e-9 && a.depth > b.depth) { pick = i }
            }
            let node = open.remove(at: pick)
            let bound = proven(node.bound)
            if bound > reported { reported = bound; progress(bound) }
            if stop(nodes) || open.count > Self.maxOpenNodes || pool.count * bounder.problem.days > Self.maxPoolCells {
                return Outcome(value: proven(node.bound), complete: false)
            }
            // Generation may stop once L rounds up to the incumbent (`LagrangianBound.proven`).
            let target = Double(incumbent())
            let ceiling = target - 1 + 2e-6 * max(1, target)
            if let rounded = LagrangianBound.proven(node.bound), rounded >= incumbent() { continue }
            nodes += 1
            var byPerson = [[Fixing]](repeating: [], count: E)
            for f in node.fixings { byPerson[Int(f.person)].append(f) }
            let solvedNodes = nodes
            let solved = solve(byPerson, ceiling: ceiling, stop: { stop(solvedNodes) })
            let value = max(node.bound, solved.value)
            // Cut short, the node's best L still bounds its branch.
            if solved.stopped { return Outcome(value: proven(value), complete: false) }
            if let rounded = LagrangianBound.proven(value), rounded >= incumbent() { continue }
            guard let (f, depth) = solved.branch.map({ ($0, node.depth + 1) }) else {
                leaves = min(leaves, value)
                continue
            }
            var not = f
            not.works = false
            open.append(Node(fixings: node.fixings + [f], bound: value, depth: depth))
            open.append(Node(fixings: node.fixings + [not], bound: value, depth: depth))
        }
        let value = min(Double(incumbent()), leaves)
        if value > reported { progress(value) }
        return Outcome(value: value, complete: true)
    }

    /// Column generation at a node with fixings `byPerson`: its best L and, unless the master's
    /// solution is whole (or generation did not converge), the assignment to branch on (as the
    /// fixing that it holds); `stopped`
    /// when `stop` cut it short.
    mutating func solve(_ byPerson: [[Fixing]], ceiling: Double, stop: () -> Bool)
        -> (value: Double, branch: Fixing?, stopped: Bool) {
        let problem = bounder.problem
        let H = problem.days, V = problem.valueCount, E = problem.staffCount
        var master = LagrangianBound.RowMaster(bounder)
        for (e, row, cost) in pool where Self.keeps(row, byPerson[e]) { _ = master.add(e, row, cost: cost) }
        let restrict: (Int, inout [Double]) -> Void = { e, prices in
            for f in byPerson[e] {
                let d = Int(f.day)
                if f.works {
                    for v in 0..<V where v != Int(f.value) { prices[d * V + v] = .infinity }
                } else {
                    prices[d * V + Int(f.value)] = .infinity
                }
            }
        }
        var fresh: [(Int, [UInt8], Double)] = []
        let found = bounder.generate(&master, rounds: roundsPerNode, restrict: restrict, ceiling: ceiling,
                                     added: { fresh.append(($0, $1, $2)) }, stop: stop)
        for (e, row, cost) in fresh { addToPool(e, row, cost) }
        if stop() { return (found.value, nil, true) }
        guard found.converged, found.value < .infinity, found.value < ceiling else { return (found.value, nil, false) }
        // Each assignment's share of the master's solution.
        let x = master.simplex.solution
        var share = [Double](repeating: 0, count: E * H * V)
        for (j, column) in master.columns.enumerated() where x[j] > 1e-9 {
            guard let (e, row) = column else { continue }
            for d in 0..<H { share[(e * H + d) * V + Int(row[d])] += x[j] }
        }
        var pick = -1, pickDistance = 0.5 - 1e-5
        for (i, s) in share.enumerated() {
            let distance = abs(s - 0.5)
            if distance < pickDistance { pick = i; pickDistance = distance }
        }
        guard pick >= 0 else { return (found.value, nil, false) }
        let e = pick / (H * V), d = (pick / V) % H, v = pick % V
        return (found.value, Fixing(person: Int32(e), day: Int32(d), value: UInt8(v), works: true), false)
    }

    /// Whether `row` keeps a person's fixings.
    static func keeps(_ row: [UInt8], _ fixings: [Fixing]) -> Bool {
        fixings.allSatisfy { (row[Int($0.day)] == $0.value) == $0.works }
    }
}
