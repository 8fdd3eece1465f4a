import Foundation
import RotorCore
import RotorFormats
import Testing

/// A small, valid Curtois file. Tests edit it line by line, so the line numbers in the comments matter.
let sampleLines: [String] = [
    "# A small problem for the tests",  // 1
    "SECTION_HORIZON",  // 2
    "7",  // 3
    "",  // 4
    "SECTION_SHIFTS",  // 5
    "D,480,",  // 6
    "N,600,D",  // 7
    "",  // 8
    "SECTION_STAFF",  // 9
    "A,D=7|N=3,2400,960,5,1,1,1",  // 10
    "B,,2400,0,5,1,1,1",  // 11
    "",  // 12
    "SECTION_DAYS_OFF",  // 13
    "A,0,6",  // 14
    "B",  // 15
    "",  // 16
    "SECTION_SHIFT_ON_REQUESTS",  // 17
    "A,2,D,2",  // 18
    "",  // 19
    "SECTION_SHIFT_OFF_REQUESTS",  // 20
    "B,3,N,1",  // 21
    "",  // 22
    "SECTION_COVER",  // 23
    "0,D,1,100,1",  // 24
    "0,N,1,100,1",  // 25
]

/// The sample with some lines (1-based) replaced and some removed, joined with `lineEnding`.
func sample(
    replacing replacements: [Int: String] = [:], removing removed: ClosedRange<Int>? = nil,
    appending extra: [String] = [], lineEnding: String = "\n"
) -> String {
    var lines: [String] = []
    for (offset, line) in sampleLines.enumerated() {
        let number = offset + 1
        if let removed, removed.contains(number) { continue }
        lines.append(replacements[number] ?? line)
    }
    return (lines + extra).map { $0 + lineEnding }.joined()
}

let sampleProblem = CurtoisProblem(
    name: "sample",
    horizonDays: 7,
    shiftTypes: [
        CurtoisShiftType(id: "D", minutes: 480),
        CurtoisShiftType(id: "N", minutes: 600, forbiddenNext: ["D"]),
    ],
    staff: [
        CurtoisStaffMember(
            id: "A",
            contract: CurtoisContract(
                maxShifts: ["D": 7, "N": 3], maxTotalMinutes: 2400, minTotalMinutes: 960,
                maxConsecutiveShifts: 5, minConsecutiveShifts: 1, minConsecutiveDaysOff: 1, maxWeekends: 1),
            daysOff: [0, 6]),
        CurtoisStaffMember(
            id: "B",
            contract: CurtoisContract(
                maxShifts: [:], maxTotalMinutes: 2400, minTotalMinutes: 0,
                maxConsecutiveShifts: 5, minConsecutiveShifts: 1, minConsecutiveDaysOff: 1, maxWeekends: 1)),
    ],
    shiftOnRequests: [CurtoisRequest(staff: "A", day: 2, shift: "D", weight: 2)],
    shiftOffRequests: [CurtoisRequest(staff: "B", day: 3, shift: "N", weight: 1)],
    cover: [
        CurtoisCover(day: 0, shift: "D", required: 1, underWeight: 100, overWeight: 1),
        CurtoisCover(day: 0, shift: "N", required: 1, underWeight: 100, overWeight: 1),
    ])

/// The error `body` throws, or nil (recording an issue) when it throws none.
func formatError<T>(
    sourceLocation: SourceLocation = #_sourceLocation, _ body: () throws(FormatError) -> T
) -> FormatError? {
    do {
        _ = try body()
        Issue.record("expected a FormatError, but the input was accepted", sourceLocation: sourceLocation)
        return nil
    } catch {
        return error
    }
}

/// Parses `text` expecting an error on `line` whose message mentions each of `mentions`.
func expectParseError(
    _ text: String, line: Int?, mentions: [String], sourceLocation: SourceLocation = #_sourceLocation
) {
    guard let error = formatError(sourceLocation: sourceLocation, { () throws(FormatError) in
        try CurtoisFormat.parse(text, fileName: "test.txt")
    }) else { return }
    #expect(error.file == "test.txt", sourceLocation: sourceLocation)
    #expect(error.line == line, "\(error)", sourceLocation: sourceLocation)
    for word in mentions {
        #expect(error.message.contains(word), "\"\(word)\" not in: \(error)", sourceLocation: sourceLocation)
    }
}

// MARK: - The shared benchmark instances

/// `../shared/benchmarks/curtois` beside the package root (three directories up from this file).
let benchmarkDirectory: URL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("../shared/benchmarks/curtois").standardized

let benchmarksAvailable = FileManager.default.fileExists(
    atPath: benchmarkDirectory.appendingPathComponent("Instance1.txt").path)

let benchmarkInstances = [1, 2, 3, 4, 5, 7, 8, 9, 10, 12, 13, 14, 16, 17, 18, 20, 21, 23, 24]
    .map { "Instance\($0).txt" }

func benchmarkText(_ name: String) throws -> String {
    try String(contentsOf: benchmarkDirectory.appendingPathComponent(name), encoding: .utf8)
}
