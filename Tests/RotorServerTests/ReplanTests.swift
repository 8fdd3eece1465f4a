import Foundation
import HummingbirdTesting
import RotorCore
import RotorFormats
import Testing
@testable import RotorServer

@Suite("Re-planning")
struct ReplanTests {
    /// A sick call after a solve: the nurse's shifts on the days she is now off must go, and with a
    /// stability weight the new roster keeps everything else it can.
    @Test func aSickCallChangesLittle() async throws {
        try await withApp { client in
            let problemId = try await client.createProblem(try tutorialYAML(), name: "tutorial", contentType: "application/yaml")
            let first = try await client.startJob(problem: problemId, #"{"timeLimit": 2, "seed": 3}"#)
            _ = try await client.waitForEnd(job: first.id)
            let before = try await client.get("/api/jobs/\(first.id)/roster?format=csv").text
            // Ann is off sick for the first three days.
            let response = try await client.post("/api/jobs/\(first.id)/replan",
                #"{"unavailable": [{"staff": "ann", "from": "2027-03-01", "to": "2027-03-03"}], "stabilityWeight": 50, "timeLimit": 2}"#)
            #expect(response.status == .accepted, "\(response.text)")
            let body = try JSONSerialization.jsonObject(with: Data(response.text.utf8)) as? [String: Any]
            let job = try #require((body?["job"] as? [String: Any])?["id"] as? Int)
            let newProblem = try #require((body?["problem"] as? [String: Any])?["id"] as? Int)
            #expect(Int64(newProblem) != problemId)
            let finished = try await client.waitForEnd(job: Int64(job))
            #expect(finished.status.endedOnItsOwn && finished.best?.hard == 0)
            let after = try await client.get("/api/jobs/\(job)/roster?format=csv").text
            let annAfter = try #require(after.split(separator: "\n").first { $0.hasPrefix("ann,") }).split(separator: ",", omittingEmptySubsequences: false)
            let sickDays = annAfter[1...3].filter { !$0.isEmpty }
            #expect(sickDays.isEmpty, "ann still works while sick: \(annAfter)")
            // Most cells stay as they were.
            let cellsBefore = before.split(separator: "\n").flatMap { $0.split(separator: ",", omittingEmptySubsequences: false) }
            let cellsAfter = after.split(separator: "\n").flatMap { $0.split(separator: ",", omittingEmptySubsequences: false) }
            let changed = zip(cellsBefore, cellsAfter).filter { $0 != $1 }.count
            #expect(changed <= 20, "\(changed) cells changed")
        }
    }

    /// A re-plan refused because the server runs all the jobs it can stores no problem.
    @Test func aRefusedReplanLeavesNothingBehind() async throws {
        try await withApp(testConfiguration { $0.maxConcurrentJobs = 1; noBounds(&$0) }) { client in
            let problemId = try await client.createProblem(tinyCurtois)
            let first = try await client.waitForEnd(job: try await client.startJob(problem: problemId, #"{"timeLimit": 0.3}"#).id)
            let busy = try await client.startJob(problem: problemId, #"{"timeLimit": 600}"#)
            let response = try await client.post("/api/jobs/\(first.id)/replan", #"{"unavailable": [{"staff": "A", "from": "2024-01-02"}]}"#)
            #expect(response.status == .tooManyRequests, "\(response.text)")
            let problems = try await client.get("/api/problems").decoded([ProblemBody].self)
            #expect(problems.map(\.id) == [problemId])
            #expect(try await client.post("/api/jobs/\(busy.id)/stop", "").status == .accepted)
        }
    }

    @Test func badReplanRequestsAre400() async throws {
        try await withApp { client in
            let problemId = try await client.createProblem(try tutorialYAML(), name: "tutorial", contentType: "application/yaml")
            let first = try await client.startJob(problem: problemId, #"{"timeLimit": 0.5}"#)
            _ = try await client.waitForEnd(job: first.id)
            for body in [#"{}"#, #"{"unavailable": [{"staff": "nobody", "from": "2027-03-01"}]}"#,
                         #"{"unavailable": [{"staff": "ann", "from": "2027-13-01"}]}"#, "not json"] {
                let response = try await client.post("/api/jobs/\(first.id)/replan", body)
                #expect(response.status == .badRequest, "\(body): \(response.text)")
            }
            let missing = try await client.post("/api/jobs/999/replan", #"{"unavailable": []}"#)
            #expect(missing.status == .notFound)
        }
    }
}
