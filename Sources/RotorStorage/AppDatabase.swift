import Foundation
import GRDB
import RotorCore

/// Rotor's durable state: uploaded problems, solve jobs and each job's best roster, in SQLite.
///
/// The methods are synchronous: each is one short transaction, and the job runner calls them from
/// its solver threads, which must not wait on an async executor.
public struct AppDatabase: Sendable {
    private let writer: any DatabaseWriter

    /// Wraps a connection and brings its schema up to date.
    public init(_ writer: any DatabaseWriter) throws {
        self.writer = writer
        try Self.migrator.migrate(writer)
    }

    /// The database file `rotor.sqlite` in `directory` (created when missing), in WAL mode so that
    /// API reads never wait for the runner's writes.
    public static func open(directory: URL) throws -> AppDatabase {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        let pool = try DatabasePool(path: directory.appendingPathComponent("rotor.sqlite").path, configuration: configuration)
        return try AppDatabase(pool)
    }

    /// A private database that disappears with the value: for tests.
    public static func inMemory() throws -> AppDatabase {
        try AppDatabase(DatabaseQueue())
    }

    /// The schema, one named migration per change; a released migration is never edited.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: problems, jobs, rosters") { db in
            try db.create(table: "problem") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("name", .text).notNull()
                t.column("format", .text).notNull()
                t.column("source", .text).notNull()
                t.column("staffCount", .integer).notNull()
                t.column("days", .integer).notNull()
                t.column("createdAt", .datetime).notNull()
            }
            try db.create(table: "job") { t in
                t.autoIncrementedPrimaryKey("id")
                t.belongsTo("problem", onDelete: .cascade).notNull()
                t.column("status", .text).notNull().indexed()
                t.column("timeLimitSeconds", .double).notNull()
                t.column("threads", .integer).notNull()
                t.column("seed", .integer).notNull()
                t.column("startFromJobId", .integer).references("job", onDelete: .setNull)
                t.column("bestHard", .integer)
                t.column("bestSoft", .integer)
                t.column("moves", .integer).notNull()
                t.column("elapsedSeconds", .double).notNull()
                t.column("error", .text)
                t.column("stopRequested", .boolean).notNull()
                t.column("createdAt", .datetime).notNull()
                t.column("startedAt", .datetime)
                t.column("finishedAt", .datetime)
                t.column("claimedBy", .text)
                t.column("heartbeatAt", .datetime)
            }
            try db.create(table: "roster") { t in
                t.primaryKey("jobId", .integer).references("job", onDelete: .cascade)
                t.column("staffCount", .integer).notNull()
                t.column("days", .integer).notNull()
                t.column("cells", .blob).notNull()
                t.column("hard", .integer).notNull()
                t.column("soft", .integer).notNull()
                t.column("savedAt", .datetime).notNull()
            }
        }
        return migrator
    }

    // MARK: - Problems

    public func insertProblem(_ problem: ProblemRecord) throws -> ProblemRecord {
        try writer.write { db in
            var problem = problem
            try problem.insert(db)
            return problem
        }
    }

    /// Every problem without its source, oldest first.
    public func problemSummaries() throws -> [ProblemSummary] {
        try writer.read { db in try ProblemSummary.order(Column("id")).fetchAll(db) }
    }

    public func problem(id: Int64) throws -> ProblemRecord? {
        try writer.read { db in try ProblemRecord.fetchOne(db, key: id) }
    }

    /// Deletes a problem with its jobs and their rosters; false when there was no such problem.
    public func deleteProblem(id: Int64) throws -> Bool {
        try writer.write { db in try ProblemRecord.deleteOne(db, key: id) }
    }

    // MARK: - Jobs

    /// A new job, `queued`.
    public func insertJob(problemId: Int64, limits: JobLimits, now: Date) throws -> JobRecord {
        try writer.write { db in
            var job = JobRecord(problemId: problemId, limits: limits, createdAt: now)
            try job.insert(db)
            return job
        }
    }

    public func job(id: Int64) throws -> JobRecord? {
        try writer.read { db in try JobRecord.fetchOne(db, key: id) }
    }

    /// A problem's jobs, oldest first.
    public func jobs(problemId: Int64) throws -> [JobRecord] {
        try writer.read { db in
            try JobRecord.filter(Column("problemId") == problemId).order(Column("id")).fetchAll(db)
        }
    }

    /// Whether a problem has a job that is queued or running.
    public func hasActiveJobs(problemId: Int64) throws -> Bool {
        try writer.read { db in
            try JobRecord.filter(Column("problemId") == problemId)
                .filter([JobStatus.queued, .running].contains(Column("status"))).fetchCount(db) > 0
        }
    }

    /// Takes a queued job for `worker`, making it `running`; false when it was not queued (another
    /// worker took it, or it was stopped before it started).
    public func claimJob(id: Int64, worker: String, now: Date) throws -> Bool {
        try writer.write { db in
            try JobRecord.filter(key: id).filter(Column("status") == JobStatus.queued).updateAll(db, [
                Column("status").set(to: JobStatus.running),
                Column("claimedBy").set(to: worker),
                Column("startedAt").set(to: now),
                Column("heartbeatAt").set(to: now),
            ]) == 1
        }
    }

    /// Records a running job's progress and heartbeat; returns whether a stop was requested.
    public func recordProgress(jobId: Int64, _ progress: JobProgress, now: Date) throws -> Bool {
        try writer.write { db in
            _ = try JobRecord.filter(key: jobId).updateAll(db, progress.assignments + [Column("heartbeatAt").set(to: now)])
            return try Bool.fetchOne(db, JobRecord.filter(key: jobId).select(Column("stopRequested"))) ?? false
        }
    }

    /// Replaces a job's saved roster and records its progress, in one transaction so that the job's
    /// best score and its roster never disagree for a reader.
    public func saveRoster(_ roster: RosterRecord, progress: JobProgress) throws {
        try writer.write { db in
            try roster.upsert(db)
            _ = try JobRecord.filter(key: roster.jobId)
                .updateAll(db, progress.assignments + [Column("heartbeatAt").set(to: roster.savedAt)])
        }
    }

    /// Ends a job with its final progress.
    public func finishJob(id: Int64, status: JobStatus, error: String?, progress: JobProgress, now: Date) throws {
        precondition(status.isFinal, "a job finishes as finished, stopped, interrupted or failed")
        try writer.write { db in
            _ = try JobRecord.filter(key: id).updateAll(db, progress.assignments + [
                Column("status").set(to: status),
                Column("error").set(to: error),
                Column("finishedAt").set(to: now),
            ])
        }
    }

    /// Asks a queued or running job to stop; returns the job, nil when there is no such job.
    public func requestStop(jobId: Int64) throws -> JobRecord? {
        try writer.write { db in
            _ = try JobRecord.filter(key: jobId).filter([JobStatus.queued, .running].contains(Column("status")))
                .updateAll(db, Column("stopRequested").set(to: true))
            return try JobRecord.fetchOne(db, key: jobId)
        }
    }

    /// Marks every queued or running job `interrupted`, keeping whatever roster it saved: the call of
    /// a worker that starts alone on the database, when such jobs can only be left over from a worker
    /// that died. Returns their ids.
    public func interruptOrphanedJobs(reason: String, now: Date) throws -> [Int64] {
        try writer.write { db in
            let orphans = JobRecord.filter([JobStatus.queued, .running].contains(Column("status")))
            let ids = try Int64.fetchAll(db, orphans.select(Column("id")))
            _ = try orphans.updateAll(db, [
                Column("status").set(to: JobStatus.interrupted),
                Column("error").set(to: reason),
                Column("finishedAt").set(to: now),
            ])
            return ids
        }
    }

    // MARK: - Rosters

    public func roster(jobId: Int64) throws -> RosterRecord? {
        try writer.read { db in try RosterRecord.fetchOne(db, key: jobId) }
    }
}

/// What a running job has done so far.
public struct JobProgress: Sendable, Equatable {
    public var best: Score?
    public var moves: Int
    public var elapsedSeconds: Double

    public init(best: Score?, moves: Int, elapsedSeconds: Double) {
        self.best = best
        self.moves = moves
        self.elapsedSeconds = elapsedSeconds
    }

    var assignments: [ColumnAssignment] {
        [
            Column("bestHard").set(to: best?.hard),
            Column("bestSoft").set(to: best?.soft),
            Column("moves").set(to: moves),
            Column("elapsedSeconds").set(to: elapsedSeconds),
        ]
    }
}
