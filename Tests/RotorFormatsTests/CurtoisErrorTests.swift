import RotorCore
import RotorFormats
import Testing

/// One edit of the sample file and the error it must produce.
struct Malformed: CustomTestStringConvertible, Sendable {
    var name: String
    var replacing: [Int: String] = [:]
    var removing: ClosedRange<Int>? = nil
    var appending: [String] = []
    var line: Int?
    var mentions: [String]

    var testDescription: String { name }
    var text: String { sample(replacing: replacing, removing: removing, appending: appending) }
}

@Suite("Curtois format: malformed input")
struct CurtoisErrorTests {
    @Test func exactMessageForANonNumber() {
        let text = sample(replacing: [10: "A,D=7|N=3,abc,960,5,1,1,1"])
        let error = formatError { () throws(FormatError) in try CurtoisFormat.parse(text, fileName: "Instance1.txt") }
        #expect(error?.description
            == "Instance1.txt:10: expected a whole number for the max total minutes of staff A, found \"abc\"")
    }

    @Test(arguments: ["", "\n\n", "# only a comment\r\n\r\n   \r\n"])
    func emptyFile(_ text: String) {
        expectParseError(text, line: nil, mentions: ["empty", "SECTION_HORIZON"])
    }

    @Test(arguments: [
        Malformed(name: "in the middle", removing: 20...22, line: 20,
                  mentions: ["missing section SECTION_SHIFT_OFF_REQUESTS", "SECTION_COVER"]),
        Malformed(name: "at the end", removing: 22...25, line: 21, mentions: ["missing section SECTION_COVER"]),
        Malformed(name: "the first", removing: 2...4, line: 2,
                  mentions: ["missing section SECTION_HORIZON", "SECTION_SHIFTS"]),
    ])
    func missingSection(_ c: Malformed) {
        expectParseError(c.text, line: c.line, mentions: c.mentions)
    }

    @Test func sectionOutOfOrder() {
        let text = sample(replacing: [
            17: "SECTION_SHIFT_OFF_REQUESTS", 18: "B,3,N,1", 20: "SECTION_SHIFT_ON_REQUESTS", 21: "A,2,D,2",
        ])
        expectParseError(text, line: 17, mentions: [
            "SECTION_SHIFT_OFF_REQUESTS", "out of order", "expected SECTION_SHIFT_ON_REQUESTS",
        ])
    }

    @Test func unknownSectionKeyword() {
        expectParseError(sample(replacing: [23: "SECTION_COVERS"]), line: 23, mentions: [
            "unknown section keyword \"SECTION_COVERS\"", "expected SECTION_COVER",
        ])
    }

    @Test func duplicateSection() {
        expectParseError(sample(appending: ["SECTION_COVER"]), line: 26, mentions: [
            "duplicate section SECTION_COVER", "line 23",
        ])
    }

    @Test func dataBeforeTheFirstSection() {
        expectParseError(sample(replacing: [1: "7"]), line: 1, mentions: ["expected SECTION_HORIZON", "\"7\""])
    }

    @Test(arguments: ["0", "-7", "seven", ""])
    func horizonNotAPositiveNumber(_ value: String) {
        // An empty line 3 is skipped, so the horizon section is then empty and the error is on its keyword.
        let line = value.isEmpty ? 2 : 3
        let mentions = value.isEmpty ? ["number of days", "found nothing"] : ["positive whole number", "\"\(value)\""]
        expectParseError(sample(replacing: [3: value]), line: line, mentions: mentions)
    }

    @Test func horizonWithTwoValues() {
        expectParseError(sample(replacing: [4: "8"]), line: 4, mentions: ["single line", "SECTION_HORIZON"])
    }

    @Test(arguments: [
        Malformed(name: "forbidden follower", replacing: [7: "N,600,X"], line: 7,
                  mentions: ["shift ID", "\"X\"", "cannot follow shift N", "D, N"]),
        Malformed(name: "max shifts", replacing: [10: "A,D=7|X=3,2400,960,5,1,1,1"], line: 10,
                  mentions: ["shift ID", "\"X\"", "max shifts of staff A"]),
        Malformed(name: "shift-on request", replacing: [18: "A,2,X,2"], line: 18,
                  mentions: ["shift ID", "\"X\"", "shift-on request of staff A"]),
        Malformed(name: "shift-off request", replacing: [21: "B,3,X,1"], line: 21,
                  mentions: ["shift ID", "\"X\"", "shift-off request of staff B"]),
        Malformed(name: "cover", replacing: [25: "0,X,1,100,1"], line: 25,
                  mentions: ["shift ID", "\"X\"", "cover for day 0"]),
    ])
    func unknownShiftID(_ c: Malformed) {
        expectParseError(c.text, line: c.line, mentions: c.mentions)
    }

    @Test(arguments: [
        Malformed(name: "days off", replacing: [14: "Z,0,6"], line: 14,
                  mentions: ["staff ID", "\"Z\"", "days-off line", "A, B"]),
        Malformed(name: "shift-on request", replacing: [18: "Z,2,D,2"], line: 18,
                  mentions: ["staff ID", "\"Z\"", "shift-on request"]),
        Malformed(name: "shift-off request", replacing: [21: "Z,3,N,1"], line: 21,
                  mentions: ["staff ID", "\"Z\"", "shift-off request"]),
        Malformed(name: "empty", replacing: [18: ",2,D,2"], line: 18,
                  mentions: ["staff ID", "empty field"]),
    ])
    func unknownStaffID(_ c: Malformed) {
        expectParseError(c.text, line: c.line, mentions: c.mentions)
    }

    @Test(arguments: [
        Malformed(name: "shift", replacing: [7: "D,600,"], line: 7,
                  mentions: ["duplicate shift ID \"D\"", "line 6"]),
        Malformed(name: "staff", replacing: [11: "A,,2400,0,5,1,1,1"], line: 11,
                  mentions: ["duplicate staff ID \"A\"", "line 10"]),
        Malformed(name: "days-off line", replacing: [15: "A,3"], line: 15,
                  mentions: ["one days-off line per staff member", "A", "line 14"]),
        Malformed(name: "cover line", replacing: [25: "0,D,2,100,1"], line: 25,
                  mentions: ["one cover line per day and shift", "shift D on day 0", "line 24"]),
        Malformed(name: "max shifts entry", replacing: [10: "A,D=7|D=3,2400,960,5,1,1,1"], line: 10,
                  mentions: ["max shifts of staff A", "D twice"]),
    ])
    func duplicate(_ c: Malformed) {
        expectParseError(c.text, line: c.line, mentions: c.mentions)
    }

    @Test(arguments: [
        Malformed(name: "shift length", replacing: [6: "D,long,"], line: 6,
                  mentions: ["whole number", "length of shift D", "\"long\""]),
        Malformed(name: "max shifts", replacing: [10: "A,D=seven|N=3,2400,960,5,1,1,1"], line: 10,
                  mentions: ["whole number", "max number of D shifts of staff A", "\"seven\""]),
        Malformed(name: "max weekends", replacing: [11: "B,,2400,0,5,1,1,1.5"], line: 11,
                  mentions: ["whole number", "max weekends of staff B", "\"1.5\""]),
        Malformed(name: "day off", replacing: [14: "A,0,x"], line: 14,
                  mentions: ["whole number", "day off of staff A", "\"x\""]),
        Malformed(name: "request weight", replacing: [18: "A,2,D,heavy"], line: 18,
                  mentions: ["whole number", "weight of the shift-on request of staff A", "\"heavy\""]),
        Malformed(name: "cover requirement", replacing: [24: "0,D,one,100,1"], line: 24,
                  mentions: ["whole number", "requirement of the cover for shift D on day 0", "\"one\""]),
        Malformed(name: "too large", replacing: [24: "0,D,99999999999999999999,100,1"], line: 24,
                  mentions: ["whole number", "\"99999999999999999999\""]),
        Malformed(name: "max shifts entry without =", replacing: [10: "A,D7|N=3,2400,960,5,1,1,1"], line: 10,
                  mentions: ["SHIFT=COUNT", "max shifts of staff A", "\"D7\""]),
    ])
    func notANumber(_ c: Malformed) {
        expectParseError(c.text, line: c.line, mentions: c.mentions)
    }

    @Test(arguments: [
        Malformed(name: "day off", replacing: [14: "A,0,7"], line: 14,
                  mentions: ["day in 0..<7", "day off of staff A", "found 7"]),
        Malformed(name: "request", replacing: [18: "A,9,D,2"], line: 18,
                  mentions: ["day in 0..<7", "shift-on request of staff A", "found 9"]),
        Malformed(name: "negative cover day", replacing: [24: "-1,D,1,100,1"], line: 24,
                  mentions: ["day in 0..<7", "cover line", "found -1"]),
    ])
    func dayOutsideTheHorizon(_ c: Malformed) {
        expectParseError(c.text, line: c.line, mentions: c.mentions)
    }

    @Test(arguments: [
        Malformed(name: "length", replacing: [6: "D,-480,"], line: 6,
                  mentions: ["non-negative", "length of shift D", "-480"]),
        Malformed(name: "minutes", replacing: [11: "B,,2400,-1,5,1,1,1"], line: 11,
                  mentions: ["non-negative", "min total minutes of staff B", "-1"]),
        Malformed(name: "max shifts", replacing: [10: "A,D=-7|N=3,2400,960,5,1,1,1"], line: 10,
                  mentions: ["non-negative", "max number of D shifts of staff A", "-7"]),
        Malformed(name: "weight", replacing: [21: "B,3,N,-1"], line: 21,
                  mentions: ["non-negative", "weight of the shift-off request of staff B", "-1"]),
        Malformed(name: "requirement", replacing: [24: "0,D,-1,100,1"], line: 24,
                  mentions: ["non-negative", "requirement of the cover for shift D on day 0", "-1"]),
        Malformed(name: "over weight", replacing: [25: "0,N,1,100,-5"], line: 25,
                  mentions: ["non-negative", "over-cover weight of the cover for shift N on day 0", "-5"]),
    ])
    func negativeNumber(_ c: Malformed) {
        expectParseError(c.text, line: c.line, mentions: c.mentions)
    }

    @Test(arguments: [
        Malformed(name: "horizon", replacing: [3: "7,8"], line: 3, mentions: ["expected 1 field in the horizon", "found 2"]),
        Malformed(name: "shift", replacing: [6: "D,480,,N"], line: 6,
                  mentions: ["expected 2 or 3 fields", "shift line", "found 4"]),
        Malformed(name: "shift with only an ID", replacing: [6: "D"], line: 6,
                  mentions: ["expected 2 or 3 fields", "found 1"]),
        Malformed(name: "staff", replacing: [10: "A,D=7|N=3,2400,960,5,1,1"], line: 10,
                  mentions: ["expected 8 fields", "staff line", "max weekends", "found 7"]),
        Malformed(name: "request", replacing: [21: "B,3,N"], line: 21,
                  mentions: ["expected 4 fields", "shift-off request", "found 3"]),
        Malformed(name: "cover", replacing: [24: "0,D,1,100,1,1"], line: 24,
                  mentions: ["expected 5 fields", "cover line", "found 6"]),
    ])
    func wrongNumberOfFields(_ c: Malformed) {
        expectParseError(c.text, line: c.line, mentions: c.mentions)
    }

    @Test func minTotalMinutesAboveMax() {
        expectParseError(sample(replacing: [10: "A,D=7|N=3,900,960,5,1,1,1"]), line: 10, mentions: [
            "min total minutes of staff A", "at most the max total minutes (900)", "found 960",
        ])
    }

    @Test func emptyStaffID() {
        expectParseError(sample(replacing: [11: ",,2400,0,5,1,1,1"]), line: 11, mentions: ["staff ID", "empty field"])
    }
}
