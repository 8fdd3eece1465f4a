extension OperationGenerator {
    /// A multi-city surge operation: 600 responders in 4 home units over 9 cities in the Eastern and
    /// Central time zones, 12-hour day and night shifts for 62 days from 2027-02-15, so the horizon
    /// crosses the change to daylight saving time on 2027-03-14.
    public static var surge: OperationGenerator {
        surgeShaped(name: "surge", staff: 600, days: 62, sites: 9)
    }

    /// The surge operation at another size, for benchmarks: `sites` cities (1 to 20), a home unit for
    /// every two or three of them, two weekends in three allowed.
    public static func scaled(staff: Int, days: Int, sites: Int) -> OperationGenerator {
        surgeShaped(name: "surge-\(staff)-staff-\(days)-days-\(sites)-sites", staff: staff, days: days, sites: sites)
    }

    /// A hospital ward: 30 nurses over 4 weeks from Monday 2027-03-08 in Europe/Berlin (crossing the
    /// change to summer time on 2027-03-28), early, late and night shifts of 8 hours, a charge nurse
    /// on every shift, full- and part-time contracts under the EU working time directive.
    public static var ward: OperationGenerator {
        let early = ShiftType(id: "early", startMinute: 7 * 60, minutes: 8 * 60)
        let late = ShiftType(id: "late", startMinute: 15 * 60, minutes: 8 * 60)
        let night = ShiftType(id: "night", startMinute: 23 * 60, minutes: 8 * 60, tags: ["night"])
        func nurseContract(id: String, weeklyHours: ClosedRange<Int>) -> Contract {
            Contract(id: id, rules: [
                ContractRule(.preset(.euWorkingTimeDirective)),
                ContractRule(.minutesPerPeriod(periodDays: 7, min: nil, max: weeklyHours.upperBound * 60)),
                ContractRule(.minutesPerPeriod(periodDays: 7, min: weeklyHours.lowerBound * 60, max: nil), .soft(1)),
                ContractRule(.forbiddenSuccession(from: late.id, to: early.id)),
                ContractRule(.forbiddenSuccession(from: night.id, to: early.id)),
                ContractRule(.maxConsecutiveDays(6)),
                ContractRule(.minConsecutiveDaysOff(2), .soft(10)),
                ContractRule(.maxConsecutiveNights(4)),
                ContractRule(.completeWeekends, .soft(20)),
            ])
        }
        let fullTime = nurseContract(id: "full-time", weeklyHours: 32...40)
        let partTime = nurseContract(id: "part-time", weeklyHours: 16...24)
        return OperationGenerator(Parameters(
            name: "ward", start: LocalDate(year: 2027, month: 3, day: 8)!, days: 28, timeZone: "Europe/Berlin",
            sites: [Site(id: "ward", name: "Ward")], travel: [],
            units: [Unit(homeSite: "ward", deployableSites: [])], staffCount: 30, staffIdPrefix: "n",
            deployableShare: 0, siteIntensity: 1...1,
            skills: [
                SkillShare(Skill(id: "charge", name: "Charge nurse"), staffShare: 0.3, demandShare: 1),
                SkillShare(Skill(id: "rn", name: "Registered nurse"), staffShare: 1, demandShare: 0),
            ],
            crewSkill: "rn",
            shifts: [ShiftDemand(early, demandWeight: 1.2), ShiftDemand(late, demandWeight: 1), ShiftDemand(night, demandWeight: 0.8)],
            weekendDemandFactor: 0.8,
            contracts: [ContractShare(fullTime, staffShare: 2), ContractShare(partTime, staffShare: 1)],
            hardCoverFraction: 0.65, preferredCoverFraction: 0.9, preferredCoverWeight: 10,
            leaveShare: 0.15, leaveDays: 3...7, requestsPer28Days: 4, pinShare: 0.1, historyShare: 0.5,
            fairness: [fullTime.id, partTime.id].flatMap {
                [FairnessGoal(measure: .nights, contract: $0, weight: 1), FairnessGoal(measure: .weekends, contract: $0, weight: 1)]
            }))
    }

    /// A fire and rescue station staffed around the clock: four watches of firefighters on the DuPont
    /// rotation (12-hour shifts over a 28-day cycle: 4 nights, 3 off, 3 days, 1 off, 3 nights, 3 off,
    /// 4 days, 7 off), the watches' cycles 7 days apart so that one watch is on each shift, and a
    /// relief pool on 4-on-4-off whose phase the solver chooses, to cover leave; each watch's
    /// firefighters ride in pairs (crews that work together). 8 weeks from Monday
    /// 2027-03-01 in Europe/London, crossing the change to summer time on 2027-03-28.
    public static var rotation: OperationGenerator {
        let day = ShiftType(id: "day", startMinute: 7 * 60, minutes: 12 * 60)
        let night = ShiftType(id: "night", startMinute: 19 * 60, minutes: 12 * 60, tags: ["night"])
        let dupont = "N N N N - - - D D D - N N N - - - D D D D - - - - - - -".split(separator: " ").map { $0 == "D" ? day.id : $0 == "N" ? night.id : String($0) }
        let watch = Contract(id: "watch", rules: [
            ContractRule(.rotation(pattern: dupont, start: nil), .soft(50)),
            ContractRule(.minRest(minutes: 11 * 60)),
            ContractRule(.maxConsecutiveNights(4)),
            ContractRule(.forbiddenSuccession(from: night.id, to: day.id)),
        ])
        let relief = Contract(id: "relief", rules: [
            ContractRule(.rotation(pattern: ["*", "*", "*", "*", "-", "-", "-", "-"], start: nil), .soft(20)),
            ContractRule(.minRest(minutes: 11 * 60)),
            ContractRule(.maxConsecutiveDays(4)),
            ContractRule(.maxConsecutiveNights(4)),
            ContractRule(.forbiddenSuccession(from: night.id, to: day.id)),
        ])
        return OperationGenerator(Parameters(
            name: "rotation", start: LocalDate(year: 2027, month: 3, day: 1)!, days: 56, timeZone: "Europe/London",
            sites: [Site(id: "station", name: "Station")], travel: [],
            units: [Unit(homeSite: "station", deployableSites: [])], staffCount: 28, staffIdPrefix: "f",
            deployableShare: 0, siteIntensity: 1...1,
            skills: [SkillShare(Skill(id: "officer", name: "Watch officer"), staffShare: 0.25, demandShare: 0.5)],
            crewSkill: nil,
            shifts: [ShiftDemand(day, demandWeight: 1), ShiftDemand(night, demandWeight: 1)],
            weekendDemandFactor: 1,
            contracts: [ContractShare(watch, staffShare: 6), ContractShare(relief, staffShare: 1)],
            hardCoverFraction: 0.65, preferredCoverFraction: 0.9, preferredCoverWeight: 10,
            leaveShare: 0.15, leaveDays: 3...7, requestsPer28Days: 2, pinShare: 0, historyShare: 0,
            fairness: [], rotationCrews: RotationCrews(contract: watch.id, count: 4, spacing: 7, unitSize: 2)))
    }

    private static func surgeShaped(name: String, staff: Int, days: Int, sites siteCount: Int) -> OperationGenerator {
        precondition((1...cityCatalog.count).contains(siteCount), "sites must be 1...\(cityCatalog.count)")
        let cities = Array(cityCatalog.prefix(siteCount))
        let day = ShiftType(id: "day", startMinute: 7 * 60, minutes: 12 * 60)
        let night = ShiftType(id: "night", startMinute: 19 * 60, minutes: 12 * 60, tags: ["night"])
        let weekendsAllowed = max(1, (days + 6) / 7 * 2 / 3)
        func responderRules(windowHours: Int, periodHours: ClosedRange<Int>) -> [ContractRule] {
            [
                ContractRule(.minRest(minutes: 11 * 60)),
                ContractRule(.maxMinutesInWindow(days: 7, minutes: windowHours * 60)),
                ContractRule(.maxConsecutiveNights(4)),
                ContractRule(.minRestAfterNights(minutes: 46 * 60), .soft(20)),
                ContractRule(.forbiddenSuccession(from: night.id, to: day.id)),
                ContractRule(.maxDeploymentDays(14)),
                ContractRule(.minutesPerPeriod(periodDays: 28, min: periodHours.lowerBound * 60, max: periodHours.upperBound * 60),
                             .soft(1)),
                ContractRule(.maxWeekends(weekendsAllowed), .soft(30)),
            ]
        }
        let tenDayStretches = [ContractRule(.maxConsecutiveDays(10)), ContractRule(.minConsecutiveDaysOff(2))]
        let responder = Contract(id: "responder", rules: responderRules(windowHours: 60, periodHours: 168...216) + tenDayStretches)
        let reserve = Contract(id: "reserve", rules: responderRules(windowHours: 48, periodHours: 96...144) + tenDayStretches)
        // Wildland crews follow their own standard: 14-day assignments, then 2 days off.
        let wildland = Contract(id: "wildland", rules: responderRules(windowHours: 60, periodHours: 168...240)
                                    + [ContractRule(.preset(.usWildlandFire))])
        return OperationGenerator(Parameters(
            name: name, start: LocalDate(year: 2027, month: 2, day: 15)!, days: days, timeZone: "America/New_York",
            sites: cities.map { Site(id: $0.id, name: $0.name, timeZone: $0.timeZone) },
            travel: travelTimes(cities), units: units(cities, count: max(1, siteCount * 4 / 9), reach: min(4, siteCount - 1)),
            staffCount: staff, staffIdPrefix: "r", deployableShare: 0.8, siteIntensity: 0.6...1.4,
            skills: [
                SkillShare(Skill(id: "lead", name: "Team lead"), staffShare: 0.12, demandShare: 1),
                SkillShare(Skill(id: "medic", name: "Medic"), staffShare: 0.3, demandShare: 0.5),
                SkillShare(Skill(id: "driver", name: "Driver"), staffShare: 0.35, demandShare: 0.25),
            ],
            crewSkill: nil,
            shifts: [ShiftDemand(day, demandWeight: 1), ShiftDemand(night, demandWeight: 0.8)],
            weekendDemandFactor: 1,
            contracts: [ContractShare(responder, staffShare: 0.6), ContractShare(reserve, staffShare: 0.2),
                        ContractShare(wildland, staffShare: 0.2)],
            hardCoverFraction: 0.65, preferredCoverFraction: 0.9, preferredCoverWeight: 10,
            leaveShare: 0.2, leaveDays: 3...10, requestsPer28Days: 1, pinShare: 0.05, historyShare: 0.5,
            fairness: [responder.id, reserve.id, wildland.id].flatMap {
                [FairnessGoal(measure: .nights, contract: $0, weight: 1), FairnessGoal(measure: .weekends, contract: $0, weight: 1)]
            }))
    }

    /// A city where an operation can have a site.
    private struct City: Sendable {
        let id: String, name: String, timeZone: String
        let latitude: Double, longitude: Double
    }

    /// Cities of the Eastern and Central US time zones, the first few close together so that a small
    /// operation stays regional.
    private static let cityCatalog: [City] = [
        City(id: "nashville", name: "Nashville", timeZone: "America/Chicago", latitude: 36.16, longitude: -86.78),
        City(id: "atlanta", name: "Atlanta", timeZone: "America/New_York", latitude: 33.75, longitude: -84.39),
        City(id: "memphis", name: "Memphis", timeZone: "America/Chicago", latitude: 35.15, longitude: -90.05),
        City(id: "knoxville", name: "Knoxville", timeZone: "America/New_York", latitude: 35.96, longitude: -83.92),
        City(id: "st-louis", name: "St. Louis", timeZone: "America/Chicago", latitude: 38.63, longitude: -90.20),
        City(id: "cincinnati", name: "Cincinnati", timeZone: "America/New_York", latitude: 39.10, longitude: -84.51),
        City(id: "birmingham", name: "Birmingham", timeZone: "America/Chicago", latitude: 33.52, longitude: -86.80),
        City(id: "charlotte", name: "Charlotte", timeZone: "America/New_York", latitude: 35.23, longitude: -80.84),
        City(id: "chicago", name: "Chicago", timeZone: "America/Chicago", latitude: 41.88, longitude: -87.63),
        City(id: "columbus", name: "Columbus", timeZone: "America/New_York", latitude: 39.96, longitude: -83.00),
        City(id: "little-rock", name: "Little Rock", timeZone: "America/Chicago", latitude: 34.75, longitude: -92.29),
        City(id: "pittsburgh", name: "Pittsburgh", timeZone: "America/New_York", latitude: 40.44, longitude: -79.99),
        City(id: "jackson", name: "Jackson", timeZone: "America/Chicago", latitude: 32.30, longitude: -90.18),
        City(id: "raleigh", name: "Raleigh", timeZone: "America/New_York", latitude: 35.78, longitude: -78.64),
        City(id: "kansas-city", name: "Kansas City", timeZone: "America/Chicago", latitude: 39.10, longitude: -94.58),
        City(id: "cleveland", name: "Cleveland", timeZone: "America/New_York", latitude: 41.50, longitude: -81.69),
        City(id: "new-orleans", name: "New Orleans", timeZone: "America/Chicago", latitude: 29.95, longitude: -90.07),
        City(id: "richmond", name: "Richmond", timeZone: "America/New_York", latitude: 37.54, longitude: -77.44),
        City(id: "milwaukee", name: "Milwaukee", timeZone: "America/Chicago", latitude: 43.04, longitude: -87.91),
        City(id: "philadelphia", name: "Philadelphia", timeZone: "America/New_York", latitude: 39.95, longitude: -75.17),
    ]

    /// Kilometres on a flat map of the region: a degree of latitude is 111.2 km, one of longitude
    /// 0.8 of that (the cosine of 37° N, the catalogue's middle).
    private static func kilometres(_ a: City, _ b: City) -> Double {
        let north = a.latitude - b.latitude, east = (a.longitude - b.longitude) * 0.8
        return 111.2 * (north * north + east * east).squareRoot()
    }

    /// Door to door: 2 hours to get going, then 150 km an hour (road for short hops, flights for long
    /// ones), to the nearest half hour and at most 8 hours. One entry per pair; it applies both ways.
    private static func travelTimes(_ cities: [City]) -> [Travel] {
        cities.indices.flatMap { a in
            cities.indices.filter { $0 > a }.map { b in
                let minutes = 120 + kilometres(cities[a], cities[b]) * 60 / 150
                return Travel(from: cities[a].id, to: cities[b].id, minutes: min(480, Int((minutes / 30).rounded()) * 30))
            }
        }
    }

    /// Home units spread out (each next home is the city farthest from the homes so far), each
    /// deployable to the `reach` cities nearest its home; a city that no unit reaches goes to the
    /// nearest unit, so that every site has staff.
    private static func units(_ cities: [City], count: Int, reach: Int) -> [Unit] {
        var homes = [0]
        while homes.count < count {
            let distances = cities.indices.map { city in homes.map { kilometres(cities[city], cities[$0]) }.min()! }
            homes.append(cities.indices.max { distances[$0] < distances[$1] || (distances[$0] == distances[$1] && $0 > $1) }!)
        }
        func nearest(to city: Int, among candidates: [Int]) -> [Int] {
            candidates.sorted {
                let a = kilometres(cities[city], cities[$0]), b = kilometres(cities[city], cities[$1])
                return a < b || (a == b && $0 < $1)
            }
        }
        var reached = homes.map { home in Array(nearest(to: home, among: cities.indices.filter { $0 != home }).prefix(reach)) }
        for city in cities.indices where !homes.contains(city) && !reached.contains(where: { $0.contains(city) }) {
            reached[homes.firstIndex(of: nearest(to: city, among: homes)[0])!].append(city)
        }
        return zip(homes, reached).map { home, sites in
            Unit(homeSite: cities[home].id, deployableSites: sites.map { cities[$0].id })
        }
    }
}
