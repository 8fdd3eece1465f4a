import Foundation
import Hummingbird
import HummingbirdTesting
import RotorCore
import RotorFormats
import RotorStorage
import Testing
@testable import RotorServer

/// Every API body against generated hostile input (the mutations of the formats' fuzz tests, here
/// through HTTP): problems in every format, job requests, rosters to score and re-plan requests. No
/// input may get a 5xx, and every refusal is a JSON error with a message. `ROTOR_FUZZ_COUNT` sets the
/// inputs per body (default 10,000).
@Suite("Fuzzing the API")
struct APIFuzzTests {
    static let count = ProcessInfo.processInfo.environment["ROTOR_FUZZ_COUNT"].flatMap(Int.init) ?? 10_000

    @Test func everyBodyGetsAnAnswerBelow500() async throws {
        // One job runs throughout, so that every valid job or re-plan request is refused (429)
        // instead of starting a solve; without bounds, so that it cannot end early proved optimal.
        try await withApp(testConfiguration { $0.maxConcurrentJobs = 1; noBounds(&$0) }) { client in
            let tutorial = try tutorialYAML()
            let problem = try await client.createProblem(tutorial, name: "tutorial", contentType: "application/yaml")
            let first = try await client.waitForEnd(job: try await client.startJob(problem: problem, #"{"timeLimit": 0.3}"#).id)
            let roster = try await client.get("/api/jobs/\(first.id)/roster?format=csv").text
            let rosterJSON = try await client.get("/api/jobs/\(first.id)/roster").text
            let busy = try await client.startJob(problem: problem, #"{"timeLimit": 600}"#)

            var random = RandomSource(seed: 0xA91)
            let bodies: [(path: String, seeds: [String], contentTypes: [String?])] = [
                ("/api/problems", [tutorial, tinyCurtois, ProblemDocument.write(try ProblemDocument.parse(tutorial, fileName: "t.yaml"))],
                 [nil, "application/json", "application/yaml", "text/plain"]),
                ("/api/problems/\(problem)/jobs", [#"{"timeLimit": 1, "threads": 1, "seed": 3, "startFrom": 1}"#], ["application/json"]),
                ("/api/problems/\(problem)/score", [roster, rosterJSON], [nil, "text/csv", "application/json"]),
                ("/api/problems/\(problem)/recommend?date=2027-03-01&swapWith=ann", [roster, rosterJSON], [nil, "text/csv", "application/json"]),
                ("/api/problems/\(problem)/recommend?date=2027-03-02&post=night@north/nurse&limit=0", [roster, rosterJSON], [nil, "text/csv", "application/json"]),
                ("/api/jobs/\(first.id)/replan",
                 [#"{"unavailable": [{"staff": "ann", "from": "2027-03-01", "to": "2027-03-03"}], "stabilityWeight": 10, "timeLimit": 1}"#],
                 ["application/json"]),
            ]
            for (path, seeds, contentTypes) in bodies {
                for i in 0..<Self.count {
                    let body = MutatedText.mutate(seeds[random.below(seeds.count)], &random)
                    var headers: HTTPFields = [:]
                    if let type = contentTypes[random.below(contentTypes.count)] { headers[.contentType] = type }
                    let response = try await client.post(path, body, headers: headers)
                    let status = response.status.code
                    if status >= 500 || (status >= 400 && (response.errorMessage ?? "").isEmpty) {
                        Issue.record("\(path), input \(i): \(status) \(response.text.prefix(300))\nbody: \(body.prefix(300))")
                        return
                    }
                }
            }
            // Refused re-plans stored nothing; uploads may have stored problems of their own.
            #expect(try await client.get("/api/problems/\(problem)").status == .ok)
            _ = try await client.post("/api/jobs/\(busy.id)/stop", "")
        }
    }
}

/// The formats' fuzz mutations, for HTTP bodies.
enum MutatedText {
    static let tokens = [
        "{", "}", "[", "]", "\"", ",", ":", "'", "\n", "\t", "\0", "\\", "&a ", "*a", "- ", "99999999999999999999999", "-1", "1e308",
        "NaN", "\"1900-01-01\"", "\"9999-12-31\"", "null", "true", "=cmd", "\u{FEFF}", "💥", String(repeating: "[", count: 2000),
        "SECTION_HORIZON\n", ",,,,", "employee,0",
    ]

    static func mutate(_ seed: String, _ random: inout RandomSource) -> String {
        var bytes = Array(seed.utf8)
        for _ in 0..<(1 + random.below(4)) {
            let at = bytes.isEmpty ? 0 : random.below(bytes.count)
            switch random.below(6) {
            case 0 where !bytes.isEmpty: bytes[at] = UInt8(truncatingIfNeeded: random.next())
            case 1 where !bytes.isEmpty: bytes.removeSubrange(at..<min(bytes.count, at + 1 + random.below(40)))
            case 2 where !bytes.isEmpty:
                let slice = bytes[at..<min(bytes.count, at + 1 + random.below(200))]
                bytes.insert(contentsOf: slice, at: at)
            default: bytes.insert(contentsOf: Array(tokens[random.below(tokens.count)].utf8), at: at)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
