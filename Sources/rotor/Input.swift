import ArgumentParser
import Foundation
import RotorCore
import RotorFormats

/// Bad input: printed as `error: <message>` and exits with status 2, never a crash.
struct InputError: Error, CustomStringConvertible {
    var description: String
}

func readText(_ path: String) throws -> String {
    guard let data = FileManager.default.contents(atPath: path) else {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            throw InputError(description: isDirectory.boolValue ? "\(path): is a directory, expected a file" : "\(path): cannot be read")
        }
        throw InputError(description: "\(path): no such file")
    }
    guard let text = String(data: data, encoding: .utf8) else {
        throw InputError(description: "\(path): is not UTF-8 text")
    }
    return text
}

/// A problem read from a file (benchmark text or problem document) and compiled for the solver.
struct LoadedProblem {
    var path: String
    var problem: Problem
    var compiled: CompiledProblem

    /// `staffCSV`: a staff list (`StaffCSV`) that replaces the problem's staff.
    init(path: String, staffCSV: String? = nil) throws {
        self.path = path
        do {
            problem = try ProblemFile.parse(try readText(path), fileName: path)
            if let staffCSV {
                problem.staff = try StaffCSV.read(try readText(staffCSV), fileName: staffCSV)
                let issues = problem.validationErrors()
                if !issues.isEmpty {
                    throw InputError(description: issues.map { "\(staffCSV) (with \(path)): \($0)" }.joined(separator: "\n"))
                }
            }
            compiled = try CompiledProblem(problem)
        } catch let error as FormatError {
            throw InputError(description: error.description)
        } catch let error as ProblemDocumentError {
            throw InputError(description: error.description)
        } catch let error as ModelError {
            throw InputError(description: "\(path): " + error.messages.joined(separator: "\n\(path): "))
        }
    }
}

/// Runs `body`; bad input is reported on standard error with exit status 2.
func reportingInputErrors<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as InputError {
        printError("error: \(error.description)")
        throw ExitCode(2)
    }
}

func printError(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}

func writeFile(_ text: String, to path: String) throws {
    try writeFile(Data(text.utf8), to: path)
}

func writeFile(_ data: Data, to path: String) throws {
    do {
        try data.write(to: URL(fileURLWithPath: path), options: .atomic)
    } catch {
        throw InputError(description: "\(path): cannot be written (\(error.localizedDescription))")
    }
}

extension Duration {
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) * 1e-18 }
}

func formatRate(_ perSecond: Double) -> String {
    if perSecond >= 1e6 { return String(format: "%.2fM", perSecond / 1e6) }
    if perSecond >= 1e3 { return String(format: "%.1fk", perSecond / 1e3) }
    return String(format: "%.0f", perSecond)
}

/// Reads a roster for a loaded problem: JSON when the file name ends in .json, CSV otherwise.
func readRoster(_ path: String, for loaded: LoadedProblem) throws -> Schedule {
    do {
        let text = try readText(path)
        return path.lowercased().hasSuffix(".json")
            ? try RosterJSON.read(text, problem: loaded.compiled, fileName: path)
            : try RosterCSV.read(text, problem: loaded.compiled, fileName: path)
    } catch let error as FormatError {
        throw InputError(description: error.description)
    }
}

/// Writes the per-site grids (`site-<id>.csv`) and per-person calendars (`<staff>.ics`) of a roster.
/// The views of a roster `solve` hands out beside it: per-site CSV grids, per-person calendars, an
/// Excel workbook and a printable page.
struct Exports {
    var siteGrids: String?, calendars: String?, workbook: String?, printable: String?
}

func writeExports(_ schedule: Schedule, _ loaded: LoadedProblem, _ exports: Exports, evaluation: Evaluation) throws {
    try writeExports(schedule, loaded, siteGrids: exports.siteGrids, calendars: exports.calendars)
    if let workbook = exports.workbook {
        let data: Data
        do {
            data = try RosterWorkbook.data(schedule, problem: loaded.compiled, evaluation: evaluation)
        } catch {
            throw InputError(description: "\(workbook): the workbook could not be built (\(error))")
        }
        try writeFile(data, to: workbook)
    }
    if let printable = exports.printable {
        try writeFile(RosterPrint.html(schedule, problem: loaded.compiled, evaluation: evaluation), to: printable)
    }
}

func writeExports(_ schedule: Schedule, _ loaded: LoadedProblem, siteGrids: String?, calendars: String?) throws {
    let p = loaded.compiled
    if let siteGrids {
        try makeDirectory(siteGrids)
        for x in 0..<p.siteCount {
            try writeFile(RosterExports.siteGrid(schedule, problem: p, site: x), to: siteGrids + "/site-\(safeFileName(p.problem.sites[x].id)).csv")
        }
    }
    if let calendars {
        try makeDirectory(calendars)
        let stamp = Int(Date().timeIntervalSince1970)
        for e in 0..<p.staffCount {
            let events = RosterExports.calendarEvents(schedule, problem: p, staff: e)
            try writeFile(ICalendar.write(name: "\(p.problem.staff[e].name) — \(p.problem.name)", events: events, stamp: stamp),
                          to: calendars + "/\(safeFileName(p.staffName(e))).ics")
        }
    }
}

func makeDirectory(_ path: String) throws {
    do {
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    } catch {
        throw InputError(description: "\(path): cannot create the directory (\(error.localizedDescription))")
    }
}

/// An identifier made safe as a file name: anything but letters, digits, `-`, `_` and `.` becomes `_`.
func safeFileName(_ id: String) -> String {
    String(id.map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == "." ? $0 : "_" }).replacingOccurrences(of: "..", with: "__")
}
