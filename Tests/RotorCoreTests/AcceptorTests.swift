import Testing
@testable import RotorCore

struct AcceptorTests {
    /// Cycles longer than the moves a run has left shorten to them, cooling from where they are to
    /// their end temperature; doubled cycles stop at twice that.
    @Test func annealingCyclesFitTheRun() {
        var annealing = SimulatedAnnealing(hot: (100, 1), polish: (5, 0.1), cycleLength: 1_000_000, maximumCycleLength: 8_000_000)
        for _ in 0..<1024 { annealing.step(current: 0) }
        let reached = annealing.temperature
        #expect(reached < 100 && reached > 90)
        annealing.fit(cyclesAtMost: 10_240)
        #expect(annealing.cycleLength == 10_240 && annealing.maximumCycleLength == 20_480)
        var steps = 1024, last = reached
        while !annealing.wantsRestart {
            annealing.step(current: 0)
            steps += 1
            #expect(annealing.temperature <= last)
            last = annealing.temperature
        }
        #expect(steps == 10_240)
        #expect(abs(annealing.temperature - 1) < 1e-6)
        annealing.restart(at: 0, polish: true, improved: false)
        annealing.restart(at: 0, polish: true, improved: false)
        #expect(annealing.cycleLength == 20_480 && annealing.temperature == 5)
        // A run with moves to spare keeps its cycles.
        annealing.fit(cyclesAtMost: 1_000_000)
        #expect(annealing.cycleLength == 20_480 && annealing.maximumCycleLength == 20_480)
    }
}
