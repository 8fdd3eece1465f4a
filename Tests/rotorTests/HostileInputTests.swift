import Foundation
import Testing

/// The reproducers, each run as `rotor` under a memory cap (`ulimit -v`, 2 GB), so that a
/// regression fails here instead of taking the machine down: each must end with exit status 2 and
/// a located message, or solve, never crash.
@Suite("rotor on hostile input, memory capped")
struct HostileInputTests {
    /// Runs `rotor ARGS` through the shell with virtual memory capped at 2 GB.
    func cappedRotor(_ arguments: [String]) throws -> Outcome {
        let executable = productsDirectory.appendingPathComponent("rotor").path
        let quoted = ([executable] + arguments).map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }.joined(separator: " ")
        return try run(URL(fileURLWithPath: "/bin/sh"), ["-c", "ulimit -v 2000000 && exec \(quoted)"])
    }

    @Test func aYAMLAliasBombIsRefused() throws {
        var text = "a0: &a0 [x, x, x, x, x, x, x, x, x]\n"
        for level in 1...9 {
            text += "a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ", ") + "]\n"
        }
        let scratch = try Scratch()
        let file = try scratch.write("bomb.yaml", text)
        let outcome = try cappedRotor(["solve", file, "--time-limit", "1"])
        #expect(outcome.exitedNormally && outcome.status == 2, "\(outcome.status) \(outcome.stderr.prefix(300))")
        #expect(outcome.stderr.contains("bomb.yaml"))
    }

    @Test func datesFarFromTheHorizonAreClippedOrRefused() throws {
        let tutorial = try String(contentsOf: packageRoot.appendingPathComponent("examples/tutorial.yaml"), encoding: .utf8)
        let scratch = try Scratch()
        // Leave from 1900 to 2999 around the horizon: clipped to it; a request in 1900: refused with its path.
        let leave = try scratch.write("leave.yaml", tutorial.replacingOccurrences(
            of: "    name: Ben Silva\n", with: "    name: Ben Silva\n    unavailable: [{from: 1900-01-01, to: 2999-12-31}]\n"))
        let solved = try cappedRotor(["solve", leave, "--time-limit", "1", "--quiet"])
        #expect(solved.exitedNormally && (solved.status == 0 || solved.status == 1), "\(solved.status) \(solved.stderr.prefix(300))")
        let early = try scratch.write("early.yaml", tutorial.replacingOccurrences(
            of: "    name: Ben Silva\n", with: "    name: Ben Silva\n    unavailable: [{from: 1900-01-01, to: 1900-01-02}]\n"))
        let before = try cappedRotor(["solve", early, "--time-limit", "1", "--quiet"])
        #expect(before.exitedNormally && before.status != 134 && before.status != 137, "\(before.status) \(before.stderr.prefix(300))")
    }
}
