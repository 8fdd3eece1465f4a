import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing

/// `rotor serve` as a child process on a loopback port: it serves, refuses a second server on its
/// data directory, and stops cleanly on SIGTERM.
@Suite("rotor serve")
struct ServeTests {
    @Test func servesRefusesASecondServerAndStopsOnSIGTERM() async throws {
        let scratch = try Scratch()
        let port = Int.random(in: 20_000...60_000)
        let server = try startServer(port: port, dataDirectory: scratch.path("data"))
        defer { if server.isRunning { server.terminate() } }

        // Up to 10 s for the server to listen.
        let url = URL(string: "http://127.0.0.1:\(port)/api/problems")!
        var listing: String?
        for _ in 0..<100 where listing == nil {
            if let (data, response) = try? await URLSession.shared.data(from: url), (response as? HTTPURLResponse)?.statusCode == 200 {
                listing = String(decoding: data, as: UTF8.self)
            } else {
                try await Task.sleep(for: .milliseconds(100))
            }
        }
        #expect(listing == "[]")

        let second = try rotor("serve", "--port", String(port + 1), "--data-dir", scratch.path("data"))
        #expect(second.status == 2 && second.stderr.contains("in use by another rotor server"), "\(second.stderr)")

        server.terminate()  // SIGTERM
        for _ in 0..<100 where server.isRunning { try await Task.sleep(for: .milliseconds(100)) }
        #expect(!server.isRunning && server.terminationReason == .exit && server.terminationStatus == 0)
        #expect(FileManager.default.fileExists(atPath: scratch.path("data/rotor.sqlite")))
    }

    /// The page is inside the binary: a `rotor` copied alone to another directory serves it.
    @Test func aCopiedBinaryServesItsPage() async throws {
        let scratch = try Scratch()
        let copy = URL(fileURLWithPath: scratch.path("bin/rotor"))
        try FileManager.default.createDirectory(at: copy.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: productsDirectory.appendingPathComponent("rotor"), to: copy)
        let port = Int.random(in: 20_000...60_000)
        let server = try startServer(port: port, dataDirectory: scratch.path("data"), executable: copy)
        defer { if server.isRunning { server.terminate() } }
        var page: String?
        for _ in 0..<100 where page == nil {
            if let (data, response) = try? await URLSession.shared.data(from: URL(string: "http://127.0.0.1:\(port)/")!),
               (response as? HTTPURLResponse)?.statusCode == 200 {
                page = String(decoding: data, as: UTF8.self)
            } else {
                try await Task.sleep(for: .milliseconds(100))
            }
        }
        #expect(page?.contains("<script type=\"module\" src=\"app.js\"></script>") == true)
        let (script, response) = try await URLSession.shared.data(from: URL(string: "http://127.0.0.1:\(port)/app.js")!)
        #expect((response as? HTTPURLResponse)?.statusCode == 200 && script.count > 1000)
    }

    @Test func aPublicAddressWithoutATokenIsRefused() throws {
        let run = try rotor("serve", "--host", "0.0.0.0", "--data-dir", "/nonexistent/never-created")
        #expect(run.exitedNormally && run.status == 64)
        #expect(run.stderr.contains("needs an API token"), "\(run.stderr)")
    }
}

extension ServeTests {
    /// The issue's check: kill -9 the server mid-solve and start it again on the same data directory;
    /// the job is reported interrupted and its best roster is still there.
    @Test func aServerKilledMidSolveKeepsTheJobsRoster() async throws {
        let scratch = try Scratch()
        let port = Int.random(in: 20_000...60_000)
        func request(_ method: String, _ path: String, _ body: String? = nil) async -> (Int, String)? {
            var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)\(path)")!)
            request.httpMethod = method
            request.httpBody = body.map { Data($0.utf8) }
            guard let (data, response) = try? await URLSession.shared.data(for: request) else { return nil }
            return ((response as? HTTPURLResponse)?.statusCode ?? 0, String(decoding: data, as: UTF8.self))
        }
        func waitUntilListening() async throws {
            for _ in 0..<100 where await request("GET", "/api/problems") == nil { try await Task.sleep(for: .milliseconds(100)) }
        }

        let first = try startServer(port: port, dataDirectory: scratch.path("data"))
        defer { if first.isRunning { kill(first.processIdentifier, SIGKILL) } }
        try await waitUntilListening()
        let problem = try String(contentsOf: packageRoot.appendingPathComponent("examples/Instance1.txt"), encoding: .utf8)
        let created = try #require(await request("POST", "/api/problems?name=Instance1", problem))
        #expect(created.0 == 201, "\(created.1)")
        let started = try #require(await request("POST", "/api/problems/1/jobs", #"{"timeLimit": 60, "threads": 1}"#))
        #expect(started.0 == 202, "\(started.1)")
        // Wait for the first saved roster, then kill the server outright.
        var saved = false
        for _ in 0..<100 where !saved {
            saved = await request("GET", "/api/jobs/1")?.1.contains("\"saved\"") == true
            if !saved { try await Task.sleep(for: .milliseconds(100)) }
        }
        #expect(saved)
        kill(first.processIdentifier, SIGKILL)
        first.waitUntilExit()

        let second = try startServer(port: port, dataDirectory: scratch.path("data"))
        defer { if second.isRunning { second.terminate() } }
        try await waitUntilListening()
        let job = try #require(await request("GET", "/api/jobs/1"))
        #expect(job.0 == 200 && job.1.contains("\"interrupted\""), "\(job.1)")
        let roster = try #require(await request("GET", "/api/jobs/1/roster?format=csv"))
        #expect(roster.0 == 200 && roster.1.hasPrefix("employee,0,1,"), "\(roster.1)")
        #expect(roster.1.split(separator: "\n").count == 9)   // the header and Instance 1's 8 staff
    }
}

/// `rotor serve` on a loopback port and a data directory, as a child process with its output discarded.
func startServer(port: Int, dataDirectory: String, executable: URL = productsDirectory.appendingPathComponent("rotor")) throws -> Process {
    let server = Process()
    server.executableURL = executable
    server.arguments = ["serve", "--port", String(port), "--data-dir", dataDirectory]
    server.standardInput = FileHandle.nullDevice
    server.standardOutput = FileHandle.nullDevice
    server.standardError = FileHandle.nullDevice
    try server.run()
    return server
}
