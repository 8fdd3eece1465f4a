import Foundation
import RotorCore
import ZIPFoundation

/// A roster as an Excel workbook (Office Open XML SpreadsheetML, ECMA-376 Part 1), the file planners
/// open in Excel, LibreOffice or Google Sheets: a summary sheet (per staff member: contract, home site,
/// shifts, hours, nights, weekends worked, soft penalty; then the score by rule), then one sheet per
/// site (staff who work there × dates, each cell the shift and skill worked there, filled with the
/// shift's colour, the first row and column frozen). No package for Swift on Linux writes XLSX, so the
/// parts are written here, as few as a reader needs (inline strings, one style sheet), and put in the
/// zip container with ZIPFoundation.
package enum RosterWorkbook {
    /// The workbook's bytes.
    package static func data(_ schedule: Schedule, problem p: CompiledProblem, evaluation: Evaluation) throws -> Data {
        var sheets: [(name: String, xml: String)] = [("Summary", summary(schedule, p, evaluation))]
        var used = Set(["summary"])
        for x in p.problem.sites.indices {
            let site = p.problem.sites[x]
            sheets.append((sheetName(site.name, taken: &used), siteSheet(schedule, p, site: x)))
        }
        let archive = try Archive(data: Data(), accessMode: .create)
        func add(_ path: String, _ text: String) throws {
            let bytes = Data(text.utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(bytes.count), compressionMethod: .deflate) { position, size in
                bytes.subdata(in: Int(position)..<(Int(position) + size))
            }
        }
        let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
        let relations = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
        let package = "http://schemas.openxmlformats.org/package/2006/relationships"
        try add("[Content_Types].xml", header + """
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
            <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
            <Default Extension="xml" ContentType="application/xml"/>\
            <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
            <Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>\
            \(sheets.indices.map { "<Override PartName=\"/xl/worksheets/sheet\($0 + 1).xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>" }.joined())\
            </Types>
            """)
        try add("_rels/.rels", header + """
            <Relationships xmlns="\(package)">\
            <Relationship Id="rId1" Type="\(relations)/officeDocument" Target="xl/workbook.xml"/></Relationships>
            """)
        try add("xl/workbook.xml", header + """
            <workbook xmlns="\(main)" xmlns:r="\(relations)"><sheets>\
            \(sheets.enumerated().map { "<sheet name=\"\(escaped($1.name))\" sheetId=\"\($0 + 1)\" r:id=\"rId\($0 + 1)\"/>" }.joined())\
            </sheets></workbook>
            """)
        try add("xl/_rels/workbook.xml.rels", header + """
            <Relationships xmlns="\(package)">\
            \(sheets.indices.map { "<Relationship Id=\"rId\($0 + 1)\" Type=\"\(relations)/worksheet\" Target=\"worksheets/sheet\($0 + 1).xml\"/>" }.joined())\
            <Relationship Id="rId\(sheets.count + 1)" Type="\(relations)/styles" Target="styles.xml"/></Relationships>
            """)
        try add("xl/styles.xml", styles(p))
        for (i, sheet) in sheets.enumerated() { try add("xl/worksheets/sheet\(i + 1).xml", sheet.xml) }
        guard let data = archive.data else { throw CocoaError(.fileWriteUnknown) }
        return data
    }

    static let header = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"

    /// Fill colours of the shift types, in the order of the problem's shifts (the page's palette).
    static let palette = ["FFF4D6", "DCE6FF", "E3F5E1", "FBE0E6", "EDE3FB", "DDF3F5", "FCE8D5", "ECECEC"]

    /// Styles: 0 plain, 1 bold (headings), then one fill per shift type (2 + its index mod the palette).
    static func styles(_ p: CompiledProblem) -> String {
        let fills = palette.map { "<fill><patternFill patternType=\"solid\"><fgColor rgb=\"FF\($0)\"/><bgColor indexed=\"64\"/></patternFill></fill>" }
        let shiftStyles = palette.indices.map { "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"\($0 + 2)\" borderId=\"0\" applyFill=\"1\"/>" }
        return header + """
            <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
            <fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>\
            <fills count="\(fills.count + 2)"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>\(fills.joined())</fills>\
            <borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>\
            <cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>\
            <cellXfs count="\(shiftStyles.count + 2)"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>\
            <xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>\(shiftStyles.joined())</cellXfs>\
            <cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>\
            </styleSheet>
            """
    }

    /// A cell: text (an inline string) or a whole number, with a style.
    enum Cell {
        case text(String, style: Int = 0)
        case number(Int, style: Int = 0)
        case decimal(Double)
        case empty
    }

    /// A worksheet of `rows`, the first `frozenRows` rows and `frozenColumns` columns frozen.
    static func sheet(_ rows: [[Cell]], frozenRows: Int, frozenColumns: Int, widths: [Double]) -> String {
        var out = header + #"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">"#
        if frozenRows > 0 || frozenColumns > 0 {
            let corner = column(frozenColumns) + "\(frozenRows + 1)"
            out += "<sheetViews><sheetView workbookViewId=\"0\"><pane\(frozenColumns > 0 ? " xSplit=\"\(frozenColumns)\"" : "")"
                + "\(frozenRows > 0 ? " ySplit=\"\(frozenRows)\"" : "") topLeftCell=\"\(corner)\" activePane=\"bottomRight\" state=\"frozen\"/></sheetView></sheetViews>"
        }
        if !widths.isEmpty {
            out += "<cols>" + widths.enumerated().map { "<col min=\"\($0 + 1)\" max=\"\($0 + 1)\" width=\"\($1)\" customWidth=\"1\"/>" }.joined() + "</cols>"
        }
        out += "<sheetData>"
        for (r, row) in rows.enumerated() {
            out += "<row r=\"\(r + 1)\">"
            for (c, cell) in row.enumerated() {
                let ref = column(c) + "\(r + 1)"
                switch cell {
                case .text(let text, let style):
                    out += "<c r=\"\(ref)\" t=\"inlineStr\"\(style > 0 ? " s=\"\(style)\"" : "")><is><t xml:space=\"preserve\">\(escaped(text))</t></is></c>"
                case .number(let value, let style):
                    out += "<c r=\"\(ref)\"\(style > 0 ? " s=\"\(style)\"" : "")><v>\(value)</v></c>"
                case .decimal(let value):
                    out += "<c r=\"\(ref)\"><v>\(value)</v></c>"
                case .empty:
                    break
                }
            }
            out += "</row>"
        }
        return out + "</sheetData></worksheet>"
    }

    /// The summary: per staff member their totals and soft penalty, then the soft penalty by rule.
    static func summary(_ s: Schedule, _ p: CompiledProblem, _ evaluation: Evaluation) -> String {
        let bold = 1
        var rows: [[Cell]] = [[.text(p.problem.name, style: bold),
                               .text("\(p.date(0)) to \(p.date(p.days - 1)); objective \(evaluation.score.soft)"
                                     + (evaluation.score.isFeasible ? ", feasible" : ", hard penalty \(evaluation.score.hard)"))],
                              [],
                              ["Staff", "Name", "Contract", "Home site", "Shifts", "Hours", "Nights", "Weekends worked", "Soft penalty"].map { .text($0, style: bold) }]
        let bySoft = evaluation.softByStaff(staffCount: p.staffCount)
        for e in 0..<p.staffCount {
            let member = p.problem.staff[e]
            var shifts = 0, minutes = 0, nights = 0
            for d in 0..<p.days {
                let v = Int(s[staff: e, day: d])
                guard v != 0 else { continue }
                shifts += 1
                minutes += Int(p.cellMinutes[d * p.valueCount + v])
                if p.valueIsNight[v] != 0 { nights += 1 }
            }
            rows.append([.text(member.id), .text(member.name), .text(member.contract), .text(member.homeSite),
                         .number(shifts), .decimal(Double(minutes) / 60), .number(nights), .number(p.weekendsWorked(s, e)), .number(bySoft[e])])
        }
        rows.append([])
        rows.append([.text("Rule", style: bold), .text("Soft penalty", style: bold)])
        for (rule, penalty) in evaluation.softByRule { rows.append([.text(rule.rawValue), .number(penalty)]) }
        if !evaluation.score.isFeasible {
            rows.append([.text("Hard rule", style: bold), .text("Hard penalty", style: bold)])
            for (rule, penalty) in evaluation.byRule(hard: true) { rows.append([.text(rule.rawValue), .number(penalty)]) }
        }
        return sheet(rows, frozenRows: 3, frozenColumns: 1, widths: [12, 22, 14, 14, 8, 10, 8, 16, 12])
    }

    /// One site: the staff who work there at least once (or whose home it is) × dates, each cell the
    /// shift (and skill) worked at this site, filled with the shift's colour.
    static func siteSheet(_ s: Schedule, _ p: CompiledProblem, site x: Int) -> String {
        let bold = 1
        var rows: [[Cell]] = [[.text("Staff", style: bold)] + (0..<p.days).map { d in
            .text("\(weekday(p, d)) \(p.date(d))", style: bold)
        }]
        let siteID = p.problem.sites[x].id
        for e in 0..<p.staffCount {
            var cells: [Cell] = [], works = false
            for d in 0..<p.days {
                let v = Int(s[staff: e, day: d])
                guard v != 0, Int(p.valueSite[v]) == x else { cells.append(.empty); continue }
                works = true
                let skill = p.valueSkill[v] >= 0 ? " " + p.problem.skills[Int(p.valueSkill[v])].id : ""
                cells.append(.text(p.shiftName(Int(p.valueShift[v])) + skill, style: 2 + Int(p.valueShift[v]) % palette.count))
            }
            guard works || p.problem.staff[e].homeSite == siteID else { continue }
            rows.append([.text(p.problem.staff[e].name)] + cells)
        }
        return sheet(rows, frozenRows: 1, frozenColumns: 1, widths: [22] + Array(repeating: 15, count: p.days))
    }

    static func weekday(_ p: CompiledProblem, _ d: Int) -> String {
        p.date(d).weekdayShortName
    }

    /// The spreadsheet column of index `c` (0: A, 25: Z, 26: AA).
    static func column(_ c: Int) -> String {
        var c = c + 1, name = ""
        while c > 0 {
            let r = (c - 1) % 26
            name = String(UnicodeScalar(UInt8(65 + r))) + name
            c = (c - 1) / 26
        }
        return name
    }

    /// A sheet name Excel accepts: at most 31 characters, none of []:*?/\, unique (case-insensitively).
    static func sheetName(_ name: String, taken: inout Set<String>) -> String {
        var base = String(name.map { "[]:*?/\\".contains($0) ? "-" : $0 }.prefix(31))
        if base.trimmingCharacters(in: .whitespaces).isEmpty { base = "Site" }
        var candidate = base, k = 2
        while taken.contains(candidate.lowercased()) {
            let suffix = " (\(k))"
            candidate = String(base.prefix(31 - suffix.count)) + suffix
            k += 1
        }
        taken.insert(candidate.lowercased())
        return candidate
    }

    /// Text for XML character data and attributes; characters XML 1.0 forbids are dropped.
    static func escaped(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || (0xFFFE...0xFFFF).contains(scalar.value) { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
