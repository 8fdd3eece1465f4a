import Foundation

/// Threads for work that blocks on storage, outside the cooperative pool (SE-0417 task executors):
/// a concurrent dispatch queue, which adds threads while jobs block. The server runs its request
/// handlers and its queue poll here, so that a thread waiting on the database never holds one of
/// the cooperative pool's few threads.
package final class StorageExecutor: TaskExecutor, @unchecked Sendable {
    package static let shared = StorageExecutor()
    private let queue = DispatchQueue(label: "rotor.storage", attributes: .concurrent)
    private static let marker = DispatchSpecificKey<Bool>()

    package init() { queue.setSpecific(key: Self.marker, value: true) }

    /// Whether the caller runs on these threads.
    package static var isCurrent: Bool { DispatchQueue.getSpecific(key: marker) == true }

    package func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        let executor = asUnownedTaskExecutor()
        queue.async { job.runSynchronously(on: executor) }
    }
}
