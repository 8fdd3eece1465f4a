import Foundation
import Logging
import RotorCore
import RotorStorage
import ServiceLifecycle
import Synchronization

/// Runs solve jobs on threads of their own, never on the server's event loops or its async executor,
/// and keeps them durable: a job's best roster is saved whenever it improves (at most every
/// `rosterSaveInterval`), its progress and heartbeat are recorded as it runs, and the jobs a dead
/// process left running are marked `interrupted` when the runner is created.
///
/// As a service it waits for the server's graceful shutdown, then stops its jobs, which end
/// `interrupted` with their best roster saved.
final class JobRunner: Service, Sendable {
    let database: AppDatabase
    let configuration: ServerConfiguration
    let logger: Logger
    private let jobs = Mutex<[Int64: RunningJob]>([:])

    /// Creates the runner and interrupts the jobs no worker owns any more. Only one runner may use a
    /// database at a time (`rotor serve` locks its data directory), so every job still queued or
    /// running belonged to a process that is gone.
    init(database: AppDatabase, configuration: ServerConfiguration, logger: Logger) throws {
        self.database = database
        self.configuration = configuration
        self.logger = logger
        let orphans = try database.interruptOrphanedJobs(
            reason: "the server stopped while the job ran; its last saved roster is kept", now: Date())
        if !orphans.isEmpty {
            logger.notice("marked jobs left running by a previous server as interrupted", metadata: ["jobs": "\(orphans)"])
        }
    }

    /// Starts a job, or refuses with 429 when `maxConcurrentJobs` are running.
    func start(problemId: Int64, compiled: CompiledProblem, limits: JobLimits, initial: Schedule?) throws -> JobRecord {
        let handle = RunningJob()
        let job = try jobs.withLock { running -> JobRecord in
            guard running.count < configuration.maxConcurrentJobs else {
                throw APIError(status: .tooManyRequests,
                               message: "\(running.count) jobs are running, the most this server runs at once; wait for one to finish or stop one",
                               headers: [.retryAfter: "10"])
            }
            var job = try database.insertJob(problemId: problemId, limits: limits, now: Date())
            guard try database.claimJob(id: job.id!, worker: configuration.workerName, now: Date()) else {
                throw APIError(status: .conflict, message: "job \(job.id!) was taken by another worker")
            }
            job.status = .running
            running[job.id!] = handle
            return job
        }
        let thread = Thread { [self] in
            solve(job, compiled: compiled, initial: initial, handle: handle)
            jobs.withLock { _ = $0.removeValue(forKey: job.id!) }
        }
        thread.name = "rotor-job-\(job.id!)"
        thread.start()
        return job
    }

    /// Asks a job to stop; it ends `stopped` with its best roster. Nil when there is no such job.
    func stop(jobId: Int64) throws -> JobRecord? {
        guard let job = try database.requestStop(jobId: jobId) else { return nil }
        jobs.withLock { $0[jobId] }?.stop(because: .requested)
        return job
    }

    /// What a job running here reported last, fresher than the database; nil when it is not running here.
    func live(jobId: Int64) -> LiveProgress? {
        jobs.withLock { $0[jobId] }?.live
    }

    var runningCount: Int { jobs.withLock { $0.count } }

    func run() async throws {
        try? await gracefulShutdown()
        let running = jobs.withLock { Array($0.values) }
        for job in running { job.stop(because: .shutdown) }
        // Each search stops within 1,024 moves; the saves after it take milliseconds.
        while runningCount > 0 { try? await Task.sleep(for: .milliseconds(20)) }
    }

    // MARK: - The solve thread

    private func solve(_ job: JobRecord, compiled: CompiledProblem, initial: Schedule?, handle: RunningJob) {
        let id = job.id!
        var options = SolverOptions()
        options.seed = UInt64(job.seed)
        options.threads = job.threads
        options.termination = .timeLimit(.milliseconds(Int64(job.timeLimitSeconds * 1000)))
        options.stopSignal = handle.signal
        let saveInterval = configuration.rosterSaveInterval
        do {
            let result = try Solver(problem: compiled, options: options).solve(initial: initial) { [self] status in
                handle.report(status)
                guard handle.saveIsDue(interval: saveInterval) else { return }
                do {
                    if let schedule = status.bestSchedule { try save(schedule, jobId: id, compiled: compiled, handle: handle, status: status) }
                    if try database.recordProgress(jobId: id, JobProgress(status, saved: handle.savedScore), now: Date()) {
                        handle.stop(because: .requested)
                    }
                } catch {
                    logger.error("job \(id): cannot save progress: \(error)")
                }
            }
            try save(result.schedule, jobId: id, compiled: compiled, handle: handle, status: result.status)
            let (status, note): (JobStatus, String?) = switch handle.stopReason {
            case nil: (.finished, nil)
            case .requested: (.stopped, nil)
            case .shutdown: (.interrupted, "the server shut down before the time limit; the best roster so far is kept")
            }
            try database.finishJob(id: id, status: status, error: note,
                                   progress: JobProgress(result.status, saved: handle.savedScore), now: Date())
        } catch {
            logger.error("job \(id) failed: \(error)")
            let progress = handle.live.map { JobProgress(best: $0.best, moves: $0.moves, elapsedSeconds: $0.elapsedSeconds) }
                ?? JobProgress(best: nil, moves: 0, elapsedSeconds: 0)
            do {
                try database.finishJob(id: id, status: .failed, error: "the solver failed: \(error)", progress: progress, now: Date())
            } catch {
                logger.error("job \(id): cannot record the failure: \(error)")
            }
        }
    }

    /// Saves `schedule` when it scores better than the saved roster. It is scored from scratch: the
    /// solver's shared roster can trail its best score, and the saved score must be the roster's own.
    private func save(_ schedule: Schedule, jobId: Int64, compiled: CompiledProblem, handle: RunningJob, status: SolverStatus) throws {
        let evaluation = Evaluation(compiled, schedule)
        if let saved = handle.savedScore, saved <= evaluation.score { return }
        let roster = RosterRecord(jobId: jobId, schedule: schedule, score: evaluation.score, savedAt: Date())
        try database.saveRoster(roster, progress: JobProgress(status, saved: evaluation.score))
        handle.saved(evaluation)
    }
}

/// Why a job was stopped before its time limit.
enum StopReason: Sendable {
    case requested, shutdown
}

/// A job's latest progress as the solver reported it.
struct LiveProgress: Sendable, Equatable {
    var best: Score
    var moves: Int
    var elapsedSeconds: Double
    var movesPerSecond: Double
    /// Nil before the first save.
    var saved: SavedRosterBody?
}

/// The in-memory side of a running job: its stop signal and its latest progress.
final class RunningJob: Sendable {
    let signal = StopSignal()
    private struct State {
        var stopReason: StopReason?
        var live: LiveProgress?
        var saved: SavedRosterBody?
        var savedScore: Score?
        var lastSave: ContinuousClock.Instant?
    }
    private let state = Mutex(State())

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
            s.live = LiveProgress(best: status.best, moves: status.moves, elapsedSeconds: status.elapsed.seconds,
                                  movesPerSecond: status.movesPerSecond, saved: s.saved)
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

extension JobProgress {
    /// The solver's progress; the best score is the better of the solver's and the saved roster's,
    /// which is what a reader of the job can get.
    init(_ status: SolverStatus, saved: Score?) {
        self.init(best: saved.map { min($0, status.best) } ?? status.best, moves: status.moves, elapsedSeconds: status.elapsed.seconds)
    }
}

extension Duration {
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) * 1e-18 }
}
