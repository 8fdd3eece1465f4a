import RotorCore
import Synchronization
import Testing

func options(seed: UInt64, moves: Int, acceptor: AcceptorKind = .simulatedAnnealing) -> SolverOptions {
    var o = SolverOptions()
    o.seed = seed
    o.threads = 1
    o.termination = .moveLimit(moves)
    o.acceptor = acceptor
    return o
}

/// Checks what every solve must guarantee: the reported best is the returned roster's from-scratch score.
func expectConsistent(_ result: SolveResult, _ p: CompiledProblem, sourceLocation: SourceLocation = #_sourceLocation) {
    let evaluation = Evaluation(p, result.schedule)
    #expect(result.status.best == evaluation.score, "reported best vs from-scratch score of the returned roster",
            sourceLocation: sourceLocation)
    if evaluation.score.hard == 0 { #expect(evaluation.hardViolations.isEmpty, sourceLocation: sourceLocation) }
}

/// Instance1 from `../shared`, or from the package's `examples/` when `../shared` is absent.
func instance1() throws -> CompiledProblem {
    benchmarkAvailable("Instance1.txt") ? try benchmark("Instance1.txt") : try exampleInstance1()
}

@Suite("Solver")
struct SolverTests {
    @Test(arguments: [AcceptorKind.simulatedAnnealing, .lateAcceptance])
    func sameSeedSameRoster(acceptor: AcceptorKind) throws {
        for p in [try CompiledProblem(syntheticProblem), try instance1()] {
            let o = options(seed: 42, moves: 100_000, acceptor: acceptor)
            let a = try Solver(problem: p, options: o).solve()
            let b = try Solver(problem: p, options: o).solve()
            #expect(a.schedule == b.schedule)
            #expect(a.status.best == b.status.best && a.status.moves == b.status.moves)
            // Runs to the move limit unless the roster is proved optimal first.
            #expect(a.status.isOptimal || a.status.moves >= 100_000 && a.status.moves < 100_000 + 1024)
            expectConsistent(a, p)
        }
    }

    @Test func differentSeedsDifferentTrajectories() throws {
        // Short runs, far from any optimum, so that the rosters reflect the path taken.
        let p = try CompiledProblem(syntheticProblem)
        let rosters = try (1...4).map { seed in try Solver(problem: p, options: options(seed: UInt64(seed), moves: 3000)).solve().schedule }
        #expect(Set(rosters.map(\.cells)).count > 1)
    }

    @Test func startsFromTheGivenRoster() throws {
        let p = try CompiledProblem(syntheticProblem)
        var random = RandomSource(seed: 5)
        let start = randomSchedule(p, &random)
        // Late acceptance never accepts a worse roster at first, so 1 move cannot lose the start's score.
        let result = try Solver(problem: p, options: options(seed: 1, moves: 1, acceptor: .lateAcceptance)).solve(initial: start)
        #expect(result.status.best <= Evaluation(p, start).score)
        expectConsistent(result, p)
    }

    /// Check mode recomputes the score from scratch during the search and throws on any drift. Short
    /// annealing cycles exercise the restarts from the best roster too, and a third of the seeds deal
    /// out days again (`DayReassigner`, off by default).
    @Test(arguments: 0..<20)
    func checkModeFindsNoDrift(seed: Int) throws {
        for p in [try CompiledProblem(syntheticProblem), try instance1()] {
            var o = options(seed: UInt64(seed), moves: 200_000, acceptor: seed % 4 == 3 ? .lateAcceptance : .simulatedAnnealing)
            o.checkEvery = 1000
            o.annealingCycle = 30_000
            o.hardWeight = [100, 1000][seed % 2]
            if seed % 3 == 0 { o.dayReassignShare = 0.2 }
            let result = try Solver(problem: p, options: o).solve()
            expectConsistent(result, p)
        }
    }

    /// Regression test: `best` and `bestScore` disagreed in the committed LocalSearch (8856036). The best
    /// roster is copied lazily (`bestPending`), and the copy was forced only before a move that raised the
    /// weighted cost, not before one that lowered it while making the score lexicographically worse (hard
    /// up, soft down by more). One day, one person whose maximum is 480 minutes: D (480 min) scores
    /// (hard 0, soft 500), E (481 min) scores (hard 1, soft 1), i.e. a cost of 101 < 500 at hard weight 100.
    /// From "off", reaching D first made it the pending best; the cheaper E was then accepted without a
    /// copy and returned under D's score, and `rotor solve` stopped on its precondition (signal 4).
    @Test(arguments: 1...8)
    func returnedRosterHasTheReportedScore(seed: Int) throws {
        let p = try CompiledProblem(CurtoisProblem(
            name: "one-day", horizonDays: 1,
            shiftTypes: [CurtoisShiftType(id: "D", minutes: 480), CurtoisShiftType(id: "E", minutes: 481)],
            staff: [CurtoisStaffMember(id: "A", contract: contract(maxMinutes: 480, minMinutes: 480))],
            cover: [CurtoisCover(day: 0, shift: "D", required: 1, underWeight: 1, overWeight: 0),
                    CurtoisCover(day: 0, shift: "E", required: 1, underWeight: 500, overWeight: 0)]))
        expectConsistent(try Solver(problem: p, options: options(seed: UInt64(seed), moves: 10_000)).solve(), p)
    }

    /// The same regression on a benchmark-like problem, with a low hard weight.
    @Test(arguments: 0..<8)
    func returnedRosterHasTheReportedScoreAtALowHardWeight(seed: Int) throws {
        for p in [try CompiledProblem(syntheticProblem), try instance1()] {
            var o = options(seed: UInt64(seed), moves: 200_000, acceptor: seed % 2 == 1 ? .lateAcceptance : .simulatedAnnealing)
            o.hardWeight = 1
            o.annealingCycle = 30_000
            expectConsistent(try Solver(problem: p, options: o).solve(), p)
        }
    }

    @Test func randomProblemsGiveConsistentResults() throws {
        for seed in 0..<40 {
            let p = try CompiledProblem(randomProblem(seed: UInt64(seed)))
            var o = options(seed: UInt64(seed), moves: 20_000)
            o.checkEvery = 1000
            expectConsistent(try Solver(problem: p, options: o).solve(), p)
        }
    }

    @Test func twoThreadsGiveAConsistentResult() throws {
        let p = try instance1()
        var o = options(seed: 3, moves: 300_000)
        o.threads = 2
        o.shareInterval = 1 << 14
        let result = try Solver(problem: p, options: o).solve()
        expectConsistent(result, p)
        // The first thread to reach the limit stops both.
        #expect(result.status.moves >= 300_000)
    }

    /// Instance1's proven optimum is 607: the solver must reach it and never report less. A budget of
    /// 20M moves in all, spent as up to 20 runs of 1M moves from different seeds (today's search reaches 607
    /// early or stalls at 608-612, so several short runs are a fairer test than one long one).
    @Test func instance1ReachesTheProvenOptimum() throws {
        let p = try instance1()
        var bests: [Int] = []
        for seed in 1...20 {
            var o = options(seed: UInt64(seed), moves: 0)
            o.termination = .any([.target(607), .moveLimit(1_000_000)])
            let result = try Solver(problem: p, options: o).solve()
            expectConsistent(result, p)
            #expect(result.status.best.hard > 0 || result.status.best.soft >= 607, "below the proven optimum")
            bests.append(result.status.best.hard == 0 ? result.status.best.soft : -1)
            if result.status.best == Score(hard: 0, soft: 607) { return }
        }
        Issue.record("no run reached 607; best objectives by seed: \(bests)")
    }
}
