import RotorCore
import Testing

@Suite("Block reassignment")
struct BlockReassignmentTests {
    /// The deal the Hungarian method picks is the cheapest of all deals of the group's stretches, each
    /// priced by the incremental scorer, on the benchmark's rules and on Rotor's own (rests, windows,
    /// nights, travel) where no fairness rule couples the rows.
    @Test(arguments: 0..<9)
    func dealsTheCheapestPermutation(seed: Int) throws {
        var random = RandomSource(seed: UInt64(seed))
        let (p, state) = try rowIndependentState(seed: seed, &random)
        #expect(BlockReassigner.isApplicable(p))
        let reassigner = BlockReassigner(groupSize: 6)
        for _ in 0..<20 {
            let length = 1 + random.below(min(3, p.days)), a = random.below(p.days - length + 1), b = a + length - 1
            reassigner.drawGroup(state, a, b, &random)
            let group = reassigner.group
            #expect(Set(group).count == group.count && group.count == min(6, p.staffCount))
            let stretches = group.map { e in (a...b).map { state.value(e, $0) } }
            // Every deal of the stretches to the group that keeps each person within their domain.
            var cheapest = Int.max
            for order in permutations(Array(0..<group.count)) {
                let deal = order.map { stretches[$0] }
                guard zip(group, deal).allSatisfy({ e, stretch in
                    (a...b).allSatisfy { d in stretch[d - a] == state.value(e, d) || state.accepts(e, d, Int(stretch[d - a])) }
                }) else { continue }
                let before = state.hard * 100 + state.soft
                state.begin()
                for (e, stretch) in zip(group, deal) { state.changeRow(e, a, b, stretch, updatesCover: true) }
                cheapest = min(cheapest, state.hard * 100 + state.soft - before)
                state.rollback()
            }
            let before = state.score
            state.begin()
            let delta = reassigner.apply(ReassignBlockMove(start: a, length: length), to: state, hardWeight: 100)
            #expect(delta.hard == state.hard - before.hard && delta.soft == state.soft - before.soft)
            #expect(delta.hard * 100 + delta.soft == cheapest, "days \(a)...\(b), staff \(group)")
            #expect(group.map { e in (a...b).map { state.value(e, $0) } }.sorted { $0.lexicographicallyPrecedes($1) }
                    == stretches.sorted { $0.lexicographicallyPrecedes($1) }, "the same stretches are worked")
            #expect(state.checkAgainstScratch() == nil)
            if random.below(2) == 0 { state.rollback() }
        }
    }

    /// Fairness compares rows with each other, so a row's change depends on the others'.
    @Test func notOfferedUnderFairness() throws {
        var k: UInt64 = 0
        while try CompiledProblem(randomOperation(seed: k)).problem.fairness.isEmpty { k += 1 }
        #expect(!BlockReassigner.isApplicable(try CompiledProblem(randomOperation(seed: k))))
    }
}

/// Every ordering of `items` (Heap's algorithm).
func permutations<T>(_ items: [T]) -> [[T]] {
    var result: [[T]] = [], a = items
    func generate(_ k: Int) {
        if k <= 1 { result.append(a); return }
        generate(k - 1)
        for i in 0..<(k - 1) {
            a.swapAt(k % 2 == 0 ? i : 0, k - 1)
            generate(k - 1)
        }
    }
    generate(a.count)
    return result
}
