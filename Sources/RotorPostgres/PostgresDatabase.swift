import Foundation
import Logging
import PostgresNIO
import RotorCore
import RotorStorage

/// Rotor's durable state in a PostgreSQL database that several servers and workers share: the same
/// tables as `AppDatabase`, with claims that hold when workers on different machines ask at once
/// (`SELECT … FOR UPDATE SKIP LOCKED`, and every write to a running job conditional on its claim).
public final class PostgresAppDatabase: RotorDatabase {
    let pool: PostgresConnectionPool
    let logger: Logger
    /// The database's URL without its password, for messages.
    public let location: String

    /// Connects to the database a URL names and brings its schema up to date.
    ///
    /// `postgres://user:password@host:port/database`, with optional query parameters `sslmode`
    /// (libpq's `disable`, `prefer`, `require`, `verify-ca`, or `verify-full`, the default),
    /// `sslrootcert` (a PEM file of CA certificates) and `schema` (Rotor's own: the schema to keep the
    /// tables in, created when missing; default `public`), which lets separate deployments or test
    /// runs share one database.
    public init(url: String, logger: Logger = Logger(label: "rotor.postgres")) throws {
        let location = try PostgresLocation(url: url)
        self.logger = logger
        self.location = location.description
        pool = PostgresConnectionPool(configuration: try location.connectionConfiguration(), logger: logger)
        do {
            try PostgresMigrations.migrate(pool, schema: location.schema)
        } catch {
            pool.close()
            throw PostgresStorageError(doing: "cannot open \(location.description)", error)
        }
    }

    /// Closes the idle connections; the value must not be used after.
    public func close() { pool.close() }

    /// The migrations applied to this database, in the order they were applied.
    public func appliedMigrations() throws -> [String] {
        try pool.withConnection { c in
            try c.rows("SELECT name FROM rotor_migration ORDER BY \"appliedAt\", name", logger: logger).map { try $0["name"].decode(String.self) }
        }
    }

    // MARK: - Problems

    public func insertProblem(_ problem: ProblemRecord) throws -> ProblemRecord {
        try attempt("store a problem") {
            let rows = try pool.withConnection { c in
                try c.rows("""
                    INSERT INTO problem (name, format, source, "staffCount", days, "createdAt")
                    VALUES (\(problem.name), \(problem.format), \(problem.source), \(problem.staffCount), \(problem.days), \(problem.createdAt))
                    RETURNING id
                    """, logger: logger)
            }
            var inserted = problem
            inserted.id = try rows[0]["id"].decode(Int64.self)
            return inserted
        }
    }

    public func problemSummaries() throws -> [ProblemSummary] {
        try attempt("list problems") {
            try pool.withConnection { c in
                try c.rows("SELECT id, name, format, \"staffCount\", days, \"createdAt\" FROM problem ORDER BY id", logger: logger).map { row in
                    ProblemSummary(id: try row["id"].decode(Int64.self), name: try row["name"].decode(String.self),
                                   format: try row["format"].decode(String.self), staffCount: try row["staffCount"].decode(Int.self),
                                   days: try row["days"].decode(Int.self), createdAt: try row["createdAt"].decode(Date.self))
                }
            }
        }
    }

    public func problem(id: Int64) throws -> ProblemRecord? {
        try attempt("read problem \(id)") {
            try pool.withConnection { c in
                try c.rows("SELECT * FROM problem WHERE id = \(id)", logger: logger).first.map { row in
                    var problem = ProblemRecord(
                        name: try row["name"].decode(String.self), format: try row["format"].decode(String.self),
                        source: try row["source"].decode(String.self), staffCount: try row["staffCount"].decode(Int.self),
                        days: try row["days"].decode(Int.self), createdAt: try row["createdAt"].decode(Date.self))
                    problem.id = try row["id"].decode(Int64.self)
                    return problem
                }
            }
        }
    }

    public func deleteProblem(id: Int64) throws -> Bool {
        try attempt("delete problem \(id)") {
            try pool.withConnection { c in try c.run("DELETE FROM problem WHERE id = \(id)", logger: logger) == 1 }
        }
    }

    // MARK: - Calendar feeds

    public func insertFeed(_ feed: FeedRecord) throws -> FeedRecord {
        try attempt("store a calendar feed") {
            try pool.withConnection { c in
                try Self.feed(try c.rows("""
                    INSERT INTO calendar_feed ("problemId", "staffId", token, "createdAt")
                    VALUES (\(feed.problemId), \(feed.staffId), \(feed.token), \(feed.createdAt)) RETURNING *
                    """, logger: logger)[0])
            }
        }
    }

    public func feeds(problemId: Int64) throws -> [FeedRecord] {
        try attempt("read the calendar feeds of problem \(problemId)") {
            try pool.withConnection { c in
                try c.rows("SELECT * FROM calendar_feed WHERE \"problemId\" = \(problemId) ORDER BY id", logger: logger).map(Self.feed)
            }
        }
    }

    public func feed(token: String) throws -> FeedRecord? {
        try attempt("read a calendar feed") {
            try pool.withConnection { c in
                try c.rows("SELECT * FROM calendar_feed WHERE token = \(token) AND \"revokedAt\" IS NULL", logger: logger).first.map(Self.feed)
            }
        }
    }

    public func revokeFeed(id: Int64, now: Date) throws -> FeedRecord? {
        try attempt("revoke calendar feed \(id)") {
            try pool.withConnection { c in
                _ = try c.run("UPDATE calendar_feed SET \"revokedAt\" = \(now) WHERE id = \(id) AND \"revokedAt\" IS NULL", logger: logger)
                return try c.rows("SELECT * FROM calendar_feed WHERE id = \(id)", logger: logger).first.map(Self.feed)
            }
        }
    }

    private static func feed(_ row: PostgresRandomAccessRow) throws -> FeedRecord {
        var feed = FeedRecord(problemId: try row["problemId"].decode(Int64.self), staffId: try row["staffId"].decode(String.self),
                              token: try row["token"].decode(String.self), createdAt: try row["createdAt"].decode(Date.self))
        feed.id = try row["id"].decode(Int64.self)
        feed.revokedAt = try row["revokedAt"].decode(Date?.self)
        return feed
    }

    // MARK: - Jobs

    public func insertJob(problemId: Int64, limits: JobLimits, now: Date) throws -> JobRecord {
        try attempt("store a job") {
            let job = JobRecord(problemId: problemId, limits: limits, createdAt: now)
            return try pool.withConnection { c in
                try Self.job(try c.rows("""
                    INSERT INTO job ("problemId", status, "timeLimitSeconds", threads, seed, "startFromJobId", moves,
                                     "elapsedSeconds", "stopRequested", "createdAt")
                    VALUES (\(job.problemId), \(job.status.rawValue), \(job.timeLimitSeconds), \(job.threads), \(job.seed),
                            \(job.startFromJobId), \(job.moves), \(job.elapsedSeconds), \(job.stopRequested), \(job.createdAt))
                    RETURNING *
                    """, logger: logger)[0])
            }
        }
    }

    public func job(id: Int64) throws -> JobRecord? {
        try attempt("read job \(id)") {
            try pool.withConnection { c in try c.rows("SELECT * FROM job WHERE id = \(id)", logger: logger).first.map(Self.job) }
        }
    }

    public func jobs(problemId: Int64) throws -> [JobRecord] {
        try attempt("list the jobs of problem \(problemId)") {
            try pool.withConnection { c in try c.rows("SELECT * FROM job WHERE \"problemId\" = \(problemId) ORDER BY id", logger: logger).map(Self.job) }
        }
    }

    public func hasActiveJobs(problemId: Int64) throws -> Bool {
        try attempt("look for active jobs of problem \(problemId)") {
            try pool.withConnection { c in
                try !c.rows("SELECT 1 FROM job WHERE \"problemId\" = \(problemId) AND status IN ('queued', 'running') LIMIT 1",
                            logger: logger).isEmpty
            }
        }
    }

    public func claimJob(id: Int64, worker claim: String, now: Date) throws -> Bool {
        try attempt("claim job \(id)") {
            try pool.withConnection { c in try c.run(Self.claim(id: id, claim, now: now), logger: logger) == 1 }
        }
    }

    /// The oldest queued job that no other transaction is claiming: `SKIP LOCKED` passes over the rows
    /// other workers have locked, so two workers asking at once take different jobs, and neither waits.
    public func claimNextQueuedJob(worker claim: String, now: Date) throws -> JobRecord? {
        try attempt("claim a queued job") {
            try pool.transaction { c -> JobRecord? in
                guard let row = try c.rows("SELECT id FROM job WHERE status = 'queued' ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED",
                                           logger: logger).first else { return nil }
                let id = try row["id"].decode(Int64.self)
                guard try c.run(Self.claim(id: id, claim, now: now), logger: logger) == 1 else { return nil }
                return try c.rows("SELECT * FROM job WHERE id = \(id)", logger: logger).first.map(Self.job)
            }
        }
    }

    private static func claim(id: Int64, _ claim: String, now: Date) -> PostgresQuery {
        // A re-queued job keeps the time it first started.
        """
        UPDATE job SET status = 'running', "claimedBy" = \(claim), "startedAt" = COALESCE("startedAt", \(now)), "heartbeatAt" = \(now)
        WHERE id = \(id) AND status = 'queued'
        """
    }

    public func recordProgress(jobId: Int64, worker claim: String, _ progress: JobProgress, now: Date) throws -> ClaimState {
        try attempt("record the progress of job \(jobId)") {
            try pool.withConnection { c in
                let rows = try c.rows("""
                    UPDATE job SET \(progress: progress), "heartbeatAt" = \(now)
                    WHERE id = \(jobId) AND status = 'running' AND "claimedBy" = \(claim)
                    RETURNING "stopRequested"
                    """, logger: logger)
                guard let row = rows.first else { return .lost }
                return try row["stopRequested"].decode(Bool.self) ? .stopRequested : .held
            }
        }
    }

    public func saveRoster(_ roster: RosterRecord, worker claim: String, progress: JobProgress) throws -> Bool {
        try attempt("save the roster of job \(roster.jobId)") {
            try pool.transaction { c in
                guard try c.run("""
                    UPDATE job SET \(progress: progress), "heartbeatAt" = \(roster.savedAt)
                    WHERE id = \(roster.jobId) AND status = 'running' AND "claimedBy" = \(claim)
                    """, logger: logger) == 1 else { return false }
                try c.run("""
                    INSERT INTO roster ("jobId", "staffCount", days, cells, hard, soft, "savedAt")
                    VALUES (\(roster.jobId), \(roster.staffCount), \(roster.days), \(roster.cells), \(roster.hard), \(roster.soft), \(roster.savedAt))
                    ON CONFLICT ("jobId") DO UPDATE SET "staffCount" = excluded."staffCount", days = excluded.days,
                        cells = excluded.cells, hard = excluded.hard, soft = excluded.soft, "savedAt" = excluded."savedAt"
                    """, logger: logger)
                return true
            }
        }
    }

    public func finishJob(id: Int64, worker claim: String, status: JobStatus, error: String?, progress: JobProgress, now: Date) throws -> Bool {
        precondition(status.isFinal, "a job finishes as finished, optimal, stopped, interrupted or failed")
        return try attempt("end job \(id)") {
            try pool.withConnection { c in
                try c.run("""
                    UPDATE job SET status = \(status.rawValue), error = \(error), "finishedAt" = \(now), \(progress: progress)
                    WHERE id = \(id) AND status = 'running' AND "claimedBy" = \(claim)
                    """, logger: logger) == 1
            }
        }
    }

    public func releaseJob(id: Int64, worker claim: String, progress: JobProgress) throws -> Bool {
        try attempt("put job \(id) back in the queue") {
            try pool.withConnection { c in
                try c.run("""
                    UPDATE job SET status = 'queued', "claimedBy" = NULL, \(progress: progress)
                    WHERE id = \(id) AND status = 'running' AND "claimedBy" = \(claim)
                    """, logger: logger) == 1
            }
        }
    }

    public func requestStop(jobId: Int64, now: Date) throws -> JobRecord? {
        try attempt("stop job \(jobId)") {
            try pool.transaction { c in
                try c.run("""
                    UPDATE job SET "stopRequested" = TRUE,
                        status = CASE WHEN status = 'queued' THEN 'stopped' ELSE status END,
                        "finishedAt" = CASE WHEN status = 'queued' THEN \(now) ELSE "finishedAt" END
                    WHERE id = \(jobId) AND status IN ('queued', 'running')
                    """, logger: logger)
                return try c.rows("SELECT * FROM job WHERE id = \(jobId)", logger: logger).first.map(Self.job)
            }
        }
    }

    public func interruptOrphanedJobs(reason: String, now: Date) throws -> [Int64] {
        try attempt("interrupt orphaned jobs") {
            try pool.withConnection { c in
                try c.rows("""
                    UPDATE job SET status = 'interrupted', error = \(reason), "finishedAt" = \(now)
                    WHERE status IN ('queued', 'running') RETURNING id
                    """, logger: logger).map { try $0["id"].decode(Int64.self) }
            }
        }
    }

    public func requeueStaleJobs(heartbeatBefore: Date) throws -> [Int64] {
        try attempt("re-queue stale jobs") {
            try pool.withConnection { c in
                try c.rows("""
                    UPDATE job SET status = 'queued', "claimedBy" = NULL
                    WHERE status = 'running' AND "heartbeatAt" < \(heartbeatBefore) RETURNING id
                    """, logger: logger).map { try $0["id"].decode(Int64.self) }.sorted()
            }
        }
    }

    // MARK: - Rosters

    public func roster(jobId: Int64) throws -> RosterRecord? {
        try attempt("read the roster of job \(jobId)") {
            try pool.withConnection { c in
                try c.rows("SELECT * FROM roster WHERE \"jobId\" = \(jobId)", logger: logger).first.map { row in
                    var roster = RosterRecord(jobId: jobId, schedule: Schedule(staffCount: 0, days: 0), score: Score(hard: 0, soft: 0),
                                              savedAt: try row["savedAt"].decode(Date.self))
                    roster.staffCount = try row["staffCount"].decode(Int.self)
                    roster.days = try row["days"].decode(Int.self)
                    roster.cells = try row["cells"].decode(Data.self)
                    roster.hard = try row["hard"].decode(Int.self)
                    roster.soft = try row["soft"].decode(Int.self)
                    return roster
                }
            }
        }
    }

    // MARK: - Rows

    private static func job(_ row: PostgresRandomAccessRow) throws -> JobRecord {
        var job = JobRecord(
            problemId: try row["problemId"].decode(Int64.self),
            limits: JobLimits(timeLimitSeconds: try row["timeLimitSeconds"].decode(Double.self), threads: try row["threads"].decode(Int.self),
                              seed: try row["seed"].decode(Int64.self), startFromJobId: try row["startFromJobId"].decode(Int64?.self)),
            createdAt: try row["createdAt"].decode(Date.self))
        job.id = try row["id"].decode(Int64.self)
        let status = try row["status"].decode(String.self)
        guard let known = JobStatus(rawValue: status) else {
            throw PostgresStorageError(description: "job \(job.id!) has an unknown status \"\(status)\"")
        }
        job.status = known
        job.bestHard = try row["bestHard"].decode(Int?.self)
        job.bestSoft = try row["bestSoft"].decode(Int?.self)
        job.bound = try row["bound"].decode(Int?.self)
        if let relaxes = try row["boundRelaxes"].decode(String?.self) {
            guard let names = BoundRelaxesColumn.decode(relaxes) else {
                throw PostgresStorageError(description: "job \(job.id!) has a boundRelaxes that is not a JSON list of names")
            }
            job.boundRelaxes = names
        }
        job.moves = try row["moves"].decode(Int.self)
        job.elapsedSeconds = try row["elapsedSeconds"].decode(Double.self)
        job.error = try row["error"].decode(String?.self)
        job.stopRequested = try row["stopRequested"].decode(Bool.self)
        job.startedAt = try row["startedAt"].decode(Date?.self)
        job.finishedAt = try row["finishedAt"].decode(Date?.self)
        job.claimedBy = try row["claimedBy"].decode(String?.self)
        job.heartbeatAt = try row["heartbeatAt"].decode(Date?.self)
        return job
    }

    /// Runs `body`, turning PostgresNIO's errors, which print no detail, into ones that say what failed.
    private func attempt<T>(_ action: String, _ body: () throws -> T) throws -> T {
        do { return try body() } catch let error as PostgresStorageError { throw error } catch {
            throw PostgresStorageError(doing: "cannot \(action)", error)
        }
    }
}

extension PostgresQuery.StringInterpolation {
    /// The assignments of an `UPDATE job SET …` that record a running job's progress: its best score,
    /// moves and time, and its bound, which stays as stored when the progress has none (as
    /// `JobProgress.assignments` on SQLite). Every write of a job's progress uses them.
    mutating func appendInterpolation(progress: JobProgress) {
        appendLiteral("\"bestHard\" = ")
        appendInterpolation(progress.best?.hard)
        appendLiteral(", \"bestSoft\" = ")
        appendInterpolation(progress.best?.soft)
        appendLiteral(", moves = ")
        appendInterpolation(progress.moves)
        appendLiteral(", \"elapsedSeconds\" = ")
        appendInterpolation(progress.elapsedSeconds)
        appendLiteral(", bound = COALESCE(")
        appendInterpolation(progress.bound?.value)
        appendLiteral(", bound), \"boundRelaxes\" = COALESCE(")
        appendInterpolation(progress.boundRelaxesJSON)
        appendLiteral(", \"boundRelaxes\")")
    }
}

/// A PostgreSQL error with what Rotor was doing and the server's message.
public struct PostgresStorageError: Error, CustomStringConvertible {
    public var description: String

    init(description: String) { self.description = description }

    init(doing action: String, _ error: any Error) {
        let detail: String
        if let error = error as? PostgresStorageError {
            detail = error.description
        } else if let error = error as? PSQLError {
            // PSQLError prints a generic text so as not to leak query data; the server's message is safe.
            // A connection that failed says why in its underlying error ("connection refused").
            detail = error.serverInfo?[.message] ?? error.underlying.map { "\(error.code): \($0)" } ?? "\(error.code)"
        } else {
            detail = "\(error)"
        }
        description = "\(action): \(detail)"
    }
}

/// A quoted SQL identifier.
func quoted(_ identifier: String) -> String {
    "\"" + identifier.replacingOccurrences(of: "\"", with: "\"\"") + "\""
}
