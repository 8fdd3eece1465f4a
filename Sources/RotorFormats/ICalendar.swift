import RotorCore

/// One event for a calendar feed, on the real clock: `start` and `end` are UTC instants in seconds since
/// 1970-01-01T00:00:00Z, so the feed needs no time zone definitions (RFC 5545 §3.3.5, form #2, "date
/// with UTC time") and calendar clients show each event at the right local time on either side of a
/// daylight-saving change.
public struct CalendarEvent: Sendable, Equatable {
    /// Globally unique and stable across re-publications of the same event, so that clients update an
    /// event instead of duplicating it (§3.8.4.7).
    public var uid: String
    public var summary: String
    public var location: String?
    public var description: String?
    public var start: Int
    /// After `start` (§3.8.2.2); an event ending at or before its start is written without DTEND,
    /// which makes it a point in time at `start` (§3.6.1).
    public var end: Int

    public init(uid: String, summary: String, location: String? = nil, description: String? = nil,
                start: Int, end: Int) {
        self.uid = uid
        self.summary = summary
        self.location = location
        self.description = description
        self.start = start
        self.end = end
    }
}

/// An iCalendar (RFC 5545) writer for published, read-only feeds: rosters that people subscribe to in
/// their own calendar application.
public enum ICalendar {
    /// The product identifier every iCalendar object must carry (§3.7.3), in the formal public
    /// identifier style the RFC's examples use.
    public static let productIdentifier = "-//Rotor//Rotor rostering engine//EN"

    /// A VCALENDAR holding one VEVENT per event, in the given order. `stamp` (seconds since 1970 UTC) is
    /// written as every event's DTSTAMP, the time the feed was generated (§3.8.7.2); it is passed in so
    /// the same input always gives the same bytes.
    ///
    /// Times outside the years 0001–9999 are clamped into them, because DATE-TIME has a four-digit
    /// year (§3.3.4). Text is escaped (§3.3.11), lines end in CRLF and are folded at 75 octets (§3.1).
    public static func write(name: String, events: [CalendarEvent], stamp: Int) -> String {
        var lines = [
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:" + escapedText(productIdentifier),
            "CALSCALE:GREGORIAN",
            // Nothing here asks for replies: a feed of events is published, not an invitation (RFC 5546 §3.2.1).
            "METHOD:PUBLISH",
            // Not in RFC 5545; the de-facto property (from Apple's iCal) that clients show as the calendar's name.
            "X-WR-CALNAME:" + escapedText(name),
        ]
        let dateStamp = utcDateTime(stamp)
        for event in events {
            lines.append("BEGIN:VEVENT")
            lines.append("UID:" + escapedText(event.uid))
            lines.append("DTSTAMP:" + dateStamp)
            lines.append("DTSTART:" + utcDateTime(event.start))
            if event.end > event.start { lines.append("DTEND:" + utcDateTime(event.end)) }
            lines.append("SUMMARY:" + escapedText(event.summary))
            if let location = event.location { lines.append("LOCATION:" + escapedText(location)) }
            if let description = event.description { lines.append("DESCRIPTION:" + escapedText(description)) }
            lines.append("END:VEVENT")
        }
        lines.append("END:VCALENDAR")
        return lines.map { folded($0) + "\r\n" }.joined()
    }

    /// A TEXT value (§3.3.11): backslash, semicolon and comma are escaped with a backslash and each line
    /// break (CRLF, LF or CR) becomes `\n`. Other control characters are not allowed in TEXT (the
    /// grammar admits only HTAB among them), so they are left out.
    static func escapedText(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var previousWasCarriageReturn = false
        for scalar in text.unicodeScalars {
            defer { previousWasCarriageReturn = scalar == "\r" }
            switch scalar {
            case "\\": out.append(contentsOf: #"\\"#.unicodeScalars)
            case ";": out.append(contentsOf: #"\;"#.unicodeScalars)
            case ",": out.append(contentsOf: #"\,"#.unicodeScalars)
            case "\r": out.append(contentsOf: #"\n"#.unicodeScalars)
            case "\n": if !previousWasCarriageReturn { out.append(contentsOf: #"\n"#.unicodeScalars) }
            case "\t": out.append(scalar)
            case "\u{00}"..."\u{1F}", "\u{7F}": break
            default: out.append(scalar)
            }
        }
        return String(out)
    }

    /// A content line folded so that no line is longer than 75 octets without its line break: each
    /// continuation starts with one space, which counts towards its 75, and folds fall between Unicode
    /// scalars, never inside a UTF-8 sequence (§3.1).
    static func folded(_ line: String) -> String {
        let limit = 75
        var out = ""
        var octetsOnLine = 0
        for scalar in line.unicodeScalars {
            let width = UTF8.width(scalar)
            if octetsOnLine + width > limit {
                out += "\r\n "
                octetsOnLine = 1
            }
            out.unicodeScalars.append(scalar)
            octetsOnLine += width
        }
        return out
    }

    private static let secondsPerDay = 86_400
    private static let firstWritableSecond = LocalDate(year: 1, month: 1, day: 1)!.daysSinceEpoch * secondsPerDay
    private static let lastWritableSecond = (LocalDate(year: 9999, month: 12, day: 31)!.daysSinceEpoch + 1) * secondsPerDay - 1

    /// `YYYYMMDDTHHMMSSZ` (§3.3.5, form #2), clamped to 0001-01-01T00:00:00Z … 9999-12-31T23:59:59Z.
    static func utcDateTime(_ secondsSince1970: Int) -> String {
        let seconds = min(max(secondsSince1970, firstWritableSecond), lastWritableSecond)
        // Floor division: instants before 1970 belong to the day that starts before them.
        let days = seconds >= 0 ? seconds / secondsPerDay : (seconds - secondsPerDay + 1) / secondsPerDay
        let secondOfDay = seconds - days * secondsPerDay
        let date = LocalDate(daysSinceEpoch: days)
        func pad(_ n: Int, _ width: Int) -> String {
            let digits = String(n)
            return String(repeating: "0", count: width - digits.count) + digits
        }
        return pad(date.year, 4) + pad(date.month, 2) + pad(date.day, 2) + "T"
            + pad(secondOfDay / 3600, 2) + pad(secondOfDay / 60 % 60, 2) + pad(secondOfDay % 60, 2) + "Z"
    }
}
