import RotorCore
import Testing

@Suite("Day reassignment")
struct DayReassignmentTests {
    /// The deal the Hungarian method picks is the cheapest of every way to give the group's people a
    /// value each on the day (off or a post their domain allows), cover included, each priced by the
    /// incremental scorer: on the benchmark's rules and on Rotor's own (rests, windows, nights, travel)
    /// where no fairness rule couples the rows, from random rosters that break rules and cover.
    @Test(arguments: 0..<9)
    func dealsTheCheapestValues(seed: Int) throws {
        var random = RandomSource(seed: UInt64(seed))
        let (p, state) = try rowIndependentState(seed: seed, &random)
        #expect(DayReassigner.isApplicable(p))
        // Groups of 4, or of 3 where the domains are large, keep the combinations few.
        let reassigner = DayReassigner(groupSize: p.valueCount > 8 ? 3 : 4)
        var changedSomething = false
        for _ in 0..<20 {
            let d = random.below(p.days)
            reassigner.drawGroup(state, d, &random)
            let group = reassigner.group
            #expect(Set(group).count == group.count && group.count <= reassigner.groupSize)
            #expect(group.allSatisfy { state.fixed[$0 * p.days + d] == 0 })
            let domains = group.map { e in (0..<p.valueCount).filter { $0 == Int(state.value(e, d)) || state.accepts(e, d, $0) } }
            // Every combination of the group's domains, odometer-wise.
            var cheapest = Int.max
            var digits = [Int](repeating: 0, count: group.count)
            repeat {
                let before = state.hard * 100 + state.soft
                state.begin()
                for (i, e) in group.enumerated() {
                    let v = UInt8(domains[i][digits[i]])
                    withUnsafePointer(to: v) { _ = state.changeRow(e, d, d, $0, updatesCover: true) }
                }
                cheapest = min(cheapest, state.hard * 100 + state.soft - before)
                state.rollback()
                var i = 0
                while i < digits.count {
                    digits[i] += 1
                    if digits[i] < domains[i].count { break }
                    digits[i] = 0
                    i += 1
                }
                if i == digits.count { break }
            } while true
            let rows = (0..<p.staffCount).map { e in (0..<p.days).map { state.value(e, $0) } }
            let before = state.score
            state.begin()
            let delta = reassigner.apply(ReassignDayMove(day: d), to: state, hardWeight: 100)
            #expect(delta.hard == state.hard - before.hard && delta.soft == state.soft - before.soft)
            #expect(delta.hard * 100 + delta.soft == cheapest, "day \(d), staff \(group)")
            for e in 0..<p.staffCount {
                for day in 0..<p.days where day != d || !group.contains(e) {
                    #expect(state.value(e, day) == rows[e][day], "only the group's cells of day \(d) change")
                }
            }
            changedSomething = changedSomething || cheapest < 0
            #expect(state.checkAgainstScratch() == nil)
            if random.below(2) == 0 { state.rollback() }
        }
        #expect(changedSomething, "a random roster leaves something to improve")
    }

    /// Fairness compares rows with each other, so a row's change depends on the others'.
    @Test func notOfferedUnderFairness() throws {
        var k: UInt64 = 0
        while try CompiledProblem(randomOperation(seed: k)).problem.fairness.isEmpty { k += 1 }
        #expect(!DayReassigner.isApplicable(try CompiledProblem(randomOperation(seed: k))))
    }

    /// A day whose staff outnumber the group: the group is drawn from the free cells, half of it from
    /// people who could help there.
    @Test func drawsAGroupOfFreeCells() throws {
        let p = try CompiledProblem(syntheticProblem)
        var random = RandomSource(seed: 5)
        let state = SearchState(p, schedule: randomSchedule(p, &random))
        let reassigner = DayReassigner(groupSize: 2)
        for d in 0..<p.days {
            reassigner.drawGroup(state, d, &random)
            let free = (0..<p.staffCount).filter { state.fixed[$0 * p.days + d] == 0 }
            #expect(reassigner.group.count == min(2, free.count))
            #expect(Set(reassigner.group).isSubset(of: free))
        }
    }
}
