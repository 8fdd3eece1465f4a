import Foundation
import Hummingbird
import HummingbirdTesting
import RotorCore
import RotorFormats
import RotorStorage
import Synchronization
import Testing
@testable import RotorServer

@Suite("API")
struct APITests {
    /// The page takes its headings from the rule families: every rule a violation can name is listed
    /// with a heading, and each contract rule with the parameters documents give it.
    @Test func listsEveryRuleWithItsHeading() async throws {
        try await withApp { client in
            let response = try await client.get("/api/rules")
            #expect(response.status == .ok)
            let rules = try #require(try JSONSerialization.jsonObject(with: Data(response.text.utf8)) as? [[String: Any]])
            #expect(rules.compactMap { $0["id"] as? String } == RuleID.allCases.map(\.rawValue))
            for rule in rules {
                let title = rule["title"] as? String ?? ""
                #expect(!title.isEmpty && title.first!.isUppercase, "\(rule["id"] ?? "")")
            }
            for name in RuleName.allCases {
                let listed = try #require(rules.first { $0["id"] as? String == name.rawValue })
                #expect(listed["contract"] as? Bool == true)
                let keys = (listed["parameters"] as? [[String: Any]] ?? []).compactMap { $0["key"] as? String }
                #expect(keys == name.family.parameters.map(\.key))
            }
            #expect(Set(rules.compactMap { $0["title"] as? String }).count == rules.count, "headings are distinct")
        }
    }

    /// The planner's path: upload, solve, follow, fetch the roster three ways, edit it and score it.
    /// Without bounds, so that the job runs its full second with progress events.
    @Test func solveAProblemAndUseItsRoster() async throws {
        try await withApp(testConfiguration(noBounds)) { client in
            let problem = try await client.createProblem(tinyCurtois)
            let listed = try await client.get("/api/problems").decoded([ProblemBody].self)
            #expect(listed.map(\.id) == [problem] && listed[0].name == "tiny" && listed[0].format == "curtois")
            #expect(listed[0].staffCount == 2 && listed[0].days == 7)

            let started = try await client.startJob(problem: problem, #"{"timeLimit": 1, "threads": 1, "seed": 3}"#)
            #expect(started.status == .running && started.timeLimit == 1 && started.seed == 3)
            // The stream lasts until the job ends, so this also waits for it.
            let events = try await client.get("/api/jobs/\(started.id)/events")
            #expect(events.headers[.contentType] == "text/event-stream")
            #expect(events.text.contains("event: progress\ndata: {"), "\(events.text)")
            #expect(events.text.hasSuffix("\n\n") && events.text.contains("event: end\ndata: {"))
            #expect(events.text.contains(#""saved":{"hardViolations":"#), "progress events carry the saved roster")

            let job = try await client.waitForEnd(job: started.id)
            #expect(job.status == .finished && job.moves > 0 && job.movesPerSecond > 0 && job.finishedAt != nil)
            let best = try #require(job.best)

            let json = try await client.get("/api/jobs/\(job.id)/roster")
            #expect(json.status == .ok)
            let document = try #require(try JSONSerialization.jsonObject(with: Data(json.text.utf8)) as? [String: Any])
            #expect(document["objective"] as? Int == best.soft && document["hardPenalty"] as? Int == best.hard)

            let csv = try await client.get("/api/jobs/\(job.id)/roster?format=csv")
            #expect(csv.status == .ok && csv.headers[.contentType]?.hasPrefix("text/csv") == true)
            let rows = csv.text.split(separator: "\n")
            #expect(rows.first == "employee,0,1,2,3,4,5,6" && rows.count == 3)

            let ics = try await client.get("/api/jobs/\(job.id)/calendar/A.ics")
            #expect(ics.status == .ok && ics.headers[.contentType]?.hasPrefix("text/calendar") == true)
            let shiftsOfA = rows[1].split(separator: ",", omittingEmptySubsequences: false).dropFirst().filter { !$0.isEmpty }.count
            #expect(ics.text.components(separatedBy: "BEGIN:VEVENT").count - 1 == shiftsOfA)
            #expect(ics.text.hasPrefix("BEGIN:VCALENDAR\r\n"))

            // The roster as fetched scores what the job reported, as CSV and as JSON.
            let scoredCSV = try await client.post("/api/problems/\(problem)/score", csv.text, headers: [.contentType: "text/csv"])
            #expect(scoredCSV.status == .ok)
            #expect(try scoredJSON(scoredCSV)["objective"] as? Int == best.soft)
            let scoredJSONBody = try await client.post("/api/problems/\(problem)/score", json.text)
            #expect(try scoredJSON(scoredJSONBody)["objective"] as? Int == best.soft)

            // An edit that leaves day 0 without its day shift breaks the hard cover rule, and says so.
            let edited = "employee,0,1,2,3,4,5,6\nA,,,,,,,\nB,,,,,,,\n"
            let scoredEdit = try scoredJSON(try await client.post("/api/problems/\(problem)/score", edited))
            #expect(scoredEdit["feasible"] as? Bool == false)
            let violations = try #require((scoredEdit["breakdown"] as? [String: Any])?["violations"] as? [[String: Any]])
            #expect(violations.contains { $0["hard"] as? Bool == true && ($0["message"] as? String)?.isEmpty == false })

            let detail = try await client.get("/api/problems/\(problem)").decoded(ProblemBody.self)
            #expect(detail.jobs?.map(\.id) == [job.id])
        }
    }

    @Test func problemsInJSONAndYAMLAndTheirCalendars() async throws {
        let yaml = try tutorialYAML()
        let problem = try ProblemDocument.parse(yaml, fileName: "tutorial.yaml")
        try await withApp { client in
            let fromYAML = try await client.createProblem(yaml, name: "from-yaml", contentType: "application/yaml")
            let fromJSON = try await client.createProblem(ProblemDocument.write(problem), name: "from-json", contentType: "application/json")
            let sniffed = try await client.createProblem(ProblemDocument.write(problem), name: "sniffed")
            let listed = try await client.get("/api/problems").decoded([ProblemBody].self)
            #expect(listed.map(\.format) == ["yaml", "json", "json"])
            #expect(Set([fromYAML, fromJSON, sniffed]).count == 3)

            let job = try await client.waitForEnd(job: try await client.startJob(problem: fromJSON, #"{"timeLimit": 1}"#).id)
            #expect(job.status.endedOnItsOwn)
            // Someone who works: the first row of the CSV with a shift in it.
            let csv = try await client.get("/api/jobs/\(job.id)/roster?format=csv").text
            let row = try #require(csv.split(separator: "\n").dropFirst().first { $0.split(separator: ",").count > 1 })
            let staffId = String(row.prefix { $0 != "," })
            let ics = try await client.get("/api/jobs/\(job.id)/calendar/\(staffId).ics")
            #expect(ics.status == .ok)
            // Two sites: each event names its site; times are UTC instants on the problem's clock
            // (07:00 and 19:00 in London in March are 07:00Z and 19:00Z).
            #expect(ics.text.contains("BEGIN:VEVENT") && ics.text.contains("LOCATION:"))
            #expect(ics.text.contains("DTSTART:202703") && (ics.text.contains("T070000Z") || ics.text.contains("T190000Z")))
            let missing = try await client.get("/api/jobs/\(job.id)/calendar/no%20body.ics")
            #expect(missing.status == .notFound && missing.errorMessage?.contains("\"no body\"") == true)
        }
    }

    /// HEAD answers like GET without a body, also on an event stream; an out-of-range number in a
    /// job request is named in the planner's words; every response carries the page's protections.
    @Test func headRangesAndSecurityHeaders() async throws {
        try await withApp { client in
            let problem = try await client.createProblem(tinyCurtois)
            let list = try await client.execute(uri: "/api/problems", method: .head)
            #expect(list.status == .ok && list.body.readableBytes == 0, "\(list.status) \(list.text)")
            #expect(list.headers[.contentType]?.hasPrefix("application/json") == true)
            let job = try await client.waitForEnd(job: try await client.startJob(problem: problem, #"{"timeLimit": 0.2}"#).id)
            for path in ["/api/jobs/\(job.id)", "/api/jobs/\(job.id)/roster", "/api/jobs/\(job.id)/events", "/api/rules", "/openapi.json"] {
                let head = try await client.execute(uri: path, method: .head)
                #expect(head.status == .ok && head.body.readableBytes == 0, "\(path)")
            }
            #expect(try await client.execute(uri: "/api/jobs/99", method: .head).status == .notFound)

            for body in [#"{"seed": 99999999999999999999999}"#, #"{"seed": 1e40}"#, #"{"threads": 1.5e300}"#, #"{"seed": "one"}"#] {
                let refused = try await client.post("/api/problems/\(problem)/jobs", body)
                #expect(refused.status == .badRequest, "\(body) \(refused.text)")
                let message = refused.errorMessage ?? ""
                #expect(message.contains("must be") && !message.contains("Context") && !message.contains("codingPath"), "\(body) \(message)")
            }

            for response in [try await client.get("/api/problems"), try await client.get("/"), try await client.get("/api/nothing")] {
                let policy = response.headers[.contentSecurityPolicy] ?? ""
                #expect(policy.contains("frame-ancestors 'none'") && policy.contains("script-src 'self'"))
                #expect(response.headers[.xContentTypeOptions] == "nosniff")
            }
        }
    }

    @Test func aShortOrBlankTokenIsRefused() {
        for token in ["", " ", "short", String(repeating: " ", count: 20), "sixteen chars ok"] {
            var configuration = ServerConfiguration()
            configuration.token = token
            #expect(configuration.problem?.contains("openssl rand -hex 32") == true, "\(token)")
        }
        var configuration = ServerConfiguration()
        configuration.token = "0123456789abcdef"
        #expect(configuration.problem == nil)
    }

    /// A calendar app subscribes to a person's feed without the API token; the feed follows the
    /// problem's latest roster, and once revoked answers 404 like a token that never existed.
    @Test func calendarFeedsWithTheirOwnTokens() async throws {
        let configuration = testConfiguration { $0.token = "0123456789abcdef-token" }
        let auth: HTTPFields = [.authorization: "Bearer 0123456789abcdef-token"]
        try await withApp(configuration) { client in
            let created = try await client.post("/api/problems", tinyCurtois, headers: auth)
            let problem = try created.decoded(ProblemBody.self).id
            let job = try await client.post("/api/problems/\(problem)/jobs", #"{"timeLimit": 0.3}"#, headers: auth).decoded(JobBody.self)
            for _ in 0..<200 {
                if try await client.get("/api/jobs/\(job.id)", headers: auth).decoded(JobBody.self).status.isFinal { break }
                try await Task.sleep(for: .milliseconds(50))
            }
            #expect(try await client.post("/api/problems/\(problem)/feeds", #"{"staff": "A"}"#).status == .unauthorized)
            let feed = try await client.post("/api/problems/\(problem)/feeds", #"{"staff": "A"}"#, headers: auth)
            #expect(feed.status == .created, "\(feed.text)")
            let body = try feed.decoded(FeedBody.self)
            #expect(body.url.hasPrefix("/feeds/") && body.url.count == "/feeds/".count + 64 + ".ics".count)
            // No API token needed for the feed itself.
            let calendar = try await client.get(body.url)
            #expect(calendar.status == .ok && calendar.text.hasPrefix("BEGIN:VCALENDAR") && calendar.text.contains("BEGIN:VEVENT"))
            let second = try await client.post("/api/problems/\(problem)/feeds", #"{"staff": "A"}"#, headers: auth).decoded(FeedBody.self)
            #expect(second.url != body.url)
            #expect(try await client.post("/api/problems/\(problem)/feeds", #"{"staff": "nobody"}"#, headers: auth).status == .badRequest)
            let listed = try await client.get("/api/problems/\(problem)/feeds", headers: auth).decoded([FeedBody].self)
            #expect(listed.map(\.id) == [body.id, second.id])

            #expect(try await client.execute(uri: "/api/feeds/\(body.id)", method: .delete, headers: auth).status == .noContent)
            let revoked = try await client.get(body.url)
            let unknown = try await client.get("/feeds/" + String(repeating: "0", count: 64) + ".ics")
            #expect(revoked.status == .notFound && unknown.status == .notFound && revoked.text == unknown.text)
            #expect(try await client.get(second.url).status == .ok)
            #expect(try await client.get("/feeds/short.ics").status == .notFound)
        }
    }

    @Test func badInputGetsAClearError() async throws {
        try await withApp(testConfiguration { $0.maxBodyBytes = 4096 }) { client in
            let malformed = try await client.post("/api/problems", "{\"horizon\": ", headers: [.contentType: "application/json"])
            #expect(malformed.status == .badRequest)
            #expect(malformed.errorMessage?.contains("problem.json:1") == true, "\(malformed.text)")

            let invalid = try await client.post("/api/problems", tinyCurtois.replacingOccurrences(of: "D,480,", with: "D,-480,"))
            #expect(invalid.status == .badRequest && invalid.errorMessage?.contains("problem.txt:5") == true, "\(invalid.text)")
            #expect(try invalid.decoded(ErrorBody.self).details?.isEmpty == false)

            let empty = try await client.post("/api/problems", "  \n")
            #expect(empty.status == .badRequest && empty.errorMessage?.contains("empty") == true)

            let badName = try await client.post("/api/problems?name=../etc", tinyCurtois)
            #expect(badName.status == .badRequest)

            let oversized = try await client.post("/api/problems", String(repeating: "# padding\n", count: 1000) + tinyCurtois)
            #expect(oversized.status == .contentTooLarge && oversized.errorMessage?.contains("4096") == true)

            #expect(try await client.get("/api/problems/42").status == .notFound)
            #expect(try await client.get("/api/problems/42").errorMessage == "no problem 42")
            #expect(try await client.get("/api/jobs/42").status == .notFound)
            #expect(try await client.get("/api/jobs/42/roster").status == .notFound)
            #expect(try await client.post("/api/jobs/42/stop", "").status == .notFound)
            #expect(try await client.get("/api/jobs/abc").status == .badRequest)
            #expect(try await client.get("/api/nothing-here").status == .notFound)
            let wrongMethod = try await client.execute(uri: "/api/problems", method: .put)
            #expect(wrongMethod.status == .methodNotAllowed && wrongMethod.headers[.allow] == "GET, POST, HEAD")
            #expect(wrongMethod.errorMessage != nil)

            let problem = try await client.createProblem(tinyCurtois)
            for (body, fragment) in [
                (#"{"timeLimit": 0}"#, "timeLimit"), (#"{"timeLimit": 1e9}"#, "timeLimit"), (#"{"threads": 0}"#, "threads"),
                (#"{"timelimit": 5}"#, "unknown field \"timelimit\""), (#"{"seed": -1}"#, "seed"), (#"{"threads": "two"}"#, "threads"),
                (#"[1]"#, "JSON object"), (#"{"startFrom": 99}"#, "no job 99"),
            ] {
                let response = try await client.post("/api/problems/\(problem)/jobs", body)
                #expect(response.status == .badRequest, "\(body)")
                #expect(response.errorMessage?.contains(fragment) == true, "\(body): \(response.text)")
            }

            let badRoster = try await client.post("/api/problems/\(problem)/score", "employee,0,1,2,3,4,5,6\nA,X,,,,,,\nB,,,,,,,\n")
            #expect(badRoster.status == .badRequest && badRoster.errorMessage?.contains("roster.csv:2:") == true, "\(badRoster.text)")
            let badJSONRoster = try await client.post("/api/problems/\(problem)/score", #"{"roster": [{"staff": "Z", "shifts": []}]}"#)
            #expect(badJSONRoster.status == .badRequest && badJSONRoster.errorMessage?.contains("roster[0].staff") == true)
        }
    }

    @Test func stoppingAJobKeepsItsRoster() async throws {
        try await withApp(testConfiguration(noBounds)) { client in
            let problem = try await client.createProblem(tinyCurtois)
            let started = try await client.startJob(problem: problem, #"{"timeLimit": 600}"#)
            try await Task.sleep(for: .milliseconds(300))
            let stopping = try await client.post("/api/jobs/\(started.id)/stop", "")
            #expect(stopping.status == .accepted)
            let job = try await client.waitForEnd(job: started.id)
            #expect(job.status == .stopped && job.elapsedSeconds < 60)
            #expect(try await client.get("/api/jobs/\(job.id)/roster").status == .ok)
            let again = try await client.post("/api/jobs/\(job.id)/stop", "")
            #expect(again.status == .conflict)
        }
    }

    /// One job at a time here: the second is refused with 429 and the problem cannot be deleted under
    /// the running job. The job still runs when the server shuts down: it ends interrupted, roster kept.
    @Test func tooManyJobsAndShutdown() async throws {
        let database = try AppDatabase.inMemory()
        let running = try await withApp(testConfiguration { $0.maxConcurrentJobs = 1; noBounds(&$0) }, database: database) { client in
            let problem = try await client.createProblem(tinyCurtois)
            let first = try await client.startJob(problem: problem, #"{"timeLimit": 600}"#)
            let second = try await client.post("/api/problems/\(problem)/jobs", #"{"timeLimit": 1}"#)
            #expect(second.status == .tooManyRequests && second.errorMessage?.contains("running") == true)
            #expect(second.headers[.retryAfter] != nil)
            let delete = try await client.execute(uri: "/api/problems/\(problem)", method: .delete)
            #expect(delete.status == .conflict)
            try await Task.sleep(for: .milliseconds(300))
            return first.id
        }
        let job = try #require(try database.job(id: running))
        #expect(job.status == .interrupted && job.error?.contains("shut down") == true)
        #expect(try database.roster(jobId: running) != nil)
    }

    @Test func deletingAProblem() async throws {
        try await withApp { client in
            let problem = try await client.createProblem(tinyCurtois)
            let job = try await client.waitForEnd(job: try await client.startJob(problem: problem, #"{"timeLimit": 0.3}"#).id)
            #expect(try await client.execute(uri: "/api/problems/\(problem)", method: .delete).status == .noContent)
            #expect(try await client.get("/api/problems/\(problem)").status == .notFound)
            #expect(try await client.get("/api/jobs/\(job.id)").status == .notFound)
        }
    }

    @Test func aTokenIsRequiredWhenSet() async throws {
        let configuration = testConfiguration { $0.token = "s3cret-0123456789abcdef"; $0.host = "0.0.0.0" }
        try await withApp(configuration) { client in
            let missing = try await client.get("/api/problems")
            #expect(missing.status == .unauthorized && missing.headers[.wwwAuthenticate] == "Bearer")
            #expect(missing.errorMessage?.contains("Authorization: Bearer") == true)
            #expect(try await client.get("/api/problems", headers: [.authorization: "Bearer wrong"]).status == .unauthorized)
            #expect(try await client.get("/api/problems", headers: [.authorization: "Bearer s3cret-0123456789abcdef"]).status == .ok)
            #expect(try await client.get("/openapi.json").status == .ok, "the API description is public")
        }
    }

    @Test func aPublicAddressNeedsAToken() throws {
        #expect(throws: ServerConfigurationError.self) {
            try buildApplication(configuration: testConfiguration { $0.host = "0.0.0.0" }, database: AppDatabase.inMemory(), logger: quietLogger)
        }
        #expect(ServerConfiguration.isLoopback("127.0.0.1") && ServerConfiguration.isLoopback("localhost") && ServerConfiguration.isLoopback("::1"))
        #expect(!ServerConfiguration.isLoopback("0.0.0.0") && !ServerConfiguration.isLoopback("127.example.com"))
    }

    private func scoredJSON(_ response: TestResponse) throws -> [String: Any] {
        #expect(response.status == .ok, "\(response.text)")
        return try #require(try JSONSerialization.jsonObject(with: Data(response.text.utf8)) as? [String: Any])
    }
}

/// The storage as the API sees it, noting the dispatch queue each handler's query runs on.
final class QueueRecordingDatabase: RotorDatabase, @unchecked Sendable {
    let base: AppDatabase
    private let seen = Mutex<[Bool]>([])
    init(_ base: AppDatabase) { self.base = base }

    /// Whether each of the handlers' own queries ran on the storage threads.
    var queues: [Bool] { seen.withLock { $0 } }
    private func note() { seen.withLock { $0.append(StorageExecutor.isCurrent) } }

    func insertProblem(_ problem: ProblemRecord) throws -> ProblemRecord { note(); return try base.insertProblem(problem) }
    func problemSummaries() throws -> [ProblemSummary] { note(); return try base.problemSummaries() }
    func problem(id: Int64) throws -> ProblemRecord? { note(); return try base.problem(id: id) }
    func deleteProblem(id: Int64) throws -> Bool { note(); return try base.deleteProblem(id: id) }
    func jobs(problemId: Int64) throws -> [JobRecord] { note(); return try base.jobs(problemId: problemId) }
    func insertJob(problemId: Int64, limits: JobLimits, now: Date) throws -> JobRecord { try base.insertJob(problemId: problemId, limits: limits, now: now) }
    func job(id: Int64) throws -> JobRecord? { try base.job(id: id) }
    func hasActiveJobs(problemId: Int64) throws -> Bool { try base.hasActiveJobs(problemId: problemId) }
    func claimJob(id: Int64, worker claim: String, now: Date) throws -> Bool { try base.claimJob(id: id, worker: claim, now: now) }
    func claimNextQueuedJob(worker claim: String, now: Date) throws -> JobRecord? { try base.claimNextQueuedJob(worker: claim, now: now) }
    func recordProgress(jobId: Int64, worker claim: String, _ progress: JobProgress, now: Date) throws -> ClaimState {
        try base.recordProgress(jobId: jobId, worker: claim, progress, now: now)
    }
    func saveRoster(_ roster: RosterRecord, worker claim: String, progress: JobProgress) throws -> Bool {
        try base.saveRoster(roster, worker: claim, progress: progress)
    }
    func finishJob(id: Int64, worker claim: String, status: JobStatus, error: String?, progress: JobProgress, now: Date) throws -> Bool {
        try base.finishJob(id: id, worker: claim, status: status, error: error, progress: progress, now: now)
    }
    func releaseJob(id: Int64, worker claim: String, progress: JobProgress) throws -> Bool { try base.releaseJob(id: id, worker: claim, progress: progress) }
    func requestStop(jobId: Int64, now: Date) throws -> JobRecord? { try base.requestStop(jobId: jobId, now: now) }
    func interruptOrphanedJobs(reason: String, now: Date) throws -> [Int64] { try base.interruptOrphanedJobs(reason: reason, now: now) }
    func requeueStaleJobs(heartbeatBefore: Date) throws -> [Int64] { try base.requeueStaleJobs(heartbeatBefore: heartbeatBefore) }
    func roster(jobId: Int64) throws -> RosterRecord? { try base.roster(jobId: jobId) }
    func insertFeed(_ feed: FeedRecord) throws -> FeedRecord { try base.insertFeed(feed) }
    func feeds(problemId: Int64) throws -> [FeedRecord] { try base.feeds(problemId: problemId) }
    func feed(token: String) throws -> FeedRecord? { try base.feed(token: token) }
    func revokeFeed(id: Int64, now: Date) throws -> FeedRecord? { try base.revokeFeed(id: id, now: now) }
}

@Suite("Storage off the request threads")
struct StorageThreadTests {
    /// Every query a handler makes runs on the storage threads, never on the cooperative pool that
    /// all requests share.
    @Test func handlersQueryStorageOnItsOwnThreads() async throws {
        let database = QueueRecordingDatabase(try AppDatabase.inMemory())
        let app = try buildApplication(configuration: testConfiguration(), database: database, logger: quietLogger)
        try await app.test(.router) { client in
            let problem = try await client.createProblem(tinyCurtois)
            _ = try await client.get("/api/problems")
            _ = try await client.get("/api/problems/\(problem)")
            _ = try await client.execute(uri: "/api/problems/\(problem)", method: .delete)
        }
        #expect(database.queues.count >= 4)
        #expect(database.queues.allSatisfy { $0 }, "\(database.queues)")
    }
}
