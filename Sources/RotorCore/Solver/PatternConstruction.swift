/// The construction heuristic: gives each staff member, independently, a row of work stretches that
/// respects their own contract as far as a row can on its own — pinned cells first, stretches between
/// the hard minimum and maximum days in a row (nights no longer than the night limit), separated by
/// at least the minimum days off, one post per stretch (so no forbidden succession or short rest
/// inside it), never on a fixed cell, stopping at the middle of the hours range — with posts drawn in
/// proportion to the cover they are still short of. What the rows cannot see of each other (cover)
/// and the few clashes left (weekends, a stretch cut by leave) are then the local search's work.
/// Starting here instead of from an empty roster reaches a feasible roster much sooner on the
/// year-long instances.
package enum PatternConstruction {
    public static func build(_ p: CompiledProblem, random: inout RandomSource) -> Schedule {
        var schedule = Schedule(staffCount: p.staffCount, days: p.days)
        let P = p.postCount
        var shortfall = ContiguousArray((0..<(p.days * P)).map { max(p.coverMin[$0], p.coverPreferred[$0]) })
        for e in 0..<p.staffCount {
            for d in 0..<p.days where p.fixed[e * p.days + d] > 1 {
                let v = Int(p.fixed[e * p.days + d]) - 1
                schedule[staff: e, day: d] = UInt8(v)
                shortfall[d * P + v - 1] -= 1
            }
        }
        let r = p.rules
        for e in (0..<p.staffCount).shuffled(using: &random) {
            let target = targetMinutes(p, e)
            var minutes = 0
            var typeCount = Array(repeating: 0, count: p.shiftCount)
            let minRun = max(hardLimits(r.minConsecutiveDays, e).max() ?? 1, 1)
            let maxRun = max(hardLimits(r.maxConsecutiveDays, e).min() ?? 5, minRun)
            let maxNights = max(hardLimits(r.maxConsecutiveNights, e).min() ?? maxRun, 1)
            let minOff = max(hardLimits(r.minConsecutiveDaysOff, e).max() ?? 2, 1)
            var d = random.below(minOff + 1)
            while d < p.days && minutes < target {
                var length = minRun + random.below(maxRun - minRun + 1)
                guard let v = pickPost(p, e, from: d, length: length, shortfall: shortfall, typeCount: typeCount, random: &random) else {
                    d += 1
                    continue
                }
                if p.valueIsNight[v] != 0 { length = min(length, maxNights) }
                let t = Int(p.valueShift[v])
                var worked = 0
                for day in d..<min(d + length, p.days) where p.fixed[e * p.days + day] == 0 {
                    guard minutes < target, typeCount[t] < p.rules.tightestShiftsOfType[e * p.shiftCount + t] else { break }
                    schedule[staff: e, day: day] = UInt8(v)
                    minutes += Int(p.cellMinutes[day * p.valueCount + v])
                    typeCount[t] += 1
                    shortfall[day * P + v - 1] -= 1
                    worked += 1
                }
                d += max(worked, 1) + minOff + random.below(2)
            }
        }
        return schedule
    }

    private static func hardLimits(_ list: RuleInstances, _ e: Int) -> [Int] {
        list.range(e).filter { list.weight[$0] < 0 }.map { Int(list.a[$0]) }
    }

    /// Minutes to aim for: the middle of the horizon's hours bounds, else 90 % of what the tightest
    /// rolling window allows, else no limit.
    private static func targetMinutes(_ p: CompiledProblem, _ e: Int) -> Int {
        let totals = p.rules.minutesPerPeriod
        var target = Int.max
        for i in totals.range(e) {
            let scale = Double(p.days) / Double(totals.a[i])
            let hi = totals.c[i] == Int32.max ? nil : Double(totals.c[i]) * scale
            let lo = totals.b[i] < 0 ? nil : Double(totals.b[i]) * scale
            switch (lo, hi) {
            case let (lo?, hi?): target = min(target, Int((lo + hi) / 2))
            case let (nil, hi?): target = min(target, Int(hi * 0.9))
            case let (lo?, nil): target = min(target, Int(lo * 1.1))
            case (nil, nil): break
            }
        }
        let windows = p.rules.maxMinutesInWindow
        for i in windows.range(e) {
            target = min(target, Int(Double(windows.b[i]) * Double(p.days) / Double(windows.a[i]) * 0.9))
        }
        return target
    }

    /// A post the person may hold and still work, drawn in proportion to the positive shortfall over the stretch.
    private static func pickPost(_ p: CompiledProblem, _ e: Int, from d: Int, length: Int,
                                 shortfall: ContiguousArray<Int32>, typeCount: [Int],
                                 random: inout RandomSource) -> Int? {
        let P = p.postCount
        var candidates: [(value: Int, weight: Int)] = []
        var total = 0
        for i in Int(p.allowedStart[e])..<Int(p.allowedStart[e + 1]) {
            let v = Int(p.allowedValues[i]), t = Int(p.valueShift[v])
            guard typeCount[t] < p.rules.tightestShiftsOfType[e * p.shiftCount + t] else { continue }
            var w = 1
            for day in d..<min(d + length, p.days) { w += max(Int(shortfall[day * P + v - 1]), 0) }
            candidates.append((v, w))
            total += w
        }
        guard total > 0 else { return nil }
        var r = random.below(total)
        for c in candidates {
            if r < c.weight { return c.value }
            r -= c.weight
        }
        return nil
    }
}
