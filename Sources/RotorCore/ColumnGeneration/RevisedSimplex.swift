/// A linear programme in the shape column generation needs: minimise `cost · x` subject to one
/// equality or inequality per row, `x ≥ 0`, with sparse columns that can be added at any time and
/// right-hand sides that can be changed between solves (a dive fixes a column by taking it out of
/// the right-hand side).
///
/// Solved by the revised simplex method with an explicit basis inverse (Dantzig 1963; Chvátal,
/// "Linear Programming", 1983, ch. 7, 10), warm-started from the last basis. Adding columns leaves
/// the basis primal feasible, so the primal method continues where the last solve stopped; changing
/// right-hand sides after an optimal solve leaves it dual feasible, so the dual method (Lemke 1954)
/// first restores primal feasibility, in far fewer pivots than the primal method would need after a
/// fixing. Every row starts with a basic variable of its own (its slack, or an artificial one priced
/// by the caller for equalities and "at least" rows), so no first phase is needed: an artificial
/// variable still positive at the optimum means the row is not met at that price. Masters of a few hundred rows keep the dense m × m
/// inverse small; it is rebuilt from the basis every `refactorEvery` pivots so that rounding does
/// not pile up.
package struct RevisedSimplex {
    public enum Sense: Sendable { case atMost, equal, atLeast }

    public let rowCount: Int
    /// The right-hand sides as solved: the caller's plus `perturbation`.
    var rhs: [Double]
    let perturbation: [Double]
    /// Columns, sparse: `entryRow[columnStart[j] ..< columnStart[j + 1]]` with `entryValue`.
    var columnStart: [Int] = [0]
    var entryRow: [Int32] = []
    var entryValue: [Double] = []
    public private(set) var cost: [Double] = []
    /// Basic variable of each row, its value, and the inverse of the basis, column-major (element
    /// (i, k) at `inverse[k * rowCount + i]`), so that the loops of a pivot run along memory.
    var basis: [Int]
    var basicValue: [Double]
    var inverse: [Double]
    /// The row prices of the basis, kept up to date through pivots (see `solve`).
    var y: [Double] = []
    var isBasic: [Bool] = []
    var pivotsSinceRefactor = 0
    let refactorEvery = 512
    public private(set) var pivots = 0
    /// Entries of the inverse and of the columns visited so far: a deterministic measure of time.
    public private(set) var work = 0
    /// Columns that are the rows' own slack or artificial variables, not the caller's.
    public private(set) var artificial: [Bool] = []

    /// Columns that may enter the basis, in increasing order (Bland's rule takes the first): every
    /// column but the barred ones (`bar`).
    var live: [Int32] = []
    /// Entries of the live columns: what a pricing pass over them visits.
    var liveEntries = 0

    public var columnCount: Int { cost.count }

    /// Rows `sense[i]`, right-hand sides `rhs[i] ≥ 0`; `shortfallCost[i]` prices the artificial
    /// variable of an equality or "at least" row: a big M, or the real price of falling short where
    /// the model allows it (a post left uncovered), so that the row's own variable means something.
    public init(senses: [Sense], rhs: [Double], shortfallCost: [Double]) {
        precondition(senses.count == rhs.count && rhs.count == shortfallCost.count && rhs.allSatisfy { $0 >= 0 })
        rowCount = rhs.count
        // A small distinct perturbation of each right-hand side (Charnes 1952; Wolfe 1963): set
        // partitioning masters are highly degenerate, and without it the method stalls for
        // thousands of pivots at one vertex.
        perturbation = rhs.indices.map { 1e-7 * Double(1 + ($0 * 7919) % 97) / 97 }
        let perturbed = zip(rhs, perturbation).map { $0 + $1 }
        self.rhs = perturbed
        basis = []
        basicValue = perturbed
        inverse = [Double](repeating: 0, count: rowCount * rowCount)
        for (i, sense) in senses.enumerated() {
            // The row's own variable: +1 in its row, so the first basis is the identity.
            if sense == .atLeast {
                _ = appendColumn(rows: [i], values: [-1], cost: 0, artificial: true)   // surplus
            }
            let j = appendColumn(rows: [i], values: [1], cost: sense == .atMost ? 0 : shortfallCost[i], artificial: true)
            basis.append(j)
            isBasic[j] = true
            inverse[i * rowCount + i] = 1
        }
    }

    /// Adds a column with entries `values` in `rows` (distinct); returns its index.
    @discardableResult
    public mutating func addColumn(rows: [Int], values: [Double], cost: Double) -> Int {
        appendColumn(rows: rows, values: values, cost: cost, artificial: false)
    }

    private mutating func appendColumn(rows: [Int], values: [Double], cost c: Double, artificial a: Bool) -> Int {
        for (r, v) in zip(rows, values) {
            entryRow.append(Int32(r))
            entryValue.append(v)
        }
        columnStart.append(entryRow.count)
        cost.append(c)
        isBasic.append(false)
        artificial.append(a)
        live.append(Int32(cost.count - 1))
        liveEntries += rows.count
        return cost.count - 1
    }

    /// Keeps the columns for which `isBarred` holds from entering the basis: columns that every
    /// feasible solution holds at zero (a dive's fixed person's other rows), so the programme's
    /// solutions are unchanged while its pricing passes skip them. A barred basic column stays
    /// until it leaves.
    public mutating func bar(where isBarred: (Int) -> Bool) {
        live.removeAll { isBarred(Int($0)) }
        liveEntries = live.reduce(0) { $0 + columnStart[Int($1) + 1] - columnStart[Int($1)] }
    }

    /// A basis and what goes with it, to come back to (`restore`).
    public struct Basis {
        let rhs: [Double], basis: [Int], basicValue: [Double], inverse: [Double]
        let pivotsSinceRefactor: Int
    }

    /// The current basis, right-hand sides and inverse.
    public var currentBasis: Basis {
        Basis(rhs: rhs, basis: basis, basicValue: basicValue, inverse: inverse, pivotsSinceRefactor: pivotsSinceRefactor)
    }

    /// Returns to a basis taken earlier, with the right-hand sides it had, and lets every column
    /// enter again. Columns added since are nonbasic, so a basis that was optimal is still primal
    /// feasible and the primal method goes on from it. Unbarring alone would not do: the barred
    /// columns were not priced meanwhile, so the last basis need not be dual feasible for them.
    public mutating func restore(_ saved: Basis) {
        rhs = saved.rhs
        basis = saved.basis
        basicValue = saved.basicValue
        inverse = saved.inverse
        pivotsSinceRefactor = saved.pivotsSinceRefactor
        for j in 0..<columnCount { isBasic[j] = false }
        for j in basis { isBasic[j] = true }
        live = (0..<Int32(columnCount)).map { $0 }
        liveEntries = entryRow.count
    }

    /// Sets every row's right-hand side (any sign, where the row's own variables or the columns can
    /// still meet it) and the basic values that follow from them. Call it after a solve that ended
    /// optimal and before adding columns, so that the basis is dual feasible for the next solve.
    public mutating func setRightHandSide(_ b: [Double]) {
        precondition(b.count == rowCount)
        let m = rowCount
        rhs = zip(b, perturbation).map { $0 + $1 }
        for i in 0..<m { basicValue[i] = 0 }
        for k in 0..<m where rhs[k] != 0 {
            let base = k * m, v = rhs[k]
            for i in 0..<m { basicValue[i] += inverse[base + i] * v }
        }
    }

    /// The value of every column at the current basis.
    public var solution: [Double] {
        var x = [Double](repeating: 0, count: columnCount)
        for (i, j) in basis.enumerated() { x[j] = basicValue[i] }
        return x
    }

    public var objective: Double {
        basis.indices.reduce(0) { $0 + cost[basis[$1]] * basicValue[$1] }
    }

    /// The row prices (dual values) of the current basis: `y = c_B B⁻¹`.
    public var duals: [Double] {
        let m = rowCount
        var y = [Double](repeating: 0, count: m)
        for k in 0..<m {
            var sum = 0.0
            for i in 0..<m { sum += cost[basis[i]] * inverse[k * m + i] }
            y[k] = sum
        }
        return y
    }

    /// `cost[j] - y · A_j`.
    func reducedCost(_ j: Int, _ y: [Double]) -> Double {
        var d = cost[j]
        for k in columnStart[j]..<columnStart[j + 1] { d -= y[Int(entryRow[k])] * entryValue[k] }
        return d
    }

    /// `v · A_j`: with row `r` of the inverse, column `j`'s entry in row `r` of `B⁻¹ A`.
    func dot(_ j: Int, _ v: [Double]) -> Double {
        var sum = 0.0
        for k in columnStart[j]..<columnStart[j + 1] { sum += v[Int(entryRow[k])] * entryValue[k] }
        return sum
    }

    /// Row `r` of the inverse, gathered from its column-major storage.
    func rowOfInverse(_ r: Int, into row: inout [Double]) {
        for k in 0..<rowCount { row[k] = inverse[k * rowCount + r] }
    }

    /// Pivots until the basis is feasible and no column prices out, or `maximumPivots`; returns
    /// whether it is optimal. First the dual method while a basic value is negative (after
    /// `setRightHandSide`), then the primal: Devex pricing, switching to Bland's rule (smallest
    /// index) after a run of degenerate pivots, which set-partitioning masters make many of, so that
    /// it cannot cycle.
    @discardableResult
    public mutating func solve(maximumPivots: Int = 100_000) -> Bool {
        let m = rowCount
        var degenerateRun = 0
        var column = [Double](repeating: 0, count: m)
        y = duals
        var budget = maximumPivots
        guard restoreFeasibility(&budget, &column) else { return false }
        // Reduced costs and Devex reference weights (Harris 1973; Forrest & Goldfarb 1992), both
        // kept up to date along each pivot's row. On the dive's masters Devex takes markedly fewer
        // pivots than Dantzig's rule (docs/tuning-log.md).
        var reduced = [Double](repeating: 0, count: columnCount)
        var weight = [Double](repeating: 1, count: columnCount)
        var pivotRow = [Double](repeating: 0, count: m)
        var stale = true
        for _ in 0..<budget {
            if stale {
                // At the start, and after a refactor has recomputed the prices.
                for j in live { reduced[Int(j)] = isBasic[Int(j)] ? 0 : reducedCost(Int(j), y) }
                for j in live { weight[Int(j)] = 1 }
                stale = false
            }
            let bland = degenerateRun > 50
            var entering = -1, best = 0.0
            for j in live.lazy.map(Int.init) where !isBasic[j] && reduced[j] < -1e-9 {
                let score = reduced[j] * reduced[j] / weight[j]
                if score > best {
                    entering = j
                    best = score
                    if bland { break }
                }
            }
            guard entering >= 0 else { return true }
            inBasisTerms(entering, &column)
            var leaving = -1, ratio = Double.infinity
            for i in 0..<m where column[i] > 1e-9 {
                let t = basicValue[i] / column[i]
                if t < ratio - 1e-12 || (t <= ratio + 1e-12 && leaving >= 0 && basis[i] < basis[leaving]) {
                    ratio = t
                    leaving = i
                }
            }
            // Unbounded cannot happen with non-negative costs on the rows' own variables; stop.
            guard leaving >= 0 else { return false }
            degenerateRun = ratio < 1e-12 ? degenerateRun + 1 : 0
            rowOfInverse(leaving, into: &pivotRow)
            let d = reduced[entering], p = column[leaving], w = weight[entering], left = basis[leaving]
            pivot(row: leaving, entering: entering, column: column, reducedCost: d)
            stale = pivotsSinceRefactor == 0
            if stale { continue }
            // Along the pivot row `a_j = (B⁻¹ A)_{leaving, j}`: d_j -= d a_j / p, and the weight of a
            // column grows to that of the entering one scaled by (a_j / p)².
            for j in live.lazy.map(Int.init) where !isBasic[j] {
                let a = dot(j, pivotRow)
                if a == 0 { continue }
                reduced[j] -= d * a / p
                weight[j] = max(weight[j], a * a / (p * p) * w)
            }
            reduced[entering] = 0
            weight[left] = max(w / (p * p), 1)
        }
        return false
    }

    /// The dual simplex method: while some basic value is negative, one such leaves, and the
    /// entering column is the one whose reduced cost reaches zero first along the leaving row
    /// (Harris's two-pass ratio test, "Pivot selection methods of the Devex LP code", 1973: among
    /// the columns within a tolerance of the first, the one with the largest pivot, for
    /// stability). Returns false when a row cannot be met or the pivots run out.
    private mutating func restoreFeasibility(_ budget: inout Int, _ column: inout [Double]) -> Bool {
        let m = rowCount
        var pivotRow = [Double](repeating: 0, count: m), rowNorm = pivotRow
        var candidates: [(j: Int, alpha: Double, d: Double)] = []
        while true {
            // Dual steepest edge (Forrest & Goldfarb, "Steepest-edge simplex algorithms for linear
            // programming", 1992), exact: the row whose infeasibility is largest against the norm
            // of its row of the inverse, all of which cost one pass over it, like a pivot.
            for i in 0..<m { rowNorm[i] = 0 }
            inverse.withUnsafeBufferPointer { inv in
                for k in 0..<m {
                    let base = k * m
                    for i in 0..<m { rowNorm[i] += inv[base + i] * inv[base + i] }
                }
            }
            var r = -1, worst = 0.0
            for i in 0..<m where basicValue[i] < -1e-9 {
                let score = basicValue[i] * basicValue[i] / rowNorm[i]
                if score > worst {
                    r = i
                    worst = score
                }
            }
            guard r >= 0 else { return true }
            guard budget > 0 else { return false }
            budget -= 1
            work += m * m + liveEntries
            rowOfInverse(r, into: &pivotRow)
            // The leaving row of B⁻¹A, and the reduced costs, of the nonbasic columns that can enter.
            candidates.removeAll(keepingCapacity: true)
            var bound = Double.infinity
            for j in live.lazy.map(Int.init) where !isBasic[j] {
                let a = dot(j, pivotRow)
                guard a < -1e-9 else { continue }
                let d = reducedCost(j, y)
                candidates.append((j, a, d))
                bound = min(bound, (max(d, 0) + 1e-9) / -a)
            }
            guard bound < .infinity else { return false }
            var entering = candidates[0]
            entering.alpha = 0
            for c in candidates where max(c.d, 0) / -c.alpha <= bound && c.alpha < entering.alpha { entering = c }
            inBasisTerms(entering.j, &column)
            pivot(row: r, entering: entering.j, column: column, reducedCost: entering.d)
        }
    }

    /// Column `j` in the basis's terms: `B⁻¹ A_j`.
    private func inBasisTerms(_ j: Int, _ column: inout [Double]) {
        let m = rowCount
        for i in 0..<m { column[i] = 0 }
        for k in columnStart[j]..<columnStart[j + 1] {
            let r = Int(entryRow[k]), v = entryValue[k]
            let base = r * m
            for i in 0..<m { column[i] += inverse[base + i] * v }
        }
    }

    /// Brings column `j` into the basis in place of row `r`'s variable. The prices move along the
    /// new inverse's row `r`, by the entering column's reduced cost, so that it prices at zero.
    private mutating func pivot(row r: Int, entering j: Int, column: [Double], reducedCost: Double) {
        let m = rowCount
        let p = column[r]
        let theta = basicValue[r] / p
        for i in 0..<m where i != r { basicValue[i] -= theta * column[i] }
        basicValue[r] = theta
        inverse.withUnsafeMutableBufferPointer { inv in
            column.withUnsafeBufferPointer { col in
                for k in 0..<m {
                    let base = k * m
                    let t = inv[base + r] / p
                    if t == 0 { continue }
                    for i in 0..<m { inv[base + i] -= col[i] * t }
                    inv[base + r] = t
                }
            }
        }
        for k in 0..<m { y[k] += reducedCost * inverse[k * m + r] }
        isBasic[basis[r]] = false
        basis[r] = j
        isBasic[j] = true
        pivots += 1
        // The inverse's update, and a pass over the columns to price the next pivot.
        work += m * m + liveEntries
        pivotsSinceRefactor += 1
        if pivotsSinceRefactor >= refactorEvery {
            refactor()
            y = duals
        }
    }

    /// Rebuilds the inverse and the basic values from the basis by Gauss–Jordan elimination with
    /// partial pivoting.
    mutating func refactor() {
        pivotsSinceRefactor = 0
        let m = rowCount
        var a = [Double](repeating: 0, count: m * m)
        for (i, j) in basis.enumerated() {
            for k in columnStart[j]..<columnStart[j + 1] { a[Int(entryRow[k]) * m + i] = entryValue[k] }
        }
        var inv = [Double](repeating: 0, count: m * m)
        for i in 0..<m { inv[i * m + i] = 1 }
        let singular = a.withUnsafeMutableBufferPointer { a in
            inv.withUnsafeMutableBufferPointer { inv in
                for c in 0..<m {
                    var p = c
                    for i in (c + 1)..<m where abs(a[i * m + c]) > abs(a[p * m + c]) { p = i }
                    guard abs(a[p * m + c]) > 1e-12 else { return true }
                    if p != c {
                        for k in 0..<m {
                            a.swapAt(p * m + k, c * m + k)
                            inv.swapAt(p * m + k, c * m + k)
                        }
                    }
                    let d = a[c * m + c]
                    for k in c..<m { a[c * m + k] /= d }
                    for k in 0..<m { inv[c * m + k] /= d }
                    for i in 0..<m where i != c {
                        let f = a[i * m + c]
                        if f == 0 { continue }
                        for k in c..<m { a[i * m + k] -= f * a[c * m + k] }
                        for k in 0..<m { inv[i * m + k] -= f * inv[c * m + k] }
                    }
                }
                return false
            }
        }
        // Singular by rounding: keep the updated inverse.
        if singular { return }
        for i in 0..<m {
            var v = 0.0
            for k in 0..<m {
                v += inv[i * m + k] * rhs[k]
                inverse[k * m + i] = inv[i * m + k]
            }
            // Rounding below zero is zero; a real shortfall is left for the dual method.
            basicValue[i] = v < -1e-9 ? v : max(v, 0)
        }
    }
}
