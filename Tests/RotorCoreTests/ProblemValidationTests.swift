import RotorCore
import Testing

private func day(_ text: String) -> LocalDate {
    guard let date = LocalDate(text) else { fatalError("bad test date \(text)") }
    return date
}

/// Two sites, two skills, day and night shifts, two contracts, three staff and demand they can fill.
private func validProblem() -> Problem {
    Problem(
        name: "valid",
        horizon: Horizon(start: day("2027-03-01"), days: 14, timeZone: "Europe/London"),
        sites: [Site(id: "north"), Site(id: "south", timeZone: "Europe/Dublin")],
        skills: [Skill(id: "nurse"), Skill(id: "medic")],
        shiftTypes: [
            ShiftType(id: "day", startMinute: 7 * 60, minutes: 12 * 60),
            ShiftType(id: "night", startMinute: 19 * 60, minutes: 12 * 60, tags: ["night"]),
        ],
        contracts: [
            Contract(id: "full", rules: [ContractRule(.minRest(minutes: 660)), ContractRule(.maxWeekends(2), .soft(5))]),
            Contract(id: "eu", rules: [ContractRule(.preset(.euWorkingTimeDirective))]),
        ],
        staff: [
            StaffMember(id: "ann", skills: ["nurse"], homeSite: "north", deployableSites: ["south"], contract: "full",
                        unavailable: [DateRange(from: day("2027-03-05"), to: day("2027-03-06"))],
                        requests: [Request(date: day("2027-03-02"), shift: "night", on: false, weight: 3)],
                        pinned: [Pin(date: day("2027-03-03"), shift: "day", site: "south", skill: "nurse")],
                        history: [HistoryShift(date: day("2027-02-28"), shift: "night")]),
            StaffMember(id: "bob", skills: ["medic"], homeSite: "south", contract: "eu"),
            StaffMember(id: "cat", skills: ["nurse", "medic"], homeSite: "north", contract: "full"),
        ],
        demand: [
            Demand(site: "north", shift: "day", skill: "nurse", minimum: 1, preferred: 2, preferredWeight: 3, maximum: 2),
            Demand(site: "south", shift: "night", skill: "medic", days: .weekdays([6, 7]), minimum: 1),
        ],
        travel: [Travel(from: "north", to: "south", minutes: 30)],
        fairness: [FairnessGoal(measure: .nights, contract: "full", weight: 2)],
        stability: Stability(weight: 1, previous: [PreviousAssignment(staff: "ann", date: day("2027-03-01"), shift: "day")]))
}

/// The errors of the valid problem after `change`, expecting one starting with each of `paths` and no other.
private func expectErrors(
    _ paths: [String], mentioning words: [String] = [], sourceLocation: SourceLocation = #_sourceLocation,
    _ change: (inout Problem) -> Void
) {
    var problem = validProblem()
    change(&problem)
    let errors = problem.validationErrors()
    #expect(errors.count == paths.count, "\(errors)", sourceLocation: sourceLocation)
    for path in paths {
        #expect(errors.contains { $0.hasPrefix(path + ": ") }, "no error at \(path) in \(errors)", sourceLocation: sourceLocation)
    }
    for word in words {
        #expect(errors.contains { $0.contains(word) }, "\"\(word)\" not in \(errors)", sourceLocation: sourceLocation)
    }
}

@Suite("Problem validation")
struct ProblemValidationTests {
    @Test func theValidProblemHasNoErrors() {
        #expect(validProblem().validationErrors() == [])
    }

    @Test func duplicateIdentifiers() {
        expectErrors(["$.sites[2].id", "$.skills[2].id", "$.shifts[2].id", "$.contracts[2].id", "$.staff[3].id"],
                     mentioning: ["first at $.sites[0]"]) { p in
            p.sites.append(Site(id: "north"))
            p.skills.append(Skill(id: "medic"))
            p.shiftTypes.append(ShiftType(id: "day", startMinute: 0, minutes: 60))
            p.contracts.append(Contract(id: "eu", rules: []))
            p.staff.append(StaffMember(id: "bob", homeSite: "south", contract: "eu"))
        }
    }

    @Test func horizonLengthAndTimeZones() {
        expectErrors(["$.horizon.days", "$.horizon.timeZone", "$.sites[1].timeZone"], mentioning: ["Mars/Olympus"]) { p in
            p.horizon.days = 3661
            p.horizon.timeZone = "Mars/Olympus"
            p.sites[1].timeZone = "Europe/Atlantis"
        }
        // A horizon of no days also puts every dated thing outside it.
        expectErrors(["$.horizon.days", "$.staff[0].requests[0].date", "$.staff[0].pinned[0].date",
                      "$.stability.previous[0].date"]) { $0.horizon.days = 0 }
        expectErrors([]) { $0.horizon.days = 3660 }
    }

    @Test func shiftStartAndLength() {
        expectErrors(["$.shifts[0].start", "$.shifts[1].hours"]) { p in
            p.shiftTypes[0].startMinute = 24 * 60
            p.shiftTypes[1].minutes = 0
        }
        expectErrors(["$.shifts[0].start", "$.shifts[1].hours"], mentioning: ["24.5 hours"]) { p in
            p.shiftTypes[0].startMinute = -1
            p.shiftTypes[1].minutes = 24 * 60 + 30
        }
        expectErrors([]) { $0.shiftTypes[1].minutes = 24 * 60 }
    }

    @Test func undefinedReferencesOfStaff() {
        expectErrors([
            "$.staff[0].homeSite", "$.staff[0].contract", "$.staff[0].deployableSites[0]", "$.staff[0].skills[0]",
            "$.staff[0].requests[0].shift", "$.staff[0].history[0].shift",
        ], mentioning: ["site \"west\" is not defined"]) { p in
            p.staff[0].homeSite = "west"
            p.staff[0].contract = "part"
            p.staff[0].deployableSites = ["east"]
            p.staff[0].skills = ["surgeon"]
            p.staff[0].requests[0].shift = "evening"
            p.staff[0].history = [HistoryShift(date: day("2027-02-28"), shift: "late")]
            p.staff[0].pinned = []
            p.demand[0].skill = "medic"  // Ann no longer fills the north nurse demand; Cat still does.
        }
        expectErrors(["$.staff[0].history[0].site"]) { p in
            p.staff[0].history = [HistoryShift(date: day("2027-02-28"), shift: "day", site: "west")]
        }
    }

    @Test func undefinedReferencesOfDemandTravelFairnessAndStability() {
        expectErrors([
            "$.demand[0].site", "$.demand[0].shift", "$.demand[1].skill", "$.travel[0].to", "$.fairness[0].contract",
            "$.stability.previous[0].staff", "$.stability.previous[0].shift", "$.stability.previous[0].site",
            "$.stability.previous[0].skill",
        ]) { p in
            p.demand[0].site = "west"
            p.demand[0].shift = "late"
            p.demand[1].skill = "pilot"
            p.travel[0].to = "east"
            p.fairness[0].contract = "casual"
            p.stability?.previous = [
                PreviousAssignment(staff: "zoe", date: day("2027-03-01"), shift: "late", site: "west", skill: "pilot"),
            ]
        }
    }

    @Test func undefinedShiftsInRules() {
        expectErrors(["$.contracts[0].rules[2].shift", "$.contracts[0].rules[3].from", "$.contracts[0].rules[3].to"]) { p in
            p.contracts[0].rules += [
                ContractRule(.maxShiftsOfType(shift: "late", max: 3)),
                ContractRule(.forbiddenSuccession(from: "early", to: "late")),
            ]
        }
    }

    @Test func demandNumbers() {
        expectErrors(["$.demand[0].minimum"]) { $0.demand[0].minimum = -1 }
        expectErrors(["$.demand[0]"], mentioning: ["minimum (3) is greater than maximum (2)"]) { p in
            p.demand[0].minimum = 3
            p.demand[0].preferred = nil
        }
        expectErrors(["$.demand[0].preferred"]) { $0.demand[0].preferred = 3 }
        expectErrors(["$.demand[0].preferred"]) { $0.demand[0].preferred = 0 }
        expectErrors(["$.demand[0].maximum", "$.demand[0]", "$.demand[0].preferred"]) { $0.demand[0].maximum = -1 }
        expectErrors(["$.demand[0].minimumWeight", "$.demand[0].preferredWeight", "$.demand[0].overWeight"]) { p in
            p.demand[0].minimumWeight = .soft(-1)
            p.demand[0].preferredWeight = -2
            p.demand[0].overWeight = -3
        }
    }

    @Test func demandDays() {
        expectErrors(["$.demand[1].days[1]"]) { $0.demand[1].days = .dates([day("2027-03-01"), day("2027-03-15")]) }
        expectErrors(["$.demand[1].days[0]"]) { $0.demand[1].days = .weekdays([0, 7]) }
        expectErrors(["$.demand[1].days"], mentioning: ["is after"]) {
            $0.demand[1].days = .range(from: day("2027-03-05"), to: day("2027-03-04"))
        }
        expectErrors(["$.demand[1].days"], mentioning: ["does not overlap"]) {
            $0.demand[1].days = .range(from: day("2027-03-15"), to: day("2027-03-20"))
        }
        expectErrors([]) { $0.demand[1].days = .range(from: day("2027-02-20"), to: day("2027-03-01")) }
    }

    @Test func demandNobodyCanFill() {
        expectErrors(["$.demand[1]"], mentioning: ["nobody can fill it", "\"medic\""]) { p in
            p.staff.removeAll { $0.skills.contains("medic") }
            p.demand[0].minimum = 0  // Ann alone still fills it, but zero demand is never unfillable anyway.
        }
        // Nobody is based at or deployable to the south except Bob; a demand with no minimum is not an error.
        expectErrors([]) { p in
            p.demand.append(Demand(site: "south", shift: "day", skill: "nurse", minimum: 0, preferred: 1, preferredWeight: 1))
        }
        // Deployable sites count: Ann (north) may be deployed south.
        expectErrors([]) { $0.demand.append(Demand(site: "south", shift: "day", skill: "nurse", minimum: 1)) }
        expectErrors(["$.demand[2]"]) { p in
            p.staff[0].deployableSites = []
            p.staff[0].pinned = []
            p.demand.append(Demand(site: "south", shift: "day", skill: "nurse", minimum: 1))
        }
        // No skill: anyone working at the site counts.
        expectErrors([]) { $0.demand.append(Demand(site: "south", shift: "day", minimum: 2)) }
    }

    @Test func pinsThatContradictTheStaffMember() {
        expectErrors(["$.staff[0].pinned[0].date"], mentioning: ["unavailable"]) { $0.staff[0].pinned[0].date = day("2027-03-05") }
        expectErrors(["$.staff[0].pinned[0].date"], mentioning: ["outside the horizon"]) {
            $0.staff[0].pinned[0].date = day("2027-03-15")
        }
        expectErrors(["$.staff[1].pinned[0].site"], mentioning: ["cannot work at site \"north\""]) {
            $0.staff[1].pinned = [Pin(date: day("2027-03-02"), shift: "day", site: "north")]
        }
        expectErrors(["$.staff[1].pinned[0].skill"], mentioning: ["does not have skill \"nurse\""]) {
            $0.staff[1].pinned = [Pin(date: day("2027-03-02"), shift: "day", skill: "nurse")]
        }
        expectErrors(["$.staff[1].pinned[1].date"], mentioning: ["already pinned"]) {
            $0.staff[1].pinned = [Pin(date: day("2027-03-02"), shift: "day"), Pin(date: day("2027-03-02"), shift: nil)]
        }
        expectErrors(["$.staff[1].pinned[0]"], mentioning: ["day off"]) {
            $0.staff[1].pinned = [Pin(date: day("2027-03-02"), shift: nil, site: "south")]
        }
        // A day off may be pinned on an unavailable date.
        expectErrors([]) { $0.staff[0].pinned = [Pin(date: day("2027-03-05"), shift: nil)] }
    }

    @Test func datesOfRequestsHistoryAndUnavailability() {
        expectErrors(["$.staff[0].requests[0].date"]) { $0.staff[0].requests[0].date = day("2027-02-28") }
        expectErrors(["$.staff[0].history[0].date"], mentioning: ["before the horizon starts"]) {
            $0.staff[0].history = [HistoryShift(date: day("2027-03-01"), shift: "day")]
        }
        expectErrors(["$.staff[0].unavailable[0]"], mentioning: ["from 2027-03-06 is after to 2027-03-05"]) {
            $0.staff[0].unavailable = [DateRange(from: day("2027-03-06"), to: day("2027-03-05"))]
        }
        expectErrors(["$.stability.previous[0].date"]) { $0.stability?.previous[0].date = day("2027-04-01") }
    }

    @Test func negativeWeightsAndTravel() {
        expectErrors([
            "$.contracts[0].rules[1].weight", "$.staff[0].requests[0].weight", "$.fairness[0].weight",
            "$.stability.weight", "$.travel[0].hours",
        ]) { p in
            p.contracts[0].rules[1].weight = .soft(-5)
            p.staff[0].requests[0].weight = -1
            p.fairness[0].weight = -2
            p.stability?.weight = -1
            p.travel[0].minutes = -10
        }
    }

    @Test func ruleParametersOutOfRange() {
        let rules: [(RuleKind, String)] = [
            (.minRest(minutes: -60), ".hours"),
            (.minRestAfterNights(minutes: -1), ".hours"),
            (.maxMinutesInWindow(days: 0, minutes: 3600), ".days"),
            (.maxMinutesInWindow(days: 7, minutes: -1), ".hours"),
            (.minutesPerPeriod(periodDays: 0, min: nil, max: 600), ".periodDays"),
            (.minutesPerPeriod(periodDays: 7, min: 600, max: 300), ""),
            (.minutesPerPeriod(periodDays: nil, min: nil, max: nil), ""),
            (.shiftsPerPeriod(periodDays: -7, min: 1, max: nil), ".periodDays"),
            (.shiftsPerPeriod(periodDays: nil, min: -1, max: nil), ".min"),
            (.shiftsPerPeriod(periodDays: nil, min: nil, max: -1), ".max"),
            (.shiftsPerPeriod(periodDays: 7, min: 5, max: 4), ""),
            (.maxConsecutiveDays(-1), ".days"),
            (.minConsecutiveDays(-1), ".days"),
            (.minConsecutiveDaysOff(-2), ".days"),
            (.maxConsecutiveNights(-1), ".nights"),
            (.maxShiftsOfType(shift: "night", max: -1), ".max"),
            (.maxWeekends(-1), ".weekends"),
            (.workRestRatio(work: 0, rest: 1), ".work"),
            (.workRestRatio(work: 2, rest: -1), ".rest"),
            (.maxShiftMinutes(0), ".hours"),
            (.weeklyRest(minutes: -60), ".hours"),
            (.weeklyRest(minutes: 169 * 60), ".hours"),
            (.maxDeploymentDays(0), ".days"),
        ]
        for (kind, suffix) in rules {
            expectErrors(["$.contracts[1].rules[1]\(suffix)"]) { $0.contracts[1].rules.append(ContractRule(kind)) }
        }
        expectErrors([]) { p in
            p.contracts[1].rules += [
                ContractRule(.maxConsecutiveNights(0)), ContractRule(.completeWeekends, .soft(1)),
                ContractRule(.shiftsPerPeriod(periodDays: 7, min: 3, max: 3)), ContractRule(.weeklyRest(minutes: 35 * 60)),
                ContractRule(.preset(.usWildlandFire)),
            ]
        }
    }

    @Test func everyErrorIsReportedAtOnce() {
        var problem = validProblem()
        problem.horizon.days = 4000
        problem.staff[2].homeSite = "west"
        problem.demand[0].minimum = -1
        problem.contracts[0].rules.append(ContractRule(.workRestRatio(work: 0, rest: 0)))
        let errors = problem.validationErrors()
        #expect(errors.count == 5, "\(errors)")
        #expect(errors.allSatisfy { $0.hasPrefix("$.") })
    }
}
