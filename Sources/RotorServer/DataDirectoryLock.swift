import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An exclusive lock on a data directory, held while the process lives (the system releases it when
/// the process dies, however it dies). The job runner takes every running job it finds at start-up
/// for a dead process's, which is only true when no other server uses the same directory.
public final class DataDirectoryLock: Sendable {
    private let descriptor: Int32

    /// Locks `directory/rotor.lock`, creating the directory when missing; fails when another process holds it.
    public init(directory: URL) throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let path = directory.appendingPathComponent("rotor.lock").path
        let descriptor = open(path, O_CREAT | O_RDWR | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw ServerConfigurationError(description: "\(path): cannot be opened (\(String(cString: strerror(errno))))")
        }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            close(descriptor)
            throw ServerConfigurationError(description: "\(directory.path) is in use by another rotor server; give each server its own --data-dir")
        }
        self.descriptor = descriptor
    }

    deinit { close(descriptor) }
}
