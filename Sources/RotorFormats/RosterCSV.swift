import RotorCore

/// A roster as CSV: the header `employee,0,1,…,H-1`, then one row per staff member whose first cell is the
/// staff ID and whose day cells hold the post worked, or nothing for a day off. A post is written as its
/// shift ID, followed by `@site` when the problem has several sites and `/skill` when its demand names a
/// skill (`CompiledProblem.valueName`); for a benchmark instance that is the plain shift ID.
/// Fields are RFC 4180: quoted when they hold a comma, a quote or a line break, and a value a
/// spreadsheet would run as a formula is written behind a `'` that reading removes
/// (`CSVField.written`).
public enum RosterCSV {
    /// Rows in the problem's staff order.
    public static func write(_ schedule: Schedule, problem: CompiledProblem) -> String {
        var out = (["employee"] + (0..<problem.days).map(String.init)).joined(separator: ",") + "\n"
        for e in 0..<problem.staffCount {
            let cells = (0..<problem.days).map { d -> String in
                let v = Int(schedule[staff: e, day: d])
                return v == 0 ? "" : problem.valueName(v)
            }
            out += ([problem.staffName(e)] + cells).map(CSVField.written).joined(separator: ",") + "\n"
        }
        return out
    }

    /// Accepts the rows in any order, but exactly one per staff member; blank lines and `\r\n` are tolerated.
    public static func read(_ text: String, problem compiled: CompiledProblem, fileName: String) throws(FormatError) -> Schedule {
        let problem = compiled.problem
        let days = compiled.days
        let lines = try csvRecords(text, file: fileName)
        guard let header = lines.first else {
            throw FormatError(file: fileName, line: nil, message: "the file is empty; expected the header row \(headerSketch(days))")
        }
        try checkHeader(header, days: days, file: fileName)

        let staffIndex = Dictionary(problem.staff.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        let valueIndex = Dictionary((1..<compiled.valueCount).map { (compiled.valueName($0), $0) }, uniquingKeysWith: { first, _ in first })
        var schedule = Schedule(staffCount: compiled.staffCount, days: days)
        var rowLine: [Int: Int] = [:]  // staff index → line of its row

        for line in lines.dropFirst() {
            func fail(_ message: String) -> FormatError { FormatError(file: fileName, line: line.line, message: message) }
            let cells = line.fields
            let id = cells.first ?? ""
            guard let s = staffIndex[id] else {
                throw fail("expected a staff ID from the problem in the first cell, found \"\(id)\" (staff: \(listForMessage(problem.staff.map(\.id))))")
            }
            if let first = rowLine[s] {
                throw fail("expected one row per staff member, found a second row for \(id) (first on line \(first))")
            }
            rowLine[s] = line.line
            guard cells.count == days + 1 else {
                throw fail("expected \(days + 1) cells (staff ID and \(days) days) in the row of staff \(id), found \(cells.count)")
            }
            for day in 0..<days where !cells[day + 1].isEmpty {
                let cell = cells[day + 1]
                guard let value = valueIndex[cell] else {
                    throw fail("expected a post or an empty cell for staff \(id) on day \(day) (column \(day + 2)): "
                        + compiled.unknownPostReason(cell))
                }
                schedule[staff: s, day: day] = UInt8(value)
            }
        }

        let missing = problem.staff.indices.filter { rowLine[$0] == nil }.map { problem.staff[$0].id }
        if !missing.isEmpty {
            throw FormatError(
                file: fileName, line: nil,
                message: "expected one row per staff member, found none for \(listForMessage(missing))")
        }
        return schedule
    }

    private static func headerSketch(_ days: Int) -> String {
        switch days {
        case 0: "\"employee\""
        case 1: "\"employee,0\""
        case 2: "\"employee,0,1\""
        default: "\"employee,0,1,…,\(days - 1)\""
        }
    }

    private static func checkHeader(_ header: CSVRecord, days: Int, file: String) throws(FormatError) {
        func fail(_ message: String) -> FormatError { FormatError(file: file, line: header.line, message: message) }
        let cells = header.fields
        guard cells.first == "employee" else {
            throw fail("expected the header row \(headerSketch(days)), found \"\(cells.first ?? "")\" in its first cell")
        }
        guard cells.count == days + 1 else {
            throw fail("expected the header row \(headerSketch(days)) with \(days + 1) cells, found \(cells.count)")
        }
        for day in 0..<days where cells[day + 1] != String(day) {
            throw fail("expected day \(day) in column \(day + 2) of the header row, found \"\(cells[day + 1])\"")
        }
    }
}
