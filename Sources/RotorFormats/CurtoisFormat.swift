import RotorCore

/// The text format of the Curtois & Qu staff-scheduling benchmark (`../shared/benchmarks/curtois/FORMAT.md`).
///
/// Seven sections in a fixed order, each started by its keyword on a line of its own; `#` lines are comments,
/// blank lines are ignored, fields are comma-separated and lists inside a field `|`-separated. `parse` checks
/// everything `CompiledProblem` would (identifiers, days, signs) and reports the first problem found as a
/// `FormatError` naming the line and what was expected there.
public enum CurtoisFormat {
    public static func parse(_ text: String, fileName: String) throws(FormatError) -> CurtoisProblem {
        let sections = try splitSections(numberedLines(text), file: fileName)
        var parser = Parser(file: fileName)
        let horizon = try parser.horizon(sections[Section.horizon.index])
        let shiftTypes = try parser.shifts(sections[Section.shifts.index].records)
        var staff = try parser.staff(sections[Section.staff.index].records)
        try parser.daysOff(sections[Section.daysOff.index].records, into: &staff)
        return CurtoisProblem(
            name: problemName(fileName),
            horizonDays: horizon,
            shiftTypes: shiftTypes,
            staff: staff,
            shiftOnRequests: try parser.requests(sections[Section.shiftOn.index].records, kind: "shift-on"),
            shiftOffRequests: try parser.requests(sections[Section.shiftOff.index].records, kind: "shift-off"),
            cover: try parser.cover(sections[Section.cover.index].records))
    }

    /// The problem in the same format, with the benchmark's explanatory comments. Shift limits are listed in
    /// the order of the shift types.
    public static func write(_ problem: CurtoisProblem) -> String {
        var out = "# Written by Rotor\n"
        out += "SECTION_HORIZON\n# All instances start on a Monday\n# The horizon length in days:\n"
        out += "\(problem.horizonDays)\n\n"

        out += "SECTION_SHIFTS\n# ShiftID, Length in mins, Shifts which cannot follow this shift | separated\n"
        for shift in problem.shiftTypes {
            out += "\(shift.id),\(shift.minutes),\(shift.forbiddenNext.joined(separator: "|"))\n"
        }

        out += "\nSECTION_STAFF\n# ID, MaxShifts, MaxTotalMinutes, MinTotalMinutes, MaxConsecutiveShifts, "
        out += "MinConsecutiveShifts, MinConsecutiveDaysOff, MaxWeekends\n"
        let shiftOrder = problem.shiftTypes.map(\.id)
        for member in problem.staff {
            let c = member.contract
            let listed = shiftOrder.filter { c.maxShifts[$0] != nil }
            let others = c.maxShifts.keys.filter { !shiftOrder.contains($0) }.sorted()
            let limits = (listed + others).compactMap { id in c.maxShifts[id].map { "\(id)=\($0)" } }
            let numbers = [
                c.maxTotalMinutes, c.minTotalMinutes, c.maxConsecutiveShifts, c.minConsecutiveShifts,
                c.minConsecutiveDaysOff, c.maxWeekends,
            ]
            out += ([member.id, limits.joined(separator: "|")] + numbers.map(String.init)).joined(separator: ",")
            out += "\n"
        }

        out += "\nSECTION_DAYS_OFF\n# EmployeeID, DayIndexes (start at zero)\n"
        for member in problem.staff {
            out += ([member.id] + member.daysOff.map(String.init)).joined(separator: ",") + "\n"
        }

        for (keyword, requests) in [
            ("SECTION_SHIFT_ON_REQUESTS", problem.shiftOnRequests),
            ("SECTION_SHIFT_OFF_REQUESTS", problem.shiftOffRequests),
        ] {
            out += "\n\(keyword)\n# EmployeeID, Day, ShiftID, Weight\n"
            for r in requests { out += "\(r.staff),\(r.day),\(r.shift),\(r.weight)\n" }
        }

        out += "\nSECTION_COVER\n# Day, ShiftID, Requirement, Weight for under, Weight for over\n"
        for c in problem.cover {
            out += "\(c.day),\(c.shift),\(c.required),\(c.underWeight),\(c.overWeight)\n"
        }
        return out
    }

    /// `Instance1` for `benchmarks/Instance1.txt`.
    static func problemName(_ fileName: String) -> String {
        let base = fileName.split(separator: "/", omittingEmptySubsequences: false).last ?? Substring(fileName)
        guard let dot = base.lastIndex(of: "."), dot != base.startIndex else { return String(base) }
        return String(base[..<dot])
    }
}

// MARK: - Sections

enum Section: String, CaseIterable {
    case horizon = "SECTION_HORIZON"
    case shifts = "SECTION_SHIFTS"
    case staff = "SECTION_STAFF"
    case daysOff = "SECTION_DAYS_OFF"
    case shiftOn = "SECTION_SHIFT_ON_REQUESTS"
    case shiftOff = "SECTION_SHIFT_OFF_REQUESTS"
    case cover = "SECTION_COVER"

    var index: Int { Section.allCases.firstIndex(of: self) ?? 0 }
}

struct SectionBody {
    let headerLine: Int
    var records: [Record] = []
}

extension CurtoisFormat {
    /// Groups the data lines under their section keywords, checking that every section appears once and in order.
    /// The result has one entry per `Section`, in `Section.allCases` order.
    static func splitSections(_ lines: [TextLine], file: String) throws(FormatError) -> [SectionBody] {
        let content = lines.filter { !$0.text.isEmpty && !$0.text.hasPrefix("#") }
        guard !content.isEmpty else {
            throw FormatError(file: file, line: nil, message: "the file is empty; expected \(Section.horizon.rawValue)")
        }
        let order = Section.allCases
        let keywords = Set(content.lazy.filter { $0.text.hasPrefix("SECTION_") }.map { String($0.text) })
        var bodies: [SectionBody] = []
        for line in content {
            func fail(_ message: String) -> FormatError { FormatError(file: file, line: line.number, message: message) }
            guard line.text.hasPrefix("SECTION_") else {
                guard !bodies.isEmpty else {
                    throw fail("expected \(Section.horizon.rawValue) before any data, found \"\(line.text)\"")
                }
                bodies[bodies.count - 1].records.append(Record(line, file: file))
                continue
            }
            let expected = bodies.count < order.count ? order[bodies.count] : nil
            guard let section = Section(rawValue: String(line.text)) else {
                let wanted = expected.map { "expected \($0.rawValue)" } ?? "expected no section after SECTION_COVER"
                throw fail("unknown section keyword \"\(line.text)\"; \(wanted)")
            }
            if section == expected {
                bodies.append(SectionBody(headerLine: line.number))
            } else if section.index < bodies.count {
                throw fail("duplicate section \(section.rawValue) (already started on line \(bodies[section.index].headerLine))")
            } else if let expected, keywords.contains(expected.rawValue) {
                throw fail("section \(section.rawValue) is out of order; expected \(expected.rawValue) first")
            } else if let expected {
                throw fail("missing section \(expected.rawValue); expected it before \(section.rawValue)")
            }
        }
        if bodies.count < order.count {
            throw FormatError(
                file: file, line: lines.last?.number,
                message: "missing section \(order[bodies.count].rawValue) at the end of the file")
        }
        return bodies
    }
}

// MARK: - The line scanner shared by every section

/// One data line split into comma-separated fields, with readers that report any problem against that line.
struct Record {
    let file: String
    let line: Int
    let fields: [Substring]

    init(_ line: TextLine, file: String) {
        self.file = file
        self.line = line.number
        self.fields = RotorFormats.fields(line.text, separator: ",")
    }

    /// The field at `index`, or empty past the end (callers check the count first with `requireFields`).
    subscript(index: Int) -> Substring { fields.indices.contains(index) ? fields[index] : "" }

    func error(_ message: String) -> FormatError { FormatError(file: file, line: line, message: message) }

    func requireFields(_ allowed: ClosedRange<Int>, in kind: String, layout: String) throws(FormatError) {
        guard !allowed.contains(fields.count) else { return }
        let expected = allowed.count == 1 ? "\(allowed.lowerBound)" : "\(allowed.lowerBound) or \(allowed.upperBound)"
        let noun = allowed == 1...1 ? "field" : "fields"
        throw error("expected \(expected) \(noun) in \(kind) (\(layout)), found \(fields.count)")
    }

    func number(_ text: Substring, for what: String) throws(FormatError) -> Int {
        guard let value = Int(text) else { throw error("expected a whole number for \(what), found \"\(text)\"") }
        return value
    }

    /// A number that may not be negative: lengths, minutes, limits, weights, requirements.
    func count(_ text: Substring, for what: String) throws(FormatError) -> Int {
        let value = try number(text, for: what)
        guard value >= 0 else { throw error("expected a non-negative number for \(what), found \(value)") }
        return value
    }

    func day(_ text: Substring, horizon: Int, for what: String) throws(FormatError) -> Int {
        let value = try number(text, for: what)
        guard (0..<horizon).contains(value) else {
            throw error("expected a day in 0..<\(horizon) for \(what), found \(value)")
        }
        return value
    }

    /// A new, non-empty identifier (the first field of a shift or staff line).
    func newID(_ text: Substring, in ids: inout DeclaredIDs) throws(FormatError) -> String {
        guard !text.isEmpty else { throw error("expected a \(ids.kind) ID, found an empty field") }
        let id = String(text)
        if let first = ids.positions[id] {
            throw error("duplicate \(ids.kind) ID \"\(id)\" (first declared on line \(first.line))")
        }
        ids.positions[id] = (ids.order.count, line)
        ids.order.append(id)
        return id
    }

    /// An identifier that must already have been declared.
    func reference(_ text: Substring, to ids: DeclaredIDs, for what: String) throws(FormatError) -> String {
        let id = String(text)
        guard ids.positions[id] != nil else {
            let found = text.isEmpty ? "an empty field" : "unknown \(ids.kind) ID \"\(id)\""
            throw error("expected a \(ids.kind) ID from \(ids.section.rawValue) in \(what), found \(found) "
                + "(declared: \(listForMessage(ids.order)))")
        }
        return id
    }
}

/// The shift or staff identifiers declared so far, in order, with where each was declared.
struct DeclaredIDs {
    let kind: String
    let section: Section
    var order: [String] = []
    var positions: [String: (index: Int, line: Int)] = [:]
}

// MARK: - Reading each section

private struct Parser {
    let file: String
    var horizon = 0
    var shiftIDs = DeclaredIDs(kind: "shift", section: .shifts)
    var staffIDs = DeclaredIDs(kind: "staff", section: .staff)

    init(file: String) { self.file = file }

    mutating func horizon(_ body: SectionBody) throws(FormatError) -> Int {
        guard let record = body.records.first else {
            throw FormatError(
                file: file, line: body.headerLine,
                message: "expected the number of days after \(Section.horizon.rawValue), found nothing")
        }
        if body.records.count > 1 {
            throw body.records[1].error(
                "expected a single line (the number of days) in \(Section.horizon.rawValue), found a second one")
        }
        try record.requireFields(1...1, in: "the horizon", layout: "number of days")
        guard let days = Int(record[0]), days > 0 else {
            throw record.error("expected a positive whole number of days for the horizon, found \"\(record[0])\"")
        }
        horizon = days
        return days
    }

    mutating func shifts(_ records: [Record]) throws(FormatError) -> [CurtoisShiftType] {
        var shifts: [CurtoisShiftType] = []
        for r in records {
            try r.requireFields(2...3, in: "a shift line", layout: "ID, length in minutes, shifts that cannot follow")
            let id = try r.newID(r[0], in: &shiftIDs)
            shifts.append(CurtoisShiftType(id: id, minutes: try r.count(r[1], for: "the length of shift \(id)")))
        }
        // Followers may name shifts declared further down, so they are checked once all IDs are known.
        for (index, r) in records.enumerated() {
            for follower in fields(r[2], separator: "|") where !follower.isEmpty {
                let what = "the shifts that cannot follow shift \(shifts[index].id)"
                shifts[index].forbiddenNext.append(try r.reference(follower, to: shiftIDs, for: what))
            }
        }
        return shifts
    }

    mutating func staff(_ records: [Record]) throws(FormatError) -> [CurtoisStaffMember] {
        var staff: [CurtoisStaffMember] = []
        for r in records {
            try r.requireFields(
                8...8, in: "a staff line",
                layout: "ID, max shifts, max total minutes, min total minutes, max consecutive shifts, "
                    + "min consecutive shifts, min consecutive days off, max weekends")
            let id = try r.newID(r[0], in: &staffIDs)
            var maxShifts: [String: Int] = [:]
            for limit in fields(r[1], separator: "|") where !limit.isEmpty {
                let pair = fields(limit, separator: "=")
                guard pair.count == 2 else {
                    throw r.error("expected SHIFT=COUNT in the max shifts of staff \(id), found \"\(limit)\"")
                }
                let shift = try r.reference(pair[0], to: shiftIDs, for: "the max shifts of staff \(id)")
                guard maxShifts[shift] == nil else {
                    throw r.error("expected each shift once in the max shifts of staff \(id), found \(shift) twice")
                }
                maxShifts[shift] = try r.count(pair[1], for: "the max number of \(shift) shifts of staff \(id)")
            }
            let contract = CurtoisContract(
                maxShifts: maxShifts,
                maxTotalMinutes: try r.count(r[2], for: "the max total minutes of staff \(id)"),
                minTotalMinutes: try r.count(r[3], for: "the min total minutes of staff \(id)"),
                maxConsecutiveShifts: try r.count(r[4], for: "the max consecutive shifts of staff \(id)"),
                minConsecutiveShifts: try r.count(r[5], for: "the min consecutive shifts of staff \(id)"),
                minConsecutiveDaysOff: try r.count(r[6], for: "the min consecutive days off of staff \(id)"),
                maxWeekends: try r.count(r[7], for: "the max weekends of staff \(id)"))
            guard contract.minTotalMinutes <= contract.maxTotalMinutes else {
                throw r.error(
                    "expected the min total minutes of staff \(id) to be at most the max total minutes "
                        + "(\(contract.maxTotalMinutes)), found \(contract.minTotalMinutes)")
            }
            staff.append(CurtoisStaffMember(id: id, contract: contract))
        }
        return staff
    }

    func daysOff(_ records: [Record], into staff: inout [CurtoisStaffMember]) throws(FormatError) {
        var seen: [String: Int] = [:]
        for r in records {
            let id = try r.reference(r[0], to: staffIDs, for: "a days-off line")
            if let first = seen[id] {
                throw r.error("expected one days-off line per staff member, found a second one for \(id) (first on line \(first))")
            }
            seen[id] = r.line
            guard let index = staffIDs.positions[id]?.index, staff.indices.contains(index) else { continue }
            for field in r.fields.dropFirst() where !field.isEmpty {
                staff[index].daysOff.append(try r.day(field, horizon: horizon, for: "a day off of staff \(id)"))
            }
        }
    }

    func requests(_ records: [Record], kind: String) throws(FormatError) -> [CurtoisRequest] {
        var requests: [CurtoisRequest] = []
        for r in records {
            try r.requireFields(4...4, in: "a \(kind) request", layout: "staff ID, day, shift ID, weight")
            let staff = try r.reference(r[0], to: staffIDs, for: "a \(kind) request")
            let what = "the \(kind) request of staff \(staff)"
            requests.append(CurtoisRequest(
                staff: staff,
                day: try r.day(r[1], horizon: horizon, for: "the day of \(what)"),
                shift: try r.reference(r[2], to: shiftIDs, for: what),
                weight: try r.count(r[3], for: "the weight of \(what)")))
        }
        return requests
    }

    func cover(_ records: [Record]) throws(FormatError) -> [CurtoisCover] {
        var cover: [CurtoisCover] = []
        var seen: [String: Int] = [:]
        for r in records {
            try r.requireFields(
                5...5, in: "a cover line", layout: "day, shift ID, requirement, weight for under, weight for over")
            let day = try r.day(r[0], horizon: horizon, for: "the day of a cover line")
            let shift = try r.reference(r[1], to: shiftIDs, for: "the cover for day \(day)")
            let what = "the cover for shift \(shift) on day \(day)"
            if let first = seen["\(day)|\(shift)"] {
                throw r.error("expected one cover line per day and shift, found a second one for \(what) (first on line \(first))")
            }
            seen["\(day)|\(shift)"] = r.line
            cover.append(CurtoisCover(
                day: day, shift: shift,
                required: try r.count(r[2], for: "the requirement of \(what)"),
                underWeight: try r.count(r[3], for: "the under-cover weight of \(what)"),
                overWeight: try r.count(r[4], for: "the over-cover weight of \(what)")))
        }
        return cover
    }
}
