/// An estimate of how many shifts a contract lets one person work, used to size cover so that the
/// generated problems can be staffed. It takes the tightest of the contract's limits, soft ones
/// included: cover that can only be met by breaking soft limits is not what a planner calls enough
/// staff. Rules that shape a roster without capping its volume (successions, rest, nights, requests)
/// are left to the margin between the hard minimum and this estimate.
struct WorkCapacity: Sendable {
    /// Mean shift length, weighted by how much each shift is demanded.
    let shiftMinutes: Int
    let horizonDays: Int
    /// Weekends (a Saturday, a Sunday or both) that fall in the horizon.
    let weekends: Int

    init(shiftMinutes: Int, horizon: [LocalDate]) {
        self.shiftMinutes = shiftMinutes
        horizonDays = horizon.count
        weekends = Set(horizon.filter(\.isWeekend).map { $0.daysSinceEpoch - ($0.weekday - 6) }).count
    }

    /// Shifts over `availableDays` days (the horizon less leave): the daily rate of the tightest limit,
    /// after taking out both days of every weekend that a weekend limit keeps free.
    func shifts(under contract: Contract, availableDays: Int) -> Int {
        let weekendLimit = contract.rules.compactMap { rule -> Int? in
            if case .maxWeekends(let allowed) = rule.kind { allowed } else { nil }
        }.min()
        let freeWeekendDays = weekendLimit.map { 2 * max(0, weekends - $0) } ?? 0
        return Int(shiftsPerDay(under: contract) * Double(max(0, availableDays - freeWeekendDays)))
    }

    func shiftsPerDay(under contract: Contract) -> Double {
        let daysOffBetweenStretches = contract.rules.compactMap { rule -> Int? in
            if case .minConsecutiveDaysOff(let days) = rule.kind { days } else { nil }
        }.max() ?? 1
        return contract.rules.reduce(1.0) { min($0, shiftsPerDay(under: $1.kind, daysOffBetweenStretches: daysOffBetweenStretches)) }
    }

    private func shiftsPerDay(under kind: RuleKind, daysOffBetweenStretches: Int) -> Double {
        switch kind {
        case .maxMinutesInWindow(let days, let minutes):
            return Double(minutes / shiftMinutes) / Double(days)
        case .minutesPerPeriod(let periodDays, _, let max?):
            return Double(max / shiftMinutes) / Double(periodDays ?? horizonDays)
        case .shiftsPerPeriod(let periodDays, _, let max?):
            return Double(max) / Double(periodDays ?? horizonDays)
        case .maxConsecutiveDays(let days):
            return Double(days) / Double(days + daysOffBetweenStretches)
        case .weeklyRest(let minutes):
            // One day off between two shifts that start at the same time rests 48 h less a shift.
            let daysOff = (minutes + shiftMinutes + 24 * 60 - 1) / (24 * 60) - 1
            return Double(7 - max(0, daysOff)) / 7
        case .workRestRatio(let work, let rest):
            let cycle = Double(shiftMinutes) * Double(work + rest) / Double(work)
            return min(1, 24 * 60 / cycle)
        case .rotation(let pattern, _) where !pattern.isEmpty:
            return Double(pattern.filter { $0 != "-" }.count) / Double(pattern.count)
        case .preset(.euWorkingTimeDirective):
            // The 48 h are an average over 17 weeks; a horizon of a few weeks is held to the average.
            return min(shiftsPerDay(under: .maxMinutesInWindow(days: 7, minutes: 48 * 60), daysOffBetweenStretches: 1),
                       shiftsPerDay(under: .weeklyRest(minutes: 35 * 60), daysOffBetweenStretches: 1))
        case .preset(.usWildlandFire):
            return min(shiftsPerDay(under: .maxConsecutiveDays(14), daysOffBetweenStretches: 2),
                       shiftsPerDay(under: .workRestRatio(work: 2, rest: 1), daysOffBetweenStretches: 2))
        default:
            return 1
        }
    }
}
