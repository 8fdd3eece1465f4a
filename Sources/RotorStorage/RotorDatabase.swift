import Foundation
import RotorCore

/// Rotor's durable state — problems, solve jobs and each job's best roster — whatever keeps it:
/// `AppDatabase` (SQLite, one server per data directory) or a PostgreSQL database shared by servers
/// and workers on several machines (`RotorPostgres`).
///
/// Every method is synchronous and one short transaction: the job runner calls them from its solver
/// threads, which must not wait on an async executor.
///
/// A job is claimed with a claim name (`claimedBy`); the methods that write a running job's progress
/// or end it do so only while the claim is still the caller's, so that a worker whose job was taken
/// from it (its heartbeat stopped and the job was re-queued) can never overwrite the new claimant.
public protocol RotorDatabase: Sendable {
    func insertProblem(_ problem: ProblemRecord) throws -> ProblemRecord
    /// Every problem without its source, oldest first.
    func problemSummaries() throws -> [ProblemSummary]
    func problem(id: Int64) throws -> ProblemRecord?
    /// Deletes a problem with its jobs and their rosters; false when there was no such problem.
    func deleteProblem(id: Int64) throws -> Bool

    /// A new job, `queued`.
    func insertJob(problemId: Int64, limits: JobLimits, now: Date) throws -> JobRecord
    func job(id: Int64) throws -> JobRecord?
    /// A problem's jobs, oldest first.
    func jobs(problemId: Int64) throws -> [JobRecord]
    /// Whether a problem has a job that is queued or running.
    func hasActiveJobs(problemId: Int64) throws -> Bool

    /// Takes a given queued job for `claim`, making it `running`; false when it was not queued.
    func claimJob(id: Int64, worker claim: String, now: Date) throws -> Bool
    /// Takes the oldest queued job for `claim`, making it `running`; nil when none is queued. Two
    /// workers asking at once never get the same job.
    func claimNextQueuedJob(worker claim: String, now: Date) throws -> JobRecord?
    /// Records a running job's progress and heartbeat while `claim` holds it.
    func recordProgress(jobId: Int64, worker claim: String, _ progress: JobProgress, now: Date) throws -> ClaimState
    /// Replaces a job's saved roster and records its progress (the bound with it) and heartbeat, in one
    /// transaction so that the job's best score, its bound and its roster never disagree; false (nothing written) when `claim` no
    /// longer holds the job.
    func saveRoster(_ roster: RosterRecord, worker claim: String, progress: JobProgress) throws -> Bool
    /// Ends a running job held by `claim`; false (nothing written) when the claim was lost.
    func finishJob(id: Int64, worker claim: String, status: JobStatus, error: String?, progress: JobProgress, now: Date) throws -> Bool
    /// Puts a running job held by `claim` back in the queue with its progress and saved roster, for
    /// another worker to continue (a worker shutting down); false when the claim was lost.
    func releaseJob(id: Int64, worker claim: String, progress: JobProgress) throws -> Bool
    /// Asks a job to stop: a queued job ends `stopped` at once, a running one is flagged for its
    /// worker. Returns the job, nil when there is no such job.
    func requestStop(jobId: Int64, now: Date) throws -> JobRecord?
    /// Marks every queued or running job `interrupted`, keeping whatever roster it saved: the call of
    /// a worker that is alone on the database when it starts, when such jobs can only be left over
    /// from a worker that died. Returns their ids.
    func interruptOrphanedJobs(reason: String, now: Date) throws -> [Int64]
    /// Puts back in the queue every running job whose heartbeat is older than `heartbeatBefore`: its
    /// worker died or lost the database. Its progress and saved roster stay, so the next worker
    /// continues from that roster. Returns their ids.
    func requeueStaleJobs(heartbeatBefore: Date) throws -> [Int64]

    func roster(jobId: Int64) throws -> RosterRecord?

    /// Stores a calendar feed.
    func insertFeed(_ feed: FeedRecord) throws -> FeedRecord
    /// A problem's feeds, revoked ones included, oldest first.
    func feeds(problemId: Int64) throws -> [FeedRecord]
    /// The feed with this token, unless it was revoked.
    func feed(token: String) throws -> FeedRecord?
    /// Revokes a feed; nil when there is no such feed.
    func revokeFeed(id: Int64, now: Date) throws -> FeedRecord?
}

/// What a worker learns when it records a running job's progress.
public enum ClaimState: Sendable, Equatable {
    /// The job is still the worker's, and nobody asked it to stop.
    case held
    /// The job is still the worker's, and a stop was requested (perhaps through another server).
    case stopRequested
    /// The job is no longer the worker's: it was re-queued (the heartbeat was late) or ended. The
    /// worker stops solving it without writing anything more.
    case lost
}

/// What a running job has done so far.
public struct JobProgress: Sendable, Equatable {
    public var best: Score?
    public var moves: Int
    public var elapsedSeconds: Double
    /// The best proven bound on the objective so far. Nil leaves the job's stored bound as it is: a
    /// bound, once proved for a job's problem, stays true.
    public var bound: ObjectiveBound?

    public init(best: Score?, moves: Int, elapsedSeconds: Double, bound: ObjectiveBound? = nil) {
        self.best = best
        self.moves = moves
        self.elapsedSeconds = elapsedSeconds
        self.bound = bound
    }

    /// `bound.relaxed` as the job's `boundRelaxes` column stores it (`BoundRelaxesColumn`).
    public var boundRelaxesJSON: String? {
        bound.map { BoundRelaxesColumn.encode($0.relaxed) }
    }
}

/// The job's `boundRelaxes` column on SQLite and PostgreSQL alike: the rules a bound leaves out as a
/// JSON list of names (`["fairness","min-rest"]`, `[]` for a bound that models every rule). Every
/// write of the column encodes here and PostgreSQL's rows decode here; on SQLite, GRDB decodes the
/// same JSON into `JobRecord.boundRelaxes` itself.
public enum BoundRelaxesColumn {
    public static func encode(_ names: [String]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        // Encoding a list of strings cannot fail.
        return (try? encoder.encode(names)).map { String(decoding: $0, as: UTF8.self) } ?? "[]"
    }

    /// The names in a stored column; nil when it is not a JSON list of strings.
    public static func decode(_ text: String) -> [String]? {
        try? JSONDecoder().decode([String].self, from: Data(text.utf8))
    }
}
