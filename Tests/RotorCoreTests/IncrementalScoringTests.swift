import RotorCore
import Testing

/// Rows rewritten directly through `SearchState.changeRow`, with any values: unlike the drawn moves,
/// these may put work on days off, so every transition of every rule is reached whatever the move
/// selector's policy.
struct RawEdit {
    struct Row { var staff: Int, start: Int, values: [UInt8] }
    var rows: [Row]
    /// False for an exchange between two rows over the same days, which leaves cover unchanged.
    var updatesCover: Bool

    static func random(_ p: CompiledProblem, _ s: Schedule, _ random: inout RandomSource) -> RawEdit {
        let length = 1 + random.below(p.days)
        let start = random.below(p.days - length + 1)
        if p.staffCount > 1 && random.below(2) == 0 {
            let e1 = random.below(p.staffCount)
            var e2 = random.below(p.staffCount - 1)
            if e2 >= e1 { e2 += 1 }
            let days = start..<(start + length)
            return RawEdit(rows: [Row(staff: e1, start: start, values: days.map { s[staff: e2, day: $0] }),
                                  Row(staff: e2, start: start, values: days.map { s[staff: e1, day: $0] })],
                           updatesCover: false)
        }
        let values = (0..<length).map { _ in UInt8(random.below(p.valueCount)) }
        return RawEdit(rows: [Row(staff: random.below(p.staffCount), start: start, values: values)], updatesCover: true)
    }

    func apply(to state: SearchState) -> Score {
        var total = Score(hard: 0, soft: 0)
        for row in rows {
            let delta = row.values.withUnsafeBufferPointer {
                state.changeRow(row.staff, row.start, row.start + row.values.count - 1, $0.baseAddress!, updatesCover: updatesCover)
            }
            total.hard += delta.hard
            total.soft += delta.soft
        }
        return total
    }

    func apply(to s: inout Schedule) {
        for row in rows {
            for (i, v) in row.values.enumerated() { s[staff: row.staff, day: row.start + i] = v }
        }
    }
}

/// Drives a `SearchState` with random moves and raw edits from a random roster and checks it, move by
/// move, against an independent application of each change and against the from-scratch `Evaluation`.
/// Returns false (after recording an issue) at the first disagreement, so that one bug does not report
/// thousands.
@discardableResult
func exerciseIncrementalScoring(
    _ p: CompiledProblem, seed: UInt64, moves: Int, evaluateEvery: Int = 1, sourceLocation: SourceLocation = #_sourceLocation
) -> Bool {
    func fail(_ message: String) -> Bool {
        Issue.record("\(p.problem.name), seed \(seed): \(message)", sourceLocation: sourceLocation)
        return false
    }
    var random = RandomSource(seed: seed)
    var shadow = randomSchedule(p, &random)
    let state = SearchState(p, schedule: shadow)
    guard state.schedule == shadow else { return fail("the loaded schedule differs from the one given") }
    let initial = Evaluation(p, shadow).score
    guard state.score == initial else { return fail("after loading: incremental \(state.score), from scratch \(initial)") }

    var selector = MoveSelector(problem: p)
    // Vary the mix and the block lengths, up to whole rows (blocks touching both horizon edges).
    selector.changePercent = [40, 10, 80][Int(seed % 3)]
    selector.swapPercent = [30, 40, 5][Int(seed % 3)]
    selector.swapDaysPercent = [10, 20, 5][Int(seed % 3)]
    selector.exchangePercent = [15, 20, 10][Int(seed % 3)]
    selector.blockExchangePercent = [30, 100, 60][Int(seed % 3)]
    // Aimed changes take their shares of all draws, here more than the changes' share at times.
    selector.coverAimPercent = [25, 5, 50][Int(seed % 3)]
    selector.requestAimPercent = [15, 5, 30][Int(seed % 3)]
    selector.maxBlock = seed % 2 == 0 ? min(7, p.days) : p.days
    let scratch = UnsafeMutablePointer<UInt8>.allocate(capacity: 2 * max(p.days, 1))
    defer { scratch.deallocate() }
    // Rebuilds, where the problem allows them, over windows up to the whole horizon; their rows are
    // what the optimiser chose, so only the score and the cover counts check them.
    let rebuilder = WindowRebuilder.isApplicable(p) ? WindowRebuilder(p) : nil
    selector.maxRebuildDays = p.days
    // Block reassignments, where no rule couples rows but cover; groups smaller than the staff at times.
    let reassigner = BlockReassigner.isApplicable(p) ? BlockReassigner(groupSize: seed % 2 == 0 ? 24 : 3) : nil
    let dayReassigner = DayReassigner.isApplicable(p) ? DayReassigner(groupSize: seed % 2 == 0 ? 24 : 3) : nil

    func sameRows(_ rows: [Int], _ expected: Schedule) -> Bool {
        rows.allSatisfy { e in (0..<p.days).allSatisfy { d in state.value(e, d) == expected[staff: e, day: d] } }
    }

    var done = 0
    while done < moves {
        // Usually one move per transaction, sometimes two (a transaction may rewrite several rows).
        let count = random.below(5) == 0 ? 2 : 1
        let before = shadow
        let scoreBefore = state.score
        var touched: [Int] = []
        state.begin()
        for _ in 0..<count {
            let scoreBeforeMove = state.score
            let delta: Score, changed: [Int], what: String
            if random.below(4) == 0 {
                let edit = RawEdit.random(p, shadow, &random)
                delta = edit.apply(to: state)
                edit.apply(to: &shadow)
                changed = edit.rows.map(\.staff)
                what = "\(edit)"
            } else if rebuilder != nil && random.below(10) == 0 {
                let move = selector.rebuildWindow(state, &random)
                delta = apply(move, to: state, scratch: scratch, rebuilder: rebuilder)
                changed = rows(of: move, in: p)
                for e in changed { for d in 0..<p.days { shadow[staff: e, day: d] = state.value(e, d) } }
                what = "\(move)"
            } else if let reassigner, random.below(10) == 0 {
                let length = 1 + random.below(min(4, p.days)), a = random.below(p.days - length + 1)
                reassigner.drawGroup(state, a, a + length - 1, &random)
                let worked = (a..<(a + length)).map { d in (0..<p.staffCount).map { state.value($0, d) }.sorted() }
                delta = apply(.reassignBlock(ReassignBlockMove(start: a, length: length)), to: state, scratch: scratch, reassigner: reassigner)
                guard delta.hard * 100 + delta.soft <= 0 else { return fail("reassigning days \(a)+\(length) cost \(delta)") }
                guard (a..<(a + length)).map({ d in (0..<p.staffCount).map { state.value($0, d) }.sorted() }) == worked else {
                    return fail("reassigning days \(a)+\(length) changed the values worked")
                }
                changed = reassigner.group
                for e in changed { for d in a..<(a + length) { shadow[staff: e, day: d] = state.value(e, d) } }
                what = "reassign days \(a)+\(length) among \(changed)"
            } else if let dayReassigner, random.below(10) == 0 {
                let move = selector.reassignDay(state, dayReassigner, &random)
                guard case .reassignDay(let m) = move else { return fail("reassignDay drew \(move)") }
                delta = apply(move, to: state, scratch: scratch, dayReassigner: dayReassigner)
                guard delta.hard * 100 + delta.soft <= 0 else { return fail("reassigning day \(m.day) cost \(delta)") }
                changed = dayReassigner.group
                for e in changed { shadow[staff: e, day: m.day] = state.value(e, m.day) }
                what = "reassign day \(m.day) among \(changed)"
            } else {
                guard let move = selector.next(state, &random) else { continue }
                delta = apply(move, to: state, scratch: scratch)
                applyByHand(move, to: &shadow, in: p)
                changed = rows(of: move, in: p)
                what = "\(move)"
            }
            done += 1
            touched += changed
            let change = Score(hard: state.score.hard - scoreBeforeMove.hard, soft: state.score.soft - scoreBeforeMove.soft)
            guard delta == change else { return fail("\(what) returned \(delta), the score changed by \(change)") }
            guard sameRows(changed, shadow) else { return fail("\(what) did not rewrite the rows as expected") }
        }
        if random.below(2) == 0 {
            state.rollback()
            shadow = before
            guard state.score == scoreBefore else { return fail("rollback restored \(state.score), not \(scoreBefore)") }
            guard sameRows(touched, before) else { return fail("rollback did not restore rows \(touched) exactly") }
        }
        if done % evaluateEvery < count || done >= moves {
            guard state.schedule == shadow else { return fail("after \(done) moves the roster differs from the expected one") }
            let reference = Evaluation(p, shadow).score
            guard state.score == reference else {
                return fail("after \(done) moves: incremental \(state.score), from scratch \(reference)")
            }
            let counts = Array(UnsafeBufferPointer(start: state.coverCount, count: p.days * p.postCount))
            guard counts == coverCounts(p, shadow) else { return fail("after \(done) moves the cover counts drifted") }
        }
    }
    // Reloading the same state object starts afresh.
    var fresh = RandomSource(seed: seed &+ 1)
    let other = randomSchedule(p, &fresh)
    state.load(other)
    guard state.schedule == other, state.score == Evaluation(p, other).score else { return fail("load() did not reset the state") }
    return true
}

@Suite("Incremental scoring agrees with the from-scratch evaluation")
struct IncrementalScoringTests {
    @Test(arguments: 0..<12)
    func syntheticProblem(seed: Int) throws {
        let p = try CompiledProblem(RotorCoreTests.syntheticProblem)
        exerciseIncrementalScoring(p, seed: UInt64(seed), moves: 3000)
    }

    /// Random problems of 1 to 23 days with random contracts.
    @Test(arguments: 0..<60)
    func randomProblems(seed: Int) throws {
        let p = try CompiledProblem(randomProblem(seed: UInt64(seed)))
        exerciseIncrementalScoring(p, seed: UInt64(seed) &* 7919, moves: 1500)
    }

    @Test(.enabled(if: benchmarkAvailable("Instance1.txt")), arguments: [1, 4, 7])
    func smallBenchmarks(instance: Int) throws {
        let p = try benchmark("Instance\(instance).txt")
        for seed in 0..<4 {
            guard exerciseIncrementalScoring(p, seed: UInt64(seed), moves: 2000, evaluateEvery: instance == 1 ? 1 : 4)
            else { return }
        }
    }

    @Test(.enabled(if: benchmarkAvailable("Instance12.txt")))
    func instance12() throws {
        let p = try benchmark("Instance12.txt")
        for seed in 0..<3 {
            guard exerciseIncrementalScoring(p, seed: UInt64(seed), moves: 2000, evaluateEvery: 50) else { return }
        }
    }

    @Test(.enabled(if: benchmarkAvailable("Instance24.txt")))
    func instance24() throws {
        let p = try benchmark("Instance24.txt")
        exerciseIncrementalScoring(p, seed: 24, moves: 1500, evaluateEvery: 500)
    }

    /// The selector's documented policy: no drawn move breaks a fixed cell (unavailable, pinned) or
    /// gives anyone a post they are not eligible for.
    @Test(arguments: 0..<20)
    func drawnMovesKeepToTheDomain(seed: Int) throws {
        let p = seed == 0 ? try CompiledProblem(RotorCoreTests.syntheticProblem)
            : seed % 2 == 0 ? try CompiledProblem(randomProblem(seed: UInt64(seed))) : try CompiledProblem(randomOperation(seed: UInt64(seed)))
        var random = RandomSource(seed: UInt64(seed))
        var start = randomSchedule(p, &random)
        for e in 0..<p.staffCount {
            for d in 0..<p.days where !p.accepts(e, d, Int(start[staff: e, day: d])) {
                start[staff: e, day: d] = p.fixed[e * p.days + d] == 0 ? 0 : p.fixed[e * p.days + d] - 1
            }
        }
        let state = SearchState(p, schedule: start)
        let selector = MoveSelector(problem: p)
        let scratch = UnsafeMutablePointer<UInt8>.allocate(capacity: 2 * p.days)
        defer { scratch.deallocate() }
        for _ in 0..<5000 {
            guard let move = selector.next(state, &random) else { continue }
            state.begin()
            _ = apply(move, to: state, scratch: scratch)
            if random.below(3) == 0 { state.rollback() }
        }
        let s = state.schedule
        #expect((0..<p.staffCount).allSatisfy { e in (0..<p.days).allSatisfy { p.accepts(e, $0, Int(s[staff: e, day: $0])) } })
        #expect(Evaluation(p, s).violations.allSatisfy { ![.unavailable, .pinned, .eligibility].contains($0.rule) })
    }

    /// With no shift type, "off" would be the only value and a change move could not be drawn:
    /// such a problem is rejected before it reaches the solver.
    @Test func problemWithoutShiftTypesIsRejected() {
        #expect(throws: ModelError.self) {
            try CompiledProblem(CurtoisProblem(
                name: "no shifts", horizonDays: 7, shiftTypes: [],
                staff: [CurtoisStaffMember(id: "A", contract: contract()), CurtoisStaffMember(id: "B", contract: contract())]))
        }
    }

    @Test func stateBuiltEmptyIsTheAllOffRoster() throws {
        let p = try CompiledProblem(RotorCoreTests.syntheticProblem)
        let state = SearchState(p)
        let off = Schedule(staffCount: p.staffCount, days: p.days)
        #expect(state.schedule == off)
        #expect(state.score == Evaluation(p, off).score)
        #expect(state.checkAgainstScratch() == nil)
    }
}

@Suite("Incremental scoring on Rotor's own model")
struct OperationScoringTests {
    /// Random operations: every rule kind, hard and soft, real clocks across daylight-saving changes.
    @Test(arguments: 0..<80)
    func randomOperations(seed: Int) throws {
        let p = try CompiledProblem(randomOperation(seed: UInt64(seed)))
        exerciseIncrementalScoring(p, seed: UInt64(seed) &* 104_729, moves: 1500)
    }

    @Test func generatedWard() throws {
        let p = try CompiledProblem(OperationGenerator.ward.generate(seed: 3))
        exerciseIncrementalScoring(p, seed: 3, moves: 1500, evaluateEvery: 25)
    }

    @Test func generatedSmallSurge() throws {
        let p = try CompiledProblem(OperationGenerator.scaled(staff: 40, days: 21, sites: 3).generate(seed: 5))
        exerciseIncrementalScoring(p, seed: 5, moves: 1500, evaluateEvery: 25)
    }
}
