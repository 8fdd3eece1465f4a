/// Ruin and recreate on a stretch of days of a few rows (Schrimpf et al., "Record breaking optimization
/// results using the ruin and recreate principle", J. Comput. Phys. 2000): the rows' free cells in the
/// window are cleared, then each row in turn gets the cheapest stretch that a dynamic programme over
/// the days finds, priced by its own cells (requests) and by what each shift adds to or takes from the
/// cover penalty given everyone else: the pricing problem of Burke & Curtois's branch and price for
/// these instances ("New approaches to nurse rostering benchmark instances", EJOR 2014). The row
/// rebuilt first takes the places the others left, so work moves between people in one step, through
/// rosters that single-cell moves could reach only by paying for uncovered shifts on the way.
///
/// The programme keeps the contract's hard limits as constraints (runs of work and rest, shifts of
/// each type, minutes over the horizon, weekends, successions) and at most `labelsPerBucket` partial
/// rows per bucket of (succession class of the last value, run length, whether the run started on
/// day 0, minutes); with large buckets it is exact for one row. It models only those rule families,
/// so it is offered only for problems that have no others (`isApplicable`); the incremental scorer
/// still prices what it builds.
package final class WindowRebuilder {
    let days: Int, valueCount: Int, shiftCount: Int
    public let labelsPerBucket: Int
    /// Most buckets of minutes per (succession class, run) key: coarser buckets are quicker, finer
    /// ones keep rows of different totals apart, so that a minimum on minutes prunes fewer good rows.
    public let maxMinuteBuckets: Int
    /// Passes over the rows after they are first rebuilt (see `apply`).
    public let revisits: Int
    /// Steps (a partial row extended by one value) of the last `apply`: a deterministic measure of its time.
    public private(set) var lastWork = 0

    // Per staff member: hard limits (Int.max or 0 when none).
    private let maxRun: [Int], minRun: [Int], minOff: [Int], runCap: [Int]
    private let maxWeekends: [Int], minMinutes: [Int], maxMinutes: [Int]
    /// `[e * shiftCount + s]`: the hard limit on shifts of type `s` (Int.max none).
    private let typeLimit: [Int]
    /// Divides every shift's minutes: the unit of the minutes buckets.
    private let minutesUnit: Int
    private let longestShift: Int

    private let valueShift: [Int]
    private let cellMinutes: [Int32], cellHard: [Int32], cellSoft: [Int32]
    private let succession: [Int32], successionBase: [Int32]
    private let weekendOfDay: [Int32]
    /// `[e * valueCount + v]`: values with the same row of staff member `e`'s succession matrix share a
    /// class (off is class 0), and partial rows ending in values of one class have the same futures, so
    /// buckets are keyed by class: year-long instances have dozens of shift types but a few classes.
    private let successionClass: [Int]
    private let classCount: [Int]
    /// `[e * valueCount + c]`: a value of staff member `e`'s succession class `c` (0 for off).
    private let classValue: [Int]

    struct Label {
        var cost: Int
        /// Shifts of each type whose limit the window could reach, in bit fields (`fieldShift`).
        var counts: UInt64
        var minutes: Int32
        /// Index of the previous day's label, -1 for the start.
        var parent: Int32
        var value: UInt8
        var run: UInt8
        /// Bit 0: the current run started on day 0 (no minimum applies to it). Bit 1: the current
        /// weekend is already counted.
        var flags: UInt8
        var weekends: UInt8
    }

    // Scratch, reused: the labels of every day of the window, one layer after another.
    private var layers: [Label] = []
    private var layerStart: [Int] = []
    private var slotCount: [Int32] = []
    private var slotLabels: [Label] = []
    private var usedSlots: [Int] = []
    private var price: [Int] = []
    private var countedOutside: [Bool] = []
    private var built: [UInt8] = []
    private var typeOutside: [Int] = []
    /// Per value: the bit field of its type in `Label.counts` (increment 0 when not counted) and the
    /// number of shifts of that type the window may still hold.
    private var fieldIncrement: [UInt64] = [], fieldShift: [UInt64] = [], fieldMask: [UInt64] = [], fieldCapacity: [UInt64] = []
    private var original: [UInt8] = []
    /// Completion bounds of a whole row (`fillCompletion`).
    private var completion: [Int] = []

    /// Where rests on the real clock apply (Rotor's own problems): what a shift after another on the
    /// next day costs by them (`ConsecutiveDayRests`), so that rebuilt rows keep the rests
    /// between consecutive days; nil on the benchmark's problems.
    private let clockRests: ConsecutiveDayRests?

    /// Whether every rule of `problem` is one the programme models (see the type's comment).
    public static func isApplicable(_ problem: CompiledProblem) -> Bool {
        let r = problem.rules
        let rules = Set(problem.staffContract).flatMap { problem.problem.contracts[Int($0)].expandedRules }
        // A family's rules folded into the cell penalties (none listed) are priced like every cell.
        let modelled = { (rule: ContractRule) -> Bool in
            guard let family = rule.kind.name?.family else { return false }
            return family.rowPricer == .exact || family.instances.map { r[keyPath: $0].isEmpty } ?? false
        }
        guard rules.allSatisfy(modelled), problem.crews.isEmpty, !r.hasRestRules, !r.hasTravel, problem.problem.fairness.isEmpty,
              !problem.historyKnown.contains(where: { $0 != 0 }), !problem.historyWorkRun.contains(where: { $0 != 0 }),
              !problem.coverParent.contains(where: { $0 > 0 }),
              problem.days > 0, problem.valueCount <= 255 else { return false }
        let periods = r.minutesPerPeriod
        guard periods.a.allSatisfy({ Int($0) == problem.days }) else { return false }
        return true
    }

    /// Whether the search may rebuild windows on `problem` at all: on problems with rules the
    /// programme does not model (`isApplicable` false), it keeps the hard limits it knows, the rests
    /// between consecutive days and horizon-long minutes, and the incremental scorer prices the rest.
    public static func isOffered(_ problem: CompiledProblem) -> Bool {
        problem.days > 0 && problem.valueCount <= 255 && problem.staffCount > 0
    }

    public init(_ problem: CompiledProblem, labelsPerBucket: Int = 2, maxMinuteBuckets: Int = 32, revisits: Int = 1) {
        self.maxMinuteBuckets = maxMinuteBuckets
        days = problem.days
        valueCount = problem.valueCount
        shiftCount = problem.shiftCount
        self.labelsPerBucket = labelsPerBucket
        self.revisits = revisits
        let r = problem.rules, E = problem.staffCount, S = problem.shiftCount
        /// The tightest hard instance of a list: the smallest `a` for "at most" rules, the largest for "at least".
        func hardLimit(_ list: RuleInstances, _ e: Int, most: Bool) -> Int? {
            let values = list.range(e).filter { list.weight[$0] < 0 }.map { Int(list.a[$0]) }
            return most ? values.min() : values.max()
        }
        var maxRun: [Int] = [], minRun: [Int] = [], minOff: [Int] = [], runCap: [Int] = [], maxWeekends: [Int] = []
        var minMinutes: [Int] = [], maxMinutes: [Int] = []
        var typeLimit = [Int](repeating: Int.max, count: E * S)
        for e in 0..<E {
            let most = hardLimit(r.maxConsecutiveDays, e, most: true)
            maxRun.append(most ?? Int.max)
            minRun.append(hardLimit(r.minConsecutiveDays, e, most: false) ?? 0)
            minOff.append(hardLimit(r.minConsecutiveDaysOff, e, most: false) ?? 0)
            runCap.append(min(max(most ?? 0, minRun[e], minOff[e], 1), 250))
            maxWeekends.append(hardLimit(r.maxWeekends, e, most: true) ?? Int.max)
            // Minutes over the whole horizon only: a row's minutes are counted over it.
            let periods = r.minutesPerPeriod.range(e).filter { r.minutesPerPeriod.weight[$0] < 0 && Int(r.minutesPerPeriod.a[$0]) >= problem.days }
            minMinutes.append(periods.map { Int(r.minutesPerPeriod.b[$0]) }.max() ?? -1)
            maxMinutes.append(periods.map { Int(r.minutesPerPeriod.c[$0]) }.min() ?? Int(Int32.max))
            for s in 0..<S where r.hardShiftsOfType[e * S + s] != Int32.max {
                typeLimit[e * S + s] = Int(r.hardShiftsOfType[e * S + s])
            }
        }
        var unit = 0
        for m in problem.cellMinutes where m > 0 { unit = gcd(unit, Int(m)) }
        minutesUnit = max(unit, 1)
        longestShift = Int(problem.cellMinutes.max() ?? 0)
        self.maxRun = maxRun
        self.minRun = minRun
        self.minOff = minOff
        self.runCap = runCap
        self.maxWeekends = maxWeekends
        self.minMinutes = minMinutes
        self.maxMinutes = maxMinutes
        self.typeLimit = typeLimit
        valueShift = problem.valueShift.map(Int.init)
        cellMinutes = Array(problem.cellMinutes)
        cellHard = Array(problem.cellHard)
        cellSoft = Array(problem.cellSoft)
        succession = Array(problem.rules.succession)
        successionBase = Array(problem.rules.successionBase)
        weekendOfDay = Array(problem.weekendOfDay)
        let prices = r.hasRestRules || r.hasTravel
        clockRests = prices ? ConsecutiveDayRests(problem) : nil
        var successionClass: [Int] = [], classCount: [Int] = []
        let V = problem.valueCount
        var classValue = [Int](repeating: 0, count: E * V)
        for e in 0..<E {
            if prices {
                // The rests depend on the value itself: each is its own class.
                successionClass.append(contentsOf: 0..<V)
                for v in 0..<V { classValue[e * V + v] = v }
                classCount.append(V)
                continue
            }
            let base = Int(r.successionBase[e])
            var rows: [ArraySlice<Int32>: Int] = [:]
            successionClass.append(0)
            for v in 1..<V {
                let row = r.succession[(base + v * V)..<(base + (v + 1) * V)]
                let c = rows[ArraySlice(row)] ?? rows.count + 1
                rows[ArraySlice(row)] = c
                successionClass.append(c)
                classValue[e * V + c] = v
            }
            classCount.append(rows.count + 1)
        }
        self.successionClass = successionClass
        self.classCount = classCount
        self.classValue = classValue
    }

    /// Clears the free cells of the move's rows on its days, then rebuilds each row in turn; returns
    /// the score change. A row with no stretch that keeps its hard limits gets its old one back.
    public func apply(_ move: RebuildWindowMove, to state: SearchState, hardWeight: Int) -> (hard: Int, soft: Int) {
        var hard = 0, soft = 0
        lastWork = 0
        let a = move.start, b = move.end, length = b - a + 1
        if built.count < length { built = [UInt8](repeating: 0, count: length) }
        if original.count < 3 * length { original = [UInt8](repeating: 0, count: 3 * length) }
        for k in 0..<3 {
            let e = move.staff(k)
            guard e >= 0 else { continue }
            let x = clear(e, a, b, state, savingAt: k * length)
            hard += x.hard
            soft += x.soft
        }
        for k in 0..<3 {
            let e = move.staff(k)
            guard e >= 0 else { continue }
            let x = bestStretch(state, e, a, b, hardWeight: hardWeight)
                ? write(built, from: 0, e, a, b, state) : write(original, from: k * length, e, a, b, state)
            hard += x.hard
            soft += x.soft
        }
        // Each row again, the others now rebuilt: the first rows were priced while the later ones
        // were empty, and can now answer them (block coordinate descent). A stretch the pruned
        // programme finds worse than the row's own is undone.
        for _ in 0..<(move.second >= 0 ? revisits : 0) {
            for k in 0..<3 {
                let e = move.staff(k)
                guard e >= 0 else { continue }
                var x = clear(e, a, b, state, savingAt: k * length)
                let found = bestStretch(state, e, a, b, hardWeight: hardWeight)
                if found {
                    let y = write(built, from: 0, e, a, b, state)
                    x = (x.hard + y.hard, x.soft + y.soft)
                }
                if !found || x.hard * hardWeight + x.soft > 0 {
                    let back = write(original, from: k * length, e, a, b, state)
                    x = (x.hard + back.hard, x.soft + back.soft)
                }
                hard += x.hard
                soft += x.soft
            }
        }
        return (hard, soft)
    }

    /// Saves staff member `e`'s days `a...b` into `original` from `offset` and leaves only the fixed
    /// cells worked; returns the score change.
    private func clear(_ e: Int, _ a: Int, _ b: Int, _ state: SearchState, savingAt offset: Int) -> (hard: Int, soft: Int) {
        for d in a...b {
            original[offset + d - a] = state.value(e, d)
            let f = state.fixed[e * days + d]
            built[d - a] = f == 0 ? 0 : f - 1
        }
        return write(built, from: 0, e, a, b, state)
    }

    /// Writes `values[offset...]` into staff member `e`'s days `a...b`; returns the score change.
    private func write(_ values: [UInt8], from offset: Int, _ e: Int, _ a: Int, _ b: Int, _ state: SearchState) -> (hard: Int, soft: Int) {
        values.withUnsafeBufferPointer { state.changeRow(e, a, b, $0.baseAddress! + offset, updatesCover: true) }
    }

    /// The cheapest values for staff member `e` on days `a...b`, the rest of the roster as it is, into
    /// `built`, priced by their cells, successions and cover change; false when none keeps the hard limits.
    func bestStretch(_ state: SearchState, _ e: Int, _ a: Int, _ b: Int, hardWeight: Int) -> Bool {
        let V = valueCount, H = days
        // Prices of each value on each day: the cell's penalties and the cover change, or Int.max when
        // the value is out of the person's domain.
        price.removeAll(keepingCapacity: true)
        for d in a...b {
            for v in 0..<V {
                guard state.accepts(e, d, v) else { price.append(Int.max); continue }
                let cell = (e * H + d) * V + v
                var p = Int(cellHard[cell]) * hardWeight + Int(cellSoft[cell])
                if v > 0 {
                    let c = d * (V - 1) + v - 1, n = state.coverCount[c]
                    let before = state.coverCharge(c, n), after = state.coverCharge(c, n + 1)
                    p += (after.hard - before.hard) * hardWeight + after.soft - before.soft
                }
                price.append(p)
            }
        }
        return cheapest(e, a, b, row: state.cells + e * H, successionScale: 1)
    }

    /// The cheapest whole row for staff member `e` at `prices` (`[d * valueCount + v]`, Int.max for
    /// a value out of the person's domain), each succession's penalty counted `successionScale`
    /// times; nil when no row keeps the hard limits. The pricing problem of column generation
    /// (`ColumnGenerationDive`), which prices cover by the master's dual values instead of the roster.
    /// With `costBelow`, only a row that costs less is sought (a row that prices out), and partial
    /// rows that cannot end below it are dropped (`fillCompletion`), which leaves their buckets' room
    /// to others; where the minutes need more than `maxMinuteBuckets` buckets, no bound is taken.
    public func cheapestRow(_ e: Int, prices: [Int], successionScale: Int, costBelow: Int = .max) -> [UInt8]? {
        price = prices
        if built.count < days { built = [UInt8](repeating: 0, count: days) }
        guard days > 0, cheapest(e, 0, days - 1, row: nil, successionScale: successionScale, costBelow: costBelow) else { return nil }
        return Array(built[0..<days])
    }

    /// The programme itself, on the prices in `price` for days `a...b`: `row` is the person's row,
    /// read outside the window (nil when the window is the whole horizon). Into `built`.
    private func cheapest(_ e: Int, _ a: Int, _ b: Int, row: UnsafeMutablePointer<UInt8>?, successionScale: Int,
                          costBelow: Int = .max) -> Bool {
        let V = valueCount, S = shiftCount, H = days, K = labelsPerBucket
        let length = b - a + 1
        let cap = runCap[e]
        let unit = minutesUnit, buckets = min(length * longestShift / unit + 1, maxMinuteBuckets)
        let base = Int(successionBase[e])
        let lowMinutes = minMinutes[e], highMinutes = maxMinutes[e]

        // What the days outside the window already hold: minutes, typed shifts, weekends.
        var startLabel = Label(cost: 0, counts: 0, minutes: 0, parent: -1, value: 0, run: 0, flags: 1, weekends: 0)
        countedOutside.removeAll(keepingCapacity: true)
        countedOutside.append(contentsOf: repeatElement(false, count: length))
        var weekendSeen = -1
        typeOutside.removeAll(keepingCapacity: true)
        typeOutside.append(contentsOf: repeatElement(0, count: S))
        for d in 0..<H where d < a || d > b {
            let v = Int(row![d])
            guard v > 0 else { continue }
            startLabel.minutes += cellMinutes[d * V + v]
            typeOutside[valueShift[v]] += 1
            let w = Int(weekendOfDay[d])
            if w >= 0 && w != weekendSeen {
                weekendSeen = w
                startLabel.weekends &+= 1
                for x in a...b where Int(weekendOfDay[x]) == w { countedOutside[x - a] = true }
            }
        }
        if Int(startLabel.weekends) > maxWeekends[e] { return false }
        // A bit field for each type whose limit the window could reach; a type at its limit is barred.
        fieldIncrement.removeAll(keepingCapacity: true)
        fieldShift.removeAll(keepingCapacity: true)
        fieldMask.removeAll(keepingCapacity: true)
        fieldCapacity.removeAll(keepingCapacity: true)
        var bits: UInt64 = 0
        for v in 0..<V {
            var increment: UInt64 = 0, shift: UInt64 = 0, mask: UInt64 = 0, capacity: UInt64 = 0
            if v > 0 {
                let s = valueShift[v], limit = typeLimit[e * S + s]
                if limit != Int.max && typeOutside[s] + length > limit {
                    capacity = UInt64(max(limit - typeOutside[s], 0))
                    if capacity == 0 {
                        for d in 0..<length { price[d * V + v] = Int.max }
                    } else if let known = (1..<v).first(where: { valueShift[$0] == s && fieldIncrement[$0] != 0 }) {
                        increment = fieldIncrement[known]
                        shift = fieldShift[known]
                        mask = fieldMask[known]
                    } else {
                        let width = UInt64(64 - (capacity + 1).leadingZeroBitCount)
                        if bits + width > 64 { return false }
                        shift = bits
                        increment = 1 << shift
                        mask = (1 << width) - 1
                        bits += width
                    }
                }
            }
            fieldIncrement.append(increment)
            fieldShift.append(shift)
            fieldMask.append(mask)
            fieldCapacity.append(capacity)
        }
        // The run that ends on day a - 1.
        if a > 0, let row {
            let working = row[a - 1] != 0
            var s = a - 1
            while s > 0 && (row[s - 1] != 0) == working { s -= 1 }
            startLabel.value = row[a - 1]
            startLabel.run = UInt8(min(a - s, cap))
            startLabel.flags = s == 0 ? 1 : 0
            if a - s > (working ? maxRun[e] : Int.max) { return false }
            if weekendOfDay[a - 1] >= 0 && weekendOfDay[a - 1] == weekendOfDay[a] && working { startLabel.flags |= 2 }
        }
        // The run that starts on day b + 1.
        let next = b + 1 < H ? Int(row![b + 1]) : -1
        var nextRun = 0
        if next >= 0, let row {
            var t = b + 1
            while t < H && (row[t] != 0) == (next != 0) { t += 1 }
            nextRun = t - b - 1
        }
        let nextReachesEnd = next >= 0 && b + 1 + nextRun == H

        layers.removeAll(keepingCapacity: true)
        layerStart.removeAll(keepingCapacity: true)
        let keyCount = classCount[e] * (cap + 1) * 2
        let slots = keyCount * buckets
        if slotCount.count < slots {
            slotCount = [Int32](repeating: 0, count: slots)
            slotLabels = [Label](repeating: startLabel, count: slots * K)
        } else if slotLabels.count < slots * K {
            slotLabels = [Label](repeating: startLabel, count: slots * K)
        }
        layerStart.append(0)
        layers.append(startLabel)
        let bounded = costBelow < Int.max && row == nil && length * longestShift / unit + 1 <= maxMinuteBuckets
        if bounded { fillCompletion(e, slots: slots, buckets: buckets, cap: cap, base: base, successionScale: successionScale) }

        for d in a...b {
            let from = layerStart[layerStart.count - 1], to = layers.count
            let dayPrice = (d - a) * V
            let weekend = Int(weekendOfDay[d])
            let sameWeekend = d > 0 && weekend >= 0 && Int(weekendOfDay[d - 1]) == weekend
            lastWork += (to - from) * V
            for i in from..<to {
                let label = layers[i]
                let counted = weekend >= 0 && (countedOutside[d - a] || (sameWeekend && label.flags & 2 != 0))
                for w in 0..<V {
                    let p = price[dayPrice + w]
                    if p == Int.max { continue }
                    guard var next = extend(label, w, price: p, day: d, e: e, base: base, cap: cap, highMinutes: highMinutes,
                                            weekend: weekend, counted: counted, successionScale: successionScale) else { continue }
                    next.parent = Int32(i)
                    let slot = key(next, e, cap: cap, buckets: buckets,
                                   bucket: min(Int(next.minutes - startLabel.minutes) / unit, buckets - 1))
                    if bounded && next.cost + completion[(d - a) * slots + slot] >= costBelow { continue }
                    insert(next, key: slot, K)
                }
            }
            layerStart.append(layers.count)
            for s in usedSlots {
                for j in 0..<Int(slotCount[s]) { layers.append(slotLabels[s * K + j]) }
                slotCount[s] = 0
            }
            usedSlots.removeAll(keepingCapacity: true)
            if layers.count == layerStart[layerStart.count - 1] { return false }
        }

        // The cheapest last label that joins the run after the window and ends within the minutes.
        var bestIndex = -1, bestCost = Int.max
        for i in layerStart[layerStart.count - 1]..<layers.count {
            let label = layers[i]
            guard Int(label.minutes) >= lowMinutes, label.cost < bestCost else { continue }
            var cost = label.cost
            if next >= 0 {
                let v = Int(label.value), working = v != 0
                if working && next != 0 {
                    let rule = Int(succession[base + v * V + next])
                    if rule < 0 { continue }
                    cost += rule * successionScale
                    if let clockRests {
                        guard let rest = clockRests.charge(e, b + 1, v, next) else { continue }
                        cost += rest
                    }
                }
                let fromStart = label.flags & 1 != 0
                if working == (next != 0) {
                    let run = Int(label.run) + nextRun
                    if working && run > maxRun[e] { continue }
                    if !fromStart && !nextReachesEnd && run < (working ? minRun[e] : minOff[e]) { continue }
                } else {
                    if !fromStart && Int(label.run) < (working ? minRun[e] : minOff[e]) { continue }
                    if !nextReachesEnd && nextRun < (working ? minOff[e] : minRun[e]) { continue }
                }
            }
            if cost < bestCost {
                bestCost = cost
                bestIndex = i
            }
        }
        guard bestIndex >= 0 else { return false }
        var i = bestIndex
        for d in stride(from: b, through: a, by: -1) {
            built[d - a] = layers[i].value
            i = Int(layers[i].parent)
        }
        return true
    }

    /// `label`, a partial row through day `d - 1`, extended by value `w` on day `d` at price `p`; nil
    /// when that breaks a hard limit the programme models. `counted`: whether day `d`'s weekend is
    /// already counted.
    @inline(__always)
    private func extend(_ label: Label, _ w: Int, price p: Int, day d: Int, e: Int, base: Int, cap: Int, highMinutes: Int,
                        weekend: Int, counted: Bool, successionScale: Int) -> Label? {
        let V = valueCount
        let v = Int(label.value), working = v != 0, run = Int(label.run), fromStart = label.flags & 1 != 0
        var next = label
        next.value = UInt8(w)
        next.cost = label.cost + p
        if w != 0 {
            if working {
                let rule = Int(succession[base + v * V + w])
                if rule < 0 { return nil }
                next.cost += rule * successionScale
                if d > 0, let clockRests {
                    guard let rest = clockRests.charge(e, d, v, w) else { return nil }
                    next.cost += rest
                }
                if run + 1 > maxRun[e] { return nil }
                next.run = UInt8(min(run + 1, cap))
            } else {
                if d > 0 && !fromStart && run < minOff[e] { return nil }
                next.run = 1
                next.flags = d == 0 ? 1 : 0
            }
            next.minutes += cellMinutes[d * V + w]
            if Int(next.minutes) > highMinutes { return nil }
            let increment = fieldIncrement[w]
            if increment != 0 {
                next.counts += increment
                if (next.counts >> fieldShift[w]) & fieldMask[w] > fieldCapacity[w] { return nil }
            }
            if weekend >= 0 && !counted {
                next.weekends &+= 1
                if Int(next.weekends) > maxWeekends[e] { return nil }
            }
        } else {
            if working {
                if !fromStart && run < minRun[e] { return nil }
                next.run = 1
                next.flags = d == 0 ? 1 : 0
            } else {
                next.run = UInt8(min(run + 1, cap))
            }
        }
        // Bit 1: whether this day's weekend is counted, by this day's work or before.
        next.flags = (next.flags & 1) | (weekend >= 0 && (w != 0 || counted) ? 2 : 0)
        // A run long enough for every minimum no longer needs to know where it started.
        if Int(next.run) >= (w != 0 ? minRun[e] : minOff[e]) { next.flags &= 2 }
        return next
    }

    /// Completion bounds for a whole row of staff member `e` at the prices in `price`, into
    /// `completion`: `completion[d * slots + key]` is the least that days `d + 1...` can add to a
    /// partial row whose label on day `d` has `key` and that then ends keeping every limit but the
    /// shift counts and weekends (a relaxation, so never more than the truth; Int.max / 4 when nothing
    /// ends it). A label whose cost plus its bound reaches the cost sought cannot lead to a cheaper
    /// row and is dropped: the completion bounds of labelling algorithms for the pricing problem
    /// (Irnich & Desaulniers, "Shortest path problems with resource constraints", 2005, §4).
    private func fillCompletion(_ e: Int, slots: Int, buckets: Int, cap: Int, base: Int, successionScale: Int) {
        let V = valueCount, H = days, unreachable = Int.max / 4
        if completion.count < H * slots { completion = [Int](repeating: 0, count: H * slots) }
        let lowMinutes = minMinutes[e], highMinutes = maxMinutes[e]
        for key in 0..<slots {
            completion[(H - 1) * slots + key] = (key % buckets) * minutesUnit >= lowMinutes ? 0 : unreachable
        }
        // Only keys a label can have after day d are worked out: at most d + 1 days' minutes and
        // run, and a run from day 0 only while it is short of a minimum. The others are never looked
        // up; they get -unreachable, which never prunes.
        let shortestMinimum = max(minRun[e], minOff[e])
        for d in stride(from: H - 2, through: 0, by: -1) {
            let weekend = Int(weekendOfDay[d + 1])
            let topBucket = min((d + 1) * longestShift / minutesUnit, buckets - 1), topRun = min(d + 1, cap)
            let topFlag = d + 1 < shortestMinimum ? 1 : 0
            var worked = 0
            for key in 0..<slots {
                let m = key % buckets, flag = key / buckets % 2, run = key / buckets / 2 % (cap + 1)
                guard m <= topBucket && run <= topRun && flag <= topFlag else {
                    completion[d * slots + key] = -unreachable
                    continue
                }
                worked += 1
                let label = Label(cost: 0, counts: 0, minutes: Int32(m * minutesUnit), parent: -1,
                                  value: UInt8(classValue[e * V + key / buckets / 2 / (cap + 1)]), run: UInt8(run),
                                  flags: UInt8(flag), weekends: 0)
                var least = unreachable
                for w in 0..<V {
                    let p = price[(d + 1) * V + w]
                    if p == Int.max { continue }
                    guard let next = extend(label, w, price: p, day: d + 1, e: e, base: base, cap: cap, highMinutes: highMinutes,
                                            weekend: weekend, counted: true, successionScale: successionScale),
                          Int(next.minutes) / minutesUnit < buckets else { continue }
                    let after = completion[(d + 1) * slots + self.key(next, e, cap: cap, buckets: buckets,
                                                                      bucket: Int(next.minutes) / minutesUnit)]
                    if after < unreachable { least = min(least, next.cost + after) }
                }
                completion[d * slots + key] = least
            }
            lastWork += worked * V / 4
        }
    }

    /// The slot of a label: its value's succession class, its run, whether the run started on day 0,
    /// and its bucket of minutes.
    @inline(__always)
    private func key(_ label: Label, _ e: Int, cap: Int, buckets: Int, bucket: Int) -> Int {
        ((successionClass[e * valueCount + Int(label.value)] * (cap + 1) + Int(label.run)) * 2 + Int(label.flags & 1)) * buckets + bucket
    }

    /// Keeps `label` if it is among the `k` cheapest of its slot (one per distinct set of counters).
    @inline(__always)
    private func insert(_ label: Label, key slot: Int, _ k: Int) {
        let n = Int(slotCount[slot]), first = slot * k
        var worst = -1, worstCost = Int.min
        for j in first..<(first + n) {
            let other = slotLabels[j]
            if other.counts == label.counts && other.minutes == label.minutes && other.weekends == label.weekends
                && other.flags == label.flags {
                if label.cost < other.cost { slotLabels[j] = label }
                return
            }
            if other.cost > worstCost {
                worstCost = other.cost
                worst = j
            }
        }
        if n < k {
            if n == 0 { usedSlots.append(slot) }
            slotLabels[first + n] = label
            slotCount[slot] += 1
        } else if label.cost < worstCost {
            slotLabels[worst] = label
        }
    }
}

/// Rebuilds days `start...end` of up to three staff members (`second` and `third` are -1 when absent)
/// with `WindowRebuilder`: the rows are cleared together, then rebuilt in order, `first` first.
package struct RebuildWindowMove: Sendable, Equatable {
    public var first: Int, second: Int, third: Int, start: Int, end: Int

    public init(first: Int, second: Int, third: Int, start: Int, end: Int) {
        self.first = first
        self.second = second
        self.third = third
        self.start = start
        self.end = end
    }

    @inline(__always) func staff(_ k: Int) -> Int { k == 0 ? first : (k == 1 ? second : third) }
}
