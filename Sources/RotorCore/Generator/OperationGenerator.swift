/// Synthetic round-the-clock operations for tests, demos and benchmarks: staff drawn from home units
/// and deployable to other sites, with skills, contracts, leave, requests, pins and history, and
/// cover sized from what that staff can work. The hard minimums take `hardCoverFraction` of the
/// estimated capacity (`WorkCapacity`) at each site and skill, so a roster without hard violations
/// exists; the preferred levels, which are soft, take `preferredCoverFraction`.
///
/// Everything random is drawn from one `RandomSource` in a fixed order, so a seed fixes the problem.
public struct OperationGenerator: Sendable, Equatable {
    public var parameters: Parameters

    public init(_ parameters: Parameters) {
        self.parameters = parameters
    }

    public func generate(seed: UInt64) -> Problem {
        var random = RandomSource(seed: seed)
        return generate(random: &random)
    }

    public func generate(random: inout RandomSource) -> Problem {
        let p = parameters
        let dates = (0..<p.days).map { p.start.adding(days: $0) }
        let siteIntensity = p.sites.map { _ in
            p.siteIntensity.lowerBound + random.unit() * (p.siteIntensity.upperBound - p.siteIntensity.lowerBound)
        }
        let unitOf = Self.deal(count: p.staffCount, shares: p.units.map(\.staffShare), random: &random)
        let contractOf = Self.deal(count: p.staffCount, shares: p.contracts.map(\.staffShare), random: &random)
        let holders: [Set<Int>] = p.skills.map { skill in
            let count = Int((skill.staffShare * Double(p.staffCount)).rounded())
            return Set(Self.shuffled(Array(0..<p.staffCount), random: &random).prefix(count))
        }
        let digits = String(max(1, p.staffCount)).count
        var staff = (0..<p.staffCount).map { index in
            let unit = p.units[unitOf[index]]
            let number = String(index + 1)
            return member(
                id: p.staffIdPrefix + String(repeating: "0", count: digits - number.count) + number,
                skills: p.skills.indices.filter { holders[$0].contains(index) }.map { p.skills[$0].skill.id },
                homeSite: unit.homeSite,
                deployableSites: random.unit() < p.deployableShare ? unit.deployableSites : [],
                contract: p.contracts[contractOf[index]].contract.id,
                dates: dates, random: &random)
        }
        var units: [Crew] = []
        if let crews = p.rotationCrews {
            // In staff order, one to each crew in turn: crew k's cycle starts k spacings after the horizon.
            let members = staff.indices.filter { staff[$0].contract == crews.contract }
            for (turn, index) in members.enumerated() {
                staff[index].rotationStart = p.start.adding(days: turn % crews.count * crews.spacing)
            }
            // Within each crew, units of `unitSize` who work together.
            if crews.unitSize > 1 {
                for k in 0..<crews.count {
                    let crew = members.enumerated().filter { $0.offset % crews.count == k }.map { staff[$0.element].id }
                    for (u, start) in stride(from: 0, to: crew.count - crews.unitSize + 1, by: crews.unitSize).enumerated() {
                        units.append(Crew(id: "\(Character(UnicodeScalar(UInt8(65 + k % 26))))\(u + 1)", members: Array(crew[start..<(start + crews.unitSize)])))
                    }
                }
            }
        }
        return Problem(
            name: p.name, horizon: Horizon(start: p.start, days: p.days, timeZone: p.timeZone), sites: p.sites,
            skills: p.skills.map(\.skill), shiftTypes: p.shifts.map(\.shiftType), contracts: p.contracts.map(\.contract),
            staff: staff, demand: demand(for: staff, siteIntensity: siteIntensity, dates: dates), travel: p.travel,
            fairness: p.fairness, crews: units)
    }

    /// One staff member with their leave, at most one pin, history and requests. The pin avoids the
    /// first three days, so that it cannot clash with the history; requests avoid leave and the pin.
    private func member(id: String, skills: [String], homeSite: String, deployableSites: [String], contract: String,
                        dates: [LocalDate], random: inout RandomSource) -> StaffMember {
        let p = parameters
        var leave: [DateRange] = []
        if random.unit() < p.leaveShare {
            let length = min(p.days, p.leaveDays.lowerBound + random.below(p.leaveDays.count))
            let first = random.below(p.days - length + 1)
            leave.append(DateRange(from: dates[first], to: dates[first + length - 1]))
        }
        let onLeave = Set(leave.flatMap { range in dates.filter { range.from <= $0 && $0 <= range.to } })
        var pins: [Pin] = []
        if random.unit() < p.pinShare {
            let candidates = dates.dropFirst(3).filter { !onLeave.contains($0) }
            if !candidates.isEmpty {
                let date = candidates[candidates.startIndex + random.below(candidates.count)]
                let shift = random.below(2) == 0 ? p.shifts[random.below(p.shifts.count)].shiftType.id : nil
                pins.append(Pin(date: date, shift: shift))
            }
        }
        var history: [HistoryShift]?
        if random.unit() < p.historyShare {
            // A run of one to four shifts of one type, ending zero to two days before the start.
            let length = 1 + random.below(4), gap = random.below(3)
            let shift = p.shifts[random.below(p.shifts.count)].shiftType.id
            history = (0..<length).map { HistoryShift(date: p.start.adding(days: -gap - length + $0), shift: shift) }
        }
        var requests: [Request] = []
        for date in dates where !onLeave.contains(date) && !pins.contains(where: { $0.date == date }) {
            guard random.unit() < p.requestsPer28Days / 28 else { continue }
            let weight = 1 + random.below(3)
            let shift = p.shifts[random.below(p.shifts.count)].shiftType.id
            switch random.below(4) {
            case 0, 1: requests.append(Request(date: date, shift: nil, on: false, weight: weight))
            case 2: requests.append(Request(date: date, shift: shift, on: true, weight: weight))
            default: requests.append(Request(date: date, shift: shift, on: false, weight: weight))
            }
        }
        return StaffMember(id: id, skills: skills, homeSite: homeSite, deployableSites: deployableSites, contract: contract,
                           unavailable: leave, requests: requests, pinned: pins, history: history)
    }

    /// Cover per site, shift, skill line and kind of day. Each person's estimated capacity is spread
    /// over the sites they may work at (`spreadOverSites`) and, within a site, over the line of the
    /// first skill they hold that has one (its `demandShare`) and the crew line (the rest, if they
    /// hold `crewSkill`). That spread is a fractional roster, so cover at a fraction of it below one
    /// can be met line by line.
    private func demand(for staff: [StaffMember], siteIntensity: [Double], dates: [LocalDate]) -> [Demand] {
        let p = parameters
        let siteIndex = Dictionary(uniqueKeysWithValues: p.sites.enumerated().map { ($0.element.id, $0.offset) })
        let contractByID = Dictionary(uniqueKeysWithValues: p.contracts.map { ($0.contract.id, $0.contract) })
        let lineSkills = p.skills.filter { $0.demandShare > 0 }
        let totalShiftWeight = p.shifts.reduce(0) { $0 + $1.demandWeight }
        let meanShiftMinutes = p.shifts.reduce(0) { $0 + $1.demandWeight * Double($1.shiftType.minutes) } / totalShiftWeight
        let estimate = WorkCapacity(shiftMinutes: Int(meanShiftMinutes.rounded()), horizon: dates)

        let shifts = staff.map { person in
            let leaveDays = person.unavailable.reduce(0) { $0 + $1.to.days(since: $1.from) + 1 }
            return Double(estimate.shifts(under: contractByID[person.contract]!, availableDays: p.days - leaveDays))
        }
        let sitesOf = staff.map { [siteIndex[$0.homeSite]!] + $0.deployableSites.map { siteIndex[$0]! } }
        let pull = Self.spreadOverSites(shifts: shifts, sitesOf: sitesOf, siteIntensity: siteIntensity)

        // capacity[site][0] is the crew line, capacity[site][1 + k] the line of lineSkills[k].
        var capacity = [[Double]](repeating: [Double](repeating: 0, count: 1 + lineSkills.count), count: p.sites.count)
        for (index, person) in staff.enumerated() {
            let totalPull = sitesOf[index].reduce(0) { $0 + pull[$1] }
            let line = lineSkills.firstIndex { person.skills.contains($0.skill.id) }
            let lineShare = line.map { lineSkills[$0].demandShare } ?? 0
            let joinsCrew = p.crewSkill.map { person.skills.contains($0) } ?? true
            for site in sitesOf[index] {
                let share = shifts[index] * pull[site] / totalPull
                if let line { capacity[site][1 + line] += share * lineShare }
                if joinsCrew { capacity[site][0] += share * (1 - lineShare) }
            }
        }

        let weekdayCount = dates.filter { !$0.isWeekend }.count
        let dayKinds: [(days: DaySelector, factor: Double, count: Int)] = p.weekendDemandFactor == 1
            ? [(.everyDay, 1, p.days)]
            : [(.weekdays([1, 2, 3, 4, 5]), 1, weekdayCount), (.weekdays([6, 7]), p.weekendDemandFactor, p.days - weekdayCount)]
                .filter { $0.count > 0 }
        let cells = p.shifts.flatMap { shift in dayKinds.map { (shift: shift, kind: $0) } }
        let cellWeights = cells.map { $0.shift.demandWeight * $0.kind.factor }
        let cellDays = cells.map(\.kind.count)
        let weightedDays = zip(cellWeights, cellDays).reduce(0) { $0 + $1.0 * Double($1.1) }

        var demand: [Demand] = []
        for (site, lines) in zip(p.sites, capacity) {
            for (line, shifts) in lines.enumerated() {
                let skill = line == 0 ? p.crewSkill : lineSkills[line - 1].skill.id
                let perDay = cellWeights.map { shifts / weightedDays * $0 }
                let minimums = Self.wholeNumbers(perDay.map { $0 * p.hardCoverFraction }, days: cellDays,
                                                 budget: shifts * p.hardCoverFraction)
                for (cell, minimum) in minimums.enumerated() {
                    let preferred = max(minimum, Int((perDay[cell] * p.preferredCoverFraction).rounded()))
                    guard preferred > 0 else { continue }
                    demand.append(Demand(
                        site: site.id, shift: cells[cell].shift.shiftType.id, skill: skill, days: cells[cell].kind.days,
                        minimum: minimum, minimumWeight: .hard, preferred: preferred > minimum ? preferred : nil,
                        preferredWeight: preferred > minimum ? p.preferredCoverWeight : 0))
                }
            }
        }
        return demand
    }

    /// How strongly each site pulls the time of the people who may work there, so that each site's
    /// share of all the time comes close to its share of the intensity whoever can reach it: a
    /// person's time splits over their sites in proportion to the pull, and the pulls are rescaled
    /// towards the targets (Sinkhorn's matrix scaling). Without this, a site in reach of several
    /// units would draw far more than one at the edge. Cover is sized from the split that results,
    /// so it can be worked even where the targets cannot be met.
    private static func spreadOverSites(shifts: [Double], sitesOf: [[Int]], siteIntensity: [Double]) -> [Double] {
        let totalShifts = shifts.reduce(0, +), totalIntensity = siteIntensity.reduce(0, +)
        let targets = siteIntensity.map { totalShifts * $0 / totalIntensity }
        var pull = [Double](repeating: 1, count: siteIntensity.count)
        for _ in 0..<50 {
            var drawn = [Double](repeating: 0, count: pull.count)
            for (person, sites) in sitesOf.enumerated() {
                let totalPull = sites.reduce(0) { $0 + pull[$1] }
                for site in sites { drawn[site] += shifts[person] * pull[site] / totalPull }
            }
            for site in pull.indices where drawn[site] > 0 { pull[site] *= targets[site] / drawn[site] }
        }
        return pull
    }

    /// Whole numbers of people per day near `targets`, costing `days` shifts each, that together cost
    /// no more than `budget`: every target rounded down, then raised by one in order of the largest
    /// remainder while the budget allows.
    private static func wholeNumbers(_ targets: [Double], days: [Int], budget: Double) -> [Int] {
        var numbers = targets.map { Int($0) }
        var left = budget - zip(numbers, days).reduce(0) { $0 + Double($1.0 * $1.1) }
        let byRemainder = targets.indices.sorted {
            let a = targets[$0] - Double(numbers[$0]), b = targets[$1] - Double(numbers[$1])
            return a > b || (a == b && $0 < $1)
        }
        for cell in byRemainder where Double(days[cell]) <= left + 1e-9 {
            numbers[cell] += 1
            left -= Double(days[cell])
        }
        return numbers
    }

    /// Group numbers for `count` items in proportion to `shares` (largest remainders, ties to the
    /// earlier group), in random order. Exact quotas rather than a draw per item keep the group sizes,
    /// and the cover sized from them, the same for every seed.
    private static func deal(count: Int, shares: [Double], random: inout RandomSource) -> [Int] {
        let total = shares.reduce(0, +)
        let exact = shares.map { $0 / total * Double(count) }
        var sizes = exact.map { Int($0) }
        let byRemainder = exact.indices.sorted {
            let a = exact[$0] - Double(sizes[$0]), b = exact[$1] - Double(sizes[$1])
            return a > b || (a == b && $0 < $1)
        }
        for group in byRemainder.prefix(count - sizes.reduce(0, +)) { sizes[group] += 1 }
        return shuffled(sizes.enumerated().flatMap { Array(repeating: $0.offset, count: $0.element) }, random: &random)
    }

    /// Fisher–Yates with `RandomSource.below`, so that the order depends on the seed alone and not on
    /// the standard library's shuffling algorithm.
    private static func shuffled<Element>(_ items: [Element], random: inout RandomSource) -> [Element] {
        var items = items
        for index in items.indices.reversed() where index > 0 {
            items.swapAt(index, random.below(index + 1))
        }
        return items
    }
}

extension OperationGenerator {
    public struct Parameters: Sendable, Equatable {
        public var name: String
        public var start: LocalDate
        public var days: Int
        /// The horizon's IANA time zone; sites may have their own.
        public var timeZone: String
        public var sites: [Site]
        public var travel: [Travel]
        public var units: [Unit]
        public var staffCount: Int
        /// Staff ids are this prefix and a zero-padded number.
        public var staffIdPrefix: String
        /// Chance that a person may be deployed to their unit's other sites rather than only home.
        public var deployableShare: Double
        /// Each site's share of the cover follows a factor drawn from this range (as far as the staff
        /// who may work there allow), so sites differ in size.
        public var siteIntensity: ClosedRange<Double>
        /// In order of priority: a person's own demand line is that of the first skill they hold that has one.
        public var skills: [SkillShare]
        /// The skill the general crew line asks for; nil lets anyone count.
        public var crewSkill: String?
        public var shifts: [ShiftDemand]
        /// Weekend cover relative to weekday cover; 1 gives one line for every day.
        public var weekendDemandFactor: Double
        public var contracts: [ContractShare]
        /// Hard minimum cover as a fraction of what the staff can work.
        public var hardCoverFraction: Double
        /// Preferred (soft) cover as a fraction of what the staff can work.
        public var preferredCoverFraction: Double
        public var preferredCoverWeight: Int
        /// Chance that a person has one leave range, of `leaveDays` days.
        public var leaveShare: Double
        public var leaveDays: ClosedRange<Int>
        /// Expected requests per person per 28 days: half of them days off, a quarter to work a given
        /// shift, a quarter not to; weights 1 to 3.
        public var requestsPer28Days: Double
        /// Chance that a person has one pin, a shift at home or a day off.
        public var pinShare: Double
        /// Chance that a person has recorded history before the start.
        public var historyShare: Double
        public var fairness: [FairnessGoal]
        /// The people on a contract with a rotation, dealt into crews whose cycles start a spacing apart.
        public var rotationCrews: RotationCrews?

        public init(name: String, start: LocalDate, days: Int, timeZone: String, sites: [Site], travel: [Travel],
                    units: [Unit], staffCount: Int, staffIdPrefix: String, deployableShare: Double,
                    siteIntensity: ClosedRange<Double>, skills: [SkillShare],
                    crewSkill: String?, shifts: [ShiftDemand], weekendDemandFactor: Double, contracts: [ContractShare],
                    hardCoverFraction: Double, preferredCoverFraction: Double, preferredCoverWeight: Int,
                    leaveShare: Double, leaveDays: ClosedRange<Int>, requestsPer28Days: Double, pinShare: Double,
                    historyShare: Double, fairness: [FairnessGoal], rotationCrews: RotationCrews? = nil) {
            self.name = name
            self.start = start
            self.days = days
            self.timeZone = timeZone
            self.sites = sites
            self.travel = travel
            self.units = units
            self.staffCount = staffCount
            self.staffIdPrefix = staffIdPrefix
            self.deployableShare = deployableShare
            self.siteIntensity = siteIntensity
            self.skills = skills
            self.crewSkill = crewSkill
            self.shifts = shifts
            self.weekendDemandFactor = weekendDemandFactor
            self.contracts = contracts
            self.hardCoverFraction = hardCoverFraction
            self.preferredCoverFraction = preferredCoverFraction
            self.preferredCoverWeight = preferredCoverWeight
            self.leaveShare = leaveShare
            self.leaveDays = leaveDays
            self.requestsPer28Days = requestsPer28Days
            self.pinShare = pinShare
            self.historyShare = historyShare
            self.fairness = fairness
            self.rotationCrews = rotationCrews
        }
    }

    /// `count` crews of the people on `contract`, crew k's `rotationStart` k × `spacing` days after
    /// the horizon's start (the DuPont rotation's four crews are 7 days apart); within each, units of
    /// `unitSize` people who work together (hard `crews` named by crew letter and number: A1, A2, …).
    public struct RotationCrews: Sendable, Equatable {
        public var contract: String
        public var count: Int
        public var spacing: Int
        public var unitSize: Int

        public init(contract: String, count: Int, spacing: Int, unitSize: Int = 1) {
            self.contract = contract
            self.count = count
            self.spacing = spacing
            self.unitSize = unitSize
        }
    }

    /// A home unit: its staff live at `homeSite` and, when deployable, may work at `deployableSites`.
    public struct Unit: Sendable, Equatable {
        public var homeSite: String
        public var deployableSites: [String]
        public var staffShare: Double

        public init(homeSite: String, deployableSites: [String], staffShare: Double = 1) {
            self.homeSite = homeSite
            self.deployableSites = deployableSites
            self.staffShare = staffShare
        }
    }

    /// A skill held by `staffShare` of the staff; `demandShare` of its holders' time is asked for on
    /// a line of its own (0: no line).
    public struct SkillShare: Sendable, Equatable {
        public var skill: Skill
        public var staffShare: Double
        public var demandShare: Double

        public init(_ skill: Skill, staffShare: Double, demandShare: Double) {
            self.skill = skill
            self.staffShare = staffShare
            self.demandShare = demandShare
        }
    }

    /// A shift and how much of the cover it takes relative to the others.
    public struct ShiftDemand: Sendable, Equatable {
        public var shiftType: ShiftType
        public var demandWeight: Double

        public init(_ shiftType: ShiftType, demandWeight: Double) {
            self.shiftType = shiftType
            self.demandWeight = demandWeight
        }
    }

    public struct ContractShare: Sendable, Equatable {
        public var contract: Contract
        public var staffShare: Double

        public init(_ contract: Contract, staffShare: Double) {
            self.contract = contract
            self.staffShare = staffShare
        }
    }
}
