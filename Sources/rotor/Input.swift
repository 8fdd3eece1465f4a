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

/// A problem read from a file and compiled for the solver.
struct LoadedProblem {
    var path: String
    var problem: Problem
    var compiled: CompiledProblem

    init(path: String) throws {
        self.path = path
        do {
            problem = try CurtoisFormat.parse(try readText(path), fileName: path).problem
            compiled = try CompiledProblem(problem)
        } catch let error as FormatError {
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
    do {
        try text.write(toFile: path, atomically: true, encoding: .utf8)
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
