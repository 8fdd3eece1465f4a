import Foundation
import Logging
import RotorCore
import RotorStorage
import ServiceLifecycle
import Synchronization

/// Runs solve jobs on threads of their own, never on the server's event loops or its async executor,
/// and keeps them durable: a job's best roster is saved whenever it improves (at most every
/// `rosterSaveInterval`), and its progress and heartbeat are recorded as it runs.
///
/// On a server's own database (SQLite) a submitted job starts here at once, and the jobs a dead
/// process left running are marked `interrupted` when the runner is created. On a shared database
/// (PostgreSQL) a submitted job is queued; every runner that runs jobs polls the queue, claims what
/// it has room for, and re-queues the running jobs whose heartbeat is older than `heartbeatTimeout`
/// (their worker died), continuing each from its saved roster.
///
/// As a service it waits for the process's graceful shutdown, then stops its jobs: they save their
/// roster and end `interrupted` (own database) or go back to the queue (shared database).
final class JobRunner: Service, Sendable {
    let database: any RotorDatabase
    let configuration: ServerConfiguration
    let logger: Logger
    private let jobs = Mutex<[Int64: RunningJob]>([:])
    /// Numbers this runner's claims, so that each claim is unique even when the same job comes back to
    /// this worker: a solve thread that lost its job can never write over the one that took it again.
    private let claimCount = Atomic<Int>(0)
    /// Held while claiming, so that the poll loop and a submission never claim past the running limit.
    private let claiming = Mutex<Void>(())
    /// Set when the process starts shutting down: a solve thread that ends then must not claim another
    /// job, which the shutdown would wait for.
    private let shuttingDown = Atomic<Bool>(false)

    /// Creates the runner. On a server's own database it interrupts the jobs no worker owns any more:
    /// only one server uses such a database (`rotor serve` locks its data directory), so every job
    /// still queued or running belonged to a process that is gone.
    init(database: any RotorDatabase, configuration: ServerConfiguration, logger: Logger) throws {
        self.database = database
        self.configuration = configuration
        self.logger = logger
        guard !configuration.sharedDatabase else { return }
        let orphans = try database.interruptOrphanedJobs(
            reason: "the server stopped while the job ran; its last saved roster is kept", now: Date())
        if !orphans.isEmpty {
            logger.notice("marked jobs left running by a previous server as interrupted", metadata: ["jobs": "\(orphans)"])
        }
    }

    /// Submits a job. On a shared database it is queued for the first worker with room (this one
    /// first, when it runs jobs); otherwise it starts here, or is refused with 429 when
    /// `maxConcurrentJobs` are running.
    func submit(problemId: Int64, compiled: CompiledProblem, limits: JobLimits, initial: Schedule?) throws -> JobRecord {
        try submit(storingProblem: { problemId }, compiled: compiled, limits: limits, initial: initial)
    }

    /// Submits a job on a problem that `storingProblem` stores only once the job is accepted (a
    /// re-plan's new problem), so that a refused request leaves nothing behind.
    func submit(storingProblem: () throws -> Int64, compiled: CompiledProblem, limits: JobLimits, initial: Schedule?) throws -> JobRecord {
        if configuration.sharedDatabase {
            let job = try database.insertJob(problemId: try storingProblem(), limits: limits, now: Date())
            guard configuration.runsJobs else { return job }
            claimQueuedJobs()
            return try database.job(id: job.id!) ?? job
        }
        let claim = nextClaim()
        let handle = RunningJob(earlier: nil)
        let job = try jobs.withLock { running -> JobRecord in
            guard running.count < configuration.maxConcurrentJobs else {
                throw APIError(status: .tooManyRequests,
                               message: "\(running.count) jobs are running, the most this server runs at once; wait for one to finish or stop one",
                               headers: [.retryAfter: "10"])
            }
            var job = try database.insertJob(problemId: try storingProblem(), limits: limits, now: Date())
            guard try database.claimJob(id: job.id!, worker: claim, now: Date()) else {
                throw APIError(status: .conflict, message: "job \(job.id!) was taken by another worker")
            }
            job.status = .running
            running[job.id!] = handle
            return job
        }
        startThread(job, compiled: compiled, initial: initial, handle: handle, claim: claim)
        return job
    }

    /// Asks a job to stop; it ends `stopped` with its best roster, at once when it was still queued.
    /// Nil when there is no such job. A job running on another worker sees the request at its next
    /// heartbeat.
    func stop(jobId: Int64) throws -> JobRecord? {
        guard let job = try database.requestStop(jobId: jobId, now: Date()) else { return nil }
        jobs.withLock { $0[jobId] }?.stop(because: .requested)
        return job
    }

    /// What a job running here reported last, fresher than the database; nil when it is not running here.
    func live(jobId: Int64) -> LiveProgress? {
        jobs.withLock { $0[jobId] }?.live
    }

    var runningCount: Int { jobs.withLock { $0.count } }

    func run() async throws {
        if configuration.sharedDatabase && configuration.runsJobs {
            // The queue is polled on the storage threads: a claim waits on the database.
            try? await withTaskExecutorPreference(StorageExecutor.shared) {
                try await cancelWhenGracefulShutdown {
                    while !Task.isCancelled {
                        self.claimQueuedJobs()
                        try await Task.sleep(for: self.configuration.pollInterval)
                    }
                }
            }
        } else {
            try? await gracefulShutdown()
        }
        claiming.withLock { _ in shuttingDown.store(true, ordering: .relaxed) }
        let running = jobs.withLock { Array($0.values) }
        for job in running { job.stop(because: .shutdown) }
        // Each search stops within 1,024 moves; the saves after it take milliseconds.
        while runningCount > 0 { try? await Task.sleep(for: .milliseconds(20)) }
    }

    // MARK: - The shared queue

    private func nextClaim() -> String {
        "\(configuration.workerName) #\(claimCount.add(1, ordering: .relaxed).newValue)"
    }

    /// Re-queues the jobs whose worker stopped beating, then claims queued jobs while there is room.
    private func claimQueuedJobs() {
        claiming.withLock { _ in
            guard !shuttingDown.load(ordering: .relaxed) else { return }
            do {
                let stale = try database.requeueStaleJobs(heartbeatBefore: Date() - configuration.heartbeatTimeout.seconds)
                if !stale.isEmpty {
                    logger.notice("re-queued jobs whose worker stopped beating", metadata: ["jobs": "\(stale)"])
                }
                while runningCount < configuration.maxConcurrentJobs {
                    let claim = nextClaim()
                    guard let job = try database.claimNextQueuedJob(worker: claim, now: Date()) else { break }
                    start(claimed: job, claim: claim)
                }
            } catch {
                logger.error("cannot claim queued jobs: \(error)")
            }
        }
    }

    /// Starts a job claimed from the queue: from its own saved roster when an earlier worker saved one
    /// (the job was re-queued), otherwise from the roster it asked to start from, if any.
    private func start(claimed job: JobRecord, claim: String) {
        let id = job.id!
        do {
            guard let record = try database.problem(id: job.problemId) else {
                throw APIError.notFound("its problem \(job.problemId) is gone")
            }
            guard let format = ProblemFormat(rawValue: record.format) else {
                throw APIError.badRequest("its problem is stored in an unknown format \"\(record.format)\"")
            }
            let compiled = try LoadedProblem(text: record.source, format: format, name: record.name).compiled
            let own = compiled.fitting(try database.roster(jobId: id)?.schedule)
            let initial = try own ?? job.startFromJobId.flatMap { compiled.fitting(try database.roster(jobId: $0)?.schedule) }
            let handle = RunningJob(earlier: job.elapsedSeconds > 0
                ? JobProgress(best: job.best, moves: job.moves, elapsedSeconds: job.elapsedSeconds, bound: job.objectiveBound) : nil)
            if let own { handle.saved(Evaluation(compiled, own)) }
            jobs.withLock { $0[id] = handle }
            if own != nil { logger.notice("job \(id): continuing from the roster its previous worker saved") }
            startThread(job, compiled: compiled, initial: initial, handle: handle, claim: claim)
        } catch {
            let reason = (error as? APIError)?.message ?? "\(error)"
            logger.error("job \(id) cannot start: \(reason)")
            let progress = JobProgress(best: job.best, moves: job.moves, elapsedSeconds: job.elapsedSeconds)
            _ = try? database.finishJob(id: id, worker: claim, status: .failed, error: "the job cannot start: \(reason)",
                                        progress: progress, now: Date())
        }
    }

    // MARK: - The solve thread

    private func startThread(_ job: JobRecord, compiled: CompiledProblem, initial: Schedule?, handle: RunningJob, claim: String) {
        let thread = Thread { [self] in
            solve(job, compiled: compiled, initial: initial, handle: handle, claim: claim)
            jobs.withLock { _ = $0.removeValue(forKey: job.id!) }
            // Room for another job.
            if configuration.sharedDatabase && configuration.runsJobs { claimQueuedJobs() }
        }
        thread.name = "rotor-job-\(job.id!)"
        thread.start()
    }

    private func solve(_ job: JobRecord, compiled: CompiledProblem, initial: Schedule?, handle: RunningJob, claim: String) {
        let id = job.id!
        var options = SolverOptions()
        options.seed = UInt64(job.seed)
        options.threads = job.threads
        // A continued job has the time its earlier workers did not use.
        let remaining = max(job.timeLimitSeconds - (handle.earlier?.elapsedSeconds ?? 0), 0)
        options.termination = .timeLimit(.milliseconds(Int64(remaining * 1000)))
        options.stopSignal = handle.signal
        if !configuration.provesBounds { options.boundShare = 0 }
        let saveInterval = configuration.rosterSaveInterval
        do {
            let result = try Solver(problem: compiled, options: options).solve(initial: initial) { [self] status in
                handle.report(status)
                guard handle.saveIsDue(interval: saveInterval) else { return }
                do {
                    if let schedule = status.bestSchedule,
                       try !save(schedule, jobId: id, claim: claim, compiled: compiled, handle: handle, status: status) {
                        handle.stop(because: .claimLost)
                        return
                    }
                    switch try database.recordProgress(jobId: id, worker: claim, handle.durableProgress(status), now: Date()) {
                    case .held: break
                    case .stopRequested: handle.stop(because: .requested)
                    case .lost: handle.stop(because: .claimLost)
                    }
                } catch {
                    logger.error("job \(id): cannot save progress: \(error)")
                }
            }
            // The final status can carry a bound that no progress report did (one proved since the
            // last report): the saves below write the bound `report` keeps.
            handle.report(result.status)
            if handle.stopReason == .claimLost {
                logger.warning("job \(id) was re-queued or ended elsewhere while it ran here; this worker leaves it")
                return
            }
            let held: Bool
            if try !save(result.schedule, jobId: id, claim: claim, compiled: compiled, handle: handle, status: result.status) {
                held = false
            } else {
                let progress = handle.durableProgress(result.status)
                let optimal = progress.best.map { progress.bound?.proves($0) == true } ?? false
                if let (status, note) = Self.ending(stopReason: handle.stopReason, optimal: optimal,
                                                    sharedDatabase: configuration.sharedDatabase) {
                    held = try database.finishJob(id: id, worker: claim, status: status, error: note, progress: progress, now: Date())
                } else {
                    held = try database.releaseJob(id: id, worker: claim, progress: progress)
                    logger.notice("job \(id) is back in the queue for another worker to continue")
                }
            }
            if !held { logger.warning("job \(id) was re-queued or ended elsewhere before it ended here; its result here is dropped") }
        } catch {
            logger.error("job \(id) failed: \(error)")
            let progress = handle.live.map { JobProgress(best: handle.savedScore, moves: $0.moves, elapsedSeconds: $0.elapsedSeconds, bound: $0.bound) }
                ?? handle.earlier ?? JobProgress(best: nil, moves: 0, elapsedSeconds: 0)
            do {
                _ = try database.finishJob(id: id, worker: claim, status: .failed, error: "the solver failed: \(error)",
                                           progress: progress, now: Date())
            } catch {
                logger.error("job \(id): cannot record the failure: \(error)")
            }
        }
    }

    /// How a job whose search stopped here ends: the status to finish it with and its note, or nil to
    /// put it back in the queue. A saved roster that meets the proven bound is `optimal` however the
    /// search stopped: no other worker could improve it, and no stop request or shutdown makes it less
    /// so. Otherwise the stop reason decides; a worker shutting down on a shared database hands the job
    /// back for another worker to continue.
    static func ending(stopReason: StopReason?, optimal: Bool, sharedDatabase: Bool) -> (status: JobStatus, note: String?)? {
        if optimal { return (.optimal, nil) }
        switch stopReason {
        case nil, .claimLost: return (.finished, nil)
        case .requested: return (.stopped, nil)
        case .shutdown where sharedDatabase: return nil
        case .shutdown: return (.interrupted, "the server shut down before the time limit; the best roster so far is kept")
        }
    }

    /// Saves `schedule` when it scores better than the saved roster; false when the job is no longer
    /// this claim's. It is scored from scratch: the solver's shared roster can trail its best score,
    /// and the saved score must be the roster's own.
    private func save(_ schedule: Schedule, jobId: Int64, claim: String, compiled: CompiledProblem, handle: RunningJob,
                      status: SolverStatus) throws -> Bool {
        let evaluation = Evaluation(compiled, schedule)
        if let saved = handle.savedScore, saved <= evaluation.score { return true }
        let roster = RosterRecord(jobId: jobId, schedule: schedule, score: evaluation.score, savedAt: Date())
        var progress = handle.durableProgress(status)
        progress.best = evaluation.score
        guard try database.saveRoster(roster, worker: claim, progress: progress) else { return false }
        handle.saved(evaluation)
        return true
    }
}

/// Why a job was stopped before its time limit.
enum StopReason: Sendable {
    case requested, shutdown
    /// The job was taken from this worker (re-queued after a late heartbeat, or ended elsewhere).
    case claimLost
}

/// A job's latest progress as the solver reported it.
struct LiveProgress: Sendable, Equatable {
    var best: Score
    var moves: Int
    var elapsedSeconds: Double
    var movesPerSecond: Double
    /// Nil before the first save.
    var saved: SavedRosterBody?
    /// The highest proven bound on the objective, this worker's or an earlier one's (so never below
    /// the job's stored bound); nil until one is known.
    var bound: ObjectiveBound?
}

/// The in-memory side of a running job: its stop signal and its latest progress.
final class RunningJob: Sendable {
    let signal = StopSignal()
    /// What earlier workers did, when this job was re-queued and continues here: its moves and time
    /// add to theirs.
    let earlier: JobProgress?
    private struct State {
        var stopReason: StopReason?
        var live: LiveProgress?
        var saved: SavedRosterBody?
        var savedScore: Score?
        var lastSave: ContinuousClock.Instant?
        /// The highest bound known: an earlier worker's until the solver here proves a higher one. It
        /// is raised only by `report`, so the live figures and the progress written carry the same.
        var bound: ObjectiveBound?
    }
    private let state = Mutex(State())

    init(earlier: JobProgress?) {
        self.earlier = earlier
        state.withLock { $0.bound = earlier?.bound }
    }

    func stop(because reason: StopReason) {
        state.withLock { if $0.stopReason == nil { $0.stopReason = reason } }
        signal.raise()
    }

    var stopReason: StopReason? { state.withLock { $0.stopReason } }
    var live: LiveProgress? { state.withLock { $0.live } }
    var savedScore: Score? { state.withLock { $0.savedScore } }

    /// True, and the clock restarts, when `interval` has passed since the last save; true at the first
    /// report, so that a roster is on disk within a second of the start.
    func saveIsDue(interval: Duration) -> Bool {
        let now = ContinuousClock.now
        return state.withLock { s in
            if let last = s.lastSave, now - last < interval { return false }
            s.lastSave = now
            return true
        }
    }

    func report(_ status: SolverStatus) {
        state.withLock { s in
            s.bound = ObjectiveBound.higher(s.bound, status.bound)
            s.live = LiveProgress(best: status.best, moves: status.moves + (earlier?.moves ?? 0),
                                  elapsedSeconds: status.elapsed.seconds + (earlier?.elapsedSeconds ?? 0),
                                  movesPerSecond: status.movesPerSecond, saved: s.saved, bound: s.bound)
        }
    }

    /// The progress written to the database: the best score there is always the saved roster's own
    /// (an earlier worker's before this one's first save), so that a job read after a crash
    /// describes the roster it kept; the bound is the highest known as of the last `report`.
    func durableProgress(_ status: SolverStatus) -> JobProgress {
        state.withLock { s in
            JobProgress(best: s.savedScore ?? earlier?.best, moves: status.moves + (earlier?.moves ?? 0),
                        elapsedSeconds: status.elapsed.seconds + (earlier?.elapsedSeconds ?? 0), bound: s.bound)
        }
    }

    func saved(_ evaluation: Evaluation) {
        state.withLock { s in
            s.savedScore = evaluation.score
            s.saved = SavedRosterBody(score: ScoreBody(evaluation.score), hardViolations: evaluation.hardViolations.count)
            s.live?.saved = s.saved
        }
    }
}

extension Duration {
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) * 1e-18 }
}
