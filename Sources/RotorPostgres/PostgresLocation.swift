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
    /// A file of CA certificates (PEM) to verify the server's certificate against, instead of the system's.
    var sslRootCertificate: String?
    var schema: String?

    /// libpq's `sslmode`: `disable` sends in clear; `prefer` and `require` encrypt without checking
    /// the certificate (libpq's meaning, open to a man in the middle); `verify-ca` checks it is signed
    /// by a trusted authority, and `verify-full`, the default here, that it also names the host.
    enum SSLMode: String { case disable, prefer, require, verifyCA = "verify-ca", verifyFull = "verify-full" }

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
        sslMode = .verifyFull
        for item in components.queryItems ?? [] {
            switch item.name {
            case "sslmode":
                guard let mode = item.value.flatMap(SSLMode.init(rawValue:)) else {
                    throw PostgresStorageError(description: "sslmode must be disable, prefer, require, verify-ca or verify-full, not \"\(item.value ?? "")\"")
                }
                sslMode = mode
            case "sslrootcert":
                guard let path = item.value, !path.isEmpty else {
                    throw PostgresStorageError(description: "sslrootcert= needs the path of a PEM file of CA certificates")
                }
                sslRootCertificate = path
            case "schema":
                guard let schema = item.value, !schema.isEmpty else {
                    throw PostgresStorageError(description: "schema= needs a schema name")
                }
                self.schema = schema
            default:
                throw PostgresStorageError(description: "unknown parameter \"\(item.name)\" in the database URL; Rotor reads sslmode, sslrootcert and schema")
            }
        }
    }

    /// The URL without its password, for messages.
    var description: String { "postgres://\(user)@\(host):\(port)/\(database)" }

    func connectionConfiguration() throws -> PostgresConnection.Configuration {
        var tlsConfiguration = TLSConfiguration.makeClientConfiguration()
        if let sslRootCertificate { tlsConfiguration.trustRoots = .file(sslRootCertificate) }
        let tls: PostgresConnection.Configuration.TLS
        switch sslMode {
        case .disable: tls = .disable
        case .prefer, .require:
            // As libpq's: encrypted, without checking the server's certificate.
            tlsConfiguration.certificateVerification = .none
            tls = sslMode == .prefer ? .prefer(try NIOSSLContext(configuration: tlsConfiguration))
                                     : .require(try NIOSSLContext(configuration: tlsConfiguration))
        case .verifyCA:
            tlsConfiguration.certificateVerification = .noHostnameVerification
            tls = .require(try NIOSSLContext(configuration: tlsConfiguration))
        case .verifyFull:
            tlsConfiguration.certificateVerification = .fullVerification
            tls = .require(try NIOSSLContext(configuration: tlsConfiguration))
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
