import Foundation
import HummingbirdTesting
import RotorCore
import RotorFormats
import Testing
@testable import RotorServer

@Suite("Recommendations API")
struct RecommendTests {
    static func object(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    /// Who could take a post, and who could swap a day: the best recommendation, applied and scored
    /// by `/score`, moves the score by what the ranking said.
    @Test func rankingsMatchTheScoreOfTheChangedRoster() async throws {
        try await withApp { client in
            let problem = try await client.createProblem(try tutorialYAML(), name: "tutorial", contentType: "application/yaml")
            let job = try await client.waitForEnd(job: try await client.startJob(problem: problem, #"{"timeLimit": 0.5, "seed": 2}"#).id)
            let rosterText = try await client.get("/api/jobs/\(job.id)/roster").text
            var roster = try Self.object(rosterText)
            var rows = try #require(roster["roster"] as? [[String: Any]])
            let objective = try #require(roster["objective"] as? Int)
            let shifts = rows.compactMap { $0["shifts"] as? [Any] }
            let post = try #require(shifts.lazy.compactMap { $0[0] as? String }.first)
            let date = "2027-03-01"

            let response = try await client.post("/api/problems/\(problem)/recommend?date=\(date)&post=\(post)&limit=0", rosterText)
            #expect(response.status == .ok, "\(response.text)")
            let body = try Self.object(response.text)
            #expect(body["post"] as? String == post && body["date"] as? String == date && body["objective"] as? Int == objective)
            let list = try #require(body["recommendations"] as? [[String: Any]])
            #expect(list.count == body["candidates"] as? Int && !list.isEmpty)
            let ranks = list.map { ($0["hard"] as? Int ?? 0, $0["soft"] as? Int ?? 0) }
            #expect(zip(ranks, ranks.dropFirst()).allSatisfy { $0 <= $1 }, "best first")
            // Apply the best and score it.
            let best = list[0]
            let changes = try #require(best["changes"] as? [[String: Any]])
            for change in changes {
                let i = try #require(rows.firstIndex { $0["staff"] as? String == change["staff"] as? String })
                var cells = try #require(rows[i]["shifts"] as? [Any])
                cells[0] = (change["to"] as? String).map { $0 as Any } ?? NSNull()
                rows[i]["shifts"] = cells
            }
            roster["roster"] = rows
            let changed = String(decoding: try JSONSerialization.data(withJSONObject: roster), as: UTF8.self)
            let scored = try Self.object(try await client.post("/api/problems/\(problem)/score", changed).text)
            #expect(scored["objective"] as? Int == objective + (best["soft"] as? Int ?? 0))

            let swaps = try await client.post("/api/problems/\(problem)/recommend?date=\(date)&swapWith=ann", rosterText)
            #expect(swaps.status == .ok, "\(swaps.text)")
            let swapBody = try Self.object(swaps.text)
            #expect(swapBody["swapWith"] as? String == "ann")
            for item in try #require(swapBody["recommendations"] as? [[String: Any]]) {
                let moved = try #require(item["changes"] as? [[String: Any]])
                #expect(moved.count == 2 && moved[1]["staff"] as? String == "ann")
            }
            #expect((swapBody["recommendations"] as? [Any])?.count ?? 0 <= 10, "10 at most by default")

            // Who could take over the shift of someone who works that day.
            let worker = try #require(rows.first { ($0["shifts"] as? [Any])?.first is String }?["staff"] as? String)
            let takeOver = try await client.post("/api/problems/\(problem)/recommend?date=\(date)&replace=\(worker)&limit=0", rosterText)
            #expect(takeOver.status == .ok, "\(takeOver.text)")
            let takeOverBody = try Self.object(takeOver.text)
            #expect(takeOverBody["replace"] as? String == worker)
            for item in try #require(takeOverBody["recommendations"] as? [[String: Any]]) {
                let moved = try #require(item["changes"] as? [[String: Any]])
                #expect(moved.count == 2 && moved[1]["staff"] as? String == worker && (moved[1]["to"] == nil || moved[1]["to"] is NSNull))
            }
        }
    }

    @Test func badQuestionsAre400WithTheirReason() async throws {
        try await withApp { client in
            let problem = try await client.createProblem(try tutorialYAML(), name: "tutorial", contentType: "application/yaml")
            let job = try await client.waitForEnd(job: try await client.startJob(problem: problem, #"{"timeLimit": 0.3}"#).id)
            let roster = try await client.get("/api/jobs/\(job.id)/roster").text
            for (query, says) in [("post=x", "date is missing"), ("date=2027-03-01", "exactly one of post"),
                                  ("date=2027-03-01&post=x&swapWith=ann", "exactly one of post"), ("date=2027-03-01&swapWith=ann&replace=ann", "exactly one of post"),
                                  ("date=2027-03-01&replace=nobody", "not a staff ID"),
                                  ("date=2031-01-01&swapWith=ann", "outside the horizon"), ("date=March&swapWith=ann", "not a date"),
                                  ("date=2027-03-01&post=nowhere", "not a post"), ("date=2027-03-01&swapWith=nobody", "not a staff ID"),
                                  ("date=2027-03-01&swapWith=ann&limit=-1", "limit")] {
                let response = try await client.post("/api/problems/\(problem)/recommend?\(query)", roster)
                #expect(response.status == .badRequest, "\(query)")
                #expect(response.text.contains(says), "\(query): \(response.text)")
            }
            let garbled = try await client.post("/api/problems/\(problem)/recommend?date=2027-03-01&swapWith=ann", "{\"roster\": 3}")
            #expect(garbled.status == .badRequest)
        }
    }

    /// The kept rosters answer exactly as a roster loaded afresh, whether the new roster is the same,
    /// a few edits away (brought there cell by cell), back again, or unrelated (loaded anew).
    @Test func keptRostersAnswerAsFreshOnes() throws {
        let compiled = try LoadedProblem(text: try tutorialYAML(), format: .yaml, name: "tutorial").compiled
        var random = RandomSource(seed: 11)
        func roster() -> Schedule {
            var s = Schedule(staffCount: compiled.staffCount, days: compiled.days)
            for e in 0..<compiled.staffCount {
                for d in 0..<compiled.days where random.below(2) == 0 {
                    let first = Int(compiled.allowedStart[e]), count = Int(compiled.allowedStart[e + 1]) - first
                    if count > 0 { s[staff: e, day: d] = compiled.allowedValues[first + random.below(count)] }
                }
            }
            return s
        }
        let a = roster()
        var b = a
        b[staff: 0, day: 0] = a[staff: 0, day: 0] == 0 ? compiled.allowedValues[Int(compiled.allowedStart[0])] : 0
        b[staff: 3, day: 5] = 0
        let c = roster()
        let cache = RecommenderCache()
        let questions: [RecommendationQuestion] = [.cover(day: 0, value: 1), .swap(staff: 0, day: 0), .cover(day: 5, value: 2)]
        for schedule in [a, a, b, a, c, b] {
            for question in questions {
                let kept = cache.with(problemId: 7, compiled: compiled, schedule: schedule) { r in
                    RecommendationJSON.write(question, r.answer(question, explaining: 0), score: r.score, problem: compiled, limit: 0)
                }
                let fresh = Recommender(compiled, schedule)
                #expect(kept == RecommendationJSON.write(question, fresh.answer(question, explaining: 0), score: fresh.score, problem: compiled, limit: 0))
            }
        }
    }
}
