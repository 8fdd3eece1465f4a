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

    /// On Rotor's own problems (rests on the clock, windows, nights, fairness) the rebuild is offered
    /// with `--own-rebuilds`: each move reports the exact change of the score, and a window rebuilt
    /// (one that changed; a row with no stretch that keeps the known limits gets its old one back)
    /// never puts two shifts on consecutive days that a hard rest rule or an overlap forbids.
    @Test(arguments: 0..<12)
    func ownProblemsRebuildWithExactDeltas(seed: Int) throws {
        let p = try CompiledProblem(randomOperation(seed: UInt64(seed)))
        try #require(WindowRebuilder.isOffered(p) && p.staffCount > 0 && p.days > 1)
        var random = RandomSource(seed: UInt64(seed))
        let state = SearchState(p, schedule: randomSchedule(p, &random))
        let rebuilder = WindowRebuilder(p)
        let rests = ConsecutiveDayRests(p)
        let clock = p.rules.hasRestRules || p.rules.hasTravel
        for _ in 0..<20 {
            let length = 1 + random.below(min(7, p.days)), a = random.below(p.days - length + 1), b = a + length - 1
            let e = random.below(p.staffCount)
            let second = p.staffCount > 1 && random.below(2) == 0 ? (e + 1) % p.staffCount : -1
            let window = { (x: Int) in (a...b).map { state.value(x, $0) } }
            let old = [window(e), second >= 0 ? window(second) : []]
            let before = state.score
            state.begin()
            let delta = rebuilder.apply(RebuildWindowMove(first: e, second: second, third: -1, start: a, end: b), to: state, hardWeight: 100)
            #expect(delta.hard == state.hard - before.hard && delta.soft == state.soft - before.soft)
            #expect(state.checkAgainstScratch() == nil)
            if clock && second < 0 && window(e) != old[0] {
                // Within the window, consecutive shifts of the rebuilt row (not its fixed cells) keep the hard rests.
                for x in [e] {
                    for d in stride(from: a + 1, through: b, by: 1) where state.fixed[x * p.days + d] == 0 && state.fixed[x * p.days + d - 1] == 0 {
                        let v = Int(state.value(x, d - 1)), w = Int(state.value(x, d))
                        guard v != 0 && w != 0 else { continue }
                        #expect(rests.charge(x, d, v, w) != nil, "staff \(x), days \(d - 1)–\(d)")
                    }
                }
            }
            if random.below(2) == 0 { state.rollback() }
        }
    }

    /// Completion bounds drop only partial rows that cannot end below `costBelow`: with buckets large
    /// enough to keep every partial row, the bounded programme finds a row exactly as cheap as the
    /// unbounded one when that costs less than `costBelow`, and none when it does not. Prices are
    /// random, negative ones too (the master's duals make working pay), on the synthetic problem,
    /// Instance1 and random problems with every contract limit.
    @Test(arguments: 0..<40)
    func completionBoundsKeepTheCheapestRow(seed: Int) throws {
        let p = try seed < 4 ? (seed % 2 == 0 ? CompiledProblem(syntheticProblem) : instance1())
            : CompiledProblem(randomProblem(seed: UInt64(seed)))
        try #require(WindowRebuilder.isApplicable(p))
        let state = SearchState(p)
        let V = p.valueCount, rules = p.rules
        var random = RandomSource(seed: UInt64(seed))
        let exact = WindowRebuilder(p, labelsPerBucket: 4096, maxMinuteBuckets: 512)
        for e in 0..<p.staffCount {
            let prices = (0..<(p.days * V)).map { i in
                state.accepts(e, i / V, i % V) ? (i % V == 0 ? 0 : random.below(101) - 60) : Int.max
            }
            func cost(_ row: [UInt8]) -> Int {
                let base = Int(rules.successionBase[e])
                return row.indices.reduce(0) { sum, d in
                    let v = Int(row[d])
                    let succession = d > 0 && v != 0 && row[d - 1] != 0 ? Int(rules.succession[base + Int(row[d - 1]) * V + v]) : 0
                    #expect(succession >= 0, "a forbidden succession in staff \(e)'s row")
                    return sum + prices[d * V + v] + max(succession, 0)
                }
            }
            let best = exact.cheapestRow(e, prices: prices, successionScale: 1).map(cost)
            guard let best else {
                #expect(exact.cheapestRow(e, prices: prices, successionScale: 1, costBelow: 1_000_000) == nil)
                continue
            }
            let bounded = exact.cheapestRow(e, prices: prices, successionScale: 1, costBelow: best + 1)
            #expect(bounded.map(cost) == best, "staff \(e): \(bounded.map(cost) ?? -1) against \(best) unbounded")
            #expect(exact.cheapestRow(e, prices: prices, successionScale: 1, costBelow: best) == nil)
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
