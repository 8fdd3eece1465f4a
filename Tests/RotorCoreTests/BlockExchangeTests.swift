@testable import RotorCore
import Testing

@Suite("Block exchanges")
struct BlockExchangeTests {
    /// Every draw is an exchange of blocks: both blocks lie in the horizon, have the same length and do
    /// not overlap; applied, the row holds the same values (so the same minutes and shifts of each
    /// type), and blocks a whole number of weeks apart leave the person's Saturdays and Sundays
    /// worked as they were. Both kinds of pair are drawn. Instance 1 starts on a Monday.
    @Test(arguments: 0..<4)
    func blockExchangesMoveWorkInTimeAndKeepTotals(seed: UInt64) throws {
        let p = try instance1()
        var random = RandomSource(seed: seed)
        let state = SearchState(p, schedule: randomSchedule(p, &random))
        var selector = MoveSelector(problem: p)
        selector.changePercent = 0
        selector.coverAimPercent = 0
        selector.requestAimPercent = 0
        selector.exchangePercent = 100
        selector.blockExchangePercent = 100
        let scratch = UnsafeMutablePointer<UInt8>.allocate(capacity: 2 * p.days)
        defer { scratch.deallocate() }
        func row(_ e: Int) -> [UInt8] { (0..<p.days).map { state.value(e, $0) } }
        func weekendDaysWorked(_ e: Int) -> Int { (0..<p.days).filter { $0 % 7 >= 5 && state.value(e, $0) != 0 }.count }
        var aligned = 0, unaligned = 0
        for _ in 0..<3000 {
            guard case .exchangeDays(let m)? = selector.next(state, &random) else { continue }
            #expect(m.length >= 2 && m.length <= 7)
            #expect(m.first >= 0 && m.second >= 0 && max(m.first, m.second) + m.length <= p.days)
            #expect(abs(m.first - m.second) >= m.length)
            let before = row(m.staff), weekends = weekendDaysWorked(m.staff)
            state.begin()
            _ = apply(.exchangeDays(m), to: state, scratch: scratch)
            let after = row(m.staff)
            #expect(after.sorted() == before.sorted())
            #expect(after != before)
            for i in 0..<m.length {
                #expect(after[m.first + i] == before[m.second + i] && after[m.second + i] == before[m.first + i])
            }
            if (m.second - m.first) % 7 == 0 {
                aligned += 1
                #expect(weekendDaysWorked(m.staff) == weekends)
            } else {
                unaligned += 1
            }
            if random.below(2) == 0 { state.rollback() }
        }
        #expect(aligned > 100 && unaligned > 100)
    }

    /// The search draws more exchanges only in a long search of a large roster with the benchmark's
    /// rules (`SolverOptions.exchangePercent`), and an explicit share always wins.
    @Test(.enabled(if: benchmarkAvailable("Instance24.txt")))
    func moreExchangesOnlyInLongSearchesOfLargeRosters() throws {
        let large = try benchmark("Instance24.txt"), small = try instance1()
        func percent(_ p: CompiledProblem, seconds: Int, explicit: Int? = nil) -> Int {
            var o = SolverOptions()
            o.termination = .any([.timeLimit(.seconds(seconds)), .target(0)])
            o.exchangePercent = explicit
            return LocalSearch.exchangePercent(o, p)
        }
        #expect(percent(large, seconds: 60) == MoveSelector.largeRosterExchangePercent)
        #expect(percent(large, seconds: 10) == MoveSelector.defaultExchangePercent)
        #expect(percent(small, seconds: 60) == MoveSelector.defaultExchangePercent)
        #expect(percent(large, seconds: 60, explicit: 5) == 5)
    }
}
