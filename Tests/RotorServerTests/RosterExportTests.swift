import Foundation
import HummingbirdTesting
import Testing
@testable import RotorServer

@Suite("Roster exports API")
struct RosterExportTests {
    /// The job's roster as a workbook and as a printable page.
    @Test func rosterAsWorkbookAndPrintablePage() async throws {
        try await withApp { client in
            let problem = try await client.createProblem(try tutorialYAML(), name: "tutorial", contentType: "application/yaml")
            let job = try await client.waitForEnd(job: try await client.startJob(problem: problem, #"{"timeLimit": 0.3}"#).id)
            let xlsx = try await client.get("/api/jobs/\(job.id)/roster?format=xlsx")
            #expect(xlsx.status == .ok)
            #expect(xlsx.headers[.contentType] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
            #expect(xlsx.headers[.contentDisposition]?.contains(".xlsx") == true)
            #expect(Array(xlsx.body.readableBytesView.prefix(2)) == [0x50, 0x4B], "a zip container")
            let html = try await client.get("/api/jobs/\(job.id)/roster?format=html")
            #expect(html.status == .ok && html.headers[.contentType] == "text/html; charset=utf-8")
            #expect(html.text.contains("North Hospital · tutorial") && html.text.contains("South Clinic · tutorial"))
            let bad = try await client.get("/api/jobs/\(job.id)/roster?format=pdf")
            #expect(bad.status == .badRequest && bad.text.contains("json, csv, xlsx or html"))
        }
    }
}
