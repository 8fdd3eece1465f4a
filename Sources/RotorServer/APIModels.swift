import Foundation
import RotorCore
import RotorFormats
import RotorStorage

/// A score as the API writes it.
struct ScoreBody: Codable, Equatable, Sendable {
    var hard: Int
    var soft: Int
    var feasible: Bool

    init(_ score: Score) {
        hard = score.hard
        soft = score.soft
        feasible = score.isFeasible
    }
}

/// An optional field that a JSON body always carries, as null when it has no value, rather than
/// leaving it out: the bound's fields of jobs and events, which a client reads beside the score
/// they qualify (docs/server.md).
@propertyWrapper
struct Nullable<Value: Codable & Equatable & Sendable>: Codable, Equatable, Sendable {
    var wrappedValue: Value?

    init(wrappedValue: Value?) {
        self.wrappedValue = wrappedValue
    }

    init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        wrappedValue = c.decodeNil() ? nil : try c.decode(Value.self)
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        if let wrappedValue { try c.encode(wrappedValue) } else { try c.encodeNil() }
    }
}

extension KeyedDecodingContainer {
    /// A `Nullable` field that is missing reads as null.
    func decode<Value>(_ type: Nullable<Value>.Type, forKey key: Key) throws -> Nullable<Value> {
        try decodeIfPresent(type, forKey: key) ?? Nullable(wrappedValue: nil)
    }
}

/// A running job's saved roster: its score and how many hard rules it breaks.
struct SavedRosterBody: Codable, Equatable, Sendable {
    var score: ScoreBody
    var hardViolations: Int
}

struct ProblemBody: Codable {
    var id: Int64
    var name: String
    var format: String
    var staffCount: Int
    var days: Int
    var createdAt: Date
    /// In `GET /api/problems/{id}` only.
    var jobs: [JobBody]?

    init(_ p: ProblemSummary, jobs: [JobBody]? = nil) {
        id = p.id
        name = p.name
        format = p.format
        staffCount = p.staffCount
        days = p.days
        createdAt = p.createdAt
        self.jobs = jobs
    }

    init(_ p: ProblemRecord, jobs: [JobBody]? = nil) {
        id = p.id!
        name = p.name
        format = p.format
        staffCount = p.staffCount
        days = p.days
        createdAt = p.createdAt
        self.jobs = jobs
    }
}

struct JobBody: Codable {
    var id: Int64
    var problemId: Int64
    var status: JobStatus
    var timeLimit: Double
    var threads: Int
    var seed: Int64
    var startFrom: Int64?
    var best: ScoreBody?
    /// The proven lower bound on the objective, the gap between `best` and it, and the rules it leaves
    /// out (`BoundFields`); always present, null until the solver proves a bound (the gap also while
    /// `best` breaks a hard rule).
    @Nullable var bound: Int?
    @Nullable var gap: Double?
    @Nullable var boundRelaxes: [String]?
    /// The roster saved so far, while the job runs in this server: the search saves its best every
    /// couple of seconds, so it can trail `best`.
    var saved: SavedRosterBody?
    var moves: Int
    var elapsedSeconds: Double
    var movesPerSecond: Double
    var error: String?
    var stopRequested: Bool
    var createdAt: Date
    var startedAt: Date?
    var finishedAt: Date?

    /// The stored job, with the fresher figures of `live` while it runs here.
    init(_ job: JobRecord, live: LiveProgress? = nil) {
        id = job.id!
        problemId = job.problemId
        status = job.status
        timeLimit = job.timeLimitSeconds
        threads = job.threads
        seed = job.seed
        startFrom = job.startFromJobId
        let best = live?.best ?? job.best
        self.best = best.map(ScoreBody.init)
        let bound = BoundFields(live?.bound ?? job.objectiveBound, best: best)
        self.bound = bound.bound
        gap = bound.gap
        boundRelaxes = bound.boundRelaxes
        saved = live?.saved
        moves = live?.moves ?? job.moves
        elapsedSeconds = live?.elapsedSeconds ?? job.elapsedSeconds
        movesPerSecond = live?.movesPerSecond ?? job.movesPerSecond
        error = job.error
        stopRequested = job.stopRequested
        createdAt = job.createdAt
        startedAt = job.startedAt
        finishedAt = job.finishedAt
    }
}

/// One `progress` event of `GET /api/jobs/{id}/events`.
struct ProgressEvent: Codable, Equatable {
    var jobId: Int64
    var status: JobStatus
    var elapsedSeconds: Double
    var best: ScoreBody?
    @Nullable var bound: Int?
    @Nullable var gap: Double?
    @Nullable var boundRelaxes: [String]?
    var saved: SavedRosterBody?
    var moves: Int
    var movesPerSecond: Double

    init(_ job: JobBody) {
        jobId = job.id
        status = job.status
        elapsedSeconds = job.elapsedSeconds
        best = job.best
        bound = job.bound
        gap = job.gap
        boundRelaxes = job.boundRelaxes
        saved = job.saved
        moves = job.moves
        movesPerSecond = job.movesPerSecond
    }
}

/// The body of `POST /api/problems/{id}/jobs`; every field may be left out.
struct JobRequest: Decodable {
    var timeLimit: Double?
    var threads: Int?
    var seed: Int64?
    /// A job of the same problem whose saved roster the search starts from: how an interrupted job is
    /// resumed, or a finished one improved.
    var startFrom: Int64?

    static let fields = ["timeLimit", "threads", "seed", "startFrom"]

    init() {}

    private enum Key: String, CodingKey { case timeLimit, threads, seed, startFrom }

    /// Reads each field with a message in the planner's words for a value of the wrong kind or out
    /// of range (thrown as `APIError`).
    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: Key.self)
        func whole(_ key: Key) throws -> Int64? {
            guard c.contains(key), try !c.decodeNil(forKey: key) else { return nil }
            if let n = try? c.decode(Int64.self, forKey: key) { return n }
            if let x = try? c.decode(Double.self, forKey: key), x == x.rounded() {
                throw APIError.badRequest("\(key.rawValue) is out of range: it must be a whole number from 0 to \(Int64.max), not \(x)")
            }
            throw APIError.badRequest("\(key.rawValue) must be a whole number")
        }
        if c.contains(.timeLimit), try !c.decodeNil(forKey: .timeLimit) {
            guard let x = try? c.decode(Double.self, forKey: .timeLimit), x.isFinite else {
                throw APIError.badRequest("timeLimit must be a number of seconds")
            }
            timeLimit = x
        }
        if let n = try whole(.threads) {
            guard let threads = Int(exactly: n) else { throw APIError.badRequest("threads is out of range, not \(n)") }
            self.threads = threads
        }
        seed = try whole(.seed)
        startFrom = try whole(.startFrom)
    }

    /// Reads and checks the limits; an empty body asks for the defaults.
    static func limits(from text: String, configuration c: ServerConfiguration) throws(APIError) -> JobLimits {
        var request = JobRequest()
        if !text.allSatisfy(\.isWhitespace) {
            let data = Data(text.utf8)
            guard let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] else {
                throw .badRequest("the job request must be a JSON object such as {\"timeLimit\": 60, \"threads\": 1, \"seed\": 1}")
            }
            if let unknown = object.keys.sorted().first(where: { !fields.contains($0) }) {
                throw .badRequest("unknown field \"\(unknown)\" in the job request; expected \(fields.joined(separator: ", "))")
            }
            do {
                request = try JSONDecoder().decode(JobRequest.self, from: data)
            } catch {
                // `init(from:)` words every field's mistake itself; the object was checked above.
                throw error as? APIError ?? .badRequest("the job request is not a JSON object")
            }
        }
        let timeLimit = request.timeLimit ?? 60
        guard timeLimit > 0 && timeLimit <= c.maxTimeLimitSeconds else {
            throw .badRequest("timeLimit must be more than 0 and at most \(Int(c.maxTimeLimitSeconds)) seconds, not \(timeLimit)")
        }
        let threads = request.threads ?? 1
        guard (1...c.maxThreads).contains(threads) else {
            throw .badRequest("threads must be between 1 and \(c.maxThreads), not \(threads)")
        }
        let seed = request.seed ?? 1
        guard seed >= 0 else { throw .badRequest("seed must not be negative, not \(seed)") }
        return JobLimits(timeLimitSeconds: timeLimit, threads: threads, seed: seed, startFromJobId: request.startFrom)
    }
}

/// A rule as `GET /api/rules` lists it.
struct RuleBody: Encodable {
    struct Parameter: Encodable {
        let key: String
        /// "hours", "integer" or "shift".
        let kind: String
        let optional: Bool
    }
    let id: String
    let title: String
    /// Whether contracts set it (the others come with the model: cover, requests, pins, …).
    let contract: Bool
    let parameters: [Parameter]

    init(_ rule: RuleID) {
        id = rule.rawValue
        title = rule.title
        let family = RuleName(rawValue: rule.rawValue)?.family
        contract = family != nil
        parameters = (family?.parameters ?? []).map { Parameter(key: $0.key, kind: "\($0.kind)", optional: $0.optional) }
    }
}

/// A planner's sentence for why a JSON request body could not be decoded: the field and what it
/// must be (`expected`, given the field's key), never the decoder's internal description.
func describe(_ error: any Error, in what: String, expected: (String) -> String) -> String {
    let context: DecodingError.Context
    switch error as? DecodingError {
    case .typeMismatch(_, let c), .dataCorrupted(let c), .valueNotFound(_, let c): context = c
    case .keyNotFound(let key, _): return "\(what) is missing \"\(key.stringValue)\""
    default: return "\(what) is not valid JSON"
    }
    guard let field = context.codingPath.last(where: { $0.intValue == nil })?.stringValue else { return "\(what) is not valid JSON" }
    let path = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined().dropFirst()
    return "\(path) must be \(expected(field))"
}
