import RotorFormats
import Testing

@Suite("iCalendar")
struct ICalendarTests {
    /// 2027-03-01T07:00:00Z, a Monday.
    let monday0700 = 1_803_884_400
    let stamp = 1_800_000_000  // 2027-01-15T08:00:00Z

    /// The physical lines of `text`, which must end in CRLF.
    func physicalLines(_ text: String) -> [Substring] {
        var lines = text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
            .map { Substring($0) }
        #expect(lines.last == "", "output does not end in a line break")
        lines.removeLast()
        return lines.map { $0.hasSuffix("\r") ? $0.dropLast() : $0 }
    }

    /// Content lines with folds undone (RFC 5545 §3.1: a CRLF followed by one space or tab is removed).
    /// Works on scalars, not Characters: a continuation may start with a combining mark or a zero-width
    /// joiner, which would make one Character of it and the space.
    func contentLines(_ text: String) -> [String] {
        var lines: [String] = []
        for line in physicalLines(text) {
            let first = line.unicodeScalars.first
            if first == " " || first == "\t", !lines.isEmpty {
                lines[lines.count - 1] += String(line.unicodeScalars.dropFirst())
            } else {
                lines.append(String(line))
            }
        }
        return lines
    }

    /// The value of the first content line for `property` (name up to the colon).
    func value(of property: String, in text: String) -> String? {
        contentLines(text).first { $0.hasPrefix(property + ":") }.map { String($0.dropFirst(property.count + 1)) }
    }

    func calendar(_ event: CalendarEvent, name: String = "Rota") -> String {
        ICalendar.write(name: name, events: [event], stamp: stamp)
    }

    func event(summary: String = "Day shift", location: String? = nil, description: String? = nil,
               start: Int? = nil, end: Int? = nil) -> CalendarEvent {
        let start = start ?? monday0700
        return CalendarEvent(uid: "A-2027-03-01-D@rotor", summary: summary, location: location,
                             description: description, start: start, end: end ?? start + 12 * 3600)
    }

    // MARK: - Structure

    @Test func writesAWholeCalendar() {
        let events = [
            event(location: "North", description: "Ward 3"),
            CalendarEvent(uid: "B-2027-03-01-N@rotor", summary: "Night shift", start: monday0700 + 12 * 3600,
                          end: monday0700 + 24 * 3600),
        ]
        let text = ICalendar.write(name: "March rota", events: events, stamp: stamp)
        #expect(text == """
            BEGIN:VCALENDAR\r
            VERSION:2.0\r
            PRODID:-//Rotor//Rotor rostering engine//EN\r
            CALSCALE:GREGORIAN\r
            METHOD:PUBLISH\r
            X-WR-CALNAME:March rota\r
            BEGIN:VEVENT\r
            UID:A-2027-03-01-D@rotor\r
            DTSTAMP:20270115T080000Z\r
            DTSTART:20270301T070000Z\r
            DTEND:20270301T190000Z\r
            SUMMARY:Day shift\r
            LOCATION:North\r
            DESCRIPTION:Ward 3\r
            END:VEVENT\r
            BEGIN:VEVENT\r
            UID:B-2027-03-01-N@rotor\r
            DTSTAMP:20270115T080000Z\r
            DTSTART:20270301T190000Z\r
            DTEND:20270302T070000Z\r
            SUMMARY:Night shift\r
            END:VEVENT\r
            END:VCALENDAR\r

            """)
    }

    @Test func beginAndEndAreBalanced() {
        let events = (0..<5).map { event(summary: "Shift \($0)", start: monday0700 + $0 * 86_400) }
        let lines = contentLines(ICalendar.write(name: "Rota", events: events, stamp: stamp))
        var open: [String] = []
        for line in lines {
            if line.hasPrefix("BEGIN:") {
                open.append(String(line.dropFirst(6)))
            } else if line.hasPrefix("END:") {
                #expect(open.popLast() == String(line.dropFirst(4)), "\(line) closes nothing open")
            } else {
                #expect(!open.isEmpty, "\(line) is outside every component")
            }
        }
        #expect(open.isEmpty)
        #expect(lines.filter { $0 == "BEGIN:VEVENT" }.count == 5)
        #expect(lines.first == "BEGIN:VCALENDAR" && lines.last == "END:VCALENDAR")
    }

    @Test func anEmptyCalendarIsStillACalendar() {
        let lines = contentLines(ICalendar.write(name: "Rota", events: [], stamp: stamp))
        #expect(lines.first == "BEGIN:VCALENDAR" && lines.last == "END:VCALENDAR")
        #expect(!lines.contains("BEGIN:VEVENT"))
    }

    @Test func optionalPropertiesAreLeftOutWhenNil() {
        let text = calendar(event())
        #expect(value(of: "LOCATION", in: text) == nil)
        #expect(value(of: "DESCRIPTION", in: text) == nil)
    }

    @Test func anEventEndingAtItsStartHasNoEnd() {
        let text = calendar(event(start: monday0700, end: monday0700))
        #expect(value(of: "DTSTART", in: text) == "20270301T070000Z")
        #expect(value(of: "DTEND", in: text) == nil)
    }

    @Test func sameInputGivesTheSameBytes() {
        let events = [event(location: "North", description: "Ward 3")]
        #expect(ICalendar.write(name: "Rota", events: events, stamp: stamp)
            == ICalendar.write(name: "Rota", events: events, stamp: stamp))
    }

    // MARK: - Line endings (§3.1)

    @Test func everyLineEndsInCRLF() {
        let text = calendar(event(summary: String(repeating: "Long summary ", count: 20),
                                  description: "one\ntwo\r\nthree\rfour"))
        let bytes = Array(text.utf8)
        #expect(bytes.suffix(2) == [13, 10])
        for (i, byte) in bytes.enumerated() {
            if byte == 10 { #expect(i > 0 && bytes[i - 1] == 13, "LF without CR at octet \(i)") }
            if byte == 13 { #expect(i + 1 < bytes.count && bytes[i + 1] == 10, "CR without LF at octet \(i)") }
        }
    }

    // MARK: - Folding (§3.1)

    /// `SUMMARY:` is 8 octets, so a summary of 67 octets makes a content line of exactly 75.
    @Test func aLineOfExactly75OctetsIsNotFolded() {
        let summary = String(repeating: "x", count: 67)
        let lines = physicalLines(calendar(event(summary: summary)))
        #expect(lines.contains { $0 == "SUMMARY:" + summary })
    }

    @Test func aLineOf76OctetsIsFoldedAfter75() {
        let summary = String(repeating: "x", count: 68)
        let lines = physicalLines(calendar(event(summary: summary)))
        let at = lines.firstIndex { $0.hasPrefix("SUMMARY:") }!
        #expect(lines[at].utf8.count == 75)
        #expect(lines[at + 1] == " x")
    }

    /// "é" is two octets: with 66 one-octet characters after `SUMMARY:` the line holds 74 octets, so
    /// an "é" would end at octet 76 and must move whole to the next line.
    @Test func aTwoOctetCharacterAcrossOctet75MovesToTheNextLine() {
        let summary = String(repeating: "x", count: 66) + "é" + "yz"
        let lines = physicalLines(calendar(event(summary: summary)))
        let at = lines.firstIndex { $0.hasPrefix("SUMMARY:") }!
        #expect(lines[at].utf8.count == 74)
        #expect(lines[at + 1] == " éyz")
        #expect(value(of: "SUMMARY", in: calendar(event(summary: summary))) == summary)
    }

    /// A two-octet character that ends exactly at octet 75 stays on the line.
    @Test func aTwoOctetCharacterEndingAtOctet75Stays() {
        let summary = String(repeating: "x", count: 65) + "é" + "y"
        let lines = physicalLines(calendar(event(summary: summary)))
        let at = lines.firstIndex { $0.hasPrefix("SUMMARY:") }!
        #expect(lines[at].utf8.count == 75)
        #expect(lines[at].hasSuffix("é"))
        #expect(lines[at + 1] == " y")
    }

    @Test(arguments: [
        "ü",  // 2 octets
        "€",  // 3 octets
        "🚒",  // 4 octets
        "e\u{301}",  // e and a combining acute accent (1 + 2 octets)
        "👩‍🚒",  // woman firefighter: a ZWJ sequence of 4 + 3 + 4 octets
    ])
    func longMultiOctetTextFoldsWithinLimitsAndUnfoldsToTheOriginal(_ piece: String) {
        let summary = String(repeating: piece, count: 200)
        let text = calendar(event(summary: summary, location: "Station " + summary))
        for line in physicalLines(text) {
            #expect(line.utf8.count <= 75, "\(line.utf8.count) octets: \(line)")
            // Every physical line is valid UTF-8 on its own: no sequence was cut.
            #expect(String(validating: line.utf8, as: UTF8.self) != nil)
        }
        #expect(value(of: "SUMMARY", in: text) == summary)
        #expect(value(of: "LOCATION", in: text) == "Station " + summary)
    }

    @Test func continuationLinesHoldAtMost74OctetsAfterTheirSpace() {
        let summary = String(repeating: "x", count: 300)
        let lines = physicalLines(calendar(event(summary: summary)))
        let at = lines.firstIndex { $0.hasPrefix("SUMMARY:") }!
        #expect(lines[at].utf8.count == 75)
        #expect(lines[at + 1].utf8.count == 75 && lines[at + 1].first == " ")
        #expect(lines[at + 2].utf8.count == 75 && lines[at + 2].first == " ")
    }

    // MARK: - Escaping (§3.3.11)

    @Test func textEscapesBackslashSemicolonCommaAndNewlines() {
        let text = calendar(event(summary: #"Day; early, C:\rota"#, location: "A,B;C\\D",
                                  description: "one\ntwo\r\nthree\rfour"))
        #expect(value(of: "SUMMARY", in: text) == #"Day\; early\, C:\\rota"#)
        #expect(value(of: "LOCATION", in: text) == #"A\,B\;C\\D"#)
        #expect(value(of: "DESCRIPTION", in: text) == #"one\ntwo\nthree\nfour"#)
    }

    @Test func blankLinesInTextAreKept() {
        #expect(value(of: "DESCRIPTION", in: calendar(event(description: "a\n\nb\r\n\r\nc")))
            == #"a\n\nb\n\nc"#)
    }

    @Test func controlCharactersOtherThanTabAreLeftOut() {
        #expect(value(of: "SUMMARY", in: calendar(event(summary: "a\u{0}b\u{7}c\td\u{7F}e"))) == "abc\tde")
    }

    @Test func nameAndUIDAreEscapedToo() {
        let text = ICalendar.write(
            name: "North, South; East",
            events: [CalendarEvent(uid: "a,b;c", summary: "s", start: monday0700, end: monday0700 + 60)],
            stamp: stamp)
        #expect(value(of: "X-WR-CALNAME", in: text) == #"North\, South\; East"#)
        #expect(value(of: "UID", in: text) == #"a\,b\;c"#)
    }

    // MARK: - UTC date-times (§3.3.5)

    func utc(_ seconds: Int) -> String? { value(of: "DTSTART", in: calendar(event(start: seconds, end: seconds))) }

    @Test func formatsTheEpoch() {
        #expect(utc(0) == "19700101T000000Z")
    }

    @Test func formatsAcrossAYearBoundary() {
        let newYear2027 = 1_798_761_600  // 2027-01-01T00:00:00Z
        #expect(utc(newYear2027 - 1) == "20261231T235959Z")
        #expect(utc(newYear2027) == "20270101T000000Z")
        let night = calendar(event(start: newYear2027 - 5 * 3600, end: newYear2027 + 7 * 3600))
        #expect(value(of: "DTSTART", in: night) == "20261231T190000Z")
        #expect(value(of: "DTEND", in: night) == "20270101T070000Z")
    }

    @Test func formatsALeapDay() {
        let leapDay2028 = 1_835_395_200  // 2028-02-29T00:00:00Z
        #expect(utc(leapDay2028 - 1) == "20280228T235959Z")
        #expect(utc(leapDay2028) == "20280229T000000Z")
        #expect(utc(leapDay2028 + 86_399) == "20280229T235959Z")
        #expect(utc(leapDay2028 + 86_400) == "20280301T000000Z")
        // 2100 is not a leap year: 28 February is followed by 1 March.
        let march2100 = 4_107_542_400  // 2100-03-01T00:00:00Z
        #expect(utc(march2100 - 1) == "21000228T235959Z")
        // 2000 is (divisible by 400).
        #expect(utc(951_782_400) == "20000229T000000Z")
    }

    @Test func formatsInstantsBefore1970() {
        #expect(utc(-1) == "19691231T235959Z")
        #expect(utc(-86_400) == "19691231T000000Z")
        #expect(utc(-86_401) == "19691230T235959Z")
    }

    @Test func clampsToFourDigitYears() {
        #expect(utc(Int.min) == "00010101T000000Z")
        #expect(utc(Int.max) == "99991231T235959Z")
        #expect(utc(253_402_300_799) == "99991231T235959Z")
    }
}
