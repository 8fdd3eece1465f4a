import RotorCore

/// A staff list as CSV (RFC 4180), the form in which rosters of people usually leave HR systems and
/// spreadsheets. The first record is a header naming the columns, in any order:
///
///     id,name,skills,home_site,deployable_sites,contract,unavailable
///     A,"Smith, Ann",medic;driver,north,south;east,full-time,2027-03-01;2027-03-10..2027-03-14
///
/// `id`, `home_site` and `contract` are required; `name` defaults to the ID. `skills`,
/// `deployable_sites` and `unavailable` are lists separated by `;`; `unavailable` holds dates
/// `YYYY-MM-DD` and inclusive ranges `YYYY-MM-DD..YYYY-MM-DD`. Whether the skills, sites and contract
/// exist is checked when the whole problem is compiled, not here.
///
/// Spaces and tabs around an unquoted field and around each list item are ignored, as hand-edited
/// files have them; a quoted field is kept exactly (RFC 4180 §2.4 counts spaces as part of a field).
public enum StaffCSV {
    /// The columns in the order the writer puts them.
    public static let columnNames = Column.allCases.map(\.rawValue)

    /// The staff in file order. Blank lines are skipped; the first error found, in file order, is thrown.
    public static func read(_ text: String, fileName: String) throws(FormatError) -> [StaffMember] {
        let records = try csvRecords(text, file: fileName)
        guard let header = records.first else {
            throw FormatError(file: fileName, line: nil,
                              message: "the file is empty; expected a header row naming the columns (\(knownColumns))")
        }
        let layout = try Layout(header: header, file: fileName)
        var staff: [StaffMember] = []
        var lineOfID: [String: Int] = [:]
        for record in records.dropFirst() {
            let member = try layout.staffMember(record, file: fileName)
            if let first = lineOfID[member.id] {
                throw FormatError(file: fileName, line: record.line,
                                  message: "expected each staff ID once, found \"\(member.id)\" again (first on line \(first))")
            }
            lineOfID[member.id] = record.line
            staff.append(member)
        }
        return staff
    }

    /// All seven columns, a header and one record per staff member, each ending in CRLF (RFC 4180 §2.1).
    /// Fields are quoted when they hold a comma, a quote or a line break, or begin or end with a space or
    /// tab, so that they read back unchanged. Throws, naming the line the member's record would start on
    /// in `fileName`, when a list item could not be read back as written: one that is empty, holds `;`
    /// or begins or ends with a space or tab. Requests, pins and history have no columns and are not written.
    public static func write(_ staff: [StaffMember], fileName: String) throws(FormatError) -> String {
        var out = columnNames.joined(separator: ",") + "\r\n"
        var line = 2
        for member in staff {
            func list(_ items: [String], _ column: Column) throws(FormatError) -> String {
                for item in items where item.isEmpty || item.contains(";") || hasEdgeBlank(item) {
                    throw FormatError(
                        file: fileName, line: line,
                        message: "cannot write \(column.rawValue) item \"\(item)\" of staff \"\(member.id)\": "
                            + "list items must be non-empty, without \";\" and without leading or trailing spaces")
                }
                return items.joined(separator: ";")
            }
            let unavailable = member.unavailable.map { $0.from == $0.to ? "\($0.from)" : "\($0.from)..\($0.to)" }
            let fields = [
                member.id, member.name, try list(member.skills, .skills), member.homeSite,
                try list(member.deployableSites, .deployableSites), member.contract,
                unavailable.joined(separator: ";"),
            ]
            let record = fields.map(CSVField.written).joined(separator: ",")
            out += record + "\r\n"
            line += 1 + lineBreaks(in: record)
        }
        return out
    }

    enum Column: String, CaseIterable {
        case id, name, skills
        case homeSite = "home_site"
        case deployableSites = "deployable_sites"
        case contract, unavailable
    }

    static let knownColumns = "known columns: " + columnNames.joined(separator: ", ")

    /// Where each column sits in a record, from the header.
    struct Layout {
        let fieldCount: Int
        let id: Int, homeSite: Int, contract: Int
        let name: Int?, skills: Int?, deployableSites: Int?, unavailable: Int?

        init(header: CSVRecord, file: String) throws(FormatError) {
            func fail(_ message: String) -> FormatError { FormatError(file: file, line: header.line, message: message) }
            var position: [Column: Int] = [:]
            for (index, name) in header.fields.enumerated() {
                guard let column = Column(rawValue: name) else {
                    throw fail("unknown column \"\(name)\" (column \(index + 1)) in the header; \(knownColumns)")
                }
                if let first = position[column] {
                    throw fail("column \"\(name)\" appears twice in the header (columns \(first + 1) and \(index + 1))")
                }
                position[column] = index
            }
            guard let id = position[.id], let homeSite = position[.homeSite], let contract = position[.contract] else {
                let missing = [Column.id, .homeSite, .contract].filter { position[$0] == nil }.map(\.rawValue)
                throw fail("the header lacks the required column\(missing.count == 1 ? "" : "s") "
                    + "\(missing.joined(separator: ", ")); id, home_site and contract are required")
            }
            fieldCount = header.fields.count
            self.id = id
            self.homeSite = homeSite
            self.contract = contract
            name = position[.name]
            skills = position[.skills]
            deployableSites = position[.deployableSites]
            unavailable = position[.unavailable]
        }

        func staffMember(_ record: CSVRecord, file: String) throws(FormatError) -> StaffMember {
            func fail(_ message: String) -> FormatError { FormatError(file: file, line: record.line, message: message) }
            guard record.fields.count == fieldCount else {
                throw fail("expected \(fieldCount) fields, one per column of the header, found \(record.fields.count)")
            }
            func required(_ index: Int, _ column: Column, _ what: String) throws(FormatError) -> String {
                let value = record.fields[index]
                if value.isEmpty { throw fail("expected \(what) in column \(column.rawValue), found an empty field") }
                return value
            }
            func list(_ index: Int?) -> [String] {
                guard let index else { return [] }
                return listItems(record.fields[index])
            }
            let id = try required(self.id, .id, "a staff ID")
            let nameField = name.map { record.fields[$0] } ?? ""
            var dates: [DateRange] = []
            for item in list(unavailable) {
                guard let range = dateRange(item) else {
                    throw fail("expected a date YYYY-MM-DD or a range YYYY-MM-DD..YYYY-MM-DD in column unavailable "
                        + "of staff \"\(id)\", found \"\(item)\"")
                }
                guard range.from <= range.to else {
                    throw fail("the range \"\(item)\" in column unavailable of staff \"\(id)\" ends before it starts")
                }
                dates.append(range)
            }
            return StaffMember(
                id: id, name: nameField.isEmpty ? nil : nameField, skills: list(skills),
                homeSite: try required(homeSite, .homeSite, "the ID of the home site of staff \"\(id)\""),
                deployableSites: list(deployableSites),
                contract: try required(contract, .contract, "the contract ID of staff \"\(id)\""),
                unavailable: dates)
        }
    }

    /// Items separated by `;`, each without surrounding spaces and tabs; empty items (`a;;b`, a
    /// trailing `;`) are dropped.
    static func listItems(_ field: String) -> [String] {
        field.split(separator: ";").map { trimmedBlanks(Substring($0)) }.filter { !$0.isEmpty }
    }

    /// `YYYY-MM-DD` as a one-day range, or `YYYY-MM-DD..YYYY-MM-DD`; nil for anything else.
    static func dateRange(_ item: String) -> DateRange? {
        let ends = item.split(separator: "..", omittingEmptySubsequences: false)
        switch ends.count {
        case 1:
            return LocalDate(item).map { DateRange($0) }
        case 2:
            guard let from = LocalDate(trimmedBlanks(ends[0])), let to = LocalDate(trimmedBlanks(ends[1])) else { return nil }
            return DateRange(from: from, to: to)
        default:
            return nil
        }
    }

    /// CRLF, LF and a lone CR each count once, as the reader counts them.
    static func lineBreaks(in text: String) -> Int {
        var count = 0
        var previousWasCarriageReturn = false
        for scalar in text.unicodeScalars {
            if scalar == "\r" || (scalar == "\n" && !previousWasCarriageReturn) { count += 1 }
            previousWasCarriageReturn = scalar == "\r"
        }
        return count
    }
}

private extension String {
    func replacingQuotesWithDoubledQuotes() -> String {
        var out = String.UnicodeScalarView()
        for scalar in unicodeScalars {
            if scalar == "\"" { out.append(scalar) }
            out.append(scalar)
        }
        return String(out)
    }
}

private func isBlank(_ scalar: Unicode.Scalar) -> Bool { scalar == " " || scalar == "\t" }

/// Whether a text begins or ends with a space or tab, which an unquoted CSV field would lose.
private func hasEdgeBlank(_ text: String) -> Bool {
    guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last else { return false }
    return isBlank(first) || isBlank(last)
}

private func trimmedBlanks(_ text: Substring) -> String {
    var scalars = text.unicodeScalars[...]
    while let first = scalars.first, isBlank(first) { scalars.removeFirst() }
    while let last = scalars.last, isBlank(last) { scalars.removeLast() }
    return String(String.UnicodeScalarView(scalars))
}

// MARK: - RFC 4180 fields and records

/// One field of every CSV Rotor writes and reads (roster, staff list, site grids).
enum CSVField {
    /// A field as written to every CSV Rotor produces: a value a spreadsheet would run as a formula
    /// (beginning with `=`, `+`, `-`, `@`, a tab or a carriage return) gets a leading `'`, as OWASP's
    /// advice on CSV injection has it, and so does one already beginning with `'` before such a
    /// character or another `'`, so that `read` restores every value exactly; then the field is
    /// quoted when it holds a comma, a quote or a line break or begins or ends with a blank (RFC 4180).
    static func written(_ field: String) -> String {
        var field = field
        let scalars = Array(field.unicodeScalars.prefix(2))
        if let first = scalars.first,
           formulaStarts.contains(first) || (first == "'" && scalars.count > 1 && (formulaStarts.contains(scalars[1]) || scalars[1] == "'")) {
            field = "'" + field
        }
        let needsQuotes = field.unicodeScalars.contains { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" }
            || hasEdgeBlank(field)
        guard needsQuotes else { return field }
        return "\"" + field.replacingQuotesWithDoubledQuotes() + "\""
    }

    /// A field as read back: the `'` that `written` put before a formula character (or a `'`) removed.
    static func read(_ field: String) -> String {
        let scalars = Array(field.unicodeScalars.prefix(2))
        guard scalars.count == 2, scalars[0] == "'", formulaStarts.contains(scalars[1]) || scalars[1] == "'" else { return field }
        return String(field.unicodeScalars.dropFirst())
    }

    private static let formulaStarts: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r"]
}

/// One CSV record: its fields, and the line it starts on (a quoted field may span lines).
struct CSVRecord {
    let line: Int
    let fields: [String]
}

/// Splits CSV text into records (RFC 4180 §2). Accepts CRLF, LF or a lone CR between records, a
/// missing final line break and a leading byte-order mark; skips blank lines. A field is either
/// unquoted, with spaces and tabs around it removed, or enclosed in double quotes, inside which commas
/// and line breaks are data and `""` stands for one quote (§2.5–2.7); spaces and tabs may surround the
/// quotes. A leading `'` that `CSVField.written` put before a formula character is removed.
/// Works on UTF-8 bytes: every delimiter is ASCII and no byte of a multi-byte sequence is.
func csvRecords(_ text: String, file: String) throws(FormatError) -> [CSVRecord] {
    let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n")
    let space = UInt8(ascii: " "), tab = UInt8(ascii: "\t")
    var bytes = Array(text.utf8)[...]
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
    var i = bytes.startIndex
    let end = bytes.endIndex
    var line = 1
    var records: [CSVRecord] = []

    func skipBlanks() { while i < end, bytes[i] == space || bytes[i] == tab { i += 1 } }
    func isEndOfField(_ byte: UInt8) -> Bool { byte == comma || byte == cr || byte == lf }

    while i < end {
        let recordLine = line
        var fields: [String] = []
        var anyQuoted = false
        while true {
            skipBlanks()
            if i < end, bytes[i] == quote {
                anyQuoted = true
                let openingLine = line
                var value: [UInt8] = []
                i += 1
                while true {
                    guard i < end else {
                        throw FormatError(file: file, line: openingLine, message:
                            "expected a closing double quote for the quoted field \(fields.count + 1) opened on this line, "
                            + "found the end of the file")
                    }
                    let byte = bytes[i]
                    if byte == quote {
                        if i + 1 < end, bytes[i + 1] == quote {
                            value.append(quote)
                            i += 2
                            continue
                        }
                        i += 1
                        break
                    }
                    if byte == lf || (byte == cr && !(i + 1 < end && bytes[i + 1] == lf)) { line += 1 }
                    value.append(byte)
                    i += 1
                }
                skipBlanks()
                if i < end, !isEndOfField(bytes[i]) {
                    throw FormatError(file: file, line: line, message:
                        "expected a comma or the end of the line after the closing quote of field \(fields.count + 1); "
                        + "a quote inside a quoted field is written twice (\"\")")
                }
                fields.append(CSVField.read(String(decoding: value, as: UTF8.self)))
            } else {
                let start = i
                while i < end, !isEndOfField(bytes[i]) {
                    if bytes[i] == quote {
                        throw FormatError(file: file, line: line, message:
                            "found a double quote inside the unquoted field \(fields.count + 1); a field holding quotes "
                            + "must be enclosed in quotes, with each quote inside written twice (\"\")")
                    }
                    i += 1
                }
                var last = i
                while last > start, bytes[last - 1] == space || bytes[last - 1] == tab { last -= 1 }
                fields.append(CSVField.read(String(decoding: bytes[start..<last], as: UTF8.self)))
            }
            guard i < end, bytes[i] == comma else { break }
            i += 1
        }
        if i < end {
            i += bytes[i] == cr && i + 1 < end && bytes[i + 1] == lf ? 2 : 1
            line += 1
        }
        let isBlankLine = fields.count == 1 && fields[0].isEmpty && !anyQuoted
        if !isBlankLine { records.append(CSVRecord(line: recordLine, fields: fields)) }
    }
    return records
}
