import Testing
@testable import RotorCore

/// "Who could cover this shift" and "who could swap": each ranked change must move the score exactly
/// as a from-scratch re-score of the changed roster says, the list must be best first and hold every
/// person who may make the change, and the sentences must add up to the change.
@Suite("Recommendations")
struct RecommendationTests {
    /// Checks every recommendation for `question`-style lists against full re-scores.
    static func check(_ p: CompiledProblem, _ schedule: Schedule, _ list: [Recommendation], expected: Set<Int>,
                      sourceLocation: SourceLocation = #_sourceLocation) {
        let base = Evaluation(p, schedule).score
        #expect(Set(list.map(\.staff)) == expected, sourceLocation: sourceLocation)
        #expect(list.count == expected.count, "each person once", sourceLocation: sourceLocation)
        for (a, b) in zip(list, list.dropFirst()) {
            #expect((a.change.hard, a.change.soft, a.staff) < (b.change.hard, b.change.soft, b.staff), "best first", sourceLocation: sourceLocation)
        }
        for r in list {
            #expect(r.explained, sourceLocation: sourceLocation)
            var after = schedule
            for c in r.changes {
                #expect(Int(schedule[staff: c.staff, day: c.day]) == c.from, sourceLocation: sourceLocation)
                after[staff: c.staff, day: c.day] = UInt8(c.to)
            }
            let score = Evaluation(p, after).score
            #expect(Score(hard: score.hard - base.hard, soft: score.soft - base.soft) == r.change,
                    "\(p.problem.name): \(p.staffName(r.staff))'s change", sourceLocation: sourceLocation)
            let hard = r.costs.filter(\.hard).reduce(0) { $0 + $1.penalty } - r.relieves.filter(\.hard).reduce(0) { $0 + $1.penalty }
            let soft = r.costs.filter { !$0.hard }.reduce(0) { $0 + $1.penalty } - r.relieves.filter { !$0.hard }.reduce(0) { $0 + $1.penalty }
            #expect(hard == r.change.hard, "the sentences add up to the hard change", sourceLocation: sourceLocation)
            #expect(soft + r.fairnessChange == r.change.soft, "the sentences and fairness add up to the soft change", sourceLocation: sourceLocation)
            if p.problem.fairness.isEmpty { #expect(r.fairnessChange == 0, sourceLocation: sourceLocation) }
        }
    }

    /// Random operations (every rule kind, real clocks, fairness) and rosters: a cover question and a
    /// swap question on random cells, and then the first recommendation applied.
    @Test(arguments: 0..<40)
    func againstFullRescoring(seed: Int) throws {
        let p = try CompiledProblem(randomOperation(seed: UInt64(seed)))
        var random = RandomSource(seed: UInt64(seed) &* 7_919)
        let schedule = randomSchedule(p, &random)
        var recommender = Recommender(p, schedule)
        #expect(recommender.score == Evaluation(p, schedule).score)
        guard p.valueCount > 1 && p.staffCount > 1 else { return }
        let d = random.below(p.days), v = 1 + random.below(p.valueCount - 1)
        var cover = recommender.cover(day: d, value: v)
        #expect(cover.allSatisfy { !$0.explained })
        recommender.explain(&cover)
        Self.check(p, schedule, cover, expected: Set((0..<p.staffCount).filter { e in
            Int(schedule[staff: e, day: d]) != v && p.accepts(e, d, v)
        }))
        let a = random.below(p.staffCount)
        let mine = Int(schedule[staff: a, day: d])
        var swaps = recommender.swaps(staff: a, day: d)
        recommender.explain(&swaps)
        Self.check(p, schedule, swaps, expected: Set((0..<p.staffCount).filter { e in
            let theirs = Int(schedule[staff: e, day: d])
            return e != a && theirs != mine && p.accepts(e, d, mine) && p.accepts(a, d, theirs)
        }))
        for r in swaps { #expect(r.changes.count == 2 && r.changes[1].staff == a) }
        // Who could take over a's shift while a goes off.
        var replacements = recommender.replacements(staff: a, day: d)
        recommender.explain(&replacements)
        let held = Int(schedule[staff: a, day: d])
        Self.check(p, schedule, replacements, expected: held == 0 || !p.accepts(a, d, 0) ? [] : Set((0..<p.staffCount).filter { e in
            e != a && Int(schedule[staff: e, day: d]) != held && p.accepts(e, d, held)
        }))
        for r in replacements { #expect(r.changes == [CellChange(staff: r.staff, day: d, from: Int(schedule[staff: r.staff, day: d]), to: held),
                                                      CellChange(staff: a, day: d, from: held, to: 0)]) }
        // Applying one keeps the recommender's roster and score in step with the rules'.
        if let first = cover.first {
            let score = recommender.apply(first.changes)
            var after = schedule
            for c in first.changes { after[staff: c.staff, day: c.day] = UInt8(c.to) }
            #expect(score == Evaluation(p, after).score)
            var again = recommender.cover(day: d, value: v)
            recommender.explain(&again, count: 2)
            #expect(again.prefix(2).allSatisfy(\.explained) && again.dropFirst(2).allSatisfy { !$0.explained })
            recommender.explain(&again)
            Self.check(p, after, again, expected: Set((0..<p.staffCount).filter { e in
                Int(after[staff: e, day: d]) != v && p.accepts(e, d, v)
            }))
        }
    }

    /// One person's penalties read alone are exactly their share of everyone's: every rule reads only
    /// the staff it is asked about (a rule that read everyone would put others' penalties in the
    /// sentences, or slow the ranking down by the size of the roster).
    @Test(arguments: 0..<30)
    func personalPenaltiesArePerPerson(seed: Int) throws {
        let p = try CompiledProblem(randomOperation(seed: UInt64(seed)))
        var random = RandomSource(seed: UInt64(seed) &+ 17)
        let schedule = randomSchedule(p, &random)
        let everyone = Evaluation.personal(p, schedule, staff: 0..<p.staffCount)
        var alone: [Violation] = []
        for e in 0..<p.staffCount {
            let mine = Evaluation.personal(p, schedule, staff: e..<(e + 1))
            #expect(mine.allSatisfy { $0.staff == e }, "\(p.problem.name): staff \(e)")
            alone += mine
        }
        let key = { (v: Violation) in "\(v.staff ?? -1) \(v.rule.rawValue) \(v.penalty) \(v.message)" }
        #expect(alone.map(key).sorted() == everyone.map(key).sorted(), "\(p.problem.name)")
        let whole = Evaluation(p, schedule)
        #expect(whole.violations.filter { $0.staff != nil }.map(key).sorted() == everyone.map(key).sorted())
    }

    /// A worked case a planner would recognise: on the generated ward, someone who takes a short
    /// post relieves its shortfall by the post's weight, and that sentence names the post and day.
    @Test func shortPostIsRelieved() throws {
        let p = try CompiledProblem(OperationGenerator.ward.generate(seed: 3))
        let empty = Schedule(staffCount: p.staffCount, days: p.days)
        let recommender = Recommender(p, empty)
        let v = try #require((1..<p.valueCount).first { p.coverMin[$0 - 1] > 0 || p.coverPreferred[$0 - 1] > 0 })
        var list = recommender.cover(day: 0, value: v)
        recommender.explain(&list)
        #expect(!list.isEmpty)
        let best = try #require(list.first)
        #expect(best.relieves.contains { ($0.rule == .coverMinimum || $0.rule == .coverPreferred) && $0.day == 0 && $0.message.contains(p.dayName(0)) })
        #expect(best.changes == [CellChange(staff: best.staff, day: 0, from: 0, to: v)])
    }
}
