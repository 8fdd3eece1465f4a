import Foundation
import GRDB
import RotorCore

/// A problem as it was uploaded: the source text is kept rather than a parsed form, so that a
/// problem reads back exactly as its author wrote it and newer versions of the parsers apply.
public struct ProblemRecord: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "problem"

    public var id: Int64?
    public var name: String
    /// How `source` is written: `json`, `yaml` or `curtois`.
    public var format: String
    public var source: String
    /// Kept beside the source so that listings need not parse every problem.
    public var staffCount: Int
    public var days: Int
    public var createdAt: Date

    public init(name: String, format: String, source: String, staffCount: Int, days: Int, createdAt: Date) {
        self.name = name
        self.format = format
        self.source = source
        self.staffCount = staffCount
        self.days = days
        self.createdAt = createdAt
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}

/// A problem without its source text, for listings.
public struct ProblemSummary: Codable, Sendable, Equatable, FetchableRecord, TableRecord {
    public static let databaseTableName = "problem"
    public static var databaseSelection: [any SQLSelectable] {
        [Column("id"), Column("name"), Column("format"), Column("staffCount"), Column("days"), Column("createdAt")]
    }

    public var id: Int64
    public var name: String
    public var format: String
    public var staffCount: Int
    public var days: Int
    public var createdAt: Date

    public init(id: Int64, name: String, format: String, staffCount: Int, days: Int, createdAt: Date) {
        self.id = id
        self.name = name
        self.format = format
        self.staffCount = staffCount
        self.days = days
        self.createdAt = createdAt
    }
}

/// Where a job is in its life. `running` jobs belong to a live worker. When that worker dies, a job
/// on a server's own SQLite database becomes `interrupted` at the server's next start; a job on a
/// shared PostgreSQL database goes back to `queued` once its heartbeat is stale, and another worker
/// continues it from its last saved roster.
///
/// A job ends `finished` at its time limit, `optimal` when its saved roster meets the proven bound
/// on the objective (no roster scores better, so the search stopped early), `stopped` on request,
/// `interrupted` when its server stopped, `failed` when the solver could not run it.
public enum JobStatus: String, Codable, Sendable, CaseIterable, DatabaseValueConvertible {
    case queued, running, finished, optimal, stopped, interrupted, failed

    /// Finished one way or another: nothing will change the job any more.
    public var isFinal: Bool { self != .queued && self != .running }
}

/// What a job asked the solver for.
public struct JobLimits: Codable, Sendable, Equatable {
    public var timeLimitSeconds: Double
    public var threads: Int
    public var seed: Int64
    /// The job whose saved roster the search starts from, nil to construct one.
    public var startFromJobId: Int64?

    public init(timeLimitSeconds: Double, threads: Int, seed: Int64, startFromJobId: Int64? = nil) {
        self.timeLimitSeconds = timeLimitSeconds
        self.threads = threads
        self.seed = seed
        self.startFromJobId = startFromJobId
    }
}

/// One solve of one problem.
public struct JobRecord: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "job"

    public var id: Int64?
    public var problemId: Int64
    public var status: JobStatus
    public var timeLimitSeconds: Double
    public var threads: Int
    public var seed: Int64
    public var startFromJobId: Int64?
    /// The best score found so far, nil until the search reports one.
    public var bestHard: Int?
    public var bestSoft: Int?
    /// The best proven lower bound on the objective (`ObjectiveBound.value`), nil until the solver
    /// proves one (and for jobs stored before bounds were), with the rules it leaves out
    /// (`ObjectiveBound.relaxed`, stored as a JSON list; empty when the bound is exact). Written with
    /// the best score, in the same transaction as the roster.
    public var bound: Int?
    public var boundRelaxes: [String]?
    public var moves: Int
    public var elapsedSeconds: Double
    /// Why a job failed, or what interrupted it.
    public var error: String?
    /// Set by a stop request; a worker that does not hold the job in memory (another process) sees it here.
    public var stopRequested: Bool
    public var createdAt: Date
    public var startedAt: Date?
    public var finishedAt: Date?
    /// The worker that runs the job, and when it last said it was alive: with several workers on one
    /// database, a running job whose heartbeat is old has lost its worker.
    public var claimedBy: String?
    public var heartbeatAt: Date?

    public init(problemId: Int64, limits: JobLimits, createdAt: Date) {
        self.problemId = problemId
        status = .queued
        timeLimitSeconds = limits.timeLimitSeconds
        threads = limits.threads
        seed = limits.seed
        startFromJobId = limits.startFromJobId
        moves = 0
        elapsedSeconds = 0
        stopRequested = false
        self.createdAt = createdAt
    }

    public var limits: JobLimits {
        JobLimits(timeLimitSeconds: timeLimitSeconds, threads: threads, seed: seed, startFromJobId: startFromJobId)
    }

    public var best: Score? {
        guard let bestHard, let bestSoft else { return nil }
        return Score(hard: bestHard, soft: bestSoft)
    }

    /// The stored bound, nil when the job has none.
    public var objectiveBound: ObjectiveBound? {
        get { bound.map { ObjectiveBound(value: $0, relaxed: boundRelaxes ?? []) } }
        set {
            bound = newValue?.value
            boundRelaxes = newValue?.relaxed
        }
    }

    public var movesPerSecond: Double { elapsedSeconds > 0 ? Double(moves) / elapsedSeconds : 0 }

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}

/// The best roster a job has saved: one per job, replaced as the search improves it. The cells are
/// the compiled schedule's bytes (`Schedule.cells`, row by row), with the shape to read them back.
public struct RosterRecord: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "roster"

    public var jobId: Int64
    public var staffCount: Int
    public var days: Int
    public var cells: Data
    public var hard: Int
    public var soft: Int
    public var savedAt: Date

    public init(jobId: Int64, schedule: Schedule, score: Score, savedAt: Date) {
        self.jobId = jobId
        staffCount = schedule.staffCount
        days = schedule.days
        cells = Data(schedule.cells)
        hard = score.hard
        soft = score.soft
        self.savedAt = savedAt
    }

    public var score: Score { Score(hard: hard, soft: soft) }

    /// The schedule, or nil when the stored cells do not have the stored shape.
    public var schedule: Schedule? {
        guard staffCount >= 0, days >= 0, cells.count == staffCount * days else { return nil }
        return Schedule(staffCount: staffCount, days: days, cells: ContiguousArray(cells))
    }
}

/// A calendar feed: one staff member's shifts of a problem's latest roster, at a URL whose token is
/// its only credential (calendar apps cannot send headers). Revoking it makes the URL answer 404.
public struct FeedRecord: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "calendar_feed"

    public var id: Int64?
    public var problemId: Int64
    public var staffId: String
    /// 64 hexadecimal digits from the system's secure random source.
    public var token: String
    public var createdAt: Date
    public var revokedAt: Date?

    public init(problemId: Int64, staffId: String, token: String, createdAt: Date) {
        self.problemId = problemId
        self.staffId = staffId
        self.token = token
        self.createdAt = createdAt
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}
