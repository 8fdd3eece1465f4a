import RotorCore
import Synchronization
import Testing

@Suite("Stop signal")
struct StopSignalTests {
    @Test func aRaisedSignalStopsAtTheFirstCheck() throws {
        let p = try CompiledProblem(syntheticProblem)
        var o = options(seed: 3, moves: 50_000_000)
        o.stopSignal = StopSignal()
        o.stopSignal?.raise()
        let result = try Solver(problem: p, options: o).solve()
        #expect(result.status.moves == 1024)
        expectConsistent(result, p)
    }

    /// The way a server uses it: a progress report hands over the shared best roster, and another
    /// thread raises the signal long before the time limit.
    @Test func raisedFromOutsideWhileSolving() throws {
        let p = try CompiledProblem(syntheticProblem)
        var o = SolverOptions()
        o.threads = 2
        o.termination = .timeLimit(.seconds(600))
        let signal = StopSignal()
        o.stopSignal = signal
        let reported = Mutex<Schedule?>(nil)
        let result = try Solver(problem: p, options: o).solve { status in
            reported.withLock { $0 = status.bestSchedule }
            signal.raise()
        }
        #expect(result.status.elapsed < .seconds(60))
        let schedule = try #require(reported.withLock { $0 })
        #expect(schedule.staffCount == p.staffCount && schedule.days == p.days)
        #expect(Evaluation(p, result.schedule).score <= Evaluation(p, schedule).score)
        expectConsistent(result, p)
    }
}
