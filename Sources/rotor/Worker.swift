import ArgumentParser
import Foundation
import RotorPostgres
import RotorServer

struct Worker: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Solve the jobs queued in a shared PostgreSQL database, beside 'rotor serve --database'.",
        discussion: """
            The worker claims queued jobs (at most --max-jobs at once), saves each job's best roster as it \
            improves and beats a heartbeat while it runs. When a worker dies, another re-queues its jobs once \
            their heartbeat is older than --heartbeat-timeout and continues them from their saved rosters. \
            On Ctrl-C or SIGTERM the worker puts its jobs back in the queue, rosters saved, and exits.
            """)

    @Option(help: "The shared database: postgres://user:password@host:port/database (default: the ROTOR_DATABASE_URL environment variable).")
    var database: String?

    @Option(help: "Solve jobs running at once in this worker.")
    var maxJobs = 2

    @Option(help: "Seconds without a heartbeat after which a running job is taken for lost and re-queued.")
    var heartbeatTimeout = 10.0

    @Option(help: "Names this worker in the jobs it claims (default: host:process-id).")
    var name: String?

    func run() throws {
        guard let url = database ?? environmentDatabaseURL() else {
            throw ValidationError("a worker needs a shared database: --database postgres://… or ROTOR_DATABASE_URL")
        }
        var configuration = ServerConfiguration()
        configuration.maxConcurrentJobs = maxJobs
        guard heartbeatTimeout.isFinite && heartbeatTimeout > 0 && heartbeatTimeout <= 86_400 else {
            throw ValidationError("the heartbeat timeout must be a number of seconds between 0 and 86400, not \(heartbeatTimeout)")
        }
        configuration.heartbeatTimeout = .milliseconds(Int64(heartbeatTimeout * 1000))
        if let name { configuration.workerName = name }
        configuration.sharedDatabase = true
        if let problem = configuration.problem { throw ValidationError(problem) }
        let shared = try openShared(url)
        let worker = try buildWorker(configuration: configuration, database: shared)
        printError("rotor: worker \(configuration.workerName) solving jobs from \(shared.location) (at most \(maxJobs) at once)")
        try waitFor { try await worker.run() }
        shared.close()
    }
}
