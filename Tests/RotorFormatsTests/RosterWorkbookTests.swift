import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
@testable import RotorFormats
import RotorCore
import Testing
import ZIPFoundation

/// The tutorial problem of the package's `examples/` (two sites, two shifts, skills).
func tutorialProblem() throws -> CompiledProblem {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("examples/tutorial.yaml")
    return try CompiledProblem(ProblemFile.parse(String(contentsOf: url, encoding: .utf8), fileName: "tutorial.yaml"))
}

/// A roster of the tutorial with every cell drawn at random from the person's posts or off.
func randomTutorialRoster(_ p: CompiledProblem, seed: UInt64) -> Schedule {
    var random = RandomSource(seed: seed)
    var s = Schedule(staffCount: p.staffCount, days: p.days)
    for e in 0..<p.staffCount {
        for d in 0..<p.days {
            let first = Int(p.allowedStart[e]), count = Int(p.allowedStart[e + 1]) - first
            let r = random.below(count + 1)
            s[staff: e, day: d] = r == count ? 0 : p.allowedValues[first + r]
        }
    }
    return s
}

/// The cells of a worksheet's XML: reference → text or number as written.
final class SheetReader: NSObject, XMLParserDelegate {
    var cells: [String: String] = [:]
    var reference: String?, text = ""
    var frozen = false

    static func read(_ data: Data) throws -> SheetReader {
        let reader = SheetReader()
        let parser = XMLParser(data: data)
        parser.delegate = reader
        guard parser.parse() else { throw parser.parserError ?? CocoaError(.fileReadCorruptFile) }
        return reader
    }

    func parser(_ parser: XMLParser, didStartElement element: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        if element == "c" { reference = attributes["r"]; text = "" }
        if element == "pane" && attributes["state"] == "frozen" { frozen = true }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { if reference != nil { text += string } }

    func parser(_ parser: XMLParser, didEndElement element: String, namespaceURI: String?, qualifiedName: String?) {
        if element == "c", let reference { cells[reference] = text; self.reference = nil }
    }
}

@Suite("Roster workbook and printable page")
struct RosterWorkbookTests {
    static func entries(_ data: Data) throws -> [String: Data] {
        let archive = try Archive(data: data, accessMode: .read)
        var entries: [String: Data] = [:]
        for entry in archive {
            var bytes = Data()
            _ = try archive.extract(entry) { bytes.append($0) }
            entries[entry.path] = bytes
        }
        return entries
    }

    /// Every part a reader needs is there and well-formed, and each site's sheet holds exactly the
    /// shifts worked at that site, in the right cells.
    @Test(arguments: 0..<4)
    func sheetsHoldTheRoster(seed: Int) throws {
        let p = try tutorialProblem()
        let schedule = randomTutorialRoster(p, seed: UInt64(seed))
        let evaluation = Evaluation(p, schedule)
        let entries = try Self.entries(try RosterWorkbook.data(schedule, problem: p, evaluation: evaluation))
        for part in ["[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml"] {
            let bytes = try #require(entries[part], "\(part) is missing")
            #expect(XMLParser(data: bytes).parse(), "\(part) is not well-formed XML")
        }
        let summary = try SheetReader.read(try #require(entries["xl/worksheets/sheet1.xml"]))
        #expect(summary.cells["A1"] == p.problem.name && summary.frozen)
        for e in 0..<p.staffCount {
            let row = 4 + e
            let shifts = (0..<p.days).filter { schedule[staff: e, day: $0] != 0 }.count
            #expect(summary.cells["A\(row)"] == p.staffName(e) && summary.cells["E\(row)"] == "\(shifts)")
        }
        for (x, site) in p.problem.sites.enumerated() {
            let sheet = try SheetReader.read(try #require(entries["xl/worksheets/sheet\(x + 2).xml"]))
            var rowOf: [String: Int] = [:]
            for (reference, text) in sheet.cells where reference.hasPrefix("A") && reference != "A1" { rowOf[text] = Int(reference.dropFirst()) }
            var written = 0
            for e in 0..<p.staffCount {
                for d in 0..<p.days {
                    let v = Int(schedule[staff: e, day: d])
                    guard v != 0, Int(p.valueSite[v]) == x else { continue }
                    let row = try #require(rowOf[p.problem.staff[e].name], "\(p.staffName(e)) works at \(site.id) but has no row")
                    let text = sheet.cells["\(RosterWorkbook.column(d + 1))\(row)"]
                    #expect(text?.hasPrefix(p.shiftName(Int(p.valueShift[v]))) == true, "\(site.id), \(p.staffName(e)), day \(d): \(text ?? "nothing")")
                    written += 1
                }
            }
            let shiftCells = sheet.cells.filter { key, _ in !key.hasPrefix("A") && Int(key.drop { $0.isLetter }) != 1 }.count
            #expect(shiftCells == written, "\(site.id): \(shiftCells) cells for \(written) shifts")
        }
    }

    /// A reader other than this package's own: openpyxl (Python) opens the file and finds the sheets
    /// and cells. Skipped, with a message, where openpyxl is not installed (`.ci/run` installs it).
    @Test(.enabled(if: pythonHas("openpyxl"), "openpyxl is not installed (python3 -m pip install openpyxl)"))
    func openpyxlReadsIt() throws {
        let p = try tutorialProblem()
        let schedule = randomTutorialRoster(p, seed: 9)
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("rotor-workbook-\(UUID().uuidString).xlsx")
        defer { try? FileManager.default.removeItem(at: path) }
        try RosterWorkbook.data(schedule, problem: p, evaluation: Evaluation(p, schedule)).write(to: path)
        let script = """
            import json, sys, warnings
            warnings.simplefilter("error")
            import openpyxl
            wb = openpyxl.load_workbook(sys.argv[1])
            print(json.dumps({"sheets": wb.sheetnames, "a1": wb["Summary"]["A1"].value,
                              "staff": [wb["Summary"].cell(row=4 + i, column=1).value for i in range(\(p.staffCount))],
                              "b2": wb[wb.sheetnames[1]]["B1"].value}))
            """
        let output = try runPython(script, arguments: [path.path])
        let result = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
        #expect(result["sheets"] as? [String] == ["Summary"] + p.problem.sites.map(\.name))
        #expect(result["a1"] as? String == p.problem.name)
        #expect(result["staff"] as? [String] == p.problem.staff.map(\.id))
        #expect((result["b2"] as? String)?.hasSuffix(p.date(0).description) == true)
    }

    @Test func printablePageHasASectionPerSiteAndALegend() throws {
        let p = try tutorialProblem()
        let schedule = randomTutorialRoster(p, seed: 4)
        let html = RosterPrint.html(schedule, problem: p, evaluation: Evaluation(p, schedule))
        #expect(html.hasPrefix("<!doctype html>") && html.hasSuffix("</html>\n"))
        #expect(html.components(separatedBy: "<section class=\"site\">").count - 1 == p.problem.sites.count)
        for site in p.problem.sites { #expect(html.contains("<h1>\(site.name) · \(p.problem.name)</h1>")) }
        for shift in p.problem.shiftTypes { #expect(html.contains("\(shift.name) ")) }
        #expect(html.contains("day 07:00–19:00") && html.contains("night 19:00–07:00"))
        let worked = (0..<p.staffCount).reduce(0) { n, e in n + (0..<p.days).filter { schedule[staff: e, day: $0] != 0 }.count }
        let coloured = html.components(separatedBy: "<td class=\"s").dropFirst().filter { $0.first?.isNumber == true }.count
        #expect(coloured == worked, "one coloured cell per shift worked")
        #expect(!html.contains("http://") && !html.contains("https://"), "nothing is loaded from elsewhere")
    }

    @Test func namesAndEscapes() {
        #expect(RosterWorkbook.column(0) == "A" && RosterWorkbook.column(25) == "Z" && RosterWorkbook.column(26) == "AA"
                && RosterWorkbook.column(701) == "ZZ" && RosterWorkbook.column(702) == "AAA")
        var taken = Set(["summary"])
        #expect(RosterWorkbook.sheetName("Summary", taken: &taken) == "Summary (2)")
        #expect(RosterWorkbook.sheetName("A/B: [main]?", taken: &taken) == "A-B- -main--")
        #expect(RosterWorkbook.sheetName(String(repeating: "x", count: 40), taken: &taken).count == 31)
        #expect(RosterWorkbook.sheetName(String(repeating: "x", count: 40), taken: &taken) == String(repeating: "x", count: 27) + " (2)")
        #expect(RosterWorkbook.escaped("a<b & \"c\"\u{1}\u{FFFE}") == "a&lt;b &amp; &quot;c&quot;")
    }
}

/// Whether `python3` can import `module`.
func pythonHas(_ module: String) -> Bool {
    (try? runPython("import \(module)", arguments: [])) != nil
}

/// Runs a Python script with `python3`; its standard output, or an error when it fails.
func runPython(_ script: String, arguments: [String]) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", "-c", script] + arguments
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let output = out.fileHandleForReading.readDataToEndOfFile()
    let errors = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
        throw CocoaError(.executableLoad, userInfo: [NSLocalizedDescriptionKey: String(decoding: errors, as: UTF8.self)])
    }
    return String(decoding: output, as: UTF8.self)
}
