/// Deals out a group's stretches of a few days again, optimally: each of the group's rows gets one
/// of the stretches the group holds now (shifts at posts, or off, day by day), chosen by the
/// Hungarian method (`HungarianMethod`) so that the sum of the changes to their rows is the least. Cover is
/// untouched, since the same stretches are worked, and where no rule couples rows other than cover
/// (no fairness rule) a row's change does not depend on the others', so the sum is the exact change
/// of the score. Keeping every stretch where it is is one of the deals, so the move never makes the
/// score worse.
///
/// A block swap exchanges two people's stretches; this moves whole cycles of them (A takes B's,
/// B takes C's, C takes A's), the ejection chains that polish requests once cover is settled, which
/// a walk of single swaps reaches only through worse rosters.
package final class BlockReassigner {
    /// Largest group dealt out at once; the method takes cubic time in it.
    public let groupSize: Int
    /// Row evaluations (and a cubic share of the method) of the last `apply`: a deterministic
    /// measure of its time, in moves.
    public private(set) var lastWork = 0

    /// The staff members the next `apply` deals among, distinct.
    public var group: [Int] = []
    private var blocks: [UInt8] = []
    private var representative: [Int] = []
    private var cost: [Int] = []
    private var hungarian = HungarianMethod()

    /// No rule couples two rows other than cover (no fairness goal, no crew): the rows' changes add up.
    public static func isApplicable(_ problem: CompiledProblem) -> Bool {
        problem.problem.fairness.isEmpty && problem.crews.isEmpty && problem.staffCount >= 2 && problem.days > 0
    }

    public init(groupSize: Int = 24) {
        self.groupSize = max(groupSize, 2)
    }

    /// Chooses the group for days `a...b`: everyone when the staff fit in `groupSize`, otherwise up
    /// to half of it from the people whose cells those days cost something (an unmet request, say),
    /// the rest at random.
    public func drawGroup(_ state: SearchState, _ a: Int, _ b: Int, _ random: inout RandomSource) {
        let E = state.staffCount
        group.removeAll(keepingCapacity: true)
        if E <= groupSize {
            group.append(contentsOf: 0..<E)
            return
        }
        let first = random.below(E)
        for i in 0..<E where group.count < groupSize / 2 {
            let e = (first + i) % E
            if (a...b).contains(where: { state.cellPenalty(e, $0, Int(state.value(e, $0))) > 0 }) { group.append(e) }
        }
        while group.count < groupSize {
            let e = random.below(E)
            if !group.contains(e) { group.append(e) }
        }
    }

    /// Deals out the group's stretches of the move's days again; returns the score change, zero or
    /// less at `hardWeight` per unit of hard penalty.
    public func apply(_ move: ReassignBlockMove, to state: SearchState, hardWeight: Int) -> (hard: Int, soft: Int) {
        let a = move.start, length = move.length, b = a + length - 1, n = group.count
        blocks.removeAll(keepingCapacity: true)
        for e in group { for d in a...b { blocks.append(state.value(e, d)) } }
        // Rows holding the same stretch share a representative (the first of them), and columns of
        // one stretch share their costs.
        representative.removeAll(keepingCapacity: true)
        for j in 0..<n {
            representative.append((0..<j).first { k in
                (0..<length).allSatisfy { blocks[k * length + $0] == blocks[j * length + $0] }
            } ?? j)
        }
        // cost[i * n + j]: the change of row i when it takes the stretch row j holds now.
        let forbidden = Int(Int32.max)
        cost.removeAll(keepingCapacity: true)
        lastWork = 0
        for i in 0..<n {
            let e = group[i]
            for j in 0..<n {
                if representative[i] == representative[j] { cost.append(0); continue }
                if representative[j] < j { cost.append(cost[i * n + representative[j]]); continue }
                guard (0..<length).allSatisfy({ t in
                    blocks[j * length + t] == blocks[i * length + t] || state.accepts(e, a + t, Int(blocks[j * length + t]))
                }) else { cost.append(forbidden); continue }
                let x = blocks.withUnsafeBufferPointer { p in
                    let x = state.changeRow(e, a, b, p.baseAddress! + j * length, updatesCover: false)
                    _ = state.changeRow(e, a, b, p.baseAddress! + i * length, updatesCover: false)
                    return x
                }
                cost.append(x.hard * hardWeight + x.soft)
                lastWork += 2
            }
        }
        lastWork += n * n * n / 64
        hungarian.solve(cost, rows: n, columns: n)
        var hard = 0, soft = 0
        for j in 0..<n {
            let i = hungarian.row(dealt: j)!
            guard representative[i] != representative[j] else { continue }
            let x = blocks.withUnsafeBufferPointer { state.changeRow(group[i], a, b, $0.baseAddress! + j * length, updatesCover: false) }
            hard += x.hard
            soft += x.soft
        }
        return (hard, soft)
    }
}

/// Deals out again the stretches of days `start ..< start + length` among the group
/// `BlockReassigner.drawGroup` chose.
package struct ReassignBlockMove: Sendable, Equatable {
    public var start: Int, length: Int

    public init(start: Int, length: Int) {
        self.start = start
        self.length = length
    }
}
