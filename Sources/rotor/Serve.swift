import ArgumentParser
import Dispatch
import Foundation
import RotorPostgres
import RotorServer
import RotorStorage
import Synchronization

struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Serve the HTTP API: problems, background solve jobs and their rosters, kept in a data directory or a PostgreSQL database.",
        discussion: """
            The API is described at /openapi.json. Jobs survive restarts: a job that was running when the \
            server stopped is reported 'interrupted' with its best roster, and a new job can start from it \
            ({"startFrom": id}). Stop the server with Ctrl-C or SIGTERM; running jobs save their roster first.

            With --database, servers and 'rotor worker' processes on several machines share one PostgreSQL \
            database: jobs are queued and each worker claims what it has room for; a job whose worker dies \
            goes back to the queue and another worker continues it from its saved roster.
            """)

    @Option(help: "Address to listen on; any address other than loopback needs --token.")
    var host = "127.0.0.1"

    @Option(help: "Port to listen on.")
    var port = 8080

    @Option(help: "Directory of the SQLite database (created when missing; default rotor-data); one server per directory.")
    var dataDir: String?

    @Option(help: "A shared PostgreSQL database instead of a data directory: postgres://user:password@host:port/database (default: the ROTOR_DATABASE_URL environment variable).")
    var database: String?

    @Flag(help: "With --database: serve the API only, leaving the jobs to 'rotor worker' processes.")
    var noWorker = false

    @Option(help: "API token clients send as 'Authorization: Bearer <token>' (default: the ROTOR_TOKEN environment variable).")
    var token: String?

    @Option(help: "Solve jobs running at once in this process; with a data directory more are refused with 429, with --database they wait queued.")
    var maxJobs = 2

    func run() throws {
        var configuration = ServerConfiguration()
        configuration.host = host
        configuration.port = port
        configuration.token = token ?? ProcessInfo.processInfo.environment["ROTOR_TOKEN"].flatMap { $0.isEmpty ? nil : $0 }
        configuration.maxConcurrentJobs = maxJobs
        if let problem = configuration.problem { throw ValidationError(problem) }

        // An explicit --data-dir wins over ROTOR_DATABASE_URL; an explicit --database with it is a mistake.
        let databaseURL = database ?? (dataDir == nil ? environmentDatabaseURL() : nil)
        if let databaseURL {
            guard dataDir == nil else { throw ValidationError("give either --data-dir or --database, not both") }
            configuration.sharedDatabase = true
            configuration.runsJobs = !noWorker
            if let problem = configuration.problem { throw ValidationError(problem) }
            let shared = try openShared(databaseURL)
            let application = try buildApplication(configuration: configuration, database: shared)
            printError("rotor: serving http://\(host):\(port)/ (API described at /openapi.json), data in \(shared.location)"
                       + (noWorker ? ", jobs left to workers" : ""))
            try waitFor { try await application.runService() }
            shared.close()
            return
        }
        guard !noWorker else { throw ValidationError("--no-worker needs --database: a server on its own data directory runs its jobs") }

        let directory = URL(fileURLWithPath: dataDir ?? "rotor-data", isDirectory: true)
        let (lock, database) = try reportingInputErrors { () throws -> (DataDirectoryLock, AppDatabase) in
            do {
                return (try DataDirectoryLock(directory: directory), try AppDatabase.open(directory: directory))
            } catch let error as ServerConfigurationError {
                throw InputError(description: error.description)
            } catch {
                throw InputError(description: "\(directory.path): cannot open the database (\(error))")
            }
        }
        let application = try buildApplication(configuration: configuration, database: database)
        printError("rotor: serving http://\(host):\(port)/ (API described at /openapi.json), data in \(directory.path)")
        try withExtendedLifetime(lock) {
            try waitFor { try await application.runService() }
        }
    }
}

/// `ROTOR_DATABASE_URL`, which keeps the password out of the process list.
func environmentDatabaseURL() -> String? {
    ProcessInfo.processInfo.environment["ROTOR_DATABASE_URL"].flatMap { $0.isEmpty ? nil : $0 }
}

/// Connects to a shared database, reporting a bad URL or an unreachable server as an input error.
func openShared(_ url: String) throws -> PostgresAppDatabase {
    try reportingInputErrors {
        do {
            return try PostgresAppDatabase(url: url)
        } catch let error as PostgresStorageError {
            throw InputError(description: error.description)
        }
    }
}

/// Runs async work from a synchronous command and waits for it: the root command is synchronous, so
/// the server runs in a task while the main thread waits (Hummingbird needs nothing from the main thread).
func waitFor(_ work: @escaping @Sendable () async throws -> Void) throws {
    final class Outcome: Sendable {
        let error = Mutex<(any Error)?>(nil)
        let done = DispatchSemaphore(value: 0)
    }
    let outcome = Outcome()
    Task {
        do { try await work() } catch { outcome.error.withLock { $0 = error } }
        outcome.done.signal()
    }
    outcome.done.wait()
    if let error = outcome.error.withLock({ $0 }) { throw error }
}
