/// The construction heuristic: gives each staff member, independently, a row of work stretches that
/// respects their own contract as far as a row can on its own — stretches between the minimum and
/// maximum consecutive shifts, separated by at least the minimum days off, one shift type per
/// stretch (so no forbidden succession inside it), never on a day off, stopping at the middle of
/// the minutes range — with shift types drawn in proportion to the cover they are still short of.
/// What the rows cannot see of each other (cover) and the few clashes left (weekends, a stretch cut
/// by a day off) are then the local search's work. Starting here instead of from an empty roster
/// reaches a feasible roster much sooner on the year-long instances.
public enum PatternConstruction {
    public static func build(_ p: CompiledProblem, random: inout RandomSource) -> Schedule {
        var schedule = Schedule(staffCount: p.staffCount, days: p.days)
        var shortfall = p.coverRequired   // people still needed per (day, shift)
        for e in (0..<p.staffCount).shuffled(using: &random) {
            let target = (Int(p.minTotalMinutes[e]) + Int(p.maxTotalMinutes[e])) / 2
            var minutes = 0
            var typeCount = Array(repeating: 0, count: p.shiftCount)
            let minRun = max(Int(p.minConsecutiveShifts[e]), 1)
            let maxRun = max(Int(p.maxConsecutiveShifts[e]), minRun)
            let minOff = max(Int(p.minConsecutiveDaysOff[e]), 1)
            var d = random.below(minOff + 1)
            while d < p.days && minutes < target {
                let length = minRun + random.below(maxRun - minRun + 1)
                guard let shift = pickShift(p, e, from: d, length: length, shortfall: shortfall, typeCount: typeCount, random: &random) else {
                    d += 1
                    continue
                }
                var worked = 0
                for day in d..<min(d + length, p.days) where p.dayOff[e * p.days + day] == 0 {
                    guard minutes < target, typeCount[shift] < p.maxShiftsOfType[e * p.shiftCount + shift] else { break }
                    schedule[staff: e, day: day] = UInt8(shift + 1)
                    minutes += Int(p.valueMinutes[shift + 1])
                    typeCount[shift] += 1
                    shortfall[day * p.shiftCount + shift] -= 1
                    worked += 1
                }
                d += max(worked, 1) + minOff + random.below(2)
            }
        }
        return schedule
    }

    /// A shift type the person may still work, drawn in proportion to the positive shortfall over the stretch.
    private static func pickShift(_ p: CompiledProblem, _ e: Int, from d: Int, length: Int,
                                  shortfall: ContiguousArray<Int32>, typeCount: [Int],
                                  random: inout RandomSource) -> Int? {
        var weights = Array(repeating: 0, count: p.shiftCount)
        var total = 0
        for s in 0..<p.shiftCount where typeCount[s] < p.maxShiftsOfType[e * p.shiftCount + s] {
            var w = 1
            for day in d..<min(d + length, p.days) { w += max(Int(shortfall[day * p.shiftCount + s]), 0) }
            weights[s] = w
            total += w
        }
        guard total > 0 else { return nil }
        var r = random.below(total)
        for s in 0..<p.shiftCount {
            if r < weights[s] { return s }
            r -= weights[s]
        }
        return nil
    }
}
