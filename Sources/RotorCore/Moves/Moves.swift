/// Moves rewrite the search state inside an open transaction and return the score change. They are
/// small values drawn by `MoveSelector`; the search loop switches over their kinds, so the hot path
/// has no dynamic dispatch.

/// Gives staff member `staff` value `value` (a shift or off) on `day`: the basic neighbourhood.
package struct ChangeMove: Sendable, Equatable {
    public var staff: Int, day: Int, value: UInt8

    @inline(__always)
    public func apply(to state: SearchState) -> (hard: Int, soft: Int) {
        var v = value
        return state.changeRow(staff, day, day, &v, updatesCover: true)
    }
}

/// Exchanges the assignments of two staff members over days `start ..< start + length`. Cover is
/// untouched, so only the two rows are rescored; with length 1 this is the classic vertical swap, with
/// longer blocks it moves whole stretches of work (Burke et al., "A time predefined variable depth
/// search for nurse rostering", INFORMS JoC 2013, use such block swaps).
package struct SwapBlockMove: Sendable, Equatable {
    public var first: Int, second: Int, start: Int, length: Int

    @inline(__always)
    public func apply(to state: SearchState, scratch: UnsafeMutablePointer<UInt8>) -> (hard: Int, soft: Int) {
        tradeBlocks(state, (first, start), (second, start), length, scratch, updatesCover: false)
    }
}

/// Exchanges the `length` cells of row `a.staff` from day `a.day` with those of row `b.staff` from day
/// `b.day` (the blocks must not overlap), through `scratch` (room for `2 * length`); returns the score
/// change. Cover changes only when the blocks lie on different days, so a swap of one block between
/// two rows can skip it.
@inline(__always)
func tradeBlocks(_ state: SearchState, _ a: (staff: Int, day: Int), _ b: (staff: Int, day: Int), _ length: Int,
                 _ scratch: UnsafeMutablePointer<UInt8>, updatesCover: Bool) -> (hard: Int, soft: Int) {
    let copyA = scratch, copyB = scratch + length
    copyA.update(from: state.cells + a.staff * state.days + a.day, count: length)
    copyB.update(from: state.cells + b.staff * state.days + b.day, count: length)
    let x = state.changeRow(a.staff, a.day, a.day + length - 1, copyB, updatesCover: updatesCover)
    let y = state.changeRow(b.staff, b.day, b.day + length - 1, copyA, updatesCover: updatesCover)
    return (x.hard + y.hard, x.soft + y.soft)
}

/// Exchanges the assignments of two staff members on two separate days. Cover is untouched, and
/// when one of them works the first day and the other the second, each keeps their number of shifts
/// and (for shifts of one length) their hours: work passes between them across days. A request can
/// often be granted only this way when hours sit at a contract's bounds, which single-day swaps break.
package struct SwapDaysMove: Sendable, Equatable {
    public var first: Int, second: Int, day1: Int, day2: Int

    @inline(__always)
    public func apply(to state: SearchState) -> (hard: Int, soft: Int) {
        let x = swap(day1, state), y = swap(day2, state)
        return (x.hard + y.hard, x.soft + y.soft)
    }

    @inline(__always)
    func swap(_ d: Int, _ state: SearchState) -> (hard: Int, soft: Int) {
        var a = state.value(second, d), b = state.value(first, d)
        let x = state.changeRow(first, d, d, &a, updatesCover: false)
        let y = state.changeRow(second, d, d, &b, updatesCover: false)
        return (x.hard + y.hard, x.soft + y.soft)
    }
}

/// Sets days `start ..< start + length` of one staff member to one value: inserts or removes a whole
/// stretch of work, which single-cell changes cannot do without passing through min-run violations.
package struct AssignBlockMove: Sendable, Equatable {
    public var staff: Int, start: Int, length: Int, value: UInt8

    @inline(__always)
    public func apply(to state: SearchState, scratch: UnsafeMutablePointer<UInt8>) -> (hard: Int, soft: Int) {
        scratch.update(repeating: value, count: length)
        return state.changeRow(staff, start, start + length - 1, scratch, updatesCover: true)
    }
}

/// Puts every member of a crew that works together on one post for a few days: each takes `value`,
/// or the post of its shift and site they may hold (their own skill), or off; fixed cells, and
/// members who may hold no such post, stay as they are. A crew held together by a hard rule cannot
/// move one member at a time without breaking it in between, so it moves as one.
package struct CrewBlockMove: Sendable, Equatable {
    public var crew: Int, start: Int, length: Int, value: UInt8

    @inline(__always)
    public func apply(to state: SearchState, scratch: UnsafeMutablePointer<UInt8>) -> (hard: Int, soft: Int) {
        var hard = 0, soft = 0
        for i in state.crewMemberRange(crew) {
            let m = state.crewMember(i)
            guard let w = state.companion(m, Int(value)) else { continue }
            for k in 0..<length {
                let d = start + k
                scratch[k] = state.fixed[m * state.days + d] != 0 ? state.value(m, d) : UInt8(w)
            }
            let x = state.changeRow(m, start, start + length - 1, scratch, updatesCover: true)
            hard += x.hard
            soft += x.soft
        }
        return (hard, soft)
    }
}

/// Exchanges two blocks of `length` days of one staff member's row (two single days when `length` is
/// 1): the work moves in time while the person's totals (minutes, shifts of each type) stay the same,
/// which matters when those totals sit at their bounds. A block exchange moves a weekend's work to
/// another weekend, or a run of nights to another week, in one step; done a day at a time it passes
/// through broken runs and an extra weekend worked.
package struct ExchangeDaysMove: Sendable, Equatable {
    public var staff: Int, first: Int, second: Int, length: Int

    public init(staff: Int, first: Int, second: Int, length: Int = 1) {
        self.staff = staff
        self.first = first
        self.second = second
        self.length = length
    }

    @inline(__always)
    public func apply(to state: SearchState, scratch: UnsafeMutablePointer<UInt8>) -> (hard: Int, soft: Int) {
        tradeBlocks(state, (staff, first), (staff, second), length, scratch, updatesCover: true)
    }
}

package enum Move: Sendable, Equatable {
    case change(ChangeMove)
    case exchangeDays(ExchangeDaysMove)
    case swapBlock(SwapBlockMove)
    case swapDays(SwapDaysMove)
    case assignBlock(AssignBlockMove)
    case rebuildWindow(RebuildWindowMove)
    case reassignBlock(ReassignBlockMove)
    case reassignDay(ReassignDayMove)
    case crewBlock(CrewBlockMove)
}

/// Draws random moves; probabilities in percent. Fixed cells, unavailable days and posts a person
/// is not eligible for are a restriction of the domain rather than a penalty to pay: no drawn move
/// breaks them, so a roster that starts without such breaches never has any (this removes hard
/// rules the search could otherwise get stuck on). Returns nil for a draw that would break them or
/// that changes nothing.
package struct MoveSelector: Sendable {
    public var changePercent = MoveSelector.defaultChangePercent
    public static let defaultChangePercent = 40
    /// Of the `changePercent` draws, the share (percent of all draws) aimed at a post left short
    /// (`coverAimed`) and at a request not granted (`requestAimed`); the rest, and any aimed draw
    /// that finds no target, change a random cell. On year-long rosters random cells rarely touch
    /// what costs: the runs behind these defaults are in docs/tuning-log.md.
    public var coverAimPercent = MoveSelector.defaultAimPercents.cover
    public var requestAimPercent = MoveSelector.defaultAimPercents.request
    public static let defaultAimPercents = (cover: 25, request: 15)
    public var swapPercent = 20
    /// Of the `swapPercent` draws, the share (percent of all draws) aimed at a person whose hours or
    /// shifts in a period are above or below their contract's bounds (`hoursAimed`); an aimed draw
    /// that finds no target swaps at random. `SolverOptions.hoursAimPercent` sets it.
    public var hoursAimPercent = 0
    public var swapDaysPercent = 10
    /// Exchanges within one row (`ExchangeDaysMove`); assignments of a block take what the other
    /// kinds leave (30 minus this). `SolverOptions.exchangePercent` says when the search draws more.
    public var exchangePercent = MoveSelector.defaultExchangePercent
    public static let defaultExchangePercent = 15
    public static let largeRosterExchangePercent = 25
    /// Of the exchange draws, the percent that exchange blocks of 2 to `maxBlock` days
    /// (`twoBlocks`) rather than two days. 30 did better than none on most benchmark instances, and
    /// better than 15 or 50 on most of those tried (docs/tuning-log.md).
    public var blockExchangePercent = MoveSelector.defaultBlockExchangePercent
    public static let defaultBlockExchangePercent = 30
    /// Longest block for swap and assign moves.
    public var maxBlock = 7
    /// Longest window to rebuild (`RebuildWindowMove`, which the search draws on its own schedule).
    public var maxRebuildDays = 28
    /// Longest block to reassign (`ReassignBlockMove`, also on the search's own schedule).
    public var maxReassignDays = 1
    /// Percent of all draws that move a crew held together as one (`CrewBlockMove`); 0 without such
    /// crews, so that other problems draw exactly as before.
    public var crewPercent: Int
    let staffCount: Int, days: Int, valueCount: Int

    public init(problem: CompiledProblem) {
        staffCount = problem.staffCount
        days = problem.days
        valueCount = problem.valueCount
        maxBlock = min(maxBlock, days)
        crewPercent = problem.crews.apart.contains(0) ? 15 : 0
    }

    /// A crew held together put on one post (or off) for 1 to 4 days, all at random; nil when it
    /// changes nothing.
    @inline(__always)
    func crewBlock(_ state: SearchState, _ random: inout RandomSource) -> Move? {
        guard state.togetherCrewCount > 0 else { return nil }
        let c = state.togetherCrew(random.below(state.togetherCrewCount))
        let members = state.crewMemberRange(c)
        let lead = state.crewMember(members.lowerBound + random.below(members.count))
        let value = random.below(3) == 0 ? 0 : randomValue(state, lead, &random)
        let length = 1 + random.below(min(4, days)), start = random.below(days - length + 1)
        var changes = false
        for i in members where !changes {
            let m = state.crewMember(i)
            guard let w = state.companion(m, value) else { continue }
            for d in start..<(start + length) where state.fixed[m * days + d] == 0 && Int(state.value(m, d)) != w { changes = true }
        }
        return changes ? .crewBlock(CrewBlockMove(crew: c, start: start, length: length, value: UInt8(value))) : nil
    }

    /// The staff member a move starts from: while the roster breaks a hard rule, half the time one
    /// of the people whose row breaks one, so that the last few violations of a large roster are
    /// not left to chance.
    @inline(__always)
    func pickStaff(_ state: SearchState, _ random: inout RandomSource) -> Int {
        if state.hard > 0 && random.below(2) == 0 {
            var chosen = -1, seen = 0
            for e in 0..<staffCount where state.staffHard[e] > 0 {
                seen += 1
                if random.below(seen) == 0 { chosen = e }
            }
            if chosen >= 0 { return chosen }
        }
        return random.below(staffCount)
    }

    /// Off or a post staff member `e` may hold, at random.
    @inline(__always)
    func randomValue(_ state: SearchState, _ e: Int, _ random: inout RandomSource) -> Int {
        let first = Int(state.allowedStart[e]), count = Int(state.allowedStart[e + 1]) - first
        let r = random.below(count + 1)
        return r == count ? 0 : Int(state.allowedValues[first + r])
    }

    /// A post staff member `e` may hold that is short of people on day `d`, at random, or nil when none is.
    @inline(__always)
    func shortPost(_ state: SearchState, _ e: Int, _ d: Int, _ random: inout RandomSource) -> Int? {
        let posts = valueCount - 1
        var chosen: Int? = nil, seen = 0
        for i in Int(state.allowedStart[e])..<Int(state.allowedStart[e + 1]) {
            let v = Int(state.allowedValues[i]), c = d * posts + v - 1
            if state.shortfall(c) > 0 {
                seen += 1
                if random.below(seen) == 0 { chosen = v }
            }
        }
        return chosen
    }

    /// The first or last day (at random) of the maximal run of work or rest that contains day `d`.
    @inline(__always)
    func runEdge(_ state: SearchState, _ e: Int, _ d: Int, _ random: inout RandomSource) -> Int {
        let row = state.cells + e * days
        let working = row[d] != 0
        var edge = d
        if random.below(2) == 0 {
            while edge > 0 && (row[edge - 1] != 0) == working { edge -= 1 }
        } else {
            while edge < days - 1 && (row[edge + 1] != 0) == working { edge += 1 }
        }
        return edge
    }

    /// Two different days for staff member `e`, half the time both at an edge of their runs: moving
    /// the last day of a stretch of work to just past the end of a stretch of rest shortens one
    /// stretch and lengthens another, which keeps run limits that a random pair of days would break.
    /// Nil when both edges are the same day. Needs at least two days.
    @inline(__always)
    func twoDays(_ state: SearchState, _ e: Int, _ random: inout RandomSource) -> (Int, Int)? {
        var d1 = random.below(days)
        var d2 = random.below(days - 1)
        if d2 >= d1 { d2 += 1 }
        if random.below(2) == 0 {
            d1 = runEdge(state, e, d1, &random)
            d2 = runEdge(state, e, d2, &random)
            if d1 == d2 { return nil }
        }
        return (d1, d2)
    }

    /// Two blocks of one length, 2 to `maxBlock` days and no longer than half the horizon, that do not
    /// overlap: half the time a whole number of weeks apart, so that work on weekends stays on weekends.
    /// Nil when the draw finds no such pair.
    @inline(__always)
    func twoBlocks(_ random: inout RandomSource) -> (first: Int, second: Int, length: Int)? {
        let longest = min(maxBlock, days / 2)
        guard longest >= 2 else { return nil }
        let length = 2 + random.below(longest - 1)
        let d1 = random.below(days - length + 1)
        if random.below(2) == 0 {
            // Whole weeks apart, and at least `length` days.
            let step = 7 * ((length + 6) / 7)
            let later = (days - length - d1) / step, earlier = d1 / step
            guard later + earlier > 0 else { return nil }
            let k = random.below(later + earlier)
            return (d1, k < earlier ? d1 - step * (k + 1) : d1 + step * (k - earlier + 1), length)
        }
        let d2 = random.below(days - length + 1)
        return abs(d2 - d1) < length ? nil : (d1, d2, length)
    }

    /// Whether trading the `length` cells of row `e1` from day `d1` with those of row `e2` from day
    /// `d2` changes something and keeps every moved value in its new cell's domain.
    @inline(__always)
    func canTrade(_ state: SearchState, _ e1: Int, _ d1: Int, _ e2: Int, _ d2: Int, _ length: Int) -> Bool {
        var differ = false
        for i in 0..<length {
            let v1 = Int(state.value(e1, d1 + i)), v2 = Int(state.value(e2, d2 + i))
            guard v1 != v2 else { continue }
            if !state.accepts(e1, d1 + i, v2) || !state.accepts(e2, d2 + i, v1) { return false }
            differ = true
        }
        return differ
    }

    @inline(__always)
    public func next(_ state: SearchState, _ random: inout RandomSource) -> Move? {
        if crewPercent > 0 && random.below(100) < crewPercent { return crewBlock(state, &random) }
        let r = random.below(100)
        if r < coverAimPercent, let move = coverAimed(state, &random) { return move }
        if r >= coverAimPercent && r < coverAimPercent + requestAimPercent, let move = requestAimed(state, &random) { return move }
        let e = pickStaff(state, &random)
        if r < changePercent {
            let d = random.below(days)
            if state.fixed[e * days + d] != 0 { return nil }
            let old = Int(state.value(e, d))
            var v = randomValue(state, e, &random)
            if random.below(4) == 0, let short = shortPost(state, e, d, &random) { v = short }
            if v == old { return nil }
            return .change(ChangeMove(staff: e, day: d, value: UInt8(v)))
        }
        if r < changePercent + exchangePercent {
            if blockExchangePercent > 0 && random.below(100) < blockExchangePercent {
                guard let (d1, d2, length) = twoBlocks(&random), canTrade(state, e, d1, e, d2, length) else { return nil }
                return .exchangeDays(ExchangeDaysMove(staff: e, first: d1, second: d2, length: length))
            }
            guard days > 1, let (d1, d2) = twoDays(state, e, &random), canTrade(state, e, d1, e, d2, 1) else { return nil }
            return .exchangeDays(ExchangeDaysMove(staff: e, first: d1, second: d2))
        }
        if r < changePercent + exchangePercent + swapDaysPercent {
            guard days > 1 && staffCount > 1 else { return nil }
            var e2 = random.below(staffCount - 1)
            if e2 >= e { e2 += 1 }
            guard let (d1, d2) = twoDays(state, e, &random) else { return nil }
            let a1 = Int(state.value(e, d1)), b1 = Int(state.value(e2, d1))
            let a2 = Int(state.value(e, d2)), b2 = Int(state.value(e2, d2))
            if a1 == b1 || a2 == b2 || !state.accepts(e, d1, b1) || !state.accepts(e2, d1, a1)
                || !state.accepts(e, d2, b2) || !state.accepts(e2, d2, a2) { return nil }
            return .swapDays(SwapDaysMove(first: e, second: e2, day1: d1, day2: d2))
        }
        let length = 1 + random.below(maxBlock)
        let start = random.below(days - length + 1)
        if r < changePercent + exchangePercent + swapDaysPercent + swapPercent {
            guard staffCount > 1 else { return nil }
            if r < changePercent + exchangePercent + swapDaysPercent + hoursAimPercent, let move = hoursAimed(state, &random) {
                return move
            }
            var e2 = random.below(staffCount - 1)
            if e2 >= e { e2 += 1 }
            guard canTrade(state, e, start, e2, start, length) else { return nil }
            return .swapBlock(SwapBlockMove(first: e, second: e2, start: start, length: length))
        }
        let v = randomValue(state, e, &random)
        for d in start..<(start + length) where !state.accepts(e, d, v) { return nil }
        return .assignBlock(AssignBlockMove(staff: e, start: start, length: length, value: UInt8(v)))
    }

    /// A change aimed at a post left short: a day at random, one of its posts with fewer people than
    /// it needs, and someone who may hold that post there, preferring (of up to 8 tried) someone off
    /// or on a post with more people than it needs. Nil when the day has no short post or nobody was
    /// found.
    @inline(__always)
    public func coverAimed(_ state: SearchState, _ random: inout RandomSource) -> Move? {
        let d = random.below(days), posts = valueCount - 1
        var v = -1, seen = 0
        for p in 0..<posts where state.shortfall(d * posts + p) > 0 {
            seen += 1
            if random.below(seen) == 0 { v = p + 1 }
        }
        guard v > 0 else { return nil }
        var e = -1
        for _ in 0..<8 {
            let x = random.below(staffCount)
            guard state.fixed[x * days + d] == 0 && state.allowed[x * valueCount + v] != 0 else { continue }
            e = x
            let old = Int(state.value(x, d))
            if old == 0 || state.shortfall(d * posts + old - 1) < 0 { break }
        }
        return e < 0 ? nil : grant(state, e, d, v, &random)
    }

    /// A trade of one day between two people aimed at a period's hours or shifts: of up to 4 draws of
    /// a person and a day, the first whose period totals are too high (or too low); a free day of that
    /// period on which they work (or are off); and someone who is off (or works a post they may
    /// hold) that day and takes their place, preferring (of up to 8 tried) someone whose own totals
    /// lean the other way. Cover is unchanged: work passes from one person to another, which changes
    /// of one cell reach only through a post left short or overstaffed. Nil when nothing was found.
    @inline(__always)
    public func hoursAimed(_ state: SearchState, _ random: inout RandomSource) -> Move? {
        for _ in 0..<4 {
            let a = random.below(staffCount), pressure = state.periodPressure(a, random.below(days))
            guard pressure != 0 else { continue }
            let over = pressure > 0
            var day = -1
            forEachDay(from: random.below(days)) { d in
                guard state.fixed[a * days + d] == 0, (state.value(a, d) != 0) == over else { return false }
                let here = state.periodPressure(a, d)
                guard here != 0, (here > 0) == over else { return false }
                day = d
                return true
            }
            guard day >= 0 else { continue }
            let mine = Int(state.value(a, day))
            var partner = -1
            for _ in 0..<8 {
                let b = random.below(staffCount)
                guard b != a, state.fixed[b * days + day] == 0 else { continue }
                let theirs = Int(state.value(b, day))
                guard (theirs == 0) == over, theirs != mine, state.accepts(b, day, mine), state.accepts(a, day, theirs) else { continue }
                partner = b
                let leaning = state.periodPressure(b, day)
                if over ? leaning < 0 : leaning > 0 { break }
            }
            if partner >= 0 { return .swapBlock(SwapBlockMove(first: a, second: partner, start: day, length: 1)) }
        }
        return nil
    }

    /// A change aimed at a request not granted: the first cell of a random person's row, from a random
    /// day on, whose value costs something that another value would not (a shift-on or shift-off
    /// request, a preference), given its cheapest value. Nil when the row has no such cell.
    @inline(__always)
    public func requestAimed(_ state: SearchState, _ random: inout RandomSource) -> Move? {
        let e = random.below(staffCount), first = random.below(days)
        var move: Move? = nil
        forEachCostlyDay(state, e, from: first) { d, here in
            let wanted = cheapestValue(state, e, d)
            guard wanted.penalty < here else { return false }
            move = grant(state, e, d, wanted.value, &random)
            return true
        }
        return move
    }

    /// Calls `body` with each free day of row `e` whose value costs something by itself (a request not
    /// granted, a preference), and that cost, in the order of the row from day `first` round to the day
    /// before it, until `body` returns true.
    @inline(__always)
    func forEachCostlyDay(_ state: SearchState, _ e: Int, from first: Int, _ body: (Int, Int32) -> Bool) {
        forEachDay(from: first) { d in
            let here = state.cellPenalty(e, d, Int(state.value(e, d)))
            return here > 0 && state.fixed[e * days + d] == 0 && body(d, here)
        }
    }

    /// Calls `body` with each day from `first` round to the day before it, until `body` returns true:
    /// a scan of a row that starts at random favours no day.
    @inline(__always)
    func forEachDay(from first: Int, _ body: (Int) -> Bool) {
        for i in 0..<days where body(first + i < days ? first + i : first + i - days) { return }
    }

    /// The value of cell (`e`, `d`) with the smallest cell penalty among those the cell accepts (the
    /// lowest-numbered of equals), and that penalty.
    @inline(__always)
    func cheapestValue(_ state: SearchState, _ e: Int, _ d: Int) -> (value: Int, penalty: Int32) {
        var wanted = -1, cheapest = Int32.max
        for v in 0..<valueCount where state.accepts(e, d, v) && state.cellPenalty(e, d, v) < cheapest {
            cheapest = state.cellPenalty(e, d, v)
            wanted = v
        }
        return (wanted, cheapest)
    }

    /// Gives staff member `e` value `w` on day `d`. Between two posts this is a change; between work
    /// and rest it is an exchange of day `d` with another free day of the row that holds `w`, so the
    /// person's totals (shifts, hours) stay where their contract wants them, preferring a day where
    /// the exchange also helps cover (the post `w` leaves has more people than it needs, or the post
    /// moved there has fewer). A change when the row has no such day.
    @inline(__always)
    func grant(_ state: SearchState, _ e: Int, _ d: Int, _ w: Int, _ random: inout RandomSource) -> Move? {
        let old = Int(state.value(e, d))
        if old == w { return nil }
        let change = Move.change(ChangeMove(staff: e, day: d, value: UInt8(w)))
        if old != 0 && w != 0 { return change }
        let row = state.cells + e * days, posts = valueCount - 1
        var other = -1
        forEachDay(from: random.below(days)) { d2 in
            guard d2 != d, Int(row[d2]) == w, state.fixed[e * days + d2] == 0, state.accepts(e, d2, old) else { return false }
            if other < 0 { other = d2 }
            let helps = w != 0 ? state.shortfall(d2 * posts + w - 1) < 0 : state.shortfall(d2 * posts + old - 1) > 0
            if helps { other = d2 }
            return helps
        }
        return other < 0 ? change : .exchangeDays(ExchangeDaysMove(staff: e, first: d, second: other))
    }

    /// A block of 1 to `maxReassignDays` days at random, and the group `reassigner` deals it among.
    public func reassignBlock(_ state: SearchState, _ reassigner: BlockReassigner, _ random: inout RandomSource) -> Move {
        let length = 1 + random.below(min(maxReassignDays, days))
        let start = random.below(days - length + 1)
        reassigner.drawGroup(state, start, start + length - 1, &random)
        return .reassignBlock(ReassignBlockMove(start: start, length: length))
    }

    /// A day, half the time the first from a random day on with a post left short, and the group
    /// `reassigner` deals it among.
    public func reassignDay(_ state: SearchState, _ reassigner: DayReassigner, _ random: inout RandomSource) -> Move {
        var day = random.below(days)
        if random.below(2) == 0 {
            let posts = valueCount - 1
            forEachDay(from: day) { d in
                guard (0..<posts).contains(where: { state.shortfall(d * posts + $0) > 0 }) else { return false }
                day = d
                return true
            }
        }
        reassigner.drawGroup(state, day, &random)
        return .reassignDay(ReassignDayMove(day: day))
    }

    /// One to three different staff members and a window of a week up to `maxRebuildDays`. Half the
    /// time the window holds a day on which the first person's cell costs something (a request not
    /// granted) and the second person holds what the first would rather have there, so that the
    /// rebuild can pass it over.
    public func rebuildWindow(_ state: SearchState, _ random: inout RandomSource) -> Move {
        let e = pickStaff(state, &random)
        var others = [-1, -1]
        var anchor = random.below(days)
        if random.below(2) == 0 {
            forEachCostlyDay(state, e, from: random.below(days)) { d, _ in
                anchor = d
                let wanted = cheapestValue(state, e, d).value
                var seen = 0
                for x in 0..<staffCount where x != e && Int(state.value(x, d)) == wanted {
                    seen += 1
                    if random.below(seen) == 0 { others[0] = x }
                }
                return true
            }
        }
        let extra = min(random.below(3), staffCount - 1)
        for k in 0..<extra where others[k] < 0 {
            var x = random.below(staffCount)
            while x == e || others.contains(x) { x = random.below(staffCount) }
            others[k] = x
        }
        if others[0] < 0 && others[1] >= 0 { others.swapAt(0, 1) }
        let shortest = min(7, days, maxRebuildDays), longest = min(days, maxRebuildDays)
        let length = shortest + random.below(longest - shortest + 1)
        let low = max(0, anchor - length + 1), high = min(anchor, days - length)
        let start = low + random.below(high - low + 1)
        return .rebuildWindow(RebuildWindowMove(first: e, second: others[0], third: others[1], start: start, end: start + length - 1))
    }
}
