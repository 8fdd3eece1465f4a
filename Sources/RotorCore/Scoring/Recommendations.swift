/// "Who can cover this shift?" and "who can swap with Ann on the 3rd?": every person who could make
/// the change, ranked by what it does to the score, best first, each with the sentences of what it
/// would break or cost and what it would relieve. The ranking is the incremental scorer's (one
/// change and its undo per person, as the search prices its moves); the sentences are the
/// from-scratch rules' own, read for the people the change touches and for the day's cover, before
/// and after. The recommendation service of Timefold's employee scheduling answers the same question.
package struct Recommender {
    let problem: CompiledProblem
    let state: SearchState
    /// The roster as the from-scratch rules read it, kept equal to `state`'s.
    package private(set) var schedule: Schedule

    /// A recommender for `schedule`, whose cells must lie in the problem's domain of values.
    package init(_ problem: CompiledProblem, _ schedule: Schedule) {
        self.problem = problem
        self.schedule = schedule
        state = SearchState(problem, schedule: schedule)
    }

    /// The roster's score, as the incremental scorer keeps it.
    package var score: Score { state.score }

    /// Everyone who could work `value` (a post) on `day` and does not already, ranked: the person is
    /// moved there from whatever they had that day (off or another post). People whose cell is
    /// pinned to something else, who are not eligible for the post, or who are unavailable that day
    /// (such cells are fixed) are left out: the change is not theirs to make.
    package func cover(day d: Int, value v: Int) -> [Recommendation] {
        precondition((0..<problem.days).contains(d) && (1..<problem.valueCount).contains(v))
        var found: [Recommendation] = []
        for e in 0..<problem.staffCount where Int(state.value(e, d)) != v && state.accepts(e, d, v) {
            found.append(priced([CellChange(staff: e, day: d, from: Int(state.value(e, d)), to: v)], updatesCover: true))
        }
        return ranked(found)
    }

    /// Everyone who could trade day `d` with staff member `a` (each takes the other's value; cover is
    /// unchanged), ranked. People with the same value that day, or whose cells do not accept the
    /// other's value (pins, eligibility, leave), are left out.
    package func swaps(staff a: Int, day d: Int) -> [Recommendation] {
        precondition((0..<problem.staffCount).contains(a) && (0..<problem.days).contains(d))
        let mine = Int(state.value(a, d))
        var found: [Recommendation] = []
        for e in 0..<problem.staffCount where e != a {
            let theirs = Int(state.value(e, d))
            guard theirs != mine, state.accepts(e, d, mine), state.accepts(a, d, theirs) else { continue }
            found.append(priced([CellChange(staff: e, day: d, from: theirs, to: mine),
                                 CellChange(staff: a, day: d, from: mine, to: theirs)], updatesCover: false))
        }
        return ranked(found)
    }

    /// Everyone who could take over staff member `a`'s shift on day `d` while `a` goes off (a sick
    /// call): each takes `a`'s post, leaving whatever they had, ranked. Empty when `a` is off that day
    /// or `a`'s cell is pinned to the shift.
    package func replacements(staff a: Int, day d: Int) -> [Recommendation] {
        precondition((0..<problem.staffCount).contains(a) && (0..<problem.days).contains(d))
        let v = Int(state.value(a, d))
        guard v != 0, state.accepts(a, d, 0) else { return [] }
        var found: [Recommendation] = []
        for e in 0..<problem.staffCount where e != a && Int(state.value(e, d)) != v && state.accepts(e, d, v) {
            found.append(priced([CellChange(staff: e, day: d, from: Int(state.value(e, d)), to: v),
                                 CellChange(staff: a, day: d, from: v, to: 0)], updatesCover: true))
        }
        return ranked(found)
    }

    /// Makes a change (one of a recommendation's, or any other edit) on the roster the next
    /// recommendations start from, and returns the new score.
    @discardableResult
    package mutating func apply(_ changes: [CellChange]) -> Score {
        state.begin()
        for c in changes {
            var value = UInt8(c.to)
            state.changeRow(c.staff, c.day, c.day, &value, updatesCover: true)
            schedule[staff: c.staff, day: c.day] = value
        }
        return state.score
    }

    /// Best first: least hard change, then least soft, then staff order.
    private func ranked(_ list: [Recommendation]) -> [Recommendation] {
        list.sorted { ($0.change.hard, $0.change.soft, $0.staff) < ($1.change.hard, $1.change.soft, $1.staff) }
    }

    /// Prices `changes` with the incremental scorer (a change and its undo): a recommendation
    /// without its sentences yet (`explain`).
    private func priced(_ changes: [CellChange], updatesCover: Bool) -> Recommendation {
        state.begin()
        var delta = (hard: 0, soft: 0)
        for c in changes {
            var value = UInt8(c.to)
            let x = state.changeRow(c.staff, c.day, c.day, &value, updatesCover: updatesCover)
            delta.hard += x.hard
            delta.soft += x.soft
        }
        state.rollback()
        return Recommendation(staff: changes[0].staff, changes: changes, change: Score(hard: delta.hard, soft: delta.soft),
                              costs: [], relieves: [], fairnessChange: 0, explained: false)
    }

    /// Reads the sentences of what each of the first `count` recommendations (all when `count` is
    /// 0) changes, from the from-scratch rules: the people's own rules, the day's cover where a
    /// person moves between posts, and their crews on the days they change. What is left of the score change (the team's fairness goals) is
    /// given as one figure. The ranking prices everyone in well under a millisecond on a 600-person
    /// operation; a sentence needs a from-scratch reading of the person's row, so only those shown
    /// are explained.
    package func explain(_ list: inout [Recommendation], count: Int = 0) {
        var coverAfter: [[CellChange]: [Violation]] = [:]
        var coverBefore: [Int: [Violation]] = [:]
        for i in list.indices.prefix(count > 0 ? count : list.count) where !list[i].explained {
            explain(&list[i], coverBefore: &coverBefore, coverAfter: &coverAfter)
        }
    }

    private func explain(_ r: inout Recommendation, coverBefore: inout [Int: [Violation]], coverAfter: inout [[CellChange]: [Violation]]) {
        let changes = r.changes
        var after = schedule
        for c in changes { after[staff: c.staff, day: c.day] = UInt8(c.to) }
        var before: [Violation] = [], now: [Violation] = []
        for e in Set(changes.map(\.staff)).sorted() {
            before += Evaluation.personal(problem, schedule, staff: e..<(e + 1))
            now += Evaluation.personal(problem, after, staff: e..<(e + 1))
        }
        // Cover moves only where someone changes post on a day; changes that move the same posts
        // leave the same cover, so it is read once for each.
        let days = Set(changes.map(\.day)).sorted()
        let moves = changes.map { CellChange(staff: 0, day: $0.day, from: $0.from, to: $0.to) }.sorted { ($0.day, $0.from, $0.to) < ($1.day, $1.from, $1.to) }
        var postsChange = [Int: Int]()
        for c in changes {
            if c.from != 0 { postsChange[c.day * problem.valueCount + c.from, default: 0] -= 1 }
            if c.to != 0 { postsChange[c.day * problem.valueCount + c.to, default: 0] += 1 }
        }
        if postsChange.values.contains(where: { $0 != 0 }) {
            for d in days {
                if coverBefore[d] == nil {
                    var list: [Violation] = []
                    CoverRule.evaluate(problem, schedule, days: d..<(d + 1), into: &list)
                    coverBefore[d] = list
                }
                before += coverBefore[d]!
            }
            if coverAfter[moves] == nil {
                var list: [Violation] = []
                for d in days { CoverRule.evaluate(problem, after, days: d..<(d + 1), into: &list) }
                coverAfter[moves] = list
            }
            now += coverAfter[moves]!
        }
        // The crews of the people who change, on the days they change.
        if !problem.crews.isEmpty {
            let people = Set(changes.map(\.staff))
            for d in days {
                CrewRule.evaluate(problem, schedule, days: d..<(d + 1), staff: people, into: &before)
                CrewRule.evaluate(problem, after, days: d..<(d + 1), staff: people, into: &now)
            }
        }
        let (costs, relieves) = Self.difference(before: before, after: now)
        let explained = costs.reduce(Score(hard: 0, soft: 0)) { $0 + $1 } - relieves.reduce(Score(hard: 0, soft: 0)) { $0 + $1 }
        r.costs = costs
        r.relieves = relieves
        r.fairnessChange = r.change.soft - explained.soft
        r.explained = true
    }

    /// The penalties only `after` has (what a change breaks or costs) and those only `before` has
    /// (what it relieves); a penalty whose amount changes is in both, old and new.
    static func difference(before: [Violation], after: [Violation]) -> (costs: [Violation], relieves: [Violation]) {
        var unmatched = before
        var costs: [Violation] = []
        for v in after {
            if let i = unmatched.firstIndex(of: v) { unmatched.remove(at: i) } else { costs.append(v) }
        }
        return (costs, unmatched)
    }
}

/// One cell of a roster changed: staff member `staff` on day `day`, from value `from` to `to` (0 off).
package struct CellChange: Sendable, Hashable {
    package var staff: Int, day: Int, from: Int, to: Int

    package init(staff: Int, day: Int, from: Int, to: Int) {
        self.staff = staff
        self.day = day
        self.from = from
        self.to = to
    }
}

/// A person who could make a change, and what it does.
package struct Recommendation: Sendable {
    /// Who is recommended (for a swap, the partner).
    package var staff: Int
    /// The cells it changes: the person's first, then (for a swap) the other's.
    package var changes: [CellChange]
    /// The change in score: hard penalty, then the objective.
    package var change: Score
    /// What it breaks or costs: penalties it adds or raises (the new amount).
    package var costs: [Violation]
    /// What it relieves: penalties it removes or lowers (the old amount).
    package var relieves: [Violation]
    /// What the team's fairness goals add to the objective (not in `costs` or `relieves`).
    package var fairnessChange: Int
    /// Whether `costs`, `relieves` and `fairnessChange` have been read (`Recommender.explain`).
    package var explained: Bool
}

extension Score {
    static func + (a: Score, v: Violation) -> Score {
        v.hard ? Score(hard: a.hard + v.penalty, soft: a.soft) : Score(hard: a.hard, soft: a.soft + v.penalty)
    }

    static func - (a: Score, b: Score) -> Score { Score(hard: a.hard - b.hard, soft: a.soft - b.soft) }
}
