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

    /// A person's period pressure, worked out from their row: +1 for each period total of minutes
    /// above its maximum, -1 for each below its minimum, bounds scaled to a short last period.
    static func minutesPressure(_ p: CompiledProblem, _ state: SearchState, _ e: Int, _ d: Int) -> Int {
        let list = p.rules.minutesPerPeriod
        var pressure = 0
        for i in list.range(e) {
            let period = Int(list.a[i]), first = period >= p.days ? 0 : d / period * period
            let days = first..<min(first + period, p.days)
            let total = days.reduce(0) { $0 + Int(p.cellMinutes[$1 * p.valueCount + Int(state.value(e, $1))]) }
            if list.c[i] != Int32.max && total * period > Int(list.c[i]) * days.count { pressure += 1 }
            else if list.b[i] > 0 && total * period < Int(list.b[i]) * days.count { pressure -= 1 }
        }
        return pressure
    }

    /// An hours-aimed draw trades one day between a person whose period totals are too high (who
    /// works it) or too low (who is off) and someone in the opposite place that day, within both
    /// domains; cover is unchanged. The pressure it aims by agrees with the rows' own totals.
    @Test(arguments: 0..<12)
    func hoursAimedTradesADayOfAPeriodOutOfBounds(seed: Int) throws {
        let p = try Self.problem(seed)
        var random = RandomSource(seed: UInt64(seed))
        let state = SearchState(p, schedule: randomSchedule(p, &random))
        let selector = MoveSelector(problem: p)
        let scratch = UnsafeMutablePointer<UInt8>.allocate(capacity: 2 * p.days)
        defer { scratch.deallocate() }
        let posts = p.valueCount - 1
        var drawn = 0
        for _ in 0..<2000 {
            if p.rules.shiftsPerPeriod.a.isEmpty {
                let e = random.below(p.staffCount), d = random.below(p.days)
                #expect(state.periodPressure(e, d) == Self.minutesPressure(p, state, e, d))
            }
            guard let move = selector.hoursAimed(state, &random) else { continue }
            guard case .swapBlock(let m) = move else { Issue.record("not a trade: \(move)"); continue }
            let (a, b, d) = (m.first, m.second, m.start)
            let pressure = state.periodPressure(a, d)
            #expect(m.length == 1 && a != b && pressure != 0)
            let mine = Int(state.value(a, d)), theirs = Int(state.value(b, d))
            #expect(pressure > 0 ? mine != 0 && theirs == 0 : mine == 0 && theirs != 0)
            #expect(state.accepts(a, d, theirs) && state.accepts(b, d, mine))
            let cover = (0..<posts).map { state.shortfall(d * posts + $0) }
            state.begin()
            _ = apply(move, to: state, scratch: scratch)
            #expect((0..<posts).map { state.shortfall(d * posts + $0) } == cover)
            if random.below(2) == 0 { state.rollback() }
            drawn += 1
        }
        // Random rows break the period bounds of every problem that has them; a trade needs someone
        // out of bounds and a partner whose cell they can exchange.
        let tradable = (0..<p.staffCount).contains { a in
            (0..<p.days).contains { d in
                state.periodPressure(a, d) != 0 && state.fixed[a * p.days + d] == 0 && (0..<p.staffCount).contains { b in
                    let mine = Int(state.value(a, d)), theirs = Int(state.value(b, d))
                    return b != a && state.fixed[b * p.days + d] == 0 && (mine == 0) != (theirs == 0)
                        && state.accepts(b, d, mine) && state.accepts(a, d, theirs)
                }
            }
        }
        #expect(drawn > 0 || !tradable, "seed \(seed): \(p.staffCount) staff, \(p.days) days")
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
