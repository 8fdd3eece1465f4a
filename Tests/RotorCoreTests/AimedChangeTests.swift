import RotorCore
import Testing

@Suite("Aimed changes")
struct AimedChangeTests {
    /// The problems the draws are checked on: the synthetic one, Instance 1, and Rotor-model problems.
    static func problem(_ seed: Int) throws -> CompiledProblem {
        switch seed % 3 {
        case 0: try CompiledProblem(syntheticProblem)
        case 1: try instance1()
        default: try CompiledProblem(randomOperation(seed: UInt64(seed)))
        }
    }

    /// What a drawn change or exchange gives its person on its first day, and the day.
    static func granted(_ move: Move, _ state: SearchState) -> (staff: Int, day: Int, value: Int)? {
        switch move {
        case .change(let m): (m.staff, m.day, Int(m.value))
        case .exchangeDays(let m): (m.staff, m.first, Int(state.value(m.staff, m.second)))
        default: nil
        }
    }

    /// Draws 2,000 aimed moves on a random roster of problem `seed`, checks each with `check` before
    /// applying it, then checks what every aimed move promises: its person holds the wanted value on
    /// the day, and an exchange (work traded for rest) keeps their number of shifts. Half the moves
    /// are kept, so the roster drifts between draws.
    static func drawAndApply(seed: Int, _ draw: (MoveSelector, SearchState, inout RandomSource) -> Move?,
                             check: (CompiledProblem, SearchState, (staff: Int, day: Int, value: Int)) -> Void) throws {
        let p = try problem(seed)
        var random = RandomSource(seed: UInt64(seed))
        let state = SearchState(p, schedule: randomSchedule(p, &random))
        let selector = MoveSelector(problem: p)
        let scratch = UnsafeMutablePointer<UInt8>.allocate(capacity: 2 * p.days)
        defer { scratch.deallocate() }
        var drawn = 0
        for _ in 0..<2000 {
            guard let move = draw(selector, state, &random) else { continue }
            let target = try #require(granted(move, state))
            check(p, state, target)
            let worked = (0..<p.days).filter { state.value(target.staff, $0) != 0 }.count
            state.begin()
            _ = apply(move, to: state, scratch: scratch)
            #expect(Int(state.value(target.staff, target.day)) == target.value)
            if case .exchangeDays = move {
                #expect((0..<p.days).filter { state.value(target.staff, $0) != 0 }.count == worked)
            }
            if random.below(2) == 0 { state.rollback() }
            drawn += 1
        }
        #expect(drawn > 0)
    }

    /// A cover-aimed draw puts someone eligible on a post that is short that day.
    @Test(arguments: 0..<9)
    func coverAimedFillsAShortPost(seed: Int) throws {
        try Self.drawAndApply(seed: seed, { $0.coverAimed($1, &$2) }) { p, state, target in
            #expect(target.value > 0 && state.shortfall(target.day * (p.valueCount - 1) + target.value - 1) > 0)
            #expect(state.accepts(target.staff, target.day, target.value))
        }
    }

    /// A request-aimed draw gives a cell that costs something its cheapest value.
    @Test(arguments: [0, 1, 3, 4])
    func requestAimedGrantsTheCheapestValue(seed: Int) throws {
        try Self.drawAndApply(seed: seed, { $0.requestAimed($1, &$2) }) { p, state, target in
            let cheapest = (0..<p.valueCount).filter { state.accepts(target.staff, target.day, $0) }
                .map { state.cellPenalty(target.staff, target.day, $0) }.min()
            #expect(state.cellPenalty(target.staff, target.day, Int(state.value(target.staff, target.day))) > cheapest!)
            #expect(state.cellPenalty(target.staff, target.day, target.value) == cheapest)
        }
    }

    /// With nothing to aim at, the draws give nothing: a problem without cover or requests has no
    /// short post and no request, and on Instance 1 a roster whose every cell holds its cheapest value
    /// has no request left to grant.
    @Test func nothingToAimAt() throws {
        var random = RandomSource(seed: 5)
        var bare = syntheticProblem
        bare.cover = []
        bare.shiftOnRequests = []
        bare.shiftOffRequests = []
        let q = try CompiledProblem(bare)
        let any = SearchState(q, schedule: randomSchedule(q, &random))
        let plain = MoveSelector(problem: q)
        #expect((0..<500).allSatisfy { _ in plain.coverAimed(any, &random) == nil && plain.requestAimed(any, &random) == nil })

        let p = try instance1()
        let blank = SearchState(p, schedule: Schedule(staffCount: p.staffCount, days: p.days))
        var cheapest = Schedule(staffCount: p.staffCount, days: p.days)
        for e in 0..<p.staffCount {
            for d in 0..<p.days {
                let values = (0..<p.valueCount).filter { blank.accepts(e, d, $0) }
                cheapest[staff: e, day: d] = UInt8(values.min { blank.cellPenalty(e, d, $0) < blank.cellPenalty(e, d, $1) }!)
            }
        }
        let selector = MoveSelector(problem: p)
        let granted = SearchState(p, schedule: cheapest)
        #expect((0..<500).allSatisfy { _ in selector.requestAimed(granted, &random) == nil })
        #expect((0..<500).contains { _ in selector.requestAimed(blank, &random) != nil })
    }
}
