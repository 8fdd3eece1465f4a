import Foundation
import Logging
import PostgresNIO
import Synchronization

/// A few open connections to one PostgreSQL database, used synchronously: the storage methods are
/// called from solver threads and from request handlers running on the storage threads
/// (`StorageExecutor`), never from an event loop or the cooperative pool, so they wait for each
/// query's future. Connections are opened as needed and kept when idle (up to `maxIdle`); a
/// connection that broke is dropped and the next call opens a fresh one.
///
/// postgres-nio's `PostgresClient` pool was tried in its place, leasing a connection per call from a
/// task on the storage threads: under the load test it served 3-5 times fewer reads (docs/server.md),
/// because each short synchronous call then pays several thread hops and the pool's timers.
final class PostgresConnectionPool: Sendable {
    let configuration: PostgresConnection.Configuration
    let logger: Logger
    private let maxIdle = 8
    private let idle = Mutex<[PostgresConnection]>([])
    private let nextID = Atomic<Int>(0)

    init(configuration: PostgresConnection.Configuration, logger: Logger) {
        self.configuration = configuration
        self.logger = logger
    }

    /// Runs `body` on a connection of its own.
    func withConnection<T>(_ body: (PostgresConnection) throws -> T) throws -> T {
        let connection = try take()
        defer { giveBack(connection) }
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

    func close() {
        for connection in idle.withLock({ list in defer { list = [] }; return list }) {
            try? connection.close().wait()
        }
    }

    private func take() throws -> PostgresConnection {
        while let connection = idle.withLock({ $0.popLast() }) {
            if !connection.isClosed { return connection }
        }
        let id = nextID.add(1, ordering: .relaxed).newValue
        return try PostgresConnection.connect(on: MultiThreadedEventLoopGroup.singleton.next(), configuration: configuration,
                                              id: id, logger: logger).wait()
    }

    private func giveBack(_ connection: PostgresConnection) {
        guard !connection.isClosed else { return }
        let kept = idle.withLock { list in
            guard list.count < maxIdle else { return false }
            list.append(connection)
            return true
        }
        if !kept { try? connection.close().wait() }
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
