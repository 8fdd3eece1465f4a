import RotorCore
import Synchronization
import Testing

/// A clock that moves on by `step` every time it is read, whoever reads it: the solver's time then
/// depends only on how often it looks, which a seed fixes.
struct SteppingClock: SolverClock {
    final class Counter: Sendable { let reads = Mutex<Int64>(0) }
    let step: Duration
    let counter = Counter()

    func now() -> Duration {
        step * counter.reads.withLock { n in
            n += 1
            return n
        }
    }

    var readCount: Int64 { counter.reads.withLock { $0 } }
}

func progress(elapsed: Duration = .zero, sinceImprovement: Duration = .zero, best: Score = Score(hard: 0, soft: 0), moves: Int = 0) -> SearchProgress {
    SearchProgress(elapsed: elapsed, sinceImprovement: sinceImprovement, best: best, moves: moves)
}

@Suite("Termination")
struct TerminationTests {
    @Test func timeLimit() {
        let t = Termination.timeLimit(.seconds(2))
        #expect(!t.isMet(by: progress(elapsed: .milliseconds(1999))))
        #expect(t.isMet(by: progress(elapsed: .seconds(2))))
        #expect(t.isMet(by: progress(elapsed: .seconds(3))))
        #expect(t.readsClock)
    }

    /// The time a search has at most: the smallest time limit of a composition, none without one.
    @Test func timeLimitOfAComposition() {
        #expect(Termination.any([.target(5), .timeLimit(.seconds(60)), .any([.timeLimit(.seconds(30))])]).timeLimit == .seconds(30))
        #expect(Termination.any([.target(5), .unimproved(.seconds(9)), .moveLimit(10)]).timeLimit == nil)
        #expect(Termination.timeLimit(.seconds(10)).timeLimit == .seconds(10))
    }

    @Test func target() {
        let t = Termination.target(607)
        #expect(t.isMet(by: progress(best: Score(hard: 0, soft: 607))))
        #expect(t.isMet(by: progress(best: Score(hard: 0, soft: 500))))
        #expect(!t.isMet(by: progress(best: Score(hard: 0, soft: 608))))
        #expect(!t.isMet(by: progress(best: Score(hard: 1, soft: 0))))  // infeasible rosters never meet a target
        #expect(!t.readsClock)
    }

    @Test func unimproved() {
        let t = Termination.unimproved(.seconds(5))
        #expect(!t.isMet(by: progress(elapsed: .seconds(100), sinceImprovement: .seconds(4))))
        #expect(t.isMet(by: progress(elapsed: .seconds(5), sinceImprovement: .seconds(5))))
        #expect(t.readsClock)
    }

    @Test func moveLimit() {
        let t = Termination.moveLimit(1000)
        #expect(!t.isMet(by: progress(moves: 999)))
        #expect(t.isMet(by: progress(moves: 1000)))
        #expect(!t.readsClock)
    }

    @Test func anyStopsAtTheFirstLimitMet() {
        let t = Termination.any([.moveLimit(1000), .target(10), .timeLimit(.seconds(1))])
        #expect(!t.isMet(by: progress(elapsed: .milliseconds(10), best: Score(hard: 0, soft: 11), moves: 10)))
        #expect(t.isMet(by: progress(best: Score(hard: 0, soft: 11), moves: 1000)))
        #expect(t.isMet(by: progress(best: Score(hard: 0, soft: 10))))
        #expect(t.isMet(by: progress(elapsed: .seconds(1), best: Score(hard: 0, soft: 11))))
        #expect(!Termination.any([]).isMet(by: progress(elapsed: .seconds(1000), moves: .max)))
        #expect(t.readsClock)
        #expect(!Termination.any([.moveLimit(1), .any([.target(1)])]).readsClock)
        #expect(Termination.any([.moveLimit(1), .any([.unimproved(.seconds(1))])]).readsClock)
        #expect(Termination.any([.any([.moveLimit(5)])]).isMet(by: progress(moves: 5)))
    }

    /// With a clock advancing one second per read, a 20 s limit stops after at most 20 looks at the
    /// clock (one per 1024 moves, plus one per improvement), the same way every time.
    @Test func timeLimitWithAFakeClockIsDeterministic() throws {
        let p = try CompiledProblem(syntheticProblem)
        var o = SolverOptions()
        o.threads = 1
        o.seed = 9
        o.termination = .any([.timeLimit(.seconds(20)), .moveLimit(10_000_000)])
        func run() throws -> (SolveResult, Int64) {
            let clock = SteppingClock(step: .seconds(1))
            let result = try Solver(problem: p, options: o, clock: clock).solve()
            return (result, clock.readCount)
        }
        let (a, readsA) = try run()
        let (b, readsB) = try run()
        #expect(a.schedule == b.schedule && a.status.moves == b.status.moves && readsA == readsB)
        #expect(a.status.moves % 1024 == 0 && a.status.moves <= 20 * 1024)
        #expect(a.status.elapsed >= .seconds(20))
        #expect(a.status.timeToBest <= a.status.elapsed)
        expectConsistent(a, p)
    }

    /// A clock that never moves: a time limit is never met, so the move limit stops the search. The
    /// solver reads no other clock.
    @Test func frozenClockNeverMeetsATimeLimit() throws {
        let p = try CompiledProblem(syntheticProblem)
        var o = SolverOptions()
        o.threads = 1
        o.termination = .any([.timeLimit(.nanoseconds(1)), .unimproved(.nanoseconds(1)), .moveLimit(50_000)])
        let result = try Solver(problem: p, options: o, clock: SteppingClock(step: .zero)).solve()
        #expect(result.status.moves >= 50_000 && result.status.moves < 50_000 + 1024)
        #expect(result.status.elapsed == .zero)
    }

    @Test func unimprovedWithAFakeClock() throws {
        let p = try CompiledProblem(syntheticProblem)
        var o = SolverOptions()
        o.threads = 1
        o.termination = .any([.unimproved(.seconds(30)), .moveLimit(50_000_000)])
        let clock = SteppingClock(step: .seconds(1))
        let result = try Solver(problem: p, options: o, clock: clock).solve()
        #expect(result.status.moves < 50_000_000)
        #expect(result.status.elapsed - result.status.timeToBest >= .seconds(30))
    }
}
