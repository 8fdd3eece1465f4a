import RotorCore
import Testing

@Suite("Window rebuild")
struct WindowRebuildTests {
    /// With buckets large enough to keep every partial row, the programme is exact for one row: the
    /// stretch it builds leaves the roster feasible, and no stretch of those days (all of them tried,
    /// each priced by the incremental scorer) leaves it feasible for less.
    @Test(arguments: 0..<6)
    func oneRowIsRebuiltOptimally(seed: Int) throws {
        let p = try seed % 2 == 0 ? CompiledProblem(syntheticProblem) : instance1()
        #expect(WindowRebuilder.isApplicable(p))
        let start = try Solver(problem: p, options: options(seed: UInt64(seed), moves: 300_000)).solve().schedule
        let state = SearchState(p, schedule: start)
        try #require(state.hard == 0, "the search found no feasible roster to start from")
        let rebuilder = WindowRebuilder(p, labelsPerBucket: 512)
        var random = RandomSource(seed: UInt64(seed))
        for _ in 0..<12 {
            let e = random.below(p.staffCount), length = 1 + random.below(5)
            let a = random.below(p.days - length + 1), b = a + length - 1
            let domains = (a...b).map { d in (0..<p.valueCount).filter { state.accepts(e, d, $0) }.map(UInt8.init) }
            var choice = [Int](repeating: 0, count: length), best = Int.max
            while true {
                let stretch = (0..<length).map { domains[$0][choice[$0]] }
                state.begin()
                state.changeRow(e, a, b, stretch, updatesCover: true)
                if state.hard == 0 { best = min(best, state.soft) }
                state.rollback()
                guard let k = (0..<length).first(where: { choice[$0] + 1 < domains[$0].count }) else { break }
                choice[k] += 1
                for j in 0..<k { choice[j] = 0 }
            }
            #expect(best != Int.max, "the current stretch is feasible, so some stretch is")
            let before = state.soft
            state.begin()
            let delta = rebuilder.apply(RebuildWindowMove(first: e, second: -1, third: -1, start: a, end: b), to: state, hardWeight: 100)
            #expect(state.hard == 0 && state.soft == best, "staff \(e), days \(a)...\(b): rebuilt to \(state.score), best feasible soft \(best)")
            #expect(delta.hard == 0 && delta.soft == state.soft - before)
            state.rollback()
        }
    }

    /// Year-long instances have dozens of shift types: the rebuild still runs and keeps the scorer exact.
    @Test(.enabled(if: benchmarkAvailable("Instance24.txt")))
    func manyShiftTypes() throws {
        let p = try benchmark("Instance24.txt")
        #expect(WindowRebuilder.isApplicable(p))
        exerciseIncrementalScoring(p, seed: 7, moves: 400, evaluateEvery: 100)
    }
}
