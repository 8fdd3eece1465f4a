import Foundation
import GRDB
import RotorCore

/// Rotor's durable state in SQLite: one server per database file, so every claim here is that
/// server's (see `RotorDatabase`).
public struct AppDatabase: RotorDatabase {
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
        migrator.registerMigration("v2: calendar feeds") { db in
            try db.create(table: "calendar_feed") { t in
                t.autoIncrementedPrimaryKey("id")
                t.belongsTo("problem", onDelete: .cascade).notNull()
                t.column("staffId", .text).notNull()
                t.column("token", .text).notNull().unique()
                t.column("createdAt", .datetime).notNull()
                t.column("revokedAt", .datetime)
            }
        }
        migrator.registerMigration("v3: objective bounds") { db in
            // Null in the jobs stored before: they have no bound.
            try db.alter(table: "job") { t in
                t.add(column: "bound", .integer)
                t.add(column: "boundRelaxes", .text)
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

    // MARK: - Calendar feeds

    public func insertFeed(_ feed: FeedRecord) throws -> FeedRecord {
        try writer.write { db in
            var feed = feed
            try feed.insert(db)
            return feed
        }
    }

    public func feeds(problemId: Int64) throws -> [FeedRecord] {
        try writer.read { db in try FeedRecord.filter(Column("problemId") == problemId).order(Column("id")).fetchAll(db) }
    }

    public func feed(token: String) throws -> FeedRecord? {
        try writer.read { db in try FeedRecord.filter(Column("token") == token && Column("revokedAt") == nil).fetchOne(db) }
    }

    public func revokeFeed(id: Int64, now: Date) throws -> FeedRecord? {
        try writer.write { db in
            guard var feed = try FeedRecord.fetchOne(db, key: id) else { return nil }
            if feed.revokedAt == nil {
                feed.revokedAt = now
                try feed.update(db)
            }
            return feed
        }
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

    public func claimJob(id: Int64, worker claim: String, now: Date) throws -> Bool {
        try writer.write { db in try Self.claim(JobRecord.filter(key: id), claim, now: now, db) == 1 }
    }

    /// SQLite runs one write transaction at a time, so the oldest queued job read here is still queued
    /// when it is claimed.
    public func claimNextQueuedJob(worker claim: String, now: Date) throws -> JobRecord? {
        try writer.write { db in
            guard let id = try Int64.fetchOne(db, JobRecord.filter(Column("status") == JobStatus.queued)
                .order(Column("id")).select(Column("id")).limit(1)) else { return nil }
            _ = try Self.claim(JobRecord.filter(key: id), claim, now: now, db)
            return try JobRecord.fetchOne(db, key: id)
        }
    }

    private static func claim(_ jobs: QueryInterfaceRequest<JobRecord>, _ claim: String, now: Date, _ db: Database) throws -> Int {
        try jobs.filter(Column("status") == JobStatus.queued).updateAll(db, [
            Column("status").set(to: JobStatus.running),
            Column("claimedBy").set(to: claim),
            // A re-queued job keeps the time it first started.
            Column("startedAt").set(to: Column("startedAt") ?? now),
            Column("heartbeatAt").set(to: now),
        ])
    }

    /// The job while `claim` runs it.
    private static func held(_ id: Int64, by claim: String) -> QueryInterfaceRequest<JobRecord> {
        JobRecord.filter(key: id).filter(Column("status") == JobStatus.running).filter(Column("claimedBy") == claim)
    }

    public func recordProgress(jobId: Int64, worker claim: String, _ progress: JobProgress, now: Date) throws -> ClaimState {
        try writer.write { db in
            guard try Self.held(jobId, by: claim).updateAll(db, progress.assignments + [Column("heartbeatAt").set(to: now)]) == 1 else {
                return .lost
            }
            let stop = try Bool.fetchOne(db, JobRecord.filter(key: jobId).select(Column("stopRequested"))) ?? false
            return stop ? .stopRequested : .held
        }
    }

    public func saveRoster(_ roster: RosterRecord, worker claim: String, progress: JobProgress) throws -> Bool {
        try writer.write { db in
            guard try Self.held(roster.jobId, by: claim)
                .updateAll(db, progress.assignments + [Column("heartbeatAt").set(to: roster.savedAt)]) == 1 else { return false }
            try roster.upsert(db)
            return true
        }
    }

    public func finishJob(id: Int64, worker claim: String, status: JobStatus, error: String?, progress: JobProgress, now: Date) throws -> Bool {
        precondition(status.isFinal, "a job finishes as finished, optimal, stopped, interrupted or failed")
        return try writer.write { db in
            try Self.held(id, by: claim).updateAll(db, progress.assignments + [
                Column("status").set(to: status),
                Column("error").set(to: error),
                Column("finishedAt").set(to: now),
            ]) == 1
        }
    }

    public func releaseJob(id: Int64, worker claim: String, progress: JobProgress) throws -> Bool {
        try writer.write { db in
            try Self.held(id, by: claim).updateAll(db, progress.assignments + [
                Column("status").set(to: JobStatus.queued),
                Column("claimedBy").set(to: nil as String?),
            ]) == 1
        }
    }

    public func requestStop(jobId: Int64, now: Date) throws -> JobRecord? {
        try writer.write { db in
            _ = try JobRecord.filter(key: jobId).filter(Column("status") == JobStatus.queued).updateAll(db, [
                Column("status").set(to: JobStatus.stopped),
                Column("stopRequested").set(to: true),
                Column("finishedAt").set(to: now),
            ])
            _ = try JobRecord.filter(key: jobId).filter(Column("status") == JobStatus.running)
                .updateAll(db, Column("stopRequested").set(to: true))
            return try JobRecord.fetchOne(db, key: jobId)
        }
    }

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

    public func requeueStaleJobs(heartbeatBefore: Date) throws -> [Int64] {
        try writer.write { db in
            let stale = JobRecord.filter(Column("status") == JobStatus.running).filter(Column("heartbeatAt") < heartbeatBefore)
            let ids = try Int64.fetchAll(db, stale.select(Column("id")))
            _ = try stale.updateAll(db, [
                Column("status").set(to: JobStatus.queued),
                Column("claimedBy").set(to: nil as String?),
            ])
            return ids
        }
    }

    // MARK: - Rosters

    public func roster(jobId: Int64) throws -> RosterRecord? {
        try writer.read { db in try RosterRecord.fetchOne(db, key: jobId) }
    }
}

extension JobProgress {
    /// The job's columns this progress sets; without a bound, the stored bound stays.
    var assignments: [ColumnAssignment] {
        var assignments = [
            Column("bestHard").set(to: best?.hard),
            Column("bestSoft").set(to: best?.soft),
            Column("moves").set(to: moves),
            Column("elapsedSeconds").set(to: elapsedSeconds),
        ]
        if let bound {
            assignments.append(Column("bound").set(to: bound.value))
            assignments.append(Column("boundRelaxes").set(to: boundRelaxesJSON))
        }
        return assignments
    }
}
