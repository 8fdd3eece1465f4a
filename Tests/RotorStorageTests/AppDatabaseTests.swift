import Foundation
import GRDB
import RotorCore
import Testing
@testable import RotorStorage

private let t0 = Date(timeIntervalSince1970: 1_800_000_000)

private func sampleProblem(_ name: String = "tiny") -> ProblemRecord {
    ProblemRecord(name: name, format: "curtois", source: "SECTION_HORIZON\n7\n", staffCount: 2, days: 7, createdAt: t0)
}

private func sampleSchedule() -> Schedule {
    Schedule(staffCount: 2, days: 3, cells: [1, 0, 2, 0, 1, 1])
}

@Suite("AppDatabase")
struct AppDatabaseTests {
    @Test func problemsRoundTripAndListWithoutSource() throws {
        let db = try AppDatabase.inMemory()
        let a = try db.insertProblem(sampleProblem("a"))
        let b = try db.insertProblem(sampleProblem("b"))
        #expect(a.id != nil && b.id != nil && a.id != b.id)
        #expect(try db.problem(id: a.id!) == a)
        #expect(try db.problemSummaries().map(\.name) == ["a", "b"])
        #expect(try db.problem(id: 999) == nil)
    }

    @Test func jobLifecycle() throws {
        let db = try AppDatabase.inMemory()
        let problem = try db.insertProblem(sampleProblem())
        let limits = JobLimits(timeLimitSeconds: 2, threads: 1, seed: 7)
        let job = try db.insertJob(problemId: problem.id!, limits: limits, now: t0)
        #expect(job.status == .queued && job.limits == limits && job.best == nil)
        #expect(try db.hasActiveJobs(problemId: problem.id!))

        #expect(try db.claimJob(id: job.id!, worker: "w1", now: t0))
        #expect(try !db.claimJob(id: job.id!, worker: "w2", now: t0), "a running job cannot be claimed again")
        var running = try #require(try db.job(id: job.id!))
        #expect(running.status == .running && running.claimedBy == "w1" && running.startedAt == t0)

        let progress = JobProgress(best: Score(hard: 0, soft: 12), moves: 5000, elapsedSeconds: 1)
        #expect(try db.recordProgress(jobId: job.id!, worker: "w1", progress, now: t0.addingTimeInterval(1)) == .held)
        #expect(try db.recordProgress(jobId: job.id!, worker: "w2", progress, now: t0) == .lost, "only the claimant records progress")
        running = try #require(try db.job(id: job.id!))
        #expect(running.best == Score(hard: 0, soft: 12) && running.movesPerSecond == 5000)
        #expect(running.heartbeatAt == t0.addingTimeInterval(1))

        let roster = RosterRecord(jobId: job.id!, schedule: sampleSchedule(), score: Score(hard: 0, soft: 10),
                                  savedAt: t0.addingTimeInterval(2))
        #expect(try db.saveRoster(roster, worker: "w1", progress: JobProgress(best: roster.score, moves: 9000, elapsedSeconds: 2)))
        #expect(try db.roster(jobId: job.id!)?.schedule == sampleSchedule())
        #expect(try db.job(id: job.id!)?.best == roster.score)

        let stopped = try #require(try db.requestStop(jobId: job.id!, now: t0))
        #expect(stopped.stopRequested && stopped.status == .running)
        #expect(try db.recordProgress(jobId: job.id!, worker: "w1", JobProgress(best: roster.score, moves: 9500, elapsedSeconds: 2.1), now: t0) == .stopRequested)

        #expect(try !db.finishJob(id: job.id!, worker: "w2", status: .finished, error: nil,
                                  progress: JobProgress(best: nil, moves: 0, elapsedSeconds: 0), now: t0), "only the claimant ends the job")
        #expect(try db.finishJob(id: job.id!, worker: "w1", status: .stopped, error: nil,
                                 progress: JobProgress(best: roster.score, moves: 10000, elapsedSeconds: 2.5), now: t0.addingTimeInterval(3)))
        let finished = try #require(try db.job(id: job.id!))
        #expect(finished.status == .stopped && finished.moves == 10000 && finished.finishedAt == t0.addingTimeInterval(3))
        #expect(try !db.hasActiveJobs(problemId: problem.id!))
        #expect(try db.requestStop(jobId: 999, now: t0) == nil)
    }

    @Test func aSavedRosterIsReplaced() throws {
        let db = try AppDatabase.inMemory()
        let problem = try db.insertProblem(sampleProblem())
        let job = try db.insertJob(problemId: problem.id!, limits: JobLimits(timeLimitSeconds: 1, threads: 1, seed: 1), now: t0)
        var better = sampleSchedule()
        better[staff: 0, day: 1] = 2
        let progress = JobProgress(best: nil, moves: 0, elapsedSeconds: 0)
        #expect(try db.claimJob(id: job.id!, worker: "w", now: t0))
        #expect(try db.saveRoster(RosterRecord(jobId: job.id!, schedule: sampleSchedule(), score: Score(hard: 1, soft: 0), savedAt: t0), worker: "w", progress: progress))
        #expect(try db.saveRoster(RosterRecord(jobId: job.id!, schedule: better, score: Score(hard: 0, soft: 3), savedAt: t0), worker: "w", progress: progress))
        let saved = try #require(try db.roster(jobId: job.id!))
        #expect(saved.schedule == better && saved.score == Score(hard: 0, soft: 3))
    }

    @Test func orphanedJobsAreInterruptedWithTheirRosters() throws {
        let db = try AppDatabase.inMemory()
        let problem = try db.insertProblem(sampleProblem())
        let limits = JobLimits(timeLimitSeconds: 60, threads: 1, seed: 1)
        let running = try db.insertJob(problemId: problem.id!, limits: limits, now: t0)
        let queued = try db.insertJob(problemId: problem.id!, limits: limits, now: t0)
        let done = try db.insertJob(problemId: problem.id!, limits: limits, now: t0)
        _ = try db.claimJob(id: running.id!, worker: "dead", now: t0)
        _ = try db.saveRoster(RosterRecord(jobId: running.id!, schedule: sampleSchedule(), score: Score(hard: 0, soft: 4), savedAt: t0),
                              worker: "dead", progress: JobProgress(best: Score(hard: 0, soft: 4), moves: 100, elapsedSeconds: 1))
        _ = try db.claimJob(id: done.id!, worker: "dead", now: t0)
        _ = try db.finishJob(id: done.id!, worker: "dead", status: .finished, error: nil,
                             progress: JobProgress(best: nil, moves: 1, elapsedSeconds: 1), now: t0)

        let ids = try db.interruptOrphanedJobs(reason: "the server stopped", now: t0.addingTimeInterval(10))
        #expect(Set(ids) == [running.id!, queued.id!])
        let interrupted = try #require(try db.job(id: running.id!))
        #expect(interrupted.status == .interrupted && interrupted.error == "the server stopped")
        #expect(interrupted.best == Score(hard: 0, soft: 4))
        #expect(try db.roster(jobId: running.id!)?.schedule == sampleSchedule())
        #expect(try db.job(id: done.id!)?.status == .finished)
    }

    @Test func deletingAProblemDeletesItsJobsAndRosters() throws {
        let db = try AppDatabase.inMemory()
        let problem = try db.insertProblem(sampleProblem())
        let job = try db.insertJob(problemId: problem.id!, limits: JobLimits(timeLimitSeconds: 1, threads: 1, seed: 1), now: t0)
        _ = try db.claimJob(id: job.id!, worker: "w", now: t0)
        #expect(try db.saveRoster(RosterRecord(jobId: job.id!, schedule: sampleSchedule(), score: Score(hard: 0, soft: 0), savedAt: t0),
                                  worker: "w", progress: JobProgress(best: nil, moves: 0, elapsedSeconds: 0)))
        #expect(try db.deleteProblem(id: problem.id!))
        #expect(try db.job(id: job.id!) == nil)
        #expect(try db.roster(jobId: job.id!) == nil)
        #expect(try !db.deleteProblem(id: problem.id!))
    }

    /// The file database survives reopening, which is what makes jobs durable.
    @Test func aFileDatabaseKeepsItsContentAcrossOpens() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("rotor-storage-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let id = try AppDatabase.open(directory: directory).insertProblem(sampleProblem("kept")).id!
        #expect(try AppDatabase.open(directory: directory).problem(id: id)?.name == "kept")
    }

    /// The `boundRelaxes` column holds the rule names as a JSON list, written by the one codec both
    /// databases use (PostgreSQL's rows are read with it too); GRDB reads SQLite's back into the job.
    /// What happens to a job's bound (saved with the roster, kept by progress without one, kept when
    /// the job is continued, read back with an `optimal` end) is `checkBounds` in RotorPostgresTests,
    /// run there on SQLite and on PostgreSQL alike.
    @Test func boundRelaxesAreStoredAsAJSONList() throws {
        let names = ["fairness", "min-rest", "a/b"]
        let text = BoundRelaxesColumn.encode(names)
        #expect(text == #"["fairness","min-rest","a/b"]"#)
        #expect(BoundRelaxesColumn.decode(text) == names)
        #expect(BoundRelaxesColumn.encode([]) == "[]" && BoundRelaxesColumn.decode("[]") == [])
        #expect(BoundRelaxesColumn.decode("fairness") == nil && BoundRelaxesColumn.decode("[1]") == nil)

        let queue = try DatabaseQueue()
        let db = try AppDatabase(queue)
        let problem = try db.insertProblem(sampleProblem())
        let job = try db.insertJob(problemId: problem.id!, limits: JobLimits(timeLimitSeconds: 60, threads: 1, seed: 1), now: t0)
        #expect(try db.claimJob(id: job.id!, worker: "w", now: t0))
        let progress = JobProgress(best: nil, moves: 1, elapsedSeconds: 1, bound: ObjectiveBound(value: 3, relaxed: names))
        #expect(try db.recordProgress(jobId: job.id!, worker: "w", progress, now: t0) == .held)
        let column = try queue.read { try String.fetchOne($0, sql: "SELECT boundRelaxes FROM job WHERE id = ?", arguments: [job.id!]) }
        #expect(column == text)
        #expect(try db.job(id: job.id!)?.boundRelaxes == names)
    }

    /// A database from before bounds (migrated up to v2, rows written then) opens with the new
    /// migration, and its jobs read back as they were, without a bound.
    @Test func jobsStoredBeforeBoundsReadWithoutOne() throws {
        let queue = try DatabaseQueue()
        try AppDatabase.migrator.migrate(queue, upTo: "v2: calendar feeds")
        try queue.write { db in
            try db.execute(sql: """
                INSERT INTO problem (id, name, format, source, staffCount, days, createdAt)
                VALUES (1, 'old', 'curtois', 'SECTION_HORIZON', 2, 3, '2027-01-01 00:00:00.000');
                INSERT INTO job (id, problemId, status, timeLimitSeconds, threads, seed, bestHard, bestSoft, moves, elapsedSeconds,
                                 stopRequested, createdAt, finishedAt)
                VALUES (1, 1, 'finished', 60, 1, 1, 0, 7, 1000, 60, 0, '2027-01-01 00:00:00.000', '2027-01-01 00:01:00.000');
                INSERT INTO roster (jobId, staffCount, days, cells, hard, soft, savedAt)
                VALUES (1, 2, 3, x'010002000101', 0, 7, '2027-01-01 00:01:00.000');
                """)
        }
        let db = try AppDatabase(queue)
        let migrated = try queue.read { try AppDatabase.migrator.appliedMigrations($0) }
        #expect(migrated.last == "v3: objective bounds")
        let job = try #require(try db.job(id: 1))
        #expect(job.status == .finished && job.best == Score(hard: 0, soft: 7) && job.moves == 1000)
        #expect(job.bound == nil && job.boundRelaxes == nil && job.objectiveBound == nil)
        #expect(try db.roster(jobId: 1)?.schedule == sampleSchedule())
        #expect(try db.jobs(problemId: 1).count == 1)
    }
}
