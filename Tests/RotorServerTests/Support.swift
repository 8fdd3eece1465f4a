import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import RotorStorage
import Testing
@testable import RotorServer

/// A small Curtois problem: a week, two people, a day and a night shift.
let tinyCurtois = """
    SECTION_HORIZON
    7

    SECTION_SHIFTS
    D,480,
    N,600,D

    SECTION_STAFF
    A,D=7|N=3,2400,960,5,1,1,1
    B,,2400,0,5,1,1,1

    SECTION_DAYS_OFF
    A,0,6

    SECTION_SHIFT_ON_REQUESTS
    A,2,D,2

    SECTION_SHIFT_OFF_REQUESTS
    B,3,N,1

    SECTION_COVER
    0,D,1,100,1
    0,N,1,100,1
    2,D,1,100,1

    """

/// The tutorial problem of the package's `examples/` (two sites, a time zone, skills).
func tutorialYAML() throws -> String {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("examples/tutorial.yaml")
    return try String(contentsOf: url, encoding: .utf8)
}

let quietLogger: Logger = {
    var logger = Logger(label: "rotor.server.tests")
    logger.logLevel = .critical
    return logger
}()

/// A configuration for tests: events and saves often, so that short jobs show them.
///
/// A job that proves its roster optimal stops early, which a tiny problem does at once; a test that
/// needs a job to run until its time limit or a stop turns bounds off (`noBounds`).
func testConfiguration(_ change: (inout ServerConfiguration) -> Void = { _ in }) -> ServerConfiguration {
    var configuration = ServerConfiguration()
    configuration.eventInterval = .milliseconds(100)
    configuration.rosterSaveInterval = .milliseconds(200)
    configuration.workerName = "tests"
    change(&configuration)
    return configuration
}

/// Jobs prove no bound, so they run until their time limit or a stop, however small the problem.
func noBounds(_ configuration: inout ServerConfiguration) {
    configuration.provesBounds = false
}

extension JobStatus {
    /// Ended on its own: at its time limit, or early with a roster proved optimal.
    var endedOnItsOwn: Bool { self == .finished || self == .optimal }
}

/// Runs `test` against a router-level test client of an application on `database`.
func withApp<T>(
    _ configuration: ServerConfiguration = testConfiguration(), database: AppDatabase? = nil,
    _ test: @Sendable (any TestClientProtocol) async throws -> T
) async throws -> T {
    let app = try buildApplication(configuration: configuration, database: database ?? AppDatabase.inMemory(), logger: quietLogger)
    return try await app.test(.router, test)
}

let decoder: JSONDecoder = {
    let decoder = JSONDecoder()
    decoder.dateDecodingStrategy = .iso8601
    return decoder
}()

extension TestResponse {
    var text: String { String(buffer: body) }

    func decoded<T: Decodable>(_ type: T.Type) throws -> T {
        try decoder.decode(type, from: Data(text.utf8))
    }

    /// The message of a JSON error body.
    var errorMessage: String? { try? decoded(ErrorBody.self).error }
}

extension TestClientProtocol {
    func post(_ uri: String, _ body: String, headers: HTTPFields = [:]) async throws -> TestResponse {
        try await execute(uri: uri, method: .post, headers: headers, body: ByteBuffer(string: body))
    }

    func get(_ uri: String, headers: HTTPFields = [:]) async throws -> TestResponse {
        try await execute(uri: uri, method: .get, headers: headers)
    }

    /// Uploads a problem and returns its id.
    func createProblem(_ text: String, name: String = "tiny", contentType: String? = nil) async throws -> Int64 {
        let headers: HTTPFields = contentType.map { [.contentType: $0] } ?? [:]
        let response = try await post("/api/problems?name=\(name)", text, headers: headers)
        #expect(response.status == .created, "\(response.text)")
        return try response.decoded(ProblemBody.self).id
    }

    /// Starts a job and returns it.
    func startJob(problem: Int64, _ body: String) async throws -> JobBody {
        let response = try await post("/api/problems/\(problem)/jobs", body)
        #expect(response.status == .accepted, "\(response.text)")
        #expect(response.headers[.location] != nil)
        return try response.decoded(JobBody.self)
    }

    /// Polls a job until it has ended, for at most `timeout`.
    func waitForEnd(job id: Int64, timeout: Duration = .seconds(20)) async throws -> JobBody {
        let deadline = ContinuousClock.now + timeout
        while true {
            let job = try await get("/api/jobs/\(id)").decoded(JobBody.self)
            if job.status.isFinal || ContinuousClock.now > deadline { return job }
            try await Task.sleep(for: .milliseconds(50))
        }
    }
}
