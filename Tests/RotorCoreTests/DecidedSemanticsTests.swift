@testable import RotorCore
import Testing

/// A roster given as post names (`CompiledProblem.valueName`) per staff member, nil for a day off.
private func scored(_ problem: Problem, _ rows: [[String?]], sourceLocation: SourceLocation = #_sourceLocation) throws -> Evaluation {
    let p = try CompiledProblem(problem)
    let names = Dictionary((1..<p.valueCount).map { (p.valueName($0), $0) }, uniquingKeysWith: { a, _ in a })
    var s = Schedule(staffCount: p.staffCount, days: p.days)
    for (e, row) in rows.enumerated() {
        for (d, name) in row.enumerated() {
            guard let name else { continue }
            let v = try #require(names[name], "no post \(name) among \(names.keys.sorted())", sourceLocation: sourceLocation)
            s[staff: e, day: d] = UInt8(v)
        }
    }
    let evaluation = Evaluation(p, s)
    #expect(SearchState(p, schedule: s).score == evaluation.score, "incremental and from-scratch scores", sourceLocation: sourceLocation)
    return evaluation
}

private func total(_ e: Evaluation, _ rule: RuleID) -> Int {
    e.violations.filter { $0.rule == rule }.reduce(0) { $0 + $1.penalty }
}

private let monday = LocalDate("2027-01-04")!

private func problem(days: Int = 7, start: LocalDate = monday, zone: String = "Europe/London", sites: [Site] = [Site(id: "A")],
                     skills: [Skill] = [], shifts: [ShiftType], rules: [ContractRule] = [], staff: [StaffMember],
                     demand: [Demand], travel: [Travel] = [], fairness: [FairnessGoal] = []) -> Problem {
    Problem(name: "decided", horizon: Horizon(start: start, days: days, timeZone: zone), sites: sites, skills: skills,
            shiftTypes: shifts, contracts: [Contract(id: "c", rules: rules)], staff: staff, demand: demand, travel: travel,
            fairness: fairness)
}

private let day = ShiftType(id: "day", startMinute: 7 * 60, minutes: 12 * 60)
private let night = ShiftType(id: "night", startMinute: 19 * 60, minutes: 12 * 60, tags: ["night"])

/// The semantics decided where `docs/model.md` left a choice open, one test each.
@Suite("Decided semantics")
struct DecidedSemanticsTests {
    @Test func aDemandLineWithoutSkillCountsEveryoneOnTheShift() throws {
        let p = problem(days: 1, skills: [Skill(id: "lead")], shifts: [day],
                        staff: [StaffMember(id: "a", skills: ["lead"], homeSite: "A", contract: "c"), StaffMember(id: "b", homeSite: "A", contract: "c")],
                        demand: [Demand(site: "A", shift: "day", minimum: 2), Demand(site: "A", shift: "day", skill: "lead", minimum: 1)])
        #expect(try scored(p, [["day/lead"], ["day"]]).score == Score(hard: 0, soft: 0))
        #expect(total(try scored(p, [["day"], ["day"]]), .coverMinimum) == hardUnit)   // no lead
        #expect(total(try scored(p, [["day/lead"], [nil]]), .coverMinimum) == hardUnit)   // one of two
    }

    @Test func daysOffThatBeganInTheHistoryAreJudged() throws {
        var member = StaffMember(id: "a", homeSite: "A", contract: "c", history: [HistoryShift(date: monday.adding(days: -2), shift: "day")])
        let p = problem(shifts: [day], rules: [ContractRule(.minConsecutiveDaysOff(3))], staff: [member],
                        demand: [Demand(site: "A", shift: "day", minimum: 0)])
        // Off on the day before the horizon and on its first day: 2 days off, then work.
        #expect(total(try scored(p, [[nil, "day", nil, nil, nil, nil, nil]]), .minConsecutiveDaysOff) == hardUnit)
        #expect(total(try scored(p, [[nil, nil, "day", nil, nil, nil, nil]]), .minConsecutiveDaysOff) == 0)
        member.history = []   // known: nothing worked, so no stretch of work before
        let q = problem(shifts: [day], rules: [ContractRule(.minConsecutiveDaysOff(3))], staff: [member],
                        demand: [Demand(site: "A", shift: "day", minimum: 0)])
        #expect(total(try scored(q, [[nil, "day", nil, nil, nil, nil, nil]]), .minConsecutiveDaysOff) == 0)
    }

    @Test func aDeploymentContinuesFromTheHistory() throws {
        let history = [HistoryShift(date: monday.adding(days: -2), shift: "day", site: "B"), HistoryShift(date: monday.adding(days: -1), shift: "day", site: "B")]
        let p = problem(sites: [Site(id: "A"), Site(id: "B")], shifts: [day], rules: [ContractRule(.maxDeploymentDays(3))],
                        staff: [StaffMember(id: "a", homeSite: "A", deployableSites: ["B"], contract: "c", history: history)],
                        demand: [Demand(site: "A", shift: "day", minimum: 0), Demand(site: "B", shift: "day", minimum: 0)])
        #expect(total(try scored(p, [["day@B", "day@B", nil, nil, nil, nil, nil]]), .maxDeploymentDays) == hardUnit)
        #expect(total(try scored(p, [["day@A", "day@B", nil, nil, nil, nil, nil]]), .maxDeploymentDays) == 0)
    }

    @Test func workRestRatioAndWeeklyRestSeeTheHistorysRealLength() throws {
        let late = ShiftType(id: "late", startMinute: 15 * 60, minutes: 8 * 60)
        let history = [HistoryShift(date: monday.adding(days: -1), shift: "night")]
        let p = problem(shifts: [night, late], rules: [ContractRule(.workRestRatio(work: 1, rest: 1))],
                        staff: [StaffMember(id: "a", homeSite: "A", contract: "c", history: history)],
                        demand: [Demand(site: "A", shift: "late", minimum: 0)])
        // The history's night ends at 07:00 on the first day: 8 h of rest after 12 h of work, 4 h short.
        #expect(total(try scored(p, [["late", nil, nil, nil, nil, nil, nil]]), .workRestRatio) == 4 * 60)
        let q = problem(shifts: [night, late], rules: [ContractRule(.weeklyRest(minutes: 150 * 60))],
                        staff: [StaffMember(id: "a", homeSite: "A", contract: "c", history: history)],
                        demand: [Demand(site: "A", shift: "late", minimum: 0)])
        // The week's rest starts at 07:00 on Monday (the night's end), not at midnight: 161 h.
        #expect(total(try scored(q, [[nil, nil, nil, nil, nil, nil, nil]]), .weeklyRest) == 0)
        // Saturday's late shift leaves 128 h before it (from 07:00 Monday) and 25 h after it.
        #expect(total(try scored(q, [[nil, nil, nil, nil, nil, "late", nil]]), .weeklyRest) == (150 - 128) * 60)
    }

    @Test func aHistoryShiftIsWorkedAtItsOwnSiteOnItsClock() throws {
        // Nobody is asked to work nights at B, yet the history's night there is real: 19:00–07:00 in
        // New York is 00:00–12:00 in London in January.
        let sites = [Site(id: "A"), Site(id: "B", timeZone: "America/New_York")]
        let history = [HistoryShift(date: monday.adding(days: -1), shift: "night", site: "B")]
        let p = problem(sites: sites, shifts: [day, night], rules: [ContractRule(.minRest(minutes: 11 * 60))],
                        staff: [StaffMember(id: "a", homeSite: "A", deployableSites: ["B"], contract: "c", history: history)],
                        demand: [Demand(site: "A", shift: "night", minimum: 0)])
        // A's night starts at 19:00 London, 7 h after the history's night ended.
        #expect(total(try scored(p, [["night@A", nil, nil, nil, nil, nil, nil]]), .minRest) == 4 * 60)
    }

    @Test func overlappingShiftsAreOneBreachOfTheirIntersection() throws {
        let long = ShiftType(id: "long", startMinute: 7 * 60, minutes: 24 * 60)
        let early = ShiftType(id: "early", startMinute: 6 * 60, minutes: 8 * 60)
        let p = problem(days: 2, shifts: [long, early], rules: [ContractRule(.minRest(minutes: 11 * 60))],
                        staff: [StaffMember(id: "a", homeSite: "A", contract: "c")],
                        demand: [Demand(site: "A", shift: "long", minimum: 0), Demand(site: "A", shift: "early", minimum: 0)])
        let e = try scored(p, [["long", "early"]])
        #expect(total(e, .overlap) == 60)        // 06:00–07:00 on the second day
        #expect(total(e, .travelTime) == 0)      // one site: no journey
        #expect(total(e, .minRest) == 11 * 60)   // no rest at all, the overlap not counted twice
    }

    @Test func theNextShiftIsTheNextByStartTime() throws {
        // On day 1 Tokyo's 08:00 starts before Los Angeles' 20:00 of day 0.
        let sites = [Site(id: "W", timeZone: "America/Los_Angeles"), Site(id: "E", timeZone: "Asia/Tokyo")]
        let eve = ShiftType(id: "eve", startMinute: 20 * 60, minutes: 4 * 60), morning = ShiftType(id: "morning", startMinute: 8 * 60, minutes: 4 * 60)
        let p = problem(days: 2, zone: "UTC", sites: sites, shifts: [eve, morning], rules: [ContractRule(.minRest(minutes: 11 * 60))],
                        staff: [StaffMember(id: "a", homeSite: "W", deployableSites: ["E"], contract: "c")],
                        demand: [Demand(site: "W", shift: "eve", minimum: 0), Demand(site: "E", shift: "morning", minimum: 0)])
        let e = try scored(p, [["eve@W", "morning@E"]])
        // Tokyo 08:00–12:00 on 5 Jan is 23:00–03:00 UTC; Los Angeles 20:00 on 4 Jan is 04:00 UTC on the 5th.
        #expect(total(e, .overlap) == 0)
        #expect(total(e, .minRest) == 10 * 60)
    }

    @Test func wallTimesThatHappenTwiceOrNeverAreResolvedAlikeEverywhere() throws {
        func start(_ zone: String, _ date: String, _ minute: Int) -> Int {
            CompiledProblem.epochMinutes(CompiledProblem.zone(zone), date: LocalDate(date)!, minute: minute)
        }
        func utc(_ date: String, _ minute: Int) -> Int { LocalDate(date)!.daysSinceEpoch * 1440 + minute }
        // West of Greenwich: New York springs forward at 02:00 on 14 March 2027 and falls back at 02:00 on 7 November.
        #expect(start("America/New_York", "2027-03-14", 150) == utc("2027-03-14", 7 * 60 + 30))   // 02:30 → 03:30 EDT
        #expect(start("America/New_York", "2027-11-07", 90) == utc("2027-11-07", 5 * 60 + 30))    // 01:30 EDT, the first
        // East of Greenwich: Berlin on 28 March and 31 October 2027.
        #expect(start("Europe/Berlin", "2027-03-28", 150) == utc("2027-03-28", 90))               // 02:30 → 03:30 CEST
        #expect(start("Europe/Berlin", "2027-10-31", 150) == utc("2027-10-31", 30))               // 02:30 CEST, the first
        // Southern hemisphere: Auckland falls back at 03:00 on 4 April 2027 and springs forward at 02:00 on 26 September.
        #expect(start("Pacific/Auckland", "2027-04-04", 150) == utc("2027-04-03", 13 * 60 + 30))  // 02:30 NZDT, the first
        #expect(start("Pacific/Auckland", "2027-09-26", 150) == utc("2027-09-25", 14 * 60 + 30))  // 02:30 → 03:30 NZDT
    }

    @Test func aWindowLongerThanTheHorizonIsTheHorizonWithItsLimitScaled() throws {
        let history = [HistoryShift(date: monday.adding(days: -1), shift: "day")]
        let p = problem(days: 14, shifts: [day], rules: [ContractRule(.maxMinutesInWindow(days: 28, minutes: 60 * 60))],
                        staff: [StaffMember(id: "a", homeSite: "A", contract: "c", history: history)],
                        demand: [Demand(site: "A", shift: "day", minimum: 0)])
        // 30 h allowed over the 14 days; the history's shift does not count.
        let three: [String?] = ["day", "day", "day"] + Array(repeating: nil, count: 11)
        #expect(total(try scored(p, [three]), .maxMinutesInWindow) == 6 * 60)
        let e = try scored(p, [["day", "day"] + Array(repeating: nil, count: 12)])
        #expect(total(e, .maxMinutesInWindow) == 0)
    }

    @Test func fairnessOnHoursUsesRealHours() throws {
        let a = ShiftType(id: "a", startMinute: 8 * 60, minutes: 7 * 60 + 30), b = ShiftType(id: "b", startMinute: 8 * 60, minutes: 8 * 60)
        let p = problem(days: 1, shifts: [a, b], staff: [StaffMember(id: "x", homeSite: "A", contract: "c"), StaffMember(id: "y", homeSite: "A", contract: "c")],
                        demand: [Demand(site: "A", shift: "a", minimum: 0), Demand(site: "A", shift: "b", minimum: 0)],
                        fairness: [FairnessGoal(measure: .hours, weight: 10)])
        // 7.5 h and 8 h: 10 × (0.25² + 0.25²) = 1.25, rounded down.
        #expect(total(try scored(p, [["a"], ["b"]]), .fairness) == 1)
    }

    @Test func boundsOfAShortPeriodAreExactFractionsAndItsBreachRoundsUp() throws {
        // A 28-day period on a 14-day horizon: at least 10 shifts become 5.
        let p = problem(days: 14, shifts: [day], rules: [ContractRule(.shiftsPerPeriod(periodDays: 28, min: 10, max: nil))],
                        staff: [StaffMember(id: "a", homeSite: "A", contract: "c")], demand: [Demand(site: "A", shift: "day", minimum: 0)])
        #expect(total(try scored(p, [["day", "day", "day"] + Array(repeating: nil, count: 11)]), .shiftsPerPeriod) == 2 * hardUnit)
        // 7-day periods on 10 days: the last has 3 days, its minimum of 35 h becomes 15 h; 12 h worked is 3 h short.
        let q = problem(days: 10, shifts: [day], rules: [ContractRule(.minutesPerPeriod(periodDays: 7, min: 35 * 60, max: nil), .soft(1))],
                        staff: [StaffMember(id: "a", homeSite: "A", contract: "c")], demand: [Demand(site: "A", shift: "day", minimum: 0)])
        #expect(total(try scored(q, [["day", "day", "day", nil, nil, nil, nil, "day", nil, nil]]), .minutesPerPeriod) == 3)
        // 5 shifts at most in 7 days become 15/7 on 3 days: 3 shifts are 6/7 of a shift over, one shift rounded up.
        let r = problem(days: 10, shifts: [day], rules: [ContractRule(.shiftsPerPeriod(periodDays: 7, min: nil, max: 5), .soft(4))],
                        staff: [StaffMember(id: "a", homeSite: "A", contract: "c")], demand: [Demand(site: "A", shift: "day", minimum: 0)])
        #expect(total(try scored(r, [[nil, nil, nil, nil, nil, nil, nil, "day", "day", "day"]]), .shiftsPerPeriod) == 4)
    }

    @Test func aPinWithoutSkillTakesTheSkilllessPostElseTheFirstSkill() throws {
        let both = StaffMember(id: "a", skills: ["lead", "medic"], homeSite: "A", contract: "c", pinned: [Pin(date: monday, shift: "day")])
        let skills = [Skill(id: "medic"), Skill(id: "lead")]
        let withSkillless = try CompiledProblem(problem(days: 1, skills: skills, shifts: [day], staff: [both],
            demand: [Demand(site: "A", shift: "day", skill: "lead", minimum: 0), Demand(site: "A", shift: "day", minimum: 0)]))
        #expect(withSkillless.valueName(Int(withSkillless.fixed[0]) - 1) == "day")
        let skillsOnly = try CompiledProblem(problem(days: 1, skills: skills, shifts: [day], staff: [both],
            demand: [Demand(site: "A", shift: "day", skill: "lead", minimum: 0), Demand(site: "A", shift: "day", skill: "medic", minimum: 0)]))
        #expect(skillsOnly.valueName(Int(skillsOnly.fixed[0]) - 1) == "day/medic")   // medic comes first in `skills`
    }

    /// A rotation with its start given: each date whose assignment differs from the pattern's day is
    /// one breach, the cycle repeating before and after the start; a person's `rotationStart` wins.
    @Test func aRotationCountsEachDayOffItsPattern() throws {
        let rule = ContractRule(.rotation(pattern: ["day", "day", "night", "-"], start: monday.adding(days: -3)), .soft(5))
        let demand = [Demand(site: "A", shift: "day", minimum: 0), Demand(site: "A", shift: "night", minimum: 0)]
        let p = problem(days: 6, shifts: [day, night], rules: [rule], staff: [StaffMember(id: "a", homeSite: "A", contract: "c")], demand: demand)
        // Started 3 days before the horizon: the horizon's days are pattern days 4, 1, 2, 3, 4, 1.
        #expect(try scored(p, [[nil, "day", "day", "night", nil, "day"]]).score == Score(hard: 0, soft: 0))
        let e = try scored(p, [["day", "night", nil, "day", nil, "day"]])
        #expect(total(e, .rotation) == 5 * 4)   // a shift on "-", night for day, off for day, day for night
        #expect(e.violations.filter { $0.rule == .rotation }.map { $0.day } == [0, 1, 2, 3])
        #expect(e.violations.first { $0.rule == .rotation && $0.day == 3 }?.message.contains("works day on 2027-01-07 (Thu), night in the rotation day day night - (day 3 of 4; cycle from 2027-01-01)") == true)
        // The person's own start: their cycle begins on the horizon's first day.
        let q = problem(days: 6, shifts: [day, night], rules: [rule], staff: [StaffMember(id: "a", homeSite: "A", contract: "c", rotationStart: monday)], demand: demand)
        #expect(try scored(q, [["day", "day", "night", nil, "day", "day"]]).score == Score(hard: 0, soft: 0))
        // A hard rotation weighs 60 a day; "*" asks for any shift.
        let hard = problem(days: 3, shifts: [day, night], rules: [ContractRule(.rotation(pattern: ["*", "-"], start: monday))],
                           staff: [StaffMember(id: "a", homeSite: "A", contract: "c")], demand: demand)
        #expect(try scored(hard, [["night", nil, "day"]]).score == Score(hard: 0, soft: 0))
        #expect(try scored(hard, [[nil, "day", "day"]]).score == Score(hard: 2 * hardUnit, soft: 0))
    }

    /// Without a start the phase is the one that fits the roster best, judged per person; of equally
    /// good phases, the one whose first pattern day falls earliest on or after the horizon's start.
    @Test func aRotationWithoutAStartTakesTheBestPhase() throws {
        let rule = ContractRule(.rotation(pattern: ["day", "day", "-", "-"], start: nil), .soft(3))
        let demand = [Demand(site: "A", shift: "day", minimum: 0)]
        let p = problem(days: 8, shifts: [day], rules: [rule],
                        staff: [StaffMember(id: "a", homeSite: "A", contract: "c"), StaffMember(id: "b", homeSite: "A", contract: "c")], demand: demand)
        // a follows the cycle from day 2, b from day 1 (one day off it: day 7 worked).
        let e = try scored(p, [[nil, nil, "day", "day", nil, nil, "day", "day"], [nil, "day", "day", nil, nil, "day", "day", "day"]])
        #expect(total(e, .rotation) == 3)
        let breach = try #require(e.violations.first { $0.rule == .rotation })
        #expect(breach.staff == 1 && breach.day == 7)
        #expect(breach.message.contains("the best-fitting cycle starts 2027-01-05"))
        // All off: every phase misses 4 days; the cycle named starts on the first day.
        let off = try scored(p, [[nil, nil, nil, nil, nil, nil, nil, nil], [nil, nil, nil, nil, nil, nil, nil, nil]])
        #expect(total(off, .rotation) == 2 * 4 * 3)
        #expect(off.violations.filter { $0.rule == .rotation && $0.staff == 0 }.map { $0.day } == [0, 1, 4, 5])
    }

    /// A crew's members free that day hold one (shift, site), skills aside, or are all off: each one
    /// outside the largest group is a breach; a member on leave or pinned off is left out. A crew kept
    /// apart breaks once for each member beyond the first on one (shift, site).
    @Test func crewsWorkTogetherAndApartOnesNeverShareAShift() throws {
        let people = ["a", "b", "c"].map { StaffMember(id: $0, skills: ["lead"], homeSite: "A", deployableSites: ["B"], contract: "c") }
        var p = problem(days: 3, sites: [Site(id: "A"), Site(id: "B")], skills: [Skill(id: "lead")], shifts: [day, night], staff: people,
                        demand: [Demand(site: "A", shift: "day", minimum: 0), Demand(site: "A", shift: "day", skill: "lead", minimum: 0),
                                 Demand(site: "B", shift: "day", minimum: 0), Demand(site: "A", shift: "night", minimum: 0)])
        p.crews = [Crew(id: "unit", members: ["a", "b", "c"], weight: .soft(7))]
        // Day 0 together (one with a skill), day 1 all off, day 2 one at the other site and one off.
        let e = try scored(p, [["day@A", nil, "day@A"], ["day@A/lead", nil, "day@B"], ["day@A", nil, nil]])
        #expect(total(e, .crewTogether) == 2 * 7)
        let split = try #require(e.violations.first { $0.rule == .crewTogether })
        #expect(split.day == 2 && split.staff == nil && split.amount == 2)
        #expect(split.message == "crew unit is split on 2027-01-06 (Wed): a day@A, b day@B, c off; 2 people are apart from the rest")
        // c on leave on day 2: a and b still split, one breach.
        p.staff[2].unavailable = [DateRange(monday.adding(days: 2))]
        #expect(total(try scored(p, [["day@A", nil, "day@A"], ["day@A", nil, "day@B"], ["day@A", nil, nil]]), .crewTogether) == 7)
        // Kept apart, hard: two on night at A on day 1 is one breach; day@A and day@B on day 0 are not.
        p.crews = [Crew(id: "trainees", members: ["a", "b", "c"], apart: true)]
        let apart = try scored(p, [["day@A", "night@A", nil], ["day@B", "night@A", nil], [nil, "night@A", nil]])
        #expect(total(apart, .crewApart) == 2 * hardUnit)
        #expect(apart.violations.first { $0.rule == .crewApart }?.message == "trainees, kept apart, share a shift on 2027-01-05 (Tue): a night@A, b night@A, c night@A")
    }
}
