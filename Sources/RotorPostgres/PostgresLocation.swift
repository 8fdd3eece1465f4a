import Foundation
import PostgresNIO

/// Where a PostgreSQL database is, read from a `postgres://user:password@host:port/database` URL.
struct PostgresLocation: CustomStringConvertible {
    var host: String
    var port: Int
    var user: String
    var password: String?
    var database: String
    var sslMode: SSLMode
    var schema: String?

    enum SSLMode: String { case disable, prefer, require }

    init(url: String) throws {
        guard let components = URLComponents(string: url), ["postgres", "postgresql"].contains(components.scheme?.lowercased()) else {
            throw PostgresStorageError(description: "\"\(Self.redacted(url))\" is not a PostgreSQL URL; expected postgres://user:password@host:port/database")
        }
        guard let host = components.host, !host.isEmpty else {
            throw PostgresStorageError(description: "the database URL names no host; expected postgres://user:password@host:port/database")
        }
        guard let user = components.user, !user.isEmpty else {
            throw PostgresStorageError(description: "the database URL names no user; expected postgres://user:password@host:port/database")
        }
        // URLComponents keeps the brackets of an IPv6 literal, which a socket address cannot have.
        self.host = host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
        port = components.port ?? 5432
        self.user = user
        password = components.password
        let path = components.path.hasPrefix("/") ? String(components.path.dropFirst()) : components.path
        database = path.isEmpty ? user : path
        sslMode = .prefer
        for item in components.queryItems ?? [] {
            switch item.name {
            case "sslmode":
                guard let mode = item.value.flatMap(SSLMode.init(rawValue:)) else {
                    throw PostgresStorageError(description: "sslmode must be disable, prefer or require, not \"\(item.value ?? "")\"")
                }
                sslMode = mode
            case "schema":
                guard let schema = item.value, !schema.isEmpty else {
                    throw PostgresStorageError(description: "schema= needs a schema name")
                }
                self.schema = schema
            default:
                throw PostgresStorageError(description: "unknown parameter \"\(item.name)\" in the database URL; Rotor reads sslmode and schema")
            }
        }
    }

    /// The URL without its password, for messages.
    var description: String { "postgres://\(user)@\(host):\(port)/\(database)" }

    func connectionConfiguration() throws -> PostgresConnection.Configuration {
        // As libpq's prefer and require: encrypted, without checking the server's certificate.
        var tlsConfiguration = TLSConfiguration.makeClientConfiguration()
        tlsConfiguration.certificateVerification = .none
        let tls: PostgresConnection.Configuration.TLS
        switch sslMode {
        case .disable: tls = .disable
        case .prefer: tls = .prefer(try NIOSSLContext(configuration: tlsConfiguration))
        case .require: tls = .require(try NIOSSLContext(configuration: tlsConfiguration))
        }
        var configuration = PostgresConnection.Configuration(host: host, port: port, username: user, password: password,
                                                             database: database, tls: tls)
        configuration.options.connectTimeout = .seconds(10)
        if let schema {
            // A startup parameter sets the setting for the whole session, as `SET search_path` would.
            configuration.options.additionalStartupParameters = [("search_path", quoted(schema))]
        }
        return configuration
    }

    /// A URL with its password replaced, so that an error message never shows it.
    static func redacted(_ url: String) -> String {
        guard var components = URLComponents(string: url), components.password != nil else { return url }
        components.password = "…"
        return components.string ?? "the database URL"
    }
}
