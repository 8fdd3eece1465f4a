import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import PostgresNIO
import RotorStorage
import Testing
@testable import RotorPostgres

private let databaseURL = ProcessInfo.processInfo.environment["ROTOR_TEST_DATABASE_URL"].flatMap { $0.isEmpty ? nil : $0 }

/// `rotor serve --no-worker` and two `rotor worker` processes on one PostgreSQL database: the worker
/// that claims a job is killed (SIGKILL) mid-solve, and the other continues the job from its saved
/// roster to the end, once.
@Suite("rotor worker", .enabled(if: databaseURL != nil, "set ROTOR_TEST_DATABASE_URL (Tests/postgres/start.sh) to run the worker tests"))
struct WorkerTests {
    @Test func aJobWhoseWorkerIsKilledCompletesOnceOnTheOther() async throws {
        let scratch = try Scratch()
        let schema = "rotor_e2e_\(UUID().uuidString.prefix(8).lowercased())"
        let url = databaseURL! + (databaseURL!.contains("?") ? "&" : "?") + "schema=\(schema)"
        let database = try PostgresAppDatabase(url: url)
        defer {
            _ = try? database.pool.withConnection { try $0.run(PostgresQuery(unsafeSQL: "DROP SCHEMA \(quoted(schema)) CASCADE"), logger: database.logger) }
            database.close()
        }

        let port = Int.random(in: 20_000...60_000)
        let server = try start(["serve", "--database", url, "--no-worker", "--port", String(port)], log: scratch.path("serve.log"))
        let workers = try ["worker-a", "worker-b"].map { name in
            (name, try start(["worker", "--database", url, "--name", name, "--max-jobs", "1", "--heartbeat-timeout", "5"],
                             log: scratch.path("\(name).log")))
        }
        defer {
            for process in [server] + workers.map(\.1) where process.isRunning { process.terminate() }
        }

        let api = "http://127.0.0.1:\(port)/api"
        var problemId: Int64?
        for _ in 0..<100 where problemId == nil {
            let yaml = try String(contentsOf: packageRoot.appendingPathComponent("examples/tutorial.yaml"), encoding: .utf8)
            if let (status, body) = try? await request("POST", "\(api)/problems?name=tutorial", yaml, contentType: "application/yaml"), status == 201 {
                problemId = (body["id"] as? NSNumber)?.int64Value
            } else {
                try await Task.sleep(for: .milliseconds(100))
            }
        }
        let problem = try #require(problemId, "the server did not start: \(scratch.read("serve.log"))")
        let (status, submitted) = try await request("POST", "\(api)/problems/\(problem)/jobs", #"{"timeLimit": 12}"#)
        #expect(status == 202 && submitted["status"] as? String == "queued", "\(submitted)")
        let jobId = try #require((submitted["id"] as? NSNumber)?.int64Value)

        // Once a worker has claimed the job and saved a roster, kill that worker outright.
        var claimant: String?
        for _ in 0..<200 where claimant == nil {
            if let job = try database.job(id: jobId), job.status == .running, job.elapsedSeconds >= 1,
               try database.roster(jobId: jobId) != nil {
                claimant = job.claimedBy
            } else {
                try await Task.sleep(for: .milliseconds(50))
            }
        }
        let claimedBy = try #require(claimant, "no worker claimed the job and saved a roster")
        let (killedName, killed) = try #require(workers.first { claimedBy.hasPrefix($0.0 + " ") })
        let (survivorName, survivor) = try #require(workers.first { $0.0 != killedName })
        kill(killed.processIdentifier, SIGKILL)
        killed.waitUntilExit()

        var ended: JobRecord?
        for _ in 0..<400 where ended == nil {
            if let job = try database.job(id: jobId), job.status.isFinal { ended = job } else { try await Task.sleep(for: .milliseconds(100)) }
        }
        let job = try #require(ended, "the job did not end; \(survivorName): \(scratch.read("\(survivorName).log"))")
        let survivorLog = scratch.read("\(survivorName).log")
        #expect(job.status == .finished && job.error == nil)
        #expect(job.claimedBy?.hasPrefix(survivorName + " ") == true, "\(job.claimedBy ?? "nil")")
        #expect(survivorLog.contains("job \(jobId): continuing from the roster its previous worker saved"), "\(survivorLog)")
        #expect(!survivorLog.contains("re-queued or ended elsewhere"), "\(survivorLog)")
        // The survivor had the time the killed worker did not use: the two runs add up to the limit.
        #expect(job.elapsedSeconds >= 11 && job.elapsedSeconds < 14, "\(job.elapsedSeconds)")
        let roster = try #require(try database.roster(jobId: jobId))
        #expect(roster.score == job.best && roster.schedule != nil)
        #expect(try database.jobs(problemId: problem).count == 1)
        #expect(survivor.isRunning)

        let (_, served) = try await request("GET", "\(api)/jobs/\(jobId)")
        #expect(served["status"] as? String == "finished")
    }

    private func start(_ arguments: [String], log: String) throws -> Process {
        _ = FileManager.default.createFile(atPath: log, contents: nil)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: log))
        let process = Process()
        process.executableURL = productsDirectory.appendingPathComponent("rotor")
        process.arguments = arguments
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        return process
    }

    private func request(_ method: String, _ url: String, _ body: String? = nil, contentType: String? = nil) async throws -> (Int, [String: Any]) {
        var request = URLRequest(url: URL(string: url)!)
        request.httpMethod = method
        request.httpBody = body.map { Data($0.utf8) }
        if let contentType { request.setValue(contentType, forHTTPHeaderField: "Content-Type") }
        let (data, response) = try await URLSession.shared.data(for: request)
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] ?? [:])
    }
}

extension Scratch {
    func read(_ name: String) -> String {
        (try? String(contentsOfFile: path(name), encoding: .utf8)) ?? ""
    }
}
