/// Deals out one day's work again among a group, optimally and cover included: each person of the
/// group gets off or a post they may hold that day, chosen by the Hungarian method (`HungarianMethod`)
/// so that the change of the score is the least.
///
/// A post's places are columns, one for each person of the group who may take it; the k-th costs what
/// a k-th person of the group there adds to the post's cover penalty, given the people outside the
/// group. A cover penalty is convex in the count (a constant weight per person short of the minimum,
/// another per person short of the preferred number, another per person over), so the cheapest deal
/// takes each post's cheapest places first and its sum is the exact change of cover. Where no rule
/// couples rows other than cover (no fairness rule), a row's change does not depend on the others',
/// so each person's cost of each value is priced once. Keeping every value where it is is one of the
/// deals, so the move never makes the score worse.
///
/// It makes in one step the ejection chains of a day (A takes B's post, B takes C's, C goes off and D
/// comes in on a post left short) that single changes reach only through worse rosters (Burke,
/// Curtois, Qu & Vanden Berghe, "A time predefined variable depth search for nurse rostering",
/// INFORMS J. Computing 2013, chain the same changes one at a time). Unlike `BlockReassigner`, which
/// keeps what is worked, it moves cover: it fills a short post from one with people to spare.
package final class DayReassigner {
    /// Largest group dealt out at once: the method takes O(n²m) time in the group's size `n` and its
    /// places `m` (about `n` per post).
    public let groupSize: Int
    /// Row evaluations (and a share of the method) of the last `apply`: a deterministic measure of
    /// its time, in moves.
    public private(set) var lastWork = 0

    /// The staff members the next `apply` deals among: distinct, none with the day's cell fixed.
    public var group: [Int] = []
    /// `[i * valueCount + v]`: the weighted change of the group's row `i` when it takes value `v`.
    private var rowCost: [Int] = []
    private var columnValue: [Int] = [], columnCover: [Int] = []
    private var cost: [Int] = []
    private var hungarian = HungarianMethod()
    private static let forbidden = Int(Int32.max)

    /// No rule couples two rows other than cover: the rows' changes add up.
    /// As block reassignment, and each post's cover counted on its own: a post with a skill that also
    /// counts towards a line without one would make the places' prices depend on each other.
    public static func isApplicable(_ problem: CompiledProblem) -> Bool {
        BlockReassigner.isApplicable(problem) && !problem.coverParent.contains { $0 > 0 }
    }

    public init(groupSize: Int = 24) {
        self.groupSize = max(groupSize, 2)
    }

    /// Chooses the group for day `d`: everyone whose cell is free when they fit in `groupSize`,
    /// otherwise up to half of it from the people who could help there (on a post with people to
    /// spare, able to take a post left short, or on a cell that costs something), the rest at random.
    public func drawGroup(_ state: SearchState, _ d: Int, _ random: inout RandomSource) {
        let staff = state.staffCount, days = state.days, posts = state.postCount
        group.removeAll(keepingCapacity: true)
        let free = (0..<staff).filter { state.fixed[$0 * days + d] == 0 }
        if free.count <= groupSize {
            group.append(contentsOf: free)
            return
        }
        let first = random.below(free.count)
        for i in 0..<free.count where group.count < groupSize / 2 {
            let e = free[(first + i) % free.count], v = Int(state.value(e, d))
            let spare = v != 0 && state.shortfall(d * posts + v - 1) < 0
            let canFill = (Int(state.allowedStart[e])..<Int(state.allowedStart[e + 1])).contains { k in
                let w = Int(state.allowedValues[k])
                return w != v && state.shortfall(d * posts + w - 1) > 0 && state.accepts(e, d, w)
            }
            if spare || canFill || state.cellPenalty(e, d, v) > 0 { group.append(e) }
        }
        while group.count < groupSize {
            let e = free[random.below(free.count)]
            if !group.contains(e) { group.append(e) }
        }
    }

    /// Deals out day `move.day` again among the group; returns the score change, zero or less at
    /// `hardWeight` per unit of hard penalty.
    public func apply(_ move: ReassignDayMove, to state: SearchState, hardWeight: Int) -> (hard: Int, soft: Int) {
        let d = move.day, n = group.count, values = state.valueCount, posts = state.postCount
        lastWork = 0
        guard n > 0 else { return (0, 0) }
        rowCost.removeAll(keepingCapacity: true)
        for e in group {
            let current = state.value(e, d)
            for v in 0..<values {
                if v == Int(current) { rowCost.append(0); continue }
                guard state.accepts(e, d, v) else { rowCost.append(Self.forbidden); continue }
                let x = withUnsafePointer(to: UInt8(v)) { state.changeRow(e, d, d, $0, updatesCover: false) }
                _ = withUnsafePointer(to: current) { state.changeRow(e, d, d, $0, updatesCover: false) }
                rowCost.append(x.hard * hardWeight + x.soft)
                lastWork += 2
            }
        }
        // Columns: a place off for everyone, then each post's places in the order they fill.
        columnValue.removeAll(keepingCapacity: true)
        columnCover.removeAll(keepingCapacity: true)
        columnValue.append(contentsOf: repeatElement(0, count: n))
        columnCover.append(contentsOf: repeatElement(0, count: n))
        for v in 1..<values {
            var places = 0, inGroup = 0
            for i in 0..<n where rowCost[i * values + v] != Self.forbidden {
                places += 1
                if Int(state.value(group[i], d)) == v { inGroup += 1 }
            }
            let c = d * posts + v - 1, outside = state.coverCount[c] - Int32(inGroup)
            func charge(_ count: Int32) -> Int {
                let x = state.coverCharge(c, count)
                return x.hard * hardWeight + x.soft
            }
            for k in 0..<Int32(places) {
                columnValue.append(v)
                columnCover.append(charge(outside + k + 1) - charge(outside + k))
            }
        }
        let m = columnValue.count
        cost.removeAll(keepingCapacity: true)
        for i in 0..<n {
            for j in 0..<m {
                let r = rowCost[i * values + columnValue[j]]
                cost.append(r == Self.forbidden ? r : r + columnCover[j])
            }
        }
        lastWork += n * n * m / 64
        hungarian.solve(cost, rows: n, columns: m)
        var hard = 0, soft = 0
        for j in 0..<m {
            guard let i = hungarian.row(dealt: j) else { continue }
            let e = group[i], v = UInt8(columnValue[j])
            guard v != state.value(e, d) else { continue }
            let x = withUnsafePointer(to: v) { state.changeRow(e, d, d, $0, updatesCover: true) }
            hard += x.hard
            soft += x.soft
        }
        return (hard, soft)
    }
}

/// Deals out day `day` again among the group `DayReassigner.drawGroup` chose.
package struct ReassignDayMove: Sendable, Equatable {
    public var day: Int

    public init(day: Int) {
        self.day = day
    }
}
