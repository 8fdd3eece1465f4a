/// The Hungarian method with potentials (H. W. Kuhn, "The Hungarian method for the assignment problem",
/// Naval Research Logistics Quarterly, 1955), in its O(n²m) shortest-augmenting-path form: gives each of
/// `n` rows a column of its own among `m ≥ n` so that the sum of their costs is the least. A value type
/// over reused arrays, so that a move calling it many times a second allocates nothing.
struct HungarianMethod {
    // 1-based as in the method's textbook form; column 0 and row 0 are the sentinels.
    private var rowPotential: [Int] = [], columnPotential: [Int] = [], rowOfColumn: [Int] = []
    private var way: [Int] = [], minimum: [Int] = [], used: [Bool] = []

    /// Solves the `rows × columns` problem whose cost of row `i` taking column `j` is
    /// `cost[i * columns + j]` (0-based); afterwards `row(dealt:)` tells the answer. Costs must be
    /// far below `Int.max / 4`.
    mutating func solve(_ cost: [Int], rows n: Int, columns m: Int) {
        precondition(n <= m && cost.count >= n * m)
        let infinity = Int.max / 4
        func reset<T>(_ a: inout [T], _ value: T, _ count: Int) {
            a.removeAll(keepingCapacity: true)
            a.append(contentsOf: repeatElement(value, count: count))
        }
        reset(&rowPotential, 0, n + 1)
        reset(&columnPotential, 0, m + 1)
        reset(&rowOfColumn, 0, m + 1)
        reset(&way, 0, m + 1)
        guard n > 0 else { return }
        for i in 1...n {
            rowOfColumn[0] = i
            var j0 = 0
            reset(&minimum, infinity, m + 1)
            reset(&used, false, m + 1)
            repeat {
                used[j0] = true
                let i0 = rowOfColumn[j0], base = (i0 - 1) * m - 1
                var delta = infinity, j1 = 0
                for j in 1...m where !used[j] {
                    let reduced = cost[base + j] - rowPotential[i0] - columnPotential[j]
                    if reduced < minimum[j] { minimum[j] = reduced; way[j] = j0 }
                    if minimum[j] < delta { delta = minimum[j]; j1 = j }
                }
                for j in 0...m {
                    if used[j] {
                        rowPotential[rowOfColumn[j]] += delta
                        columnPotential[j] -= delta
                    } else {
                        minimum[j] -= delta
                    }
                }
                j0 = j1
            } while rowOfColumn[j0] != 0
            repeat {
                let j1 = way[j0]
                rowOfColumn[j0] = rowOfColumn[j1]
                j0 = j1
            } while j0 != 0
        }
    }

    /// The row (0-based) the last `solve` dealt column `j` (0-based), or nil when it dealt it none.
    func row(dealt j: Int) -> Int? {
        let i = rowOfColumn[j + 1]
        return i == 0 ? nil : i - 1
    }
}
