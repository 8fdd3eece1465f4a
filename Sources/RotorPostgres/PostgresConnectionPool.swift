import Foundation
import Logging
import PostgresNIO
import RotorStorage
import Synchronization

/// Rotor's connections to one PostgreSQL database: postgres-nio's `PostgresClient` and its pool
/// (connection limits, idle timeouts, keep-alive, reconnection), used synchronously from storage
/// threads.
///
/// `RotorDatabase` is synchronous because the job runner calls it from solver threads; the server
/// calls it from its storage threads (`OnStorageThreads`), never from the cooperative pool. Each
/// call leases a connection from the client in a task, hands it to the calling thread, and gives it
/// back when the call's work is done. The client's own tasks run on the storage threads, so they go
/// on even when every thread of the cooperative pool is waiting on a call.
final class PostgresConnectionPool: Sendable {
    let client: PostgresClient
    let logger: Logger
    /// How long a call waits for a connection before it fails (the pool itself gives up on an
    /// unreachable server only after a minute).
    let leaseTimeout: Duration
    private let running: Task<Void, Never>

    init(configuration: PostgresClient.Configuration, logger: Logger, leaseTimeout: Duration = .seconds(30)) {
        client = PostgresClient(configuration: configuration, backgroundLogger: logger)
        self.logger = logger
        self.leaseTimeout = leaseTimeout
        running = Task(executorPreference: StorageExecutor.shared) { [client] in await client.run() }
    }

    /// Runs `body` on a connection of its own, leased from the client for the call.
    func withConnection<T>(_ body: (PostgresConnection) throws -> T) throws -> T {
        let handover = ConnectionHandover()
        let lease = Task(executorPreference: StorageExecutor.shared) { [client] in
            do {
                try await client.withConnection { connection in
                    await withCheckedContinuation { (released: CheckedContinuation<Void, Never>) in
                        handover.hand(connection, released: released)
                    }
                }
            } catch {
                handover.fail(error)
            }
        }
        let connection: PostgresConnection
        let released: CheckedContinuation<Void, Never>
        switch handover.await(timeout: leaseTimeout) {
        case .handed(let c, let r): (connection, released) = (c, r)
        case .failed(let error): throw error
        case .waiting, .abandoned:
            lease.cancel()
            throw PostgresStorageError(description: "no connection to the database within \(leaseTimeout.components.seconds) s")
        }
        defer { released.resume() }
        return try body(connection)
    }

    /// Runs `body` in a transaction: committed when it returns, rolled back when it throws.
    func transaction<T>(_ body: (PostgresConnection) throws -> T) throws -> T {
        try withConnection { connection in
            try connection.run("BEGIN", logger: logger)
            do {
                let result = try body(connection)
                try connection.run("COMMIT", logger: logger)
                return result
            } catch {
                _ = try? connection.run("ROLLBACK", logger: logger)
                throw error
            }
        }
    }

    /// Stops the client: it closes its connections in the background. The pool must not be used after.
    func close() { running.cancel() }
}

/// One leased connection on its way from the client's task to the thread that asked for it.
private final class ConnectionHandover: Sendable {
    enum State: Sendable {
        case waiting
        case handed(PostgresConnection, released: CheckedContinuation<Void, Never>)
        case failed(any Error)
        /// The thread stopped waiting; a connection handed after that goes straight back.
        case abandoned
    }

    private let state = Mutex<State>(.waiting)
    private let ready = DispatchSemaphore(value: 0)

    func hand(_ connection: PostgresConnection, released: CheckedContinuation<Void, Never>) {
        let taken = state.withLock { state -> Bool in
            guard case .waiting = state else { return false }
            state = .handed(connection, released: released)
            return true
        }
        if taken { ready.signal() } else { released.resume() }
    }

    func fail(_ error: any Error) {
        state.withLock { state in
            if case .waiting = state { state = .failed(error) }
        }
        ready.signal()
    }

    /// The connection or the error, or `.abandoned` when neither came within `timeout`.
    func await(timeout: Duration) -> State {
        let seconds = Double(timeout.components.seconds) + Double(timeout.components.attoseconds) / 1e18
        if ready.wait(timeout: .now() + seconds) == .timedOut {
            // A connection handed between the timeout and this lock is given back here.
            let late = state.withLock { state -> CheckedContinuation<Void, Never>? in
                defer { state = .abandoned }
                if case .handed(_, let released) = state { return released }
                return nil
            }
            late?.resume()
            return .abandoned
        }
        return state.withLock { $0 }
    }
}

extension PostgresConnection {
    /// The rows of a query, waiting for them.
    func rows(_ query: PostgresQuery, logger: Logger) throws -> [PostgresRandomAccessRow] {
        try self.query(query, logger: logger).wait().rows.map { $0.makeRandomAccess() }
    }

    /// Runs a statement and returns how many rows it changed.
    @discardableResult
    func run(_ query: PostgresQuery, logger: Logger) throws -> Int {
        try self.query(query, logger: logger).wait().metadata.rows ?? 0
    }
}
