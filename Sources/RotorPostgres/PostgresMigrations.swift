import Foundation
import Logging
import PostgresNIO

/// The PostgreSQL schema, one named migration per change, applied in order and recorded in
/// `rotor_migration`; a released migration is never edited. The tables and columns are those of the
/// SQLite storage (`AppDatabase.migrator`), so that the two read alike.
enum PostgresMigrations {
    static let all: [(name: String, statements: [PostgresQuery])] = [
        ("v1: problems, jobs, rosters", [
            """
            CREATE TABLE problem (
                id BIGSERIAL PRIMARY KEY,
                name TEXT NOT NULL,
                format TEXT NOT NULL,
                source TEXT NOT NULL,
                "staffCount" BIGINT NOT NULL,
                days BIGINT NOT NULL,
                "createdAt" TIMESTAMPTZ NOT NULL)
            """,
            """
            CREATE TABLE job (
                id BIGSERIAL PRIMARY KEY,
                "problemId" BIGINT NOT NULL REFERENCES problem(id) ON DELETE CASCADE,
                status TEXT NOT NULL,
                "timeLimitSeconds" DOUBLE PRECISION NOT NULL,
                threads BIGINT NOT NULL,
                seed BIGINT NOT NULL,
                "startFromJobId" BIGINT REFERENCES job(id) ON DELETE SET NULL,
                "bestHard" BIGINT,
                "bestSoft" BIGINT,
                moves BIGINT NOT NULL,
                "elapsedSeconds" DOUBLE PRECISION NOT NULL,
                error TEXT,
                "stopRequested" BOOLEAN NOT NULL,
                "createdAt" TIMESTAMPTZ NOT NULL,
                "startedAt" TIMESTAMPTZ,
                "finishedAt" TIMESTAMPTZ,
                "claimedBy" TEXT,
                "heartbeatAt" TIMESTAMPTZ)
            """,
            "CREATE INDEX job_on_status ON job (status)",
            "CREATE INDEX job_on_problemId ON job (\"problemId\")",
            """
            CREATE TABLE roster (
                "jobId" BIGINT PRIMARY KEY REFERENCES job(id) ON DELETE CASCADE,
                "staffCount" BIGINT NOT NULL,
                days BIGINT NOT NULL,
                cells BYTEA NOT NULL,
                hard BIGINT NOT NULL,
                soft BIGINT NOT NULL,
                "savedAt" TIMESTAMPTZ NOT NULL)
            """,
        ]),
        ("v2: calendar feeds", [
            """
            CREATE TABLE calendar_feed (
                id BIGSERIAL PRIMARY KEY,
                "problemId" BIGINT NOT NULL REFERENCES problem(id) ON DELETE CASCADE,
                "staffId" TEXT NOT NULL,
                token TEXT NOT NULL UNIQUE,
                "createdAt" TIMESTAMPTZ NOT NULL,
                "revokedAt" TIMESTAMPTZ)
            """,
            "CREATE INDEX calendar_feed_on_problemId ON calendar_feed (\"problemId\")",
        ]),
        // Null in the jobs stored before: they have no bound. `boundRelaxes` is a JSON list of rule names.
        ("v3: objective bounds", [
            "ALTER TABLE job ADD COLUMN bound BIGINT, ADD COLUMN \"boundRelaxes\" TEXT",
        ]),
    ]

    /// Applies the migrations this database lacks, in one transaction: all or none. A transaction-level
    /// advisory lock makes processes that start together take turns, so each migration runs once.
    /// `schema`, when given, is created first (the connections' search path names it). `upTo` stops
    /// after the migration of that name: for tests of what a later migration does to earlier data.
    static func migrate(_ pool: PostgresConnectionPool, schema: String?, upTo last: String? = nil) throws {
        let wanted = last.flatMap { name in all.firstIndex { $0.name == name }.map { all[...$0] } } ?? all[...]
        precondition(last == nil || wanted.last?.name == last, "no migration named \(last ?? "")")
        let logger = pool.logger
        try pool.transaction { c in
            try c.run("SELECT pg_advisory_xact_lock(\(lockKey))", logger: logger)
            if let schema { try c.run(PostgresQuery(unsafeSQL: "CREATE SCHEMA IF NOT EXISTS \(quoted(schema))"), logger: logger) }
            try c.run("""
                CREATE TABLE IF NOT EXISTS rotor_migration (name TEXT PRIMARY KEY, "appliedAt" TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp())
                """, logger: logger)
            let applied = Set(try c.rows("SELECT name FROM rotor_migration", logger: logger).map { try $0["name"].decode(String.self) })
            for migration in wanted where !applied.contains(migration.name) {
                for statement in migration.statements { try c.run(statement, logger: logger) }
                try c.run("INSERT INTO rotor_migration (name) VALUES (\(migration.name))", logger: logger)
                logger.info("applied migration \(migration.name)")
            }
        }
    }

    /// The advisory lock Rotor's migrations take: any number, the same in every process.
    static let lockKey: Int64 = 0x526F_746F_72  // "Rotor"
}
