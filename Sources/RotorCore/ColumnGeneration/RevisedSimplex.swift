/// A linear programme in the shape column generation needs: minimise `cost · x` subject to one
/// equality or inequality per row, `x ≥ 0`, with sparse columns that can be added at any time and
/// whose costs can be changed between solves (a dive bars a column by pricing it out).
///
/// Solved by the revised simplex method with an explicit basis inverse (Dantzig 1963; Chvátal,
/// "Linear Programming", 1983, ch. 7), warm-started from the last basis: adding columns or changing
/// costs leaves the basis primal feasible, so each solve continues where the last stopped. Every row
/// starts with a basic variable of its own (its slack, or an artificial one priced by the caller for
/// equalities and "at least" rows), so no first phase is needed: an artificial variable still
/// positive at the optimum means the row is not met at that price. Masters of a few hundred
/// rows keep the dense m × m inverse small; it is rebuilt from the basis every `refactorEvery`
/// pivots so that rounding does not pile up.
public struct RevisedSimplex {
    public enum Sense: Sendable { case atMost, equal, atLeast }

    public let rowCount: Int
    let rhs: [Double]
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
    /// Columns that are the rows' own slack or artificial variables, not the caller's.
    public private(set) var artificial: [Bool] = []

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
        let perturbed = rhs.enumerated().map { $0.element + 1e-7 * Double(1 + ($0.offset * 7919) % 97) / 97 }
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
        return cost.count - 1
    }

    public mutating func setCost(_ j: Int, _ c: Double) { cost[j] = c }

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

    /// Pivots until no column prices out, or `maximumPivots`; returns whether it is optimal.
    /// Dantzig's rule, switching to Bland's (smallest index) after a run of degenerate pivots, which
    /// set-partitioning masters make many of, so that it cannot cycle.
    @discardableResult
    public mutating func solve(maximumPivots: Int = 100_000) -> Bool {
        let m = rowCount
        var degenerateRun = 0
        var column = [Double](repeating: 0, count: m)
        y = duals
        for _ in 0..<maximumPivots {
            let bland = degenerateRun > 50
            var entering = -1, best = -1e-9
            for j in 0..<columnCount where !isBasic[j] {
                let d = reducedCost(j, y)
                if d < best {
                    entering = j
                    best = d
                    if bland { break }
                }
            }
            guard entering >= 0 else { return true }
            // The entering column in the basis's terms: B⁻¹ A_j.
            for i in 0..<m { column[i] = 0 }
            for k in columnStart[entering]..<columnStart[entering + 1] {
                let r = Int(entryRow[k]), v = entryValue[k]
                let base = r * m
                for i in 0..<m { column[i] += inverse[base + i] * v }
            }
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
            pivot(row: leaving, entering: entering, column: column, reducedCost: best)
        }
        return false
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
            basicValue[i] = max(v, 0)
        }
    }
}
