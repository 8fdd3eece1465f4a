import RotorCore
import RotorFormats
import Testing

@Suite("Curtois format: reading and writing")
struct CurtoisFormatTests {
    @Test func parsesTheSample() throws {
        #expect(try CurtoisFormat.parse(sample(), fileName: "sample.txt") == sampleProblem)
    }

    @Test func nameIsTheFileNameWithoutDirectoryOrExtension() throws {
        #expect(try CurtoisFormat.parse(sample(), fileName: "/data/bench/Instance7.txt").name == "Instance7")
        #expect(try CurtoisFormat.parse(sample(), fileName: "plain").name == "plain")
        #expect(try CurtoisFormat.parse(sample(), fileName: "a.b.txt").name == "a.b")
    }

    @Test func windowsLineEndings() throws {
        let text = sample(lineEnding: "\r\n")
        #expect(try CurtoisFormat.parse(text, fileName: "sample.txt") == sampleProblem)
    }

    @Test func windowsLineEndingsKeepLineNumbers() {
        let text = sample(replacing: [10: "A,D=7|N=3,abc,960,5,1,1,1"], lineEnding: "\r\n")
        expectParseError(text, line: 10, mentions: ["max total minutes of staff A", "\"abc\""])
    }

    @Test func trailingWhitespaceAndSpacesAroundFields() throws {
        let text = sample(replacing: [
            3: " 7\t", 6: "D , 480 ,   ", 10: "A, D=7 | N=3 ,2400,960,5,1,1,1  ", 14: "A, 0, 6\t", 15: "B,",
        ])
        #expect(try CurtoisFormat.parse(text, fileName: "sample.txt") == sampleProblem)
    }

    @Test func noFinalLineBreakAndMissingTrailingField() throws {
        var text = sample(replacing: [6: "D,480"])
        text.removeLast()
        #expect(try CurtoisFormat.parse(text, fileName: "sample.txt") == sampleProblem)
    }

    @Test func emptyEntriesInListsAreIgnored() throws {
        let text = sample(replacing: [7: "N,600,|D|", 10: "A,|D=7||N=3|,2400,960,5,1,1,1"])
        #expect(try CurtoisFormat.parse(text, fileName: "sample.txt") == sampleProblem)
    }

    @Test func errorDescriptionIsGccStyle() {
        #expect(FormatError(file: "f.txt", line: 3, message: "m").description == "f.txt:3: m")
        #expect(FormatError(file: "f.txt", line: nil, message: "m").description == "f.txt: m")
    }

    @Test func roundTripOfTheSample() throws {
        let text = CurtoisFormat.write(sampleProblem)
        #expect(try CurtoisFormat.parse(text, fileName: "sample.txt") == sampleProblem)
    }

    @Test func roundTripOfAVariant() throws {
        var problem = sampleProblem
        problem.name = "variant"
        problem.horizonDays = 14
        problem.shiftTypes.append(CurtoisShiftType(id: "L", minutes: 0, forbiddenNext: ["D", "L", "N"]))
        problem.staff[0].contract.maxShifts["L"] = 0
        problem.staff.append(CurtoisStaffMember(id: "C", contract: problem.staff[1].contract, daysOff: [13, 1, 7]))
        problem.shiftOnRequests = []
        problem.cover.append(CurtoisCover(day: 13, shift: "L", required: 0, underWeight: 0, overWeight: 0))
        let text = CurtoisFormat.write(problem)
        #expect(try CurtoisFormat.parse(text, fileName: "variant.txt") == problem)
    }

    @Test func writesTheBenchmarkLayout() {
        let text = CurtoisFormat.write(sampleProblem)
        #expect(text.contains("SECTION_SHIFTS\n# ShiftID, Length in mins, Shifts which cannot follow this shift | separated\nD,480,\nN,600,D\n"))
        #expect(text.contains("\nA,D=7|N=3,2400,960,5,1,1,1\nB,,2400,0,5,1,1,1\n"))
        #expect(text.contains("\nA,0,6\nB\n"))
    }
}

@Suite("Curtois format: the shared benchmark instances", .enabled(
    if: benchmarksAvailable,
    "benchmark instances not found at ../shared/benchmarks/curtois beside the package root; skipping"))
struct CurtoisBenchmarkTests {
    @Test(arguments: benchmarkInstances)
    func parsesAndRoundTrips(_ name: String) throws {
        let problem = try CurtoisFormat.parse(try benchmarkText(name), fileName: name)
        #expect(problem.name == String(name.dropLast(4)))
        #expect(problem.horizonDays > 0 && problem.horizonDays % 7 == 0)
        #expect(!problem.shiftTypes.isEmpty && !problem.staff.isEmpty && !problem.cover.isEmpty)
        let again = try CurtoisFormat.parse(CurtoisFormat.write(problem), fileName: name)
        #expect(again == problem)
    }

    @Test func instance1Facts() throws {
        let problem = try CurtoisFormat.parse(try benchmarkText("Instance1.txt"), fileName: "Instance1.txt")
        #expect(problem.horizonDays == 14)
        #expect(problem.shiftTypes == [CurtoisShiftType(id: "D", minutes: 480)])
        #expect(problem.staff.count == 8)
        #expect(problem.staff.first?.id == "A")
        #expect(problem.staff.first?.daysOff == [0])
        #expect(problem.staff.first?.contract == CurtoisContract(
            maxShifts: ["D": 14], maxTotalMinutes: 4320, minTotalMinutes: 3360,
            maxConsecutiveShifts: 5, minConsecutiveShifts: 2, minConsecutiveDaysOff: 2, maxWeekends: 1))
        #expect(problem.shiftOnRequests.first == CurtoisRequest(staff: "A", day: 2, shift: "D", weight: 2))
        #expect(problem.shiftOffRequests.count == 5)
        #expect(problem.cover.count == 14)
        #expect(problem.cover.first == CurtoisCover(day: 0, shift: "D", required: 5, underWeight: 100, overWeight: 1))
    }

    @Test func instance24Facts() throws {
        let problem = try CurtoisFormat.parse(try benchmarkText("Instance24.txt"), fileName: "Instance24.txt")
        #expect(problem.horizonDays == 364)
        #expect(problem.shiftTypes.count == 32)
        #expect(problem.staff.count == 150)
        #expect(problem.shiftTypes.first { $0.id == "a4" }?.forbiddenNext.count == 15)
        #expect(problem.staff.first?.contract.maxShifts.count == 32)
    }
}
