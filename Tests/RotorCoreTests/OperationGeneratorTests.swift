import Foundation
import RotorCore
import Testing

@Suite("OperationGenerator")
struct OperationGeneratorTests {
    static let presets: [(name: String, generator: OperationGenerator)] = [
        ("surge", .surge), ("ward", .ward), ("rotation", .rotation), ("scaled", .scaled(staff: 300, days: 28, sites: 14)),
        ("one site", .scaled(staff: 40, days: 10, sites: 1)),
    ]

    @Test func sameSeedSameProblemOtherSeedOtherProblem() {
        for (name, generator) in Self.presets {
            let problem = generator.generate(seed: 7)
            #expect(problem == generator.generate(seed: 7), "\(name)")
            #expect(problem != generator.generate(seed: 8), "\(name)")
            var random = RandomSource(seed: 7)
            #expect(problem == generator.generate(random: &random), "\(name)")
        }
    }

    @Test(arguments: [1, 2, 3] as [UInt64])
    func everyReferenceResolves(seed: UInt64) {
        for (name, generator) in Self.presets {
            let problems = unresolvedReferences(in: generator.generate(seed: seed))
            #expect(problems.isEmpty, "\(name) seed \(seed): \(problems.prefix(10))")
        }
    }

    @Test func surgeHasTheAskedShape() throws {
        let problem = OperationGenerator.surge.generate(seed: 1)
        #expect(problem.staff.count == 600)
        #expect(problem.sites.count == 9)
        #expect(problem.horizon.days == 62)
        #expect(Set(problem.sites.compactMap(\.timeZone)) == ["America/New_York", "America/Chicago"])
        // Every site's clock changes to daylight saving time inside the horizon.
        for site in problem.sites {
            let zone = try #require(TimeZone(identifier: site.timeZone ?? problem.horizon.timeZone))
            #expect(zone.isDaylightSavingTime(for: instant(problem.horizon.start))
                != zone.isDaylightSavingTime(for: instant(problem.horizon.start.adding(days: problem.horizon.days - 1))))
        }
        #expect(problem.shiftTypes.map { [$0.startMinute, $0.minutes] } == [[420, 720], [1140, 720]])
        #expect(problem.shiftTypes.filter(\.isNight).map(\.id) == ["night"])
        #expect(problem.skills.map(\.id) == ["lead", "medic", "driver"])
        #expect(Set(problem.staff.map(\.homeSite)).count == 4)
        #expect(problem.staff.filter { !$0.deployableSites.isEmpty }.count > 400)
        #expect(problem.travel.count == 9 * 8 / 2)
        #expect(problem.travel.allSatisfy { (120...480).contains($0.minutes) })
        #expect(problem.travel.contains { $0.minutes >= 360 })
        #expect(problem.staff.filter { $0.history != nil }.count > 200)
        #expect(problem.staff.filter { !$0.unavailable.isEmpty }.count > 60)
        #expect(problem.staff.reduce(0) { $0 + $1.requests.count } > 600)
        #expect(problem.staff.contains { !$0.pinned.isEmpty })
        #expect(problem.contracts.filter { $0.rules.contains(ContractRule(.preset(.usWildlandFire))) }.count == 1)
        for contract in problem.contracts {
            let rules = contract.rules
            #expect(rules.contains(ContractRule(.minRest(minutes: 660))))
            #expect(rules.contains { $0.weight.isHard && $0.kind == .maxMinutesInWindow(days: 7, minutes: contract.id == "reserve" ? 2880 : 3600) })
            #expect(rules.contains(ContractRule(.maxConsecutiveNights(4))))
            #expect(rules.contains(ContractRule(.minRestAfterNights(minutes: 46 * 60), .soft(20))))
            #expect(rules.contains(ContractRule(.forbiddenSuccession(from: "night", to: "day"))))
            #expect(rules.contains(ContractRule(.maxDeploymentDays(14))))
            #expect(rules.contains { !$0.weight.isHard && { if case .minutesPerPeriod(28, _?, _?) = $0 { true } else { false } }($0.kind) })
            #expect(rules.contains { !$0.weight.isHard && { if case .maxWeekends = $0 { true } else { false } }($0.kind) })
            if contract.id != "wildland" {
                #expect(rules.contains(ContractRule(.maxConsecutiveDays(10))))
                #expect(rules.contains(ContractRule(.minConsecutiveDaysOff(2))))
            }
        }
        #expect(Set(problem.fairness.map(\.measure)) == [.nights, .weekends])
        // A general crew line and a lead line for every site and shift.
        for site in problem.sites {
            for shift in problem.shiftTypes {
                let lines = problem.demand.filter { $0.site == site.id && $0.shift == shift.id }
                #expect(lines.contains { $0.skill == nil && $0.minimum > 0 }, "\(site.id) \(shift.id)")
                #expect(lines.contains { $0.skill == "lead" }, "\(site.id) \(shift.id)")
            }
        }
    }

    @Test func wardHasTheAskedShape() {
        let problem = OperationGenerator.ward.generate(seed: 1)
        #expect(problem.staff.count == 30)
        #expect(problem.sites.count == 1)
        #expect(problem.horizon.days == 28)
        #expect(problem.shiftTypes.map { [$0.startMinute, $0.minutes] } == [[420, 480], [900, 480], [1380, 480]])
        #expect(problem.staff.allSatisfy { $0.skills.contains("rn") })
        #expect(problem.staff.filter { $0.skills.contains("charge") }.count == 9)
        #expect(Set(problem.staff.map(\.contract)) == ["full-time", "part-time"])
        for contract in problem.contracts {
            #expect(contract.rules.contains(ContractRule(.preset(.euWorkingTimeDirective))))
            #expect(contract.rules.contains(ContractRule(.forbiddenSuccession(from: "late", to: "early"))))
            #expect(contract.rules.contains(ContractRule(.forbiddenSuccession(from: "night", to: "early"))))
            #expect(contract.rules.contains { $0.kind == .completeWeekends })
        }
        #expect(problem.staff.flatMap(\.requests).contains { !$0.on && $0.shift == nil })
        #expect(problem.staff.flatMap(\.requests).contains { $0.on && $0.shift != nil })
        // A charge nurse on every shift, and soft preferred levels above the hard minimums.
        for shift in problem.shiftTypes {
            #expect(problem.demand.filter { $0.shift == shift.id && $0.skill == "charge" }.allSatisfy { $0.minimum >= 1 })
            #expect(problem.demand.contains { $0.shift == shift.id && $0.skill == "charge" })
        }
        #expect(problem.demand.allSatisfy { $0.minimumWeight.isHard })
        #expect(problem.demand.contains { ($0.preferred ?? 0) > $0.minimum && $0.preferredWeight > 0 })
    }

    /// The rotation preset's four watches on the DuPont cycle, a week apart, put exactly one watch on
    /// each shift of every day; the relief pool's phase is left to the solver; `examples/rotation.json`
    /// is what the generator writes.
    @Test func theRotationsWatchesCoverEveryShiftOnce() throws {
        let problem = OperationGenerator.rotation.generate(seed: 1)
        let watch = try #require(problem.contracts.first { $0.id == "watch" })
        guard case .rotation(let pattern, nil) = watch.rules.first?.kind else { Issue.record("no rotation"); return }
        #expect(pattern.count == 28)
        let starts = Set(problem.staff.filter { $0.contract == "watch" }.compactMap(\.rotationStart))
        #expect(starts == Set((0..<4).map { problem.horizon.start.adding(days: 7 * $0) }))
        #expect(problem.staff.filter { $0.contract == "relief" }.allSatisfy { $0.rotationStart == nil })
        for d in 0..<problem.horizon.days {
            let date = problem.horizon.start.adding(days: d)
            let onShift = starts.map { pattern[(date.days(since: $0) % 28 + 28) % 28] }
            #expect(onShift.sorted() == ["-", "-", "day", "night"], "\(date): \(onShift)")
        }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let example = try String(contentsOf: root.appendingPathComponent("examples/rotation.json"), encoding: .utf8)
        #expect(example.contains("\"pattern\": \"night night night night - - - day day day - night night night - - - day day day day - - - - - - -\""))
    }

    @Test func scaledHasTheAskedSize() {
        let problem = OperationGenerator.scaled(staff: 2000, days: 28, sites: 9).generate(seed: 1)
        #expect(problem.staff.count == 2000)
        #expect(problem.horizon.days == 28)
        #expect(problem.sites.count == 9)
        #expect(unresolvedReferences(in: problem).isEmpty)
    }

    /// The staff can work the hard minimums with room to spare: a flow from staff (by what they can
    /// work, under the contract's limits and outside leave) to lines of cover (site and skill, summed
    /// over the horizon) carries every line's hard minimum times `margin`.
    @Test(arguments: [1, 2, 3] as [UInt64])
    func staffCanWorkTheHardMinimumsWithMargin(seed: UInt64) {
        let margin = 1.25
        for (name, generator) in Self.presets {
            let problem = generator.generate(seed: seed)
            let capacity = problem.staff.map { workableShifts($0, in: problem) }
            var need: [String: Int] = [:]  // "site/skill" → hard minimum summed over the horizon
            for line in problem.demand where line.minimumWeight.isHard {
                need["\(line.site)/\(line.skill ?? "*")", default: 0] += line.minimum * dates(line.days, in: problem.horizon).count
            }
            // The per-line argument: enough people with the skill who may work at the site.
            for (key, shifts) in need {
                let parts = key.split(separator: "/").map(String.init)
                let eligible = problem.staff.indices.filter { index in
                    let person = problem.staff[index]
                    return (person.homeSite == parts[0] || person.deployableSites.contains(parts[0]))
                        && (parts[1] == "*" || person.skills.contains(parts[1]))
                }
                let available = eligible.reduce(0) { $0 + capacity[$1] }
                #expect(Double(available) >= margin * Double(shifts), "\(name) seed \(seed) \(key): \(available) for \(shifts)")
            }
            // The joint argument: one person-shift fills one line.
            var flow = MaxFlow(nodes: 2 + problem.staff.count + need.count)
            let lineNode = Dictionary(uniqueKeysWithValues: need.keys.sorted().enumerated().map { ($0.element, 2 + problem.staff.count + $0.offset) })
            for (index, person) in problem.staff.enumerated() {
                flow.add(from: 0, to: 2 + index, capacity: capacity[index])
                for (key, node) in lineNode {
                    let parts = key.split(separator: "/").map(String.init)
                    if (person.homeSite == parts[0] || person.deployableSites.contains(parts[0]))
                        && (parts[1] == "*" || person.skills.contains(parts[1])) {
                        flow.add(from: 2 + index, to: node, capacity: Int.max / 4)
                    }
                }
            }
            var wanted = 0
            for (key, node) in lineNode {
                let shifts = Int((margin * Double(need[key]!)).rounded(.up))
                flow.add(from: node, to: 1, capacity: shifts)
                wanted += shifts
            }
            #expect(flow.maximum(from: 0, to: 1) == wanted, "\(name) seed \(seed)")
            // Day by day: the people not on leave, at their contracts' daily rate, outnumber the hard minimums.
            for date in dates(.everyDay, in: problem.horizon) {
                let required = problem.demand.filter { $0.minimumWeight.isHard && dates($0.days, in: problem.horizon).contains(date) }
                    .reduce(0) { $0 + $1.minimum }
                let present = problem.staff.filter { person in !person.unavailable.contains { $0.from <= date && date <= $0.to } }
                    .reduce(0.0) { sum, person in
                        sum + shiftsPerDay(problem.contracts.first { $0.id == person.contract }!, in: problem)
                    }
                #expect(present >= margin * Double(required), "\(name) seed \(seed) \(date): \(present) for \(required)")
            }
        }
    }
}

// MARK: - Checks written independently of the generator

/// Everything in `problem` that names something that does not exist, or a date where it cannot be.
func unresolvedReferences(in problem: Problem) -> [String] {
    var errors: [String] = []
    let horizon = problem.horizon
    let end = horizon.start.adding(days: horizon.days - 1)
    func inHorizon(_ date: LocalDate) -> Bool { horizon.start <= date && date <= end }
    func unique(_ ids: [String], _ what: String) -> Set<String> {
        let set = Set(ids)
        if set.count != ids.count { errors.append("duplicate \(what) ids") }
        return set
    }
    let sites = unique(problem.sites.map(\.id), "site"), skills = unique(problem.skills.map(\.id), "skill")
    let shifts = unique(problem.shiftTypes.map(\.id), "shift"), contracts = unique(problem.contracts.map(\.id), "contract")
    _ = unique(problem.staff.map(\.id), "staff")
    for zone in [horizon.timeZone] + problem.sites.compactMap(\.timeZone) where TimeZone(identifier: zone) == nil {
        errors.append("unknown time zone \(zone)")
    }
    for contract in problem.contracts {
        for rule in contract.rules {
            switch rule.kind {
            case .maxShiftsOfType(let shift, _) where !shifts.contains(shift):
                errors.append("\(contract.id): shift \(shift)")
            case .forbiddenSuccession(let from, let to) where !shifts.contains(from) || !shifts.contains(to):
                errors.append("\(contract.id): succession \(from)→\(to)")
            default: break
            }
        }
    }
    for person in problem.staff {
        let who = person.id
        if !sites.contains(person.homeSite) { errors.append("\(who): home \(person.homeSite)") }
        for site in person.deployableSites where !sites.contains(site) || site == person.homeSite {
            errors.append("\(who): deployable \(site)")
        }
        for skill in person.skills where !skills.contains(skill) { errors.append("\(who): skill \(skill)") }
        if !contracts.contains(person.contract) { errors.append("\(who): contract \(person.contract)") }
        for range in person.unavailable where !(inHorizon(range.from) && inHorizon(range.to) && range.from <= range.to) {
            errors.append("\(who): leave \(range)")
        }
        for request in person.requests {
            if !inHorizon(request.date) { errors.append("\(who): request on \(request.date)") }
            if let shift = request.shift, !shifts.contains(shift) { errors.append("\(who): request for \(shift)") }
        }
        for pin in person.pinned {
            if !inHorizon(pin.date) { errors.append("\(who): pin on \(pin.date)") }
            if person.unavailable.contains(where: { $0.from <= pin.date && pin.date <= $0.to }) {
                errors.append("\(who): pin on leave day \(pin.date)")
            }
            if let shift = pin.shift, !shifts.contains(shift) { errors.append("\(who): pin of \(shift)") }
            if let site = pin.site, !(site == person.homeSite || person.deployableSites.contains(site)) {
                errors.append("\(who): pin at \(site)")
            }
            if let skill = pin.skill, !person.skills.contains(skill) { errors.append("\(who): pin as \(skill)") }
        }
        for shift in person.history ?? [] {
            if shift.date >= horizon.start { errors.append("\(who): history on \(shift.date)") }
            if !shifts.contains(shift.shift) { errors.append("\(who): history of \(shift.shift)") }
            if let site = shift.site, !sites.contains(site) { errors.append("\(who): history at \(site)") }
        }
    }
    for line in problem.demand {
        let what = "demand \(line.site)/\(line.shift)/\(line.skill ?? "*")"
        if !sites.contains(line.site) || !shifts.contains(line.shift) || !(line.skill.map(skills.contains) ?? true) {
            errors.append(what)
        }
        if line.minimum < 0 || (line.preferred.map { $0 < line.minimum } ?? false) { errors.append("\(what): levels") }
        if case .dates(let list) = line.days, !list.allSatisfy(inHorizon) { errors.append("\(what): dates") }
        if case .range(let from, let to) = line.days, !(inHorizon(from) && inHorizon(to)) { errors.append("\(what): range") }
        if case .weekdays(let days) = line.days, !days.allSatisfy((1...7).contains) { errors.append("\(what): weekdays") }
    }
    var pairs = Set<[String]>()
    for travel in problem.travel {
        if !sites.contains(travel.from) || !sites.contains(travel.to) || travel.from == travel.to || travel.minutes < 0 {
            errors.append("travel \(travel.from)→\(travel.to)")
        }
        if !pairs.insert([travel.from, travel.to].sorted()).inserted { errors.append("travel listed twice") }
    }
    for goal in problem.fairness where !(goal.contract.map(contracts.contains) ?? true) {
        errors.append("fairness for \(goal.contract!)")
    }
    return errors
}

func dates(_ selector: DaySelector, in horizon: Horizon) -> [LocalDate] {
    let all = (0..<horizon.days).map { horizon.start.adding(days: $0) }
    switch selector {
    case .everyDay: return all
    case .dates(let list): return all.filter(list.contains)
    case .weekdays(let days): return all.filter { days.contains($0.weekday) }
    case .range(let from, let to): return all.filter { from <= $0 && $0 <= to }
    }
}

/// An upper estimate of the shifts a contract allows per day: the shortest shift against the hour
/// limits, and the longest stretch against the days off that must follow it.
func shiftsPerDay(_ contract: Contract, in problem: Problem) -> Double {
    let shortest = problem.shiftTypes.map(\.minutes).min()!
    let daysOff = contract.rules.compactMap { if case .minConsecutiveDaysOff(let d) = $0.kind { d } else { nil } }.max() ?? 1
    var rate = 1.0
    for rule in contract.rules {
        switch rule.kind {
        case .maxMinutesInWindow(let days, let minutes): rate = min(rate, Double(minutes / shortest) / Double(days))
        case .minutesPerPeriod(let period, _, let max?): rate = min(rate, Double(max / shortest) / Double(period ?? problem.horizon.days))
        case .maxConsecutiveDays(let days): rate = min(rate, Double(days) / Double(days + daysOff))
        case .preset(.euWorkingTimeDirective): rate = min(rate, Double(48 * 60 / shortest) / 7)
        case .preset(.usWildlandFire): rate = min(rate, 14.0 / 16)
        default: break
        }
    }
    return rate
}

func workableShifts(_ person: StaffMember, in problem: Problem) -> Int {
    let leave = person.unavailable.reduce(0) { $0 + $1.to.days(since: $1.from) + 1 }
    let contract = problem.contracts.first { $0.id == person.contract }!
    return Int(shiftsPerDay(contract, in: problem) * Double(problem.horizon.days - leave))
}

/// The start of a date at noon UTC, far enough from midnight to be on that date in every US zone.
private func instant(_ date: LocalDate) -> Date {
    Date(timeIntervalSince1970: Double(date.daysSinceEpoch) * 86_400 + 12 * 3600)
}

/// Dinic's maximum flow on a small graph.
struct MaxFlow {
    private var to: [Int] = [], capacity: [Int] = [], edges: [[Int]]

    init(nodes: Int) { edges = Array(repeating: [], count: nodes) }

    mutating func add(from a: Int, to b: Int, capacity c: Int) {
        edges[a].append(to.count); to.append(b); capacity.append(c)
        edges[b].append(to.count); to.append(a); capacity.append(0)
    }

    mutating func maximum(from source: Int, to sink: Int) -> Int {
        var total = 0
        while true {
            var level = [Int](repeating: -1, count: edges.count)
            level[source] = 0
            var queue = [source], head = 0
            while head < queue.count {
                let node = queue[head]; head += 1
                for edge in edges[node] where capacity[edge] > 0 && level[to[edge]] < 0 {
                    level[to[edge]] = level[node] + 1
                    queue.append(to[edge])
                }
            }
            if level[sink] < 0 { return total }
            var next = [Int](repeating: 0, count: edges.count)
            func push(_ node: Int, _ limit: Int) -> Int {
                if node == sink { return limit }
                while next[node] < edges[node].count {
                    let edge = edges[node][next[node]]
                    if capacity[edge] > 0 && level[to[edge]] == level[node] + 1 {
                        let pushed = push(to[edge], min(limit, capacity[edge]))
                        if pushed > 0 {
                            capacity[edge] -= pushed
                            capacity[edge ^ 1] += pushed
                            return pushed
                        }
                    }
                    next[node] += 1
                }
                return 0
            }
            while case let pushed = push(source, Int.max), pushed > 0 { total += pushed }
        }
    }
}
