import Foundation
import RotorCore
import RotorStorage
import Synchronization
import Testing
import PostgresNIO
@testable import RotorPostgres

/// What every `RotorDatabase` must do for workers sharing a queue: claims by one claimant at a time,
/// writes only while the claim holds, stale heartbeats re-queued with their rosters. Checked on SQLite
/// and on PostgreSQL alike.
func checkSharedQueue(_ db: any RotorDatabase) throws {
    let problem = try db.insertProblem(sampleProblem())
    let first = try db.insertJob(problemId: problem.id!, limits: oneMinute, now: t0)
    let second = try db.insertJob(problemId: problem.id!, limits: oneMinute, now: t0)

    // Oldest first; a claimed job is not claimed again.
    let a = try #require(try db.claimNextQueuedJob(worker: "a #1", now: t0))
    #expect(a.id == first.id && a.status == .running && a.claimedBy == "a #1" && a.startedAt == t0 && a.heartbeatAt == t0)
    let b = try #require(try db.claimNextQueuedJob(worker: "b #1", now: t0))
    #expect(b.id == second.id)
    #expect(try db.claimNextQueuedJob(worker: "b #2", now: t0) == nil)
    #expect(try !db.claimJob(id: first.id!, worker: "b #2", now: t0))

    // a saves a roster, then goes quiet at t0 + 1; b beats at t0 + 9.
    let roster = RosterRecord(jobId: first.id!, schedule: sampleSchedule(), score: Score(hard: 0, soft: 9), savedAt: t0.addingTimeInterval(1))
    #expect(try db.saveRoster(roster, worker: "a #1", progress: JobProgress(best: roster.score, moves: 500, elapsedSeconds: 1)))
    #expect(try db.recordProgress(jobId: second.id!, worker: "b #1", JobProgress(best: nil, moves: 9, elapsedSeconds: 9),
                                  now: t0.addingTimeInterval(9)) == .held)

    // At t0 + 15 with a 10 s timeout, a's job is stale and goes back to the queue with its roster.
    #expect(try db.requeueStaleJobs(heartbeatBefore: t0.addingTimeInterval(5)) == [first.id!])
    let requeued = try #require(try db.job(id: first.id!))
    #expect(requeued.status == .queued && requeued.claimedBy == nil && requeued.best == roster.score && requeued.moves == 500)
    #expect(try db.roster(jobId: first.id!)?.schedule == sampleSchedule())
    #expect(try db.job(id: second.id!)?.status == .running)

    // a wakes up: every write is refused, so it cannot overwrite whoever continues the job.
    let late = JobProgress(best: Score(hard: 5, soft: 5), moves: 1, elapsedSeconds: 1)
    #expect(try db.recordProgress(jobId: first.id!, worker: "a #1", late, now: t0.addingTimeInterval(16)) == .lost)
    let worse = RosterRecord(jobId: first.id!, schedule: Schedule(staffCount: 2, days: 3), score: Score(hard: 5, soft: 5), savedAt: t0)
    #expect(try !db.saveRoster(worse, worker: "a #1", progress: late))
    #expect(try !db.finishJob(id: first.id!, worker: "a #1", status: .finished, error: nil, progress: late, now: t0))
    #expect(try db.roster(jobId: first.id!)?.score == roster.score)

    // c continues it; it keeps its first start time.
    let c = try #require(try db.claimNextQueuedJob(worker: "c #1", now: t0.addingTimeInterval(16)))
    #expect(c.id == first.id && c.claimedBy == "c #1" && c.startedAt == t0 && c.heartbeatAt == t0.addingTimeInterval(16))
    #expect(try db.finishJob(id: first.id!, worker: "c #1", status: .finished, error: nil,
                             progress: JobProgress(best: roster.score, moves: 900, elapsedSeconds: 60), now: t0.addingTimeInterval(60)))
    #expect(try db.job(id: first.id!)?.status == .finished)

    // b shuts down and hands its job back; a stop request ends a queued job at once.
    #expect(try db.releaseJob(id: second.id!, worker: "b #1", progress: JobProgress(best: nil, moves: 10, elapsedSeconds: 10)))
    #expect(try db.job(id: second.id!)?.status == .queued)
    let stopped = try #require(try db.requestStop(jobId: second.id!, now: t0.addingTimeInterval(20)))
    #expect(stopped.status == .stopped && stopped.finishedAt == t0.addingTimeInterval(20) && stopped.moves == 10)
    #expect(try db.claimNextQueuedJob(worker: "c #2", now: t0) == nil)
    #expect(try db.requestStop(jobId: second.id!, now: t0)?.status == .stopped, "an ended job stays as it was")
}

/// What every `RotorDatabase` does with a job's bound: written with the best score and the roster,
/// kept by progress without one, kept when a job is re-queued and continued, and read back with an
/// `optimal` end. Checked on SQLite and on PostgreSQL alike.
func checkBounds(_ db: any RotorDatabase) throws {
    let problem = try db.insertProblem(sampleProblem())
    let job = try db.insertJob(problemId: problem.id!, limits: oneMinute, now: t0)
    #expect(job.objectiveBound == nil && job.boundRelaxes == nil)
    #expect(try db.claimJob(id: job.id!, worker: "a", now: t0))
    #expect(try db.recordProgress(jobId: job.id!, worker: "a", JobProgress(best: Score(hard: 0, soft: 20), moves: 1, elapsedSeconds: 1),
                                  now: t0) == .held)
    #expect(try db.job(id: job.id!)?.objectiveBound == nil)

    let relaxed = ObjectiveBound(value: 12, relaxed: ["fairness", "min-rest"])
    let roster = RosterRecord(jobId: job.id!, schedule: sampleSchedule(), score: Score(hard: 0, soft: 15), savedAt: t0.addingTimeInterval(2))
    #expect(try db.saveRoster(roster, worker: "a", progress: JobProgress(best: roster.score, moves: 2, elapsedSeconds: 2, bound: relaxed)))
    var stored = try #require(try db.job(id: job.id!))
    #expect(stored.objectiveBound == relaxed && stored.best == roster.score)
    #expect(try db.recordProgress(jobId: job.id!, worker: "a", JobProgress(best: roster.score, moves: 3, elapsedSeconds: 3),
                                  now: t0.addingTimeInterval(3)) == .held)
    #expect(try db.job(id: job.id!)?.objectiveBound == relaxed, "progress without a bound keeps the stored one")

    // Handed back and continued by another worker: the bound stays with the job.
    #expect(try db.releaseJob(id: job.id!, worker: "a", progress: JobProgress(best: roster.score, moves: 4, elapsedSeconds: 4)))
    let continued = try #require(try db.claimNextQueuedJob(worker: "b", now: t0.addingTimeInterval(5)))
    #expect(continued.id == job.id && continued.objectiveBound == relaxed)

    let exact = ObjectiveBound(value: 15)
    #expect(try db.finishJob(id: job.id!, worker: "b", status: .optimal, error: nil,
                             progress: JobProgress(best: roster.score, moves: 9, elapsedSeconds: 9, bound: exact), now: t0.addingTimeInterval(9)))
    stored = try #require(try db.job(id: job.id!))
    #expect(stored.status == .optimal && stored.objectiveBound == exact && stored.boundRelaxes == [])
    #expect(try db.jobs(problemId: problem.id!).first?.status == .optimal)
    #expect(try !db.hasActiveJobs(problemId: problem.id!))
}

@Suite("Shared queue on SQLite")
struct SQLiteSharedQueueTests {
    @Test func claimsHeartbeatsAndRequeues() throws {
        try checkSharedQueue(AppDatabase.inMemory())
    }

    @Test func boundsAreStoredWithTheRoster() throws {
        try checkBounds(AppDatabase.inMemory())
    }
}

@Suite("PostgreSQL storage", .enabled(if: testDatabaseURL != nil, Comment(rawValue: skipMessage)))
struct PostgresDatabaseTests {
    @Test func claimsHeartbeatsAndRequeues() throws {
        try withTestDatabase { db, _ in
            try checkSharedQueue(db)
        }
    }

    @Test func boundsAreStoredWithTheRoster() throws {
        try withTestDatabase { db, _ in
            try checkBounds(db)
        }
    }

    /// Jobs written before the bound's migration read back without a bound once it has run.
    @Test func jobsStoredBeforeBoundsReadWithoutOne() throws {
        let schema = try TestSchema()
        defer { schema.drop() }
        let location = try PostgresLocation(url: schema.url)
        let old = PostgresConnectionPool(configuration: try location.connectionConfiguration(), logger: quietLogger)
        defer { old.close() }
        try PostgresMigrations.migrate(old, schema: location.schema, upTo: "v2: calendar feeds")
        try old.withConnection { c in
            try c.run("""
                INSERT INTO problem (id, name, format, source, "staffCount", days, "createdAt")
                VALUES (1, 'old', 'curtois', 'SECTION_HORIZON', 2, 3, \(t0))
                """, logger: quietLogger)
            try c.run("""
                INSERT INTO job (id, "problemId", status, "timeLimitSeconds", threads, seed, "bestHard", "bestSoft", moves,
                                 "elapsedSeconds", "stopRequested", "createdAt", "finishedAt")
                VALUES (1, 1, 'finished', 60, 1, 1, 0, 7, 1000, 60, FALSE, \(t0), \(t0))
                """, logger: quietLogger)
        }

        let db = try schema.open()
        defer { db.close() }
        #expect(try db.appliedMigrations().last == "v3: objective bounds")
        let job = try #require(try db.job(id: 1))
        #expect(job.status == .finished && job.best == Score(hard: 0, soft: 7) && job.moves == 1000)
        #expect(job.bound == nil && job.boundRelaxes == nil && job.objectiveBound == nil)
    }

    /// The named migrations run once, even when two processes open a new database at once, and are
    /// recorded; the tables read back what was written.
    @Test func migrationsRunOnceAndAreRecorded() throws {
        let schema = try TestSchema()
        defer { schema.drop() }
        let opened = Mutex<[PostgresAppDatabase]>([])
        let failures = Mutex<[String]>([])
        DispatchQueue.concurrentPerform(iterations: 3) { _ in
            do {
                let db = try schema.open()
                opened.withLock { $0.append(db) }
            } catch {
                failures.withLock { $0.append("\(error)") }
            }
        }
        let databases = opened.withLock { $0 }
        defer { for db in databases { db.close() } }
        #expect(failures.withLock { $0 } == [])
        let db = try #require(databases.first)
        #expect(try db.appliedMigrations() == PostgresMigrations.all.map(\.name))
        #expect(try db.appliedMigrations() == ["v1: problems, jobs, rosters", "v2: calendar feeds", "v3: objective bounds"])

        let problem = try db.insertProblem(sampleProblem("kept"))
        #expect(try db.problem(id: problem.id!) == problem)
        #expect(try db.problemSummaries().map(\.name) == ["kept"])
        let again = try schema.open()
        defer { again.close() }
        #expect(try again.problem(id: problem.id!)?.name == "kept", "reopening keeps the data")
        #expect(try again.appliedMigrations().count == 3)
    }

    /// One queued job, two workers (each with its own connections) claiming at the same moment:
    /// exactly one gets it, round after round; then many jobs, many claimers: each job once.
    @Test func concurrentClaimersNeverShareAJob() throws {
        let schema = try TestSchema()
        defer { schema.drop() }
        let workers = try (0..<2).map { _ in try schema.open() }
        defer { for db in workers { db.close() } }
        let problem = try workers[0].insertProblem(sampleProblem())
        for round in 0..<20 {
            let job = try workers[0].insertJob(problemId: problem.id!, limits: oneMinute, now: t0)
            let winners = Mutex<[String]>([])
            DispatchQueue.concurrentPerform(iterations: 2) { w in
                if let claimed = try? workers[w].claimNextQueuedJob(worker: "w\(w)", now: t0) {
                    #expect(claimed.id == job.id)
                    winners.withLock { $0.append("w\(w)") }
                }
            }
            let won = winners.withLock { $0 }
            #expect(won.count == 1, "round \(round): \(won)")
            #expect(try workers[0].job(id: job.id!)?.claimedBy == won.first)
        }

        let ids = try (0..<40).map { _ in try workers[1].insertJob(problemId: problem.id!, limits: oneMinute, now: t0).id! }
        let claimed = Mutex<[Int64]>([])
        DispatchQueue.concurrentPerform(iterations: 4) { w in
            while let job = try? workers[w % 2].claimNextQueuedJob(worker: "claimer \(w)", now: t0) {
                claimed.withLock { $0.append(job.id!) }
            }
        }
        #expect(claimed.withLock { $0 }.sorted() == ids)
    }

    /// Calendar feeds: stored, found by token until revoked, gone with their problem.
    @Test func calendarFeeds() throws {
        try withTestDatabase { db, _ in
            let problem = try db.insertProblem(sampleProblem())
            let token = String(repeating: "ab", count: 32)
            let feed = try db.insertFeed(FeedRecord(problemId: problem.id!, staffId: "A", token: token, createdAt: t0))
            #expect(feed.id != nil && feed.revokedAt == nil)
            #expect(try db.feed(token: token) == feed)
            #expect(try db.feeds(problemId: problem.id!) == [feed])
            let revoked = try #require(try db.revokeFeed(id: feed.id!, now: t0.addingTimeInterval(5)))
            #expect(revoked.revokedAt == t0.addingTimeInterval(5))
            #expect(try db.feed(token: token) == nil && db.revokeFeed(id: 999_999, now: t0) == nil)
            #expect(try db.deleteProblem(id: problem.id!))
            #expect(try db.feeds(problemId: problem.id!) == [])
        }
    }

    /// Calls stuck on the database hold one pooled connection each and nothing else: with more
    /// blocked callers than the machine has cores (each waiting on an advisory lock that another
    /// pool holds), other calls are still served. No timing: the test waits until PostgreSQL shows
    /// every blocked call waiting, and only then releases the lock.
    @Test func blockedCallsLeaveTheRestServed() throws {
        let schema = try TestSchema()
        defer { schema.drop() }
        let db = try schema.open()
        let holder = try schema.open()
        defer { db.close(); holder.close() }
        let key = Int64.random(in: 1...1_000_000_000)
        let blockedCount = max(4, ProcessInfo.processInfo.activeProcessorCount * 2)
        let locked = DispatchSemaphore(value: 0), release = DispatchSemaphore(value: 0), finished = DispatchSemaphore(value: 0)
        let unblocked = Atomic<Int>(0)
        let failures = Mutex<[String]>([])

        Thread {
            do {
                try holder.pool.withConnection { c in
                    try c.run("SELECT pg_advisory_lock(\(key))", logger: holder.logger)
                    locked.signal()
                    release.wait()
                    try c.run("SELECT pg_advisory_unlock(\(key))", logger: holder.logger)
                }
            } catch {
                failures.withLock { $0.append("holder: \(error)") }
                locked.signal()
            }
            finished.signal()
        }.start()
        locked.wait()
        for _ in 0..<blockedCount {
            Thread {
                do {
                    try db.pool.withConnection { c in
                        try c.run("SELECT pg_advisory_lock(\(key))", logger: db.logger)
                        unblocked.add(1, ordering: .relaxed)
                        try c.run("SELECT pg_advisory_unlock(\(key))", logger: db.logger)
                    }
                } catch {
                    failures.withLock { $0.append("blocked call: \(error)") }
                }
                finished.signal()
            }.start()
        }

        // Until PostgreSQL shows every blocked call waiting for the lock (generous: a loaded machine).
        let waitingQuery: PostgresQuery = "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted AND objid = \(key)"
        var waiting = 0
        for _ in 0..<1200 where waiting < blockedCount {
            waiting = try db.pool.withConnection { try $0.rows(waitingQuery, logger: db.logger)[0][0].decode(Int.self) }
            if waiting < blockedCount { Thread.sleep(forTimeInterval: 0.05) }
        }
        #expect(waiting == blockedCount)

        // Served while they wait.
        let problem = try db.insertProblem(sampleProblem("served"))
        #expect(try db.problemSummaries().map(\.name) == ["served"])
        #expect(try db.problem(id: problem.id!)?.name == "served")
        #expect(unblocked.load(ordering: .relaxed) == 0, "the lock is still held")

        release.signal()
        for _ in 0...blockedCount {
            #expect(finished.wait(timeout: .now() + 120) == .success)
        }
        #expect(unblocked.load(ordering: .relaxed) == blockedCount)
        #expect(failures.withLock { $0 } == [])
    }

    /// Same calls as the SQLite lifecycle test: PostgreSQL stores what SQLite stores.
    @Test func jobLifecycleAndDeletion() throws {
        try withTestDatabase { db, _ in
            let problem = try db.insertProblem(sampleProblem())
            let limits = JobLimits(timeLimitSeconds: 2, threads: 1, seed: 7)
            let job = try db.insertJob(problemId: problem.id!, limits: limits, now: t0)
            #expect(job.status == .queued && job.limits == limits && job.best == nil && job.createdAt == t0)
            #expect(try db.hasActiveJobs(problemId: problem.id!))
            #expect(try db.claimJob(id: job.id!, worker: "w1", now: t0))
            let progress = JobProgress(best: Score(hard: 0, soft: 12), moves: 5000, elapsedSeconds: 1)
            #expect(try db.recordProgress(jobId: job.id!, worker: "w1", progress, now: t0.addingTimeInterval(1)) == .held)
            #expect(try db.job(id: job.id!)?.movesPerSecond == 5000)
            _ = try db.requestStop(jobId: job.id!, now: t0)
            #expect(try db.recordProgress(jobId: job.id!, worker: "w1", progress, now: t0) == .stopRequested)
            #expect(try db.finishJob(id: job.id!, worker: "w1", status: .stopped, error: "why", progress: progress, now: t0.addingTimeInterval(3)))
            let ended = try #require(try db.job(id: job.id!))
            #expect(ended.status == .stopped && ended.error == "why" && ended.finishedAt == t0.addingTimeInterval(3) && ended.stopRequested)
            #expect(try db.jobs(problemId: problem.id!).map(\.id) == [job.id])
            #expect(try !db.hasActiveJobs(problemId: problem.id!))

            let orphan = try db.insertJob(problemId: problem.id!, limits: JobLimits(timeLimitSeconds: 1, threads: 1, seed: 1, startFromJobId: job.id),
                                          now: t0)
            #expect(orphan.startFromJobId == job.id)
            #expect(try db.interruptOrphanedJobs(reason: "gone", now: t0) == [orphan.id!])
            #expect(try db.deleteProblem(id: problem.id!))
            #expect(try db.job(id: job.id!) == nil && db.problem(id: problem.id!) == nil)
            #expect(try !db.deleteProblem(id: problem.id!))
        }
    }
}

/// A database URL that cannot be used says why, without the password; no server needed.
@Suite("PostgreSQL URLs")
struct PostgresURLTests {
    @Test func badURLsAreExplained() {
        for (url, message) in [
            ("mysql://a@b/c", "is not a PostgreSQL URL"),
            ("postgres:///db", "names no host"),
            ("postgres://h/db", "names no user"),
            ("postgres://u@h/db?sslmode=maybe", "sslmode must be"),
            ("postgres://u@h/db?pool=3", "unknown parameter"),
            ("postgres://u@h/db?sslrootcert=", "sslrootcert= needs"),
            ("postgres://u:secret@127.0.0.1:1/db?sslmode=disable", "cannot open postgres://u@127.0.0.1:1/db"),
        ] {
            #expect {
                try PostgresAppDatabase(url: url)
            } throws: { error in
                let text = "\(error)"
                return text.contains(message) && !text.contains("secret")
            }
        }
    }

    /// Certificates are verified unless the URL says otherwise, as the security docs promise.
    @Test func certificatesAreVerifiedByDefault() throws {
        #expect(try PostgresLocation(url: "postgres://u@h/db").sslMode == .verifyFull)
        #expect(try PostgresLocation(url: "postgres://u@h/db?sslmode=verify-ca&sslrootcert=/etc/ca.pem").sslMode == .verifyCA)
        #expect(try PostgresLocation(url: "postgres://u@h/db?sslmode=require").sslMode == .require)
        #expect(try PostgresLocation(url: "postgres://u@h/db?sslmode=disable").sslMode == .disable)
    }
}
