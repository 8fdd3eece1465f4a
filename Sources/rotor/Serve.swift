import ArgumentParser
import Dispatch
import Foundation
import RotorServer
import RotorStorage
import Synchronization

struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Serve the HTTP API: problems, background solve jobs and their rosters, kept in a data directory.",
        discussion: """
            The API is described at /openapi.json. Jobs survive restarts: a job that was running when the \
            server stopped is reported 'interrupted' with its best roster, and a new job can start from it \
            ({"startFrom": id}). Stop the server with Ctrl-C or SIGTERM; running jobs save their roster first.
            """)

    @Option(help: "Address to listen on; any address other than loopback needs --token.")
    var host = "127.0.0.1"

    @Option(help: "Port to listen on.")
    var port = 8080

    @Option(help: "Directory of the database (created when missing); one server per directory.")
    var dataDir = "rotor-data"

    @Option(help: "API token clients send as 'Authorization: Bearer <token>' (default: the ROTOR_TOKEN environment variable).")
    var token: String?

    @Option(help: "Solve jobs running at once; more are refused with 429.")
    var maxJobs = 2

    func run() throws {
        var configuration = ServerConfiguration()
        configuration.host = host
        configuration.port = port
        configuration.token = token ?? ProcessInfo.processInfo.environment["ROTOR_TOKEN"].flatMap { $0.isEmpty ? nil : $0 }
        configuration.maxConcurrentJobs = maxJobs
        if let problem = configuration.problem { throw ValidationError(problem) }

        let directory = URL(fileURLWithPath: dataDir, isDirectory: true)
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

/// Runs async work from a synchronous command and waits for it: the root command is synchronous, so
/// the server runs in a task while the main thread waits (Hummingbird needs nothing from the main thread).
private func waitFor(_ work: @escaping @Sendable () async throws -> Void) throws {
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
