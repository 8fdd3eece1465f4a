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
        let server = Process()
        server.executableURL = productsDirectory.appendingPathComponent("rotor")
        server.arguments = ["serve", "--port", String(port), "--data-dir", scratch.path("data")]
        server.standardInput = FileHandle.nullDevice
        server.standardOutput = FileHandle.nullDevice
        server.standardError = FileHandle.nullDevice
        try server.run()
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

    @Test func aPublicAddressWithoutATokenIsRefused() throws {
        let run = try rotor("serve", "--host", "0.0.0.0", "--data-dir", "/nonexistent/never-created")
        #expect(run.exitedNormally && run.status == 64)
        #expect(run.stderr.contains("needs an API token"), "\(run.stderr)")
    }
}
