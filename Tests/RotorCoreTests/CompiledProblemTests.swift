import RotorCore
import Testing

func modelError(_ problem: CurtoisProblem) -> ModelError? {
    do {
        _ = try CompiledProblem(problem)
        return nil
    } catch {
        return error
    }
}

@Suite("CompiledProblem")
struct CompiledProblemTests {
    @Test func reportsEveryProblemAtOnce() throws {
        var p = syntheticProblem
        p.shiftTypes[0].minutes = -5
        p.shiftTypes[1].forbiddenNext = ["X"]
        p.staff[0].contract.maxShifts["Q"] = 1
        p.staff[1].contract.minConsecutiveDays = -1
        p.staff[2].unavailable = [13]
        p.shiftOnRequests.append(CurtoisRequest(staff: "nobody", day: 0, shift: "E", weight: 1))
        p.shiftOffRequests.append(CurtoisRequest(staff: "S1", day: -1, shift: "E", weight: 1))
        p.shiftOffRequests.append(CurtoisRequest(staff: "S1", day: 1, shift: "Z", weight: 1))
        p.cover.append(CurtoisCover(day: 20, shift: "E", required: 1, underWeight: 1, overWeight: 1))
        p.cover.append(CurtoisCover(day: 1, shift: "Y", required: 1, underWeight: 1, overWeight: 1))
        p.cover[0].underWeight = -3
        let error = try #require(modelError(p))
        let expected = [
            "shift type E has a negative length -5",
            "X, which is not defined",
            "the contract of S0 names shift type Q",
            "the min consecutive shifts of S1 is negative (-1)",
            "the days off of S2 names day 13, outside the horizon 0..12",
            "staff member nobody, who is not defined",
            "day -1, outside the horizon",
            "shift type Z",
            "day 20, outside the horizon",
            "shift type Y",
            "the cover requirement for E on day 0 has a negative number",
        ]
        #expect(error.messages.count == expected.count, "\(error.messages)")
        for text in expected {
            #expect(error.messages.contains { $0.contains(text) }, "no message mentions \"\(text)\": \(error.messages)")
        }
        #expect(error.description == error.messages.joined(separator: "\n"))
    }

    @Test func duplicateIdentifiersAndAnEmptyHorizon() {
        let p = CurtoisProblem(
            name: "bad", horizonDays: 0,
            shiftTypes: [CurtoisShiftType(id: "D", minutes: 1), CurtoisShiftType(id: "D", minutes: 2)],
            staff: [CurtoisStaffMember(id: "A", contract: contract()), CurtoisStaffMember(id: "A", contract: contract())])
        let messages = modelError(p)?.messages ?? []
        #expect(messages.count == 3, "\(messages)")
        #expect(messages.contains { $0.contains("horizon must be at least one day") })
        #expect(messages.contains { $0.contains("shift type D is defined twice") })
        #expect(messages.contains { $0.contains("staff member A is defined twice") })
    }

    @Test func compilesTheTables() throws {
        let p = try CompiledProblem(syntheticProblem)
        #expect(p.staffCount == 6 && p.days == 13 && p.shiftCount == 3 && p.valueCount == 4)
        #expect(Array(p.valueMinutes) == [0, 480, 480, 600])
        // N (value 3) may not be followed by E (1) or L (2); L (2) not by E (1).
        #expect(p.forbiddenSuccession[3 * 4 + 1] == 1 && p.forbiddenSuccession[3 * 4 + 2] == 1)
        #expect(p.forbiddenSuccession[2 * 4 + 1] == 1 && p.forbiddenSuccession[1 * 4 + 3] == 0)
        #expect(p.maxShiftsOfType[0 * 3 + 0] == 5 && p.maxShiftsOfType[0 * 3 + 1] == .max)
        #expect(p.dayOff[0 * 13 + 6] == 1 && p.dayOff[0 * 13 + 7] == 0)
        // S0 day 2: on-request E (2) and off-request E (1): E costs 1, anything else 2.
        #expect(Array(p.requestCost[(0 * 13 + 2) * 4 ..< (0 * 13 + 2) * 4 + 4]) == [2, 1, 2, 2])
        #expect(p.weekend(ofDay: 5) == 0 && p.weekend(ofDay: 12) == 1 && p.weekend(ofDay: 7) == -1)
        #expect(p.shiftName(2) == "N" && p.shiftName(-1) == "off" && p.staffName(4) == "S4")
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
