import Foundation
import HummingbirdTesting
import RotorStorage
import Testing
@testable import RotorServer

/// The job runner on a shared queue (as with PostgreSQL), here on an in-memory SQLite database.
@Suite("Shared job queue")
struct SharedQueueTests {
    /// A server that leaves jobs to workers queues every submission, however many, and a queued job
    /// stops at once.
    @Test func withoutAWorkerJobsWaitQueuedAndStopAtOnce() async throws {
        let configuration = testConfiguration {
            $0.sharedDatabase = true
            $0.runsJobs = false
            $0.maxConcurrentJobs = 1
        }
        try await withApp(configuration) { client in
            let problem = try await client.createProblem(tinyCurtois)
            var jobs: [JobBody] = []
            for _ in 0..<3 { jobs.append(try await client.startJob(problem: problem, #"{"timeLimit": 0.2}"#)) }
            #expect(jobs.map(\.status) == [.queued, .queued, .queued])
            let stop = try await client.post("/api/jobs/\(jobs[0].id)/stop", "")
            #expect(stop.status == .accepted, "\(stop.text)")
            #expect(try stop.decoded(JobBody.self).status == .stopped)
            #expect(try await client.post("/api/jobs/\(jobs[0].id)/stop", "").status == .conflict)
            #expect(try await client.get("/api/jobs/\(jobs[1].id)").decoded(JobBody.self).status == .queued)
        }
    }

    /// A server that works the queue takes one job at a time here (max 1) and drains the queue: no
    /// 429, every job ends on its own (finished, or optimal) with a roster.
    @Test func aWorkingServerDrainsTheQueueOneJobAtATime() async throws {
        let configuration = testConfiguration {
            $0.sharedDatabase = true
            $0.maxConcurrentJobs = 1
        }
        try await withApp(configuration) { client in
            let problem = try await client.createProblem(tinyCurtois)
            var jobs: [JobBody] = []
            for _ in 0..<3 { jobs.append(try await client.startJob(problem: problem, #"{"timeLimit": 0.3}"#)) }
            // However fast the machine, no submission is refused, and at any one moment at most one job
            // runs (each submission's answer is a different moment: one job may end between two).
            #expect(jobs.allSatisfy { $0.status == .running || $0.status == .queued }, "\(jobs.map(\.status))")
            let snapshot = try await client.get("/api/problems/\(problem)/jobs").decoded([JobBody].self)
            #expect(snapshot.filter { $0.status == .running }.count <= 1, "\(snapshot.map(\.status))")
            for job in jobs {
                let ended = try await client.waitForEnd(job: job.id)
                #expect(ended.status.endedOnItsOwn, "job \(job.id): \(ended.status)")
                #expect(try await client.get("/api/jobs/\(job.id)/roster").status == .ok)
            }
        }
    }
}
