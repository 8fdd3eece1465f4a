import RotorCore
import Testing

/// One staff member on a short horizon, with shifts D (480 min) and N (600 min, D may not follow it).
func oneRowProblem(
    days: Int, _ c: CurtoisContract, daysOff: [Int] = [], on: [CurtoisRequest] = [], off: [CurtoisRequest] = [],
    cover: [CurtoisCover] = []
) throws -> CompiledProblem {
    try CompiledProblem(CurtoisProblem(
        name: "tiny", horizonDays: days,
        shiftTypes: [CurtoisShiftType(id: "D", minutes: 480), CurtoisShiftType(id: "N", minutes: 600, forbiddenNext: ["D"])],
        staff: [CurtoisStaffMember(id: "A", contract: c, daysOff: daysOff)],
        shiftOnRequests: on, shiftOffRequests: off, cover: cover))
}

/// The from-scratch violations of `rule` for a roster, after checking that the incremental scorer agrees.
func violations(_ rule: RuleID, _ p: CompiledProblem, _ rows: [String], sourceLocation: SourceLocation = #_sourceLocation) -> [Violation] {
    let s = schedule(p, rows)
    let evaluation = Evaluation(p, s)
    #expect(SearchState(p, schedule: s).score == evaluation.score, "incremental score for \(rows)", sourceLocation: sourceLocation)
    #expect(evaluation.score.hard == evaluation.hardViolations.reduce(0) { $0 + $1.penalty }, sourceLocation: sourceLocation)
    return evaluation.violations.filter { $0.rule == rule }
}

/// The total penalty of `rule` for a one-row roster.
func penalty(_ rule: RuleID, _ p: CompiledProblem, _ row: String, sourceLocation: SourceLocation = #_sourceLocation) -> Int {
    violations(rule, p, [row], sourceLocation: sourceLocation).reduce(0) { $0 + $1.penalty }
}

@Suite("Rules on hand-made rosters")
struct RuleTests {
    @Test func maxConsecutiveShiftsCountsRunsAtBothEdges() throws {
        let p = try oneRowProblem(days: 10, contract(maxRun: 3))
        #expect(penalty(.maxConsecutiveDays, p, "DDD.DDD.DD") == 0)
        #expect(penalty(.maxConsecutiveDays, p, "DDDD......") == 1 * hardUnit)  // starts on day 0: still counted
        #expect(penalty(.maxConsecutiveDays, p, "......DDDD") == 1 * hardUnit)  // ends on the last day: still counted
        #expect(penalty(.maxConsecutiveDays, p, "..DNDDD...") == 2 * hardUnit)  // mixed shifts make one run
        #expect(penalty(.maxConsecutiveDays, p, "DDDDDDDDDD") == 7 * hardUnit)
        let v = violations(.maxConsecutiveDays, p, ["DDDD.DDDDD"])
        #expect(v.map(\.day) == [0, 5] && v.map(\.dayCount) == [4, 5] && v.map(\.amount) == [1, 2])
    }

    @Test func minConsecutiveShiftsExemptsRunsTouchingTheHorizonEdges() throws {
        let p = try oneRowProblem(days: 10, contract(minRun: 3))
        #expect(penalty(.minConsecutiveDays, p, "D.........") == 0)  // starts on day 0
        #expect(penalty(.minConsecutiveDays, p, ".........D") == 0)  // ends on the last day
        #expect(penalty(.minConsecutiveDays, p, "DD......DD") == 0)
        #expect(penalty(.minConsecutiveDays, p, "DDDDDDDDDD") == 0)
        #expect(penalty(.minConsecutiveDays, p, "..........") == 0)
        #expect(penalty(.minConsecutiveDays, p, "..DD......") == 1 * hardUnit)
        #expect(penalty(.minConsecutiveDays, p, ".D.NN.DDD.") == (2 + 1) * hardUnit)
        #expect(penalty(.minConsecutiveDays, p, "........D.") == 2 * hardUnit)  // day H-2 is not the edge
        let v = violations(.minConsecutiveDays, p, [".D.NN.DDD."])
        #expect(v.map(\.day) == [1, 3] && v.map(\.amount) == [2, 1])
    }

    @Test func minConsecutiveDaysOffExemptsRunsTouchingTheHorizonEdges() throws {
        let p = try oneRowProblem(days: 10, contract(minOff: 2))
        #expect(penalty(.minConsecutiveDaysOff, p, ".DDDDDDDD.") == 0)  // single days off at both edges
        #expect(penalty(.minConsecutiveDaysOff, p, "..........") == 0)  // the whole horizon off
        #expect(penalty(.minConsecutiveDaysOff, p, "DD..DD..DD") == 0)
        #expect(penalty(.minConsecutiveDaysOff, p, "D.DDDDDD.D") == 2 * hardUnit)
        #expect(penalty(.minConsecutiveDaysOff, p, "DDDD.DDDDD") == 1 * hardUnit)
        let q = try oneRowProblem(days: 10, contract(minOff: 3))
        #expect(penalty(.minConsecutiveDaysOff, q, "D.D..DDD..") == (2 + 1) * hardUnit)
    }

    @Test func maxWeekendsWithAThirteenDayHorizon() throws {
        // Weekend 0 is days 5 and 6; weekend 1 is day 12 only (its Sunday, day 13, is outside).
        let p = try oneRowProblem(days: 13, contract(maxWeekends: 1))
        #expect(p.weekendCount == 2)
        #expect(penalty(.maxWeekends, p, "............D") == 0)
        #expect(penalty(.maxWeekends, p, ".....DD......") == 0)  // both days of one weekend count once
        #expect(penalty(.maxWeekends, p, ".....D......D") == 1 * hardUnit)
        #expect(penalty(.maxWeekends, p, "......N.....D") == 1 * hardUnit)  // a Sunday alone counts
        #expect(penalty(.maxWeekends, p, "DDDDD..DDDDD.") == 0)  // weekdays never count
        let none = try oneRowProblem(days: 13, contract(maxWeekends: 0))
        #expect(penalty(.maxWeekends, none, ".....DD.....D") == 2 * hardUnit)
        #expect(violations(.maxWeekends, none, [".....DD.....D"]).first?.amount == 2)
    }

    @Test(arguments: [(5, 0), (6, 1), (7, 1), (12, 1), (13, 2), (14, 2), (19, 2), (20, 3)])
    func weekendCount(days: Int, weekends: Int) throws {
        #expect(try oneRowProblem(days: days, contract()).weekendCount == weekends)
    }

    @Test func totalMinutesBoundsAreInclusiveAndWeighedPerMinute() throws {
        let p = try oneRowProblem(days: 7, contract(maxMinutes: 1440, minMinutes: 960))
        #expect(penalty(.minutesPerPeriod, p, "DD.....") == 0)  // 960, the minimum
        #expect(penalty(.minutesPerPeriod, p, "DDD....") == 0)  // 1440, the maximum
        #expect(penalty(.minutesPerPeriod, p, "D......") == 480)
        #expect(penalty(.minutesPerPeriod, p, "DDDD...") == 480)
        #expect(penalty(.minutesPerPeriod, p, "DDN....") == 120)  // 1560
        #expect(penalty(.minutesPerPeriod, p, ".......") == 960)
        #expect(violations(.minutesPerPeriod, p, ["DDDD..."]).first?.amount == 480)
    }

    @Test func maxShiftsOfEachType() throws {
        let p = try oneRowProblem(days: 7, contract(max: ["D": 2]))
        #expect(penalty(.maxShiftsOfType, p, "DD.NNNN") == 0)  // N is not listed: unlimited
        #expect(penalty(.maxShiftsOfType, p, "DDD....") == 1 * hardUnit)
        #expect(penalty(.maxShiftsOfType, p, "DDDDD.N") == 3 * hardUnit)
        let q = try oneRowProblem(days: 7, contract(max: ["D": 7, "N": 0]))
        #expect(penalty(.maxShiftsOfType, q, "DDDDDDD") == 0)
        #expect(penalty(.maxShiftsOfType, q, "N...N..") == 2 * hardUnit)
    }

    @Test func forbiddenSuccessionAcrossDays() throws {
        let p = try oneRowProblem(days: 5, contract())
        #expect(penalty(.shiftSuccession, p, "DNDND") == 2 * hardUnit)  // N→D twice
        #expect(penalty(.shiftSuccession, p, "DDNNN") == 0)  // D→N, N→N allowed
        #expect(penalty(.shiftSuccession, p, "N.D.N") == 0)  // a day off in between
        #expect(penalty(.shiftSuccession, p, "....N") == 0)  // nothing assumed after the horizon
        #expect(violations(.shiftSuccession, p, ["DDND."]).map(\.day) == [2])
    }

    @Test func daysOff() throws {
        let p = try oneRowProblem(days: 5, contract(), daysOff: [1, 4])
        #expect(penalty(.unavailable, p, "D.DD.") == 0)
        #expect(penalty(.unavailable, p, "DN..D") == 2 * hardUnit)
        #expect(violations(.unavailable, p, [".N..."]).first?.day == 1)
    }

    @Test func shiftOnAndOffRequests() throws {
        let p = try oneRowProblem(
            days: 4, contract(),
            on: [CurtoisRequest(staff: "A", day: 1, shift: "D", weight: 2), CurtoisRequest(staff: "A", day: 3, shift: "N", weight: 5)],
            off: [CurtoisRequest(staff: "A", day: 2, shift: "N", weight: 3), CurtoisRequest(staff: "A", day: 1, shift: "D", weight: 1)])
        #expect(penalty(.shiftOnRequest, p, ".D.N") == 0)
        #expect(penalty(.shiftOnRequest, p, ".N.D") == 2 + 5)  // another shift
        #expect(penalty(.shiftOnRequest, p, "....") == 2 + 5)  // a day off
        #expect(penalty(.shiftOffRequest, p, "..N.") == 3)
        #expect(penalty(.shiftOffRequest, p, "..D.") == 0)
        #expect(penalty(.shiftOffRequest, p, ".D..") == 1)  // on and off requests for the same cell both apply
        #expect(Evaluation(p, schedule(p, [".D.N"])).score.soft == 1)
        #expect(Evaluation(p, schedule(p, ["...."])).score.soft == 7)
    }

    @Test func coverUnderAndOver() throws {
        let shifts = [CurtoisShiftType(id: "D", minutes: 480), CurtoisShiftType(id: "N", minutes: 600)]
        let staff = (0..<4).map { CurtoisStaffMember(id: "P\($0)", contract: contract()) }
        let p = try CompiledProblem(CurtoisProblem(
            name: "cover", horizonDays: 1, shiftTypes: shifts, staff: staff,
            cover: [CurtoisCover(day: 0, shift: "D", required: 2, underWeight: 100, overWeight: 1),
                    CurtoisCover(day: 0, shift: "N", required: 1, underWeight: 0, overWeight: 7)]))
        func cost(_ rows: [String]) -> Int { Evaluation(p, schedule(p, rows)).score.soft }
        #expect(cost([".", ".", ".", "N"]) == 200)
        #expect(cost(["D", ".", ".", "N"]) == 100)
        #expect(cost(["D", "D", ".", "N"]) == 0)
        #expect(cost(["D", "D", "D", "N"]) == 1)
        #expect(cost(["D", "D", "D", "D"]) == 2)
        #expect(cost(["D", "D", ".", "."]) == 0)  // no under-weight for N: being short costs nothing
        #expect(cost(["D", "D", "N", "N"]) == 7)
        let v = violations(.coverPreferred, p, ["D", ".", ".", "N"])
        #expect(v.count == 1 && v.first?.amount == 1 && v.first?.value == 1 && v.first?.staff == nil)
        #expect(violations(.coverOver, p, ["D", "D", "N", "N"]).first?.amount == 1)
    }

    @Test func hardRulesOnlyMakeARosterInfeasible() throws {
        let p = try CompiledProblem(syntheticProblem)
        let off = Schedule(staffCount: p.staffCount, days: p.days)
        let e = Evaluation(p, off)
        #expect(e.score.hard == e.hardViolations.reduce(0) { $0 + $1.penalty })
        #expect(e.score.soft == e.violations.filter { !$0.hard }.reduce(0) { $0 + $1.penalty })
        #expect(e.softByRule.reduce(0) { $0 + $1.penalty } == e.score.soft)
        #expect(e.softByDay(days: p.days).reduce(0, +) == e.score.soft)  // every soft penalty has a day
        #expect(Score(hard: 0, soft: 10) < Score(hard: 1, soft: 0))
    }
}

@Suite("Rules on the real clock")
struct RealClockRuleTests {
    /// The example: a night shift ending 07:00 and a shift starting 16:30 the same day leave
    /// 9.5 h of rest; with an 11 h rule that is 1.5 h short (hard: 90, one per minute).
    @Test func restBetweenANightAndALateShiftOnTheDaylightSavingNight() throws {
        var problem = nightProblem(start: "2027-03-27", days: 2, zone: "Europe/Berlin", rules: [ContractRule(.minRest(minutes: 11 * 60))])
        problem.shiftTypes.append(ShiftType(id: "L", startMinute: 16 * 60 + 30, minutes: 6 * 60))
        problem.demand.append(Demand(site: "x", shift: "L", minimum: 0))
        let p = try CompiledProblem(problem)
        var s = Schedule(staffCount: 1, days: 2)
        s[staff: 0, day: 0] = UInt8(try #require(p.value(shift: 0, site: 0, skill: nil)))
        s[staff: 0, day: 1] = UInt8(try #require(p.value(shift: 2, site: 0, skill: nil)))
        let evaluation = Evaluation(p, s)
        let rest = evaluation.violations.filter { $0.rule == .minRest }
        #expect(rest.count == 1 && rest.first?.amount == 90 && rest.first?.penalty == 90 && rest.first?.hard == true)
        let message = try #require(rest.first?.message)
        #expect(message.contains("only 9.5 h rest") && message.contains("ending 07:00") && message.contains("starting 16:30")
                && message.contains("the rule needs 11 h"), "\(message)")
        #expect(SearchState(p, schedule: s).score == evaluation.score)
        // The night itself lasted 11 real hours: clocks went forward at 02:00.
        #expect(p.cellMinutes[0 * p.valueCount + Int(s[staff: 0, day: 0])] == 660)
    }

    @Test func rollingWindowCountsRealHours() throws {
        // Four 12 h nights from 2027-10-28 in Berlin: the one on the 30th lasts 13 h (clocks go back).
        let problem = nightProblem(start: "2027-10-28", days: 4, zone: "Europe/Berlin",
                                   rules: [ContractRule(.maxMinutesInWindow(days: 4, minutes: 48 * 60), .soft(2))])
        let p = try CompiledProblem(problem)
        var s = Schedule(staffCount: 1, days: 4)
        let n = UInt8(try #require(p.value(shift: 0, site: 0, skill: nil)))
        for d in 0..<4 { s[staff: 0, day: d] = n }
        let window = Evaluation(p, s).violations.filter { $0.rule == .maxMinutesInWindow }
        // 49 h against 48 h: one started hour over, soft weight 2.
        #expect(window.count == 1 && window.first?.amount == 60 && window.first?.penalty == 2 && window.first?.hard == false)
    }
}
