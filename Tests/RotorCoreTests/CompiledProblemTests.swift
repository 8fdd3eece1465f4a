import RotorCore
import Testing

func modelError(_ problem: Problem) -> ModelError? {
    do {
        _ = try CompiledProblem(problem)
        return nil
    } catch {
        return error
    }
}

/// One site in `zone`, one 19:00–07:00 night shift, one person, over `days` from `start`.
func nightProblem(start: String, days: Int, zone: String, rules: [ContractRule] = []) -> Problem {
    Problem(name: "nights", horizon: Horizon(start: LocalDate(start)!, days: days, timeZone: zone),
            sites: [Site(id: "x")], shiftTypes: [ShiftType(id: "N", startMinute: 19 * 60, minutes: 12 * 60, tags: ["night"]),
                                                 ShiftType(id: "D", startMinute: 7 * 60, minutes: 12 * 60)],
            contracts: [Contract(id: "c", rules: rules)], staff: [StaffMember(id: "A", homeSite: "x", contract: "c")],
            demand: [Demand(site: "x", shift: "N", minimum: 0), Demand(site: "x", shift: "D", minimum: 0)])
}

@Suite("CompiledProblem")
struct CompiledProblemTests {
    @Test func benchmarkSemanticErrorsAreReportedTogether() throws {
        var p = syntheticProblem
        p.shiftTypes[1].forbiddenNext = ["X"]
        p.staff[0].contract.maxShifts["Q"] = 1
        p.cover.append(CurtoisCover(day: 1, shift: "Y", required: 1, underWeight: 1, overWeight: 1))
        let error = try #require(modelError(p.problem))
        for text in ["\"X\"", "\"Q\"", "\"Y\""] {
            #expect(error.messages.contains { $0.contains(text) }, "no message mentions \(text): \(error.messages)")
        }
        #expect(error.description == error.messages.joined(separator: "\n"))
    }

    @Test func compilesTheBenchmarkTables() throws {
        let p = try CompiledProblem(syntheticProblem)
        #expect(p.staffCount == 6 && p.days == 13 && p.shiftCount == 3 && p.valueCount == 4 && p.siteCount == 1)
        #expect((1..<4).map { p.valueName($0) } == ["E", "L", "N"])
        #expect(Array(p.cellMinutes[0..<4]) == [0, 480, 480, 600])
        // N (value 3) may not be followed by E (1) or L (2); L (2) not by E (1). Contracts are per person.
        let succession = Array(p.rules.succession[Int(p.rules.successionBase[0])...])
        #expect(succession[3 * 4 + 1] == -1 && succession[3 * 4 + 2] == -1 && succession[2 * 4 + 1] == -1 && succession[1 * 4 + 3] == 0)
        #expect(p.rules.tightestShiftsOfType[0 * 3 + 0] == 5 && p.rules.tightestShiftsOfType[0 * 3 + 1] == .max)
        #expect(p.fixed[0 * 13 + 6] == 1 && p.fixed[0 * 13 + 7] == 0)   // S0's day off 6 is fixed to off
        // S0 day 2: on-request E (2) and off-request E (1): E costs 1, anything else 2.
        #expect(Array(p.cellSoft[(0 * 13 + 2) * 4 ..< (0 * 13 + 2) * 4 + 4]) == [2, 1, 2, 2])
        #expect(p.weekendOfDay[5] == 0 && p.weekendOfDay[6] == 0 && p.weekendOfDay[12] == 1 && p.weekendOfDay[7] == -1)
        #expect(p.shiftName(2) == "N" && p.shiftName(-1) == "off" && p.staffName(4) == "S4")
    }

    /// Europe/Berlin moves its clocks forward on 2027-03-28 and back on 2027-10-31: the night shift
    /// starting the evening before lasts 11 and 13 real hours.
    @Test(arguments: [("2027-03-27", 660), ("2027-03-26", 720), ("2027-10-30", 780), ("2027-10-29", 720)])
    func nightShiftsOnDaylightSavingChanges(date: String, minutes: Int) throws {
        let p = try CompiledProblem(nightProblem(start: date, days: 2, zone: "Europe/Berlin"))
        let n = try #require(p.value(shift: 0, site: 0, skill: nil))
        #expect(p.cellMinutes[0 * p.valueCount + n] == Int32(minutes))
        #expect(p.clockTime(Int(p.cellEnd[0 * p.valueCount + n]), value: n) == "07:00")
    }

    @Test func sitesKeepTheirOwnClock() throws {
        var problem = nightProblem(start: "2027-01-04", days: 1, zone: "Europe/Berlin")
        problem.sites.append(Site(id: "ny", timeZone: "America/New_York"))
        problem.demand.append(Demand(site: "ny", shift: "D", minimum: 0))
        let p = try CompiledProblem(problem)
        let berlin = try #require(p.value(shift: 1, site: 0, skill: nil)), ny = try #require(p.value(shift: 1, site: 1, skill: nil))
        // 07:00 in New York is 13:00 in Berlin in January: six hours later.
        #expect(p.cellStart[ny] - p.cellStart[berlin] == 6 * 60)
    }

    @Test func postsFollowTheSkillsDemandNames() throws {
        var problem = nightProblem(start: "2027-01-04", days: 1, zone: "UTC")
        problem.skills = [Skill(id: "rn"), Skill(id: "charge")]
        problem.demand = [Demand(site: "x", shift: "N", skill: "rn", minimum: 1), Demand(site: "x", shift: "N", skill: "charge", minimum: 0),
                          Demand(site: "x", shift: "D", minimum: 1)]
        problem.staff[0].skills = ["rn"]
        let p = try CompiledProblem(problem)
        #expect((1..<p.valueCount).map { p.valueName($0) }.sorted() == ["D", "N/charge", "N/rn"])
        let charge = try #require(p.value(shift: 0, site: 0, skill: 1))
        let rn = try #require(p.value(shift: 0, site: 0, skill: 0))
        #expect(!p.accepts(0, 0, charge) && p.accepts(0, 0, rn))
    }

    @Test func scheduleFromARoster() throws {
        let p = try CompiledProblem(syntheticProblem)
        var roster = Roster(staffCount: 6, days: 13)
        roster.assignments[1][3] = 2
        let s = try Schedule(roster, for: p)
        #expect(s[staff: 1, day: 3] == 3 && s.roster == roster)
        #expect(throws: ModelError.self) { try Schedule(Roster(staffCount: 5, days: 13), for: p) }
        #expect(throws: ModelError.self) { try Schedule(Roster(staffCount: 6, days: 12), for: p) }
        roster.assignments[0][0] = 3
        #expect(throws: ModelError.self) { try Schedule(roster, for: p) }
    }
}
