import Foundation
import RotorCore
import RotorStorage
import PostgresNIO
@testable import RotorPostgres

/// The PostgreSQL server the tests use, from `ROTOR_TEST_DATABASE_URL` (`Tests/postgres/start.sh`
/// starts one); the PostgreSQL tests are skipped without it.
let testDatabaseURL = ProcessInfo.processInfo.environment["ROTOR_TEST_DATABASE_URL"].flatMap { $0.isEmpty ? nil : $0 }
let skipMessage = "set ROTOR_TEST_DATABASE_URL (Tests/postgres/start.sh starts a server and prints one) to run the PostgreSQL tests"

/// A schema of its own for one test, so that tests running at once never see each other's jobs, and
/// its URL for processes.
final class TestSchema: Sendable {
    let name = "rotor_test_\(UUID().uuidString.prefix(8).lowercased())"
    let url: String

    init() throws {
        guard let base = testDatabaseURL else { throw PostgresStorageError(description: skipMessage) }
        url = base + (base.contains("?") ? "&" : "?") + "schema=\(name)"
    }

    /// A new connection pool on the schema, migrated.
    func open() throws -> PostgresAppDatabase { try PostgresAppDatabase(url: url) }

    /// Drops the schema with everything in it.
    func drop() {
        guard let database = try? open() else { return }
        _ = try? database.pool.withConnection { try $0.run(PostgresQuery(unsafeSQL: "DROP SCHEMA \(quoted(name)) CASCADE"), logger: database.logger) }
        database.close()
    }
}



/// Runs `body` with a migrated connection pool on a schema of its own (and the schema, for more
/// pools or processes); closes the pool, then drops the schema.
@discardableResult
func withTestDatabase<T>(_ body: (PostgresAppDatabase, TestSchema) throws -> T) throws -> T {
    let schema = try TestSchema()
    defer { schema.drop() }
    let db = try schema.open()
    defer { db.close() }
    return try body(db, schema)
}

let t0 = Date(timeIntervalSince1970: 1_800_000_000)

func sampleProblem(_ name: String = "tiny") -> ProblemRecord {
    ProblemRecord(name: name, format: "curtois", source: "SECTION_HORIZON\n7\n", staffCount: 2, days: 7, createdAt: t0)
}

func sampleSchedule() -> Schedule {
    Schedule(staffCount: 2, days: 3, cells: [1, 0, 2, 0, 1, 1])
}

let oneMinute = JobLimits(timeLimitSeconds: 60, threads: 1, seed: 1)

let quietLogger: Logger = {
    var logger = Logger(label: "rotor.postgres.tests")
    logger.logLevel = .critical
    return logger
}()
