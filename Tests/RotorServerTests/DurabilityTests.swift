import Foundation
import HummingbirdTesting
import RotorCore
import RotorFormats
import RotorStorage
import Testing
@testable import RotorServer

@Suite("Durability")
struct DurabilityTests {
    /// How a job ends by why its search stopped: `optimal` whenever its roster meets the bound, else
    /// by the stop reason; a worker shutting down on a shared database puts it back in the queue.
    @Test func howAJobEnds() {
        for reason: StopReason? in [nil, .requested, .shutdown, .claimLost] {
            for shared in [false, true] {
                #expect(JobRunner.ending(stopReason: reason, optimal: true, sharedDatabase: shared)?.status == .optimal)
            }
        }
        #expect(JobRunner.ending(stopReason: nil, optimal: false, sharedDatabase: true)?.status == .finished)
        #expect(JobRunner.ending(stopReason: .requested, optimal: false, sharedDatabase: true)?.status == .stopped)
        #expect(JobRunner.ending(stopReason: .shutdown, optimal: false, sharedDatabase: true) == nil)
        let interrupted = JobRunner.ending(stopReason: .shutdown, optimal: false, sharedDatabase: false)
        #expect(interrupted?.status == .interrupted && interrupted?.note != nil)
    }

    /// A process died while its job ran: the job is still `running` in the database, with the last
    /// roster it saved. A new server reports it interrupted, serves that roster, and can resume from it.
    @Test func aJobLeftRunningIsInterruptedWithItsRosterAndCanBeResumed() async throws {
        let database = try AppDatabase.inMemory()
        let compiled = try CompiledProblem(try CurtoisFormat.parse(tinyCurtois, fileName: "tiny.txt").problem)
        let problem = try database.insertProblem(ProblemRecord(
            name: "tiny", format: "curtois", source: tinyCurtois, staffCount: compiled.staffCount, days: compiled.days, createdAt: Date()))
        let job = try database.insertJob(problemId: problem.id!, limits: JobLimits(timeLimitSeconds: 600, threads: 1, seed: 1), now: Date())
        #expect(try database.claimJob(id: job.id!, worker: "a process that died", now: Date()))
        var schedule = Schedule(staffCount: compiled.staffCount, days: compiled.days)
        schedule[staff: 1, day: 0] = 1
        let savedCSV = RosterCSV.write(schedule, problem: compiled)
        let saved = Evaluation(compiled, schedule).score
        _ = try database.saveRoster(RosterRecord(jobId: job.id!, schedule: schedule, score: saved, savedAt: Date()),
                                    worker: "a process that died", progress: JobProgress(best: saved, moves: 1000, elapsedSeconds: 1))

        try await withApp(database: database) { client in
            let interrupted = try await client.get("/api/jobs/\(job.id!)").decoded(JobBody.self)
            #expect(interrupted.status == .interrupted && interrupted.best == ScoreBody(saved) && interrupted.error != nil)
            let roster = try await client.get("/api/jobs/\(job.id!)/roster?format=csv")
            #expect(roster.status == .ok && roster.text == savedCSV)
            let events = try await client.get("/api/jobs/\(job.id!)/events")
            #expect(events.text.hasPrefix("event: end\n"))

            let resumed = try await client.startJob(problem: problem.id!, #"{"timeLimit": 0.5, "startFrom": \#(job.id!)}"#)
            #expect(resumed.startFrom == job.id!)
            let finished = try await client.waitForEnd(job: resumed.id)
            #expect(finished.status.endedOnItsOwn)
            let best = try #require(finished.best)
            #expect(Score(hard: best.hard, soft: best.soft) <= saved)
        }
    }

    /// What a job reports is what it saved: at every moment of a solve, the best score recorded for
    /// the job is the score of the roster saved with it (a process killed then leaves both).
    @Test func theRecordedBestIsAlwaysTheSavedRostersScore() async throws {
        let database = try AppDatabase.inMemory()
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("examples/ward.json")
        let ward = try String(contentsOf: url, encoding: .utf8)
        try await withApp(database: database) { client in
            let problem = try await client.createProblem(ward, name: "ward", contentType: "application/json")
            let job = try await client.startJob(problem: problem, #"{"timeLimit": 4, "threads": 2, "seed": 5}"#)
            while try database.job(id: job.id)?.status.isFinal == false {
                // Two reads of the job around the roster's: equal progress means no save came between.
                let before = try #require(try database.job(id: job.id))
                let roster = try database.roster(jobId: job.id)
                let after = try #require(try database.job(id: job.id))
                if let roster, before.moves == after.moves, before.elapsedSeconds == after.elapsedSeconds {
                    #expect(before.best == roster.score, "job says \(String(describing: before.best)), its roster scores \(roster.score)")
                }
                try await Task.sleep(for: .milliseconds(30))
            }
            let final = try #require(try database.job(id: job.id))
            #expect(final.best == (try database.roster(jobId: job.id))?.score)
            // How many reads fall between two saves depends on the machine's load, so it is not counted;
            // every one that did, and the final state, agree.
        }
    }
}
