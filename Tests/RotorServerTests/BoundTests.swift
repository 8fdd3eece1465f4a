import Foundation
import HummingbirdTesting
import RotorCore
import RotorStorage
import Testing
@testable import RotorServer

/// A bundled example of the package's `examples/`.
func example(_ name: String) throws -> String {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("examples/\(name)")
    return try String(contentsOf: url, encoding: .utf8)
}

/// The events of a finished stream, as (name, JSON object).
func serverSentEvents(_ text: String) throws -> [(name: String, data: [String: Any])] {
    try text.components(separatedBy: "\n\n").filter { !$0.isEmpty }.map { block in
        let lines = block.split(separator: "\n")
        let name = try #require(lines.first { $0.hasPrefix("event: ") }).dropFirst("event: ".count)
        let data = try #require(lines.first { $0.hasPrefix("data: ") }).dropFirst("data: ".count)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(data.utf8)) as? [String: Any])
        return (String(name), object)
    }
}

/// The proven bound on the objective, from the solver through storage to the API.
@Suite("Objective bounds")
struct BoundTests {
    /// A job on a small problem ends with a bound no higher than its objective and a gap between 0
    /// and 1, in the job, the list of jobs, the end event and the downloaded roster; it ends `optimal`
    /// exactly when the gap is 0. The time limit is generous: the job may stop long before it.
    @Test func aFinishedJobReportsItsBoundAndGap() async throws {
        try await withApp { client in
            let problem = try await client.createProblem(tinyCurtois)
            let started = try await client.startJob(problem: problem, #"{"timeLimit": 30, "seed": 2}"#)
            let job = try await client.waitForEnd(job: started.id, timeout: .seconds(120))
            #expect(job.status.endedOnItsOwn, "\(job.status) \(job.error ?? "")")
            let best = try #require(job.best)
            #expect(best.feasible)
            let bound = try #require(job.bound, "a 30-second job on a tiny problem proves a bound")
            #expect(bound >= 0 && bound <= best.soft)
            let gap = try #require(job.gap)
            #expect(gap >= 0 && gap <= 1)
            #expect(gap == ObjectiveBound(value: bound).gap(Score(hard: best.hard, soft: best.soft)))
            #expect(job.boundRelaxes != nil)
            #expect((job.status == .optimal) == (gap == 0), "\(job.status), gap \(gap)")

            let raw = try #require(try JSONSerialization.jsonObject(with: Data(try await client.get("/api/jobs/\(job.id)").text.utf8)) as? [String: Any])
            #expect((raw["bound"] as? NSNumber)?.intValue == bound && (raw["gap"] as? NSNumber)?.doubleValue == gap)
            #expect(raw["boundRelaxes"] is [String])

            let listed = try await client.get("/api/problems/\(problem)/jobs").decoded([JobBody].self)
            #expect(listed.map(\.bound) == [bound] && listed.map(\.gap) == [gap] && listed.map(\.status) == [job.status])

            // The stream of an ended job is its end event, bound included.
            let events = try serverSentEvents(try await client.get("/api/jobs/\(job.id)/events").text)
            #expect(events.map(\.name) == ["end"])
            #expect((events.first?.data["bound"] as? NSNumber)?.intValue == bound)
            #expect((events.first?.data["gap"] as? NSNumber)?.doubleValue == gap)

            // The downloaded roster carries the job's bound and its own gap to it.
            let document = try #require(try JSONSerialization.jsonObject(with: Data(try await client.get("/api/jobs/\(job.id)/roster").text.utf8)) as? [String: Any])
            #expect(document["objective"] as? Int == best.soft)
            #expect((document["bound"] as? NSNumber)?.intValue == bound && (document["gap"] as? NSNumber)?.doubleValue == gap)
            #expect(document["boundRelaxes"] as? [String] == job.boundRelaxes)
        }
    }

    /// Every event of a running job carries `bound`, `gap` and `boundRelaxes` (null until a bound is
    /// proved); whenever there is a bound it lies at or below the best objective, the gap is a
    /// fraction, and the bound never falls. Whether the bound comes before the time limit depends on
    /// the machine, so only its consistency is checked here (its values: the test below).
    @Test func progressEventsCarryTheBoundFields() async throws {
        try await withApp { client in
            let problem = try await client.createProblem(try example("Instance1.txt"), name: "Instance1")
            let started = try await client.startJob(problem: problem, #"{"timeLimit": 3}"#)
            let events = try serverSentEvents(try await client.get("/api/jobs/\(started.id)/events").text)
            // On a loaded machine the job may end before the stream opens: then its one event is the
            // end, and the fields are checked on that.
            #expect(events.last?.name == "end", "\(events.map(\.name))")
            var highest = Int.min
            for (name, data) in events {
                for key in ["bound", "gap", "boundRelaxes"] {
                    #expect(data.keys.contains(key), "a \(name) event without \(key)")
                }
                guard let bound = (data["bound"] as? NSNumber)?.intValue else {
                    #expect(data["bound"] is NSNull && data["gap"] is NSNull && data["boundRelaxes"] is NSNull)
                    continue
                }
                #expect(bound >= highest, "the bound fell")
                highest = bound
                #expect(data["boundRelaxes"] is [String])
                let best = try #require(data["best"] as? [String: Any])
                if best["feasible"] as? Bool == true {
                    #expect(bound <= (best["soft"] as? Int ?? .min))
                    let gap = try #require((data["gap"] as? NSNumber)?.doubleValue)
                    #expect(gap >= 0 && gap <= 1)
                } else {
                    #expect(data["gap"] is NSNull, "no gap while the best roster breaks a hard rule")
                }
            }
            let job = try await client.waitForEnd(job: started.id)
            #expect((events.last?.data["bound"] as? NSNumber)?.intValue == job.bound)
        }
    }

    /// What a progress event and a job say for a given bound: the figures while the job runs here
    /// (fresher than the database), the stored ones after, nulls without a bound, no gap while the
    /// best roster breaks a hard rule. Unlike a roster file, which leaves such fields out
    /// (RosterJSONTests), a job and its events always carry all three keys (docs/server.md).
    @Test func theBoundFieldsOfAJobAndItsEvents() throws {
        var job = JobRecord(problemId: 1, limits: JobLimits(timeLimitSeconds: 60, threads: 1, seed: 1), createdAt: Date(timeIntervalSince1970: 0))
        job.id = 7
        job.status = .running
        let without = API.serverSentEvent("progress", ProgressEvent(JobBody(job)))
        #expect(without.contains(#""bound":null"#) && without.contains(#""gap":null"#) && without.contains(#""boundRelaxes":null"#), "\(without)")

        job.bestHard = 0
        job.bestSoft = 92
        job.objectiveBound = ObjectiveBound(value: 83, relaxed: ["fairness", "min-rest"])
        let stored = JobBody(job)
        #expect(stored.bound == 83 && stored.boundRelaxes == ["fairness", "min-rest"])
        #expect(abs((stored.gap ?? -1) - 9.0 / 92) < 1e-12)
        let event = API.serverSentEvent("progress", ProgressEvent(stored))
        #expect(event.contains(#""bound":83,"boundRelaxes":["fairness","min-rest"],"#) && event.contains(#""gap":0.0978"#), "\(event)")

        // Live figures: a higher bound proved here, against the search's best; an infeasible best has no gap.
        let live = LiveProgress(best: Score(hard: 0, soft: 88), moves: 10, elapsedSeconds: 1, movesPerSecond: 10,
                                bound: ObjectiveBound(value: 88))
        let running = JobBody(job, live: live)
        #expect(running.bound == 88 && running.gap == 0 && running.boundRelaxes == [])
        let lower = LiveProgress(best: Score(hard: 2, soft: 50), moves: 10, elapsedSeconds: 1, movesPerSecond: 10, bound: nil)
        let infeasible = JobBody(job, live: lower)
        #expect(infeasible.bound == 83 && infeasible.gap == nil, "the stored bound, and no gap for a roster that breaks a hard rule")
        let noGap = API.serverSentEvent("progress", ProgressEvent(infeasible))
        #expect(noGap.contains(#""gap":null"#) && noGap.contains(#""bound":83"#), "a job writes a field without a value as null: \(noGap)")

        // The fields survive a round trip, nulls included.
        let decoded = try decoder.decode(JobBody.self, from: Data(API.serverSentEvent("x", JobBody(job, live: lower)).split(separator: "\n")[1].dropFirst(6).utf8))
        #expect(decoded.bound == 83 && decoded.gap == nil && decoded.boundRelaxes == ["fairness", "min-rest"])
    }

    /// A server that proves no bounds runs every job to its limit, with null bound fields.
    @Test func withoutBoundsJobsHaveNone() async throws {
        try await withApp(testConfiguration(noBounds)) { client in
            let problem = try await client.createProblem(tinyCurtois)
            let job = try await client.waitForEnd(job: try await client.startJob(problem: problem, #"{"timeLimit": 0.5}"#).id)
            #expect(job.status == .finished && job.bound == nil && job.gap == nil && job.boundRelaxes == nil)
            let document = try await client.get("/api/jobs/\(job.id)/roster").text
            #expect(!document.contains("\"bound\""))
        }
    }
}
