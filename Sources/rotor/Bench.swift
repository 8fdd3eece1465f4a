import ArgumentParser
import Foundation
import RotorCore
import RotorFormats
import Synchronization

struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Solve benchmark instances and print a Markdown table of the results.",
        discussion: """
            Without instances, runs every Instance*.txt in ../shared/benchmarks/curtois. Best-known values \
            and CP-SAT's 60-second results are read from best-known.tsv and cpsat-60s.tsv beside the instances.
            """)

    @Argument(help: "Problem files: benchmark instances (Curtois & Qu format) or problem documents (JSON, YAML).")
    var instances: [String] = []

    @OptionGroup var solver: SolverArguments

    @Option(help: "Write each best roster as CSV into this directory.")
    var outDir: String?

    func run() throws {
        let paths = try reportingInputErrors { try instances.isEmpty ? Self.defaultInstances() : instances }
        if let outDir {
            // Made before the first solve, so that a directory that cannot be made costs no solving time.
            try reportingInputErrors {
                do {
                    try FileManager.default.createDirectory(atPath: outDir, withIntermediateDirectories: true)
                } catch {
                    throw InputError(description: "\(outDir): cannot be made a directory for rosters (\(error.localizedDescription))")
                }
            }
        }
        let directory = URL(fileURLWithPath: paths[0]).deletingLastPathComponent().path
        let bestKnown = Self.readTSV(directory + "/best-known.tsv")
        let cpsat = Self.readTSV(directory + "/cpsat-60s.tsv")
        emitLine("| instance | staff | days | best known | CP-SAT 60 s | Rotor | gap % | bound | proved gap % | stopped after (s) | feasible after (s) | time to best (s) | moves/s per thread | peak memory (MB) |")
        emitLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
        for path in paths {
            let loaded = try reportingInputErrors { try LoadedProblem(path: path) }
            let firstFeasible = Mutex<Duration?>(nil)
            let result = try Solver(problem: loaded.compiled, options: solver.options).solve { status in
                if status.best.isFeasible { firstFeasible.withLock { $0 = $0 ?? status.elapsed } }
            }
            let evaluation = Evaluation(loaded.compiled, result.schedule)
            let key = loaded.problem.name.replacingOccurrences(of: "Instance", with: "")
            let known = bestKnown[key].flatMap { Int($0) }
            let gap = known.map { known -> String in
                guard evaluation.score.isFeasible else { return "infeasible" }
                return String(format: "%.2f", 100 * Double(evaluation.score.soft - known) / Double(max(known, 1)))
            } ?? "-"
            let objective = evaluation.score.isFeasible ? "\(evaluation.score.soft)" : "infeasible (hard \(evaluation.score.hard))"
            let perThread = result.status.movesPerSecond / Double(solver.threads)
            let bound = result.status.bound.map { "\($0.value)\($0.relaxed.isEmpty ? "" : " (relaxed)")" } ?? "-"
            // Both judged on the re-scored roster, which is what the table reports.
            let provedGap = result.status.bound?.proves(evaluation.score) == true ? "0 (optimal)"
                : result.status.bound?.gap(evaluation.score).map { String(format: "%.2f", 100 * $0) } ?? "-"
            let feasibleAfter = evaluation.score.isFeasible
                ? String(format: "%.1f", (firstFeasible.withLock { $0 } ?? result.status.timeToBest).seconds) : "-"
            emitLine("| \(loaded.problem.name) | \(loaded.compiled.staffCount) | \(loaded.compiled.days) | \(known.map(String.init) ?? "-") | \(cpsat[key] ?? "-") | \(objective) | \(gap) | \(bound) | \(provedGap) | \(String(format: "%.1f", result.status.elapsed.seconds)) | \(feasibleAfter) | \(String(format: "%.1f", result.status.timeToBest.seconds)) | \(formatRate(perThread)) | \(peakMemoryMegabytes()) |")
            if let outDir {
                try reportingInputErrors {
                    try writeFile(RosterCSV.write(result.schedule, problem: loaded.compiled),
                                  to: outDir + "/" + loaded.problem.name + ".csv")
                }
            }
        }
    }

    /// The process's peak resident memory so far (getrusage), in megabytes: with one instance per run,
    /// that instance's peak.
    func peakMemoryMegabytes() -> Int {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return usage.ru_maxrss / 1024
    }

    /// Writes a line straight to standard output, so each row shows as soon as its instance is done
    /// even when the output goes to a file.
    func emitLine(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }

    static func defaultInstances() throws -> [String] {
        let directory = "../shared/benchmarks/curtois"
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else {
            throw InputError(description: "\(directory): not found; name the instance files to run")
        }
        return names.filter { $0.hasPrefix("Instance") && $0.hasSuffix(".txt") }
            .sorted { Int($0.dropFirst(8).dropLast(4)) ?? 0 < Int($1.dropFirst(8).dropLast(4)) ?? 0 }
            .map { directory + "/" + $0 }
    }

    /// First column → second column of a tab-separated file with a header row; empty when absent.
    static func readTSV(_ path: String) -> [String: String] {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return [:] }
        var table: [String: String] = [:]
        for line in text.split(whereSeparator: \.isNewline).dropFirst() {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            if fields.count >= 2 { table[String(fields[0])] = String(fields[1]) }
        }
        return table
    }
}
