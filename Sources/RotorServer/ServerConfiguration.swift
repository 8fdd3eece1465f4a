import Foundation

/// How the server listens and what it allows.
public struct ServerConfiguration: Sendable {
    public var host = "127.0.0.1"
    public var port = 8080
    /// The bearer token every API request must carry; required when `host` is not a loopback address,
    /// because anyone who can reach the port could otherwise use the machine's cores.
    public var token: String?
    /// Solve jobs this process runs at once. On its own database one more is refused with 429 rather
    /// than queued, so that a client learns at once that the server is busy; on a shared database it
    /// waits `queued` for any worker with room, which is what the shared queue is for.
    public var maxConcurrentJobs = 2
    /// Whether the database is shared with other servers and workers (PostgreSQL): submitted jobs are
    /// queued and claimed by whichever worker has room, and a job whose worker stops beating is
    /// re-queued rather than interrupted.
    public var sharedDatabase = false
    /// Whether this process solves jobs; `rotor serve --no-worker` on a shared database leaves them
    /// to `rotor worker` processes.
    public var runsJobs = true
    /// How old a running job's heartbeat may get before a worker re-queues it. Heartbeats come every
    /// `rosterSaveInterval`; the margin covers a database that is slow for a moment. The machines'
    /// clocks must agree to well within it, since each stamps its own heartbeats.
    public var heartbeatTimeout: Duration = .seconds(10)
    /// Time between two looks at the shared queue (and sweeps for stale heartbeats).
    public var pollInterval: Duration = .milliseconds(500)
    /// Largest request body; a benchmark instance is well under 1 MB.
    public var maxBodyBytes = 10 * 1024 * 1024
    public var maxTimeLimitSeconds: Double = 24 * 3600
    /// Threads one job may ask for.
    public var maxThreads = max(ProcessInfo.processInfo.activeProcessorCount, 1)
    /// Least time between two saves of a job's best roster: the search improves many times a second
    /// early on, and each save is a write to disk. A process killed mid-solve loses at most about
    /// this much of the search (plus one progress report, 0.25 s).
    public var rosterSaveInterval: Duration = .seconds(1)
    /// Time between two progress events of `GET /api/jobs/{id}/events`.
    public var eventInterval: Duration = .milliseconds(500)
    /// Whether jobs prove a lower bound on the objective (`SolverOptions.boundShare`), report it with
    /// the gap to it, and end `optimal` when their roster meets it. Without, every job runs until its
    /// time limit or a stop, with no bound.
    public var provesBounds = true
    /// Names this process in the jobs it claims.
    public var workerName = "\(ProcessInfo.processInfo.hostName):\(ProcessInfo.processInfo.processIdentifier)"

    public init() {}

    /// Why the configuration cannot serve, or nil.
    public var problem: String? {
        if !(1...65535).contains(port) { return "the port must be between 1 and 65535, not \(port)" }
        if maxConcurrentJobs < 1 { return "at least one job must be allowed to run (max jobs \(maxConcurrentJobs))" }
        if !runsJobs && !sharedDatabase { return "a server on its own data directory must run its jobs; --no-worker needs --database" }
        if heartbeatTimeout <= rosterSaveInterval * 2 {
            return "the heartbeat timeout (\(heartbeatTimeout.seconds) s) must be more than \((rosterSaveInterval * 2).seconds) s, twice the time between heartbeats, or live jobs get re-queued"
        }
        if let token, token.count < Self.minimumTokenLength || token.unicodeScalars.contains(where: { $0.properties.isWhitespace || $0.value < 0x21 || $0.value == 0x7F }) {
            return "the API token must be at least \(Self.minimumTokenLength) characters, without spaces or control characters; "
                + "generate one with: openssl rand -hex 32"
        }
        if token == nil && !Self.isLoopback(host) {
            return "listening on \(host), which is not a loopback address, needs an API token (--token or ROTOR_TOKEN)"
        }
        return nil
    }

    /// The shortest API token accepted: 16 random characters are beyond guessing at any request rate.
    public static let minimumTokenLength = 16

    /// Whether a host name or address can only be reached from this machine.
    public static func isLoopback(_ host: String) -> Bool {
        let lowered = host.lowercased()
        if lowered == "localhost" || lowered == "::1" || lowered == "[::1]" { return true }
        let parts = lowered.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts[0] == "127" && parts.allSatisfy { UInt8($0) != nil }
    }
}
