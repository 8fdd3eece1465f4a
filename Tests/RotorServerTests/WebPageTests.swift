import Foundation
import HummingbirdTesting
import RotorFormats
import Testing
@testable import RotorServer

@Suite("Web page")
struct WebPageTests {
    @Test func thePageAndItsModulesAreServedWithTheirMediaTypes() async throws {
        try await withApp { client in
            let page = try await client.get("/")
            #expect(page.status == .ok)
            #expect(page.headers[.contentType]?.hasPrefix("text/html") == true)
            #expect(page.text.contains("<script type=\"module\" src=\"app.js\"></script>"))
            #expect(page.headers[.cacheControl] == "no-cache")
            for module in ["app.js", "api.js", "model.js", "grid.js", "chart.js", "coverage.js", "explain.js"] {
                let response = try await client.get("/\(module)")
                #expect(response.status == .ok, "\(module)")
                #expect(response.headers[.contentType]?.hasPrefix("text/javascript") == true, "\(module)")
            }
            #expect(try await client.get("/style.css").headers[.contentType]?.hasPrefix("text/css") == true)
        }
    }

    /// The page is built into the binary: every file of `Public/` is served exactly as it is on disk,
    /// whatever directory the binary runs from, and revalidates by ETag.
    @Test func everyFileOfThePageIsBuiltIn() async throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources/RotorServer/Public")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { !$0.hasPrefix(".") }
        #expect(names.count >= 9)
        try await withApp { client in
            for name in names {
                let onDisk = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
                let served = try await client.get("/\(name)")
                #expect(served.status == .ok && served.text == onDisk, "\(name)")
                let eTag = try #require(served.headers[.eTag])
                let again = try await client.get("/\(name)", headers: [.ifNoneMatch: eTag])
                #expect(again.status == .notModified && again.body.readableBytes == 0, "\(name)")
            }
        }
    }

    @Test func pathsOutsideThePageAreJSONErrorsNotFiles() async throws {
        try await withApp { client in
            let missing = try await client.get("/no-such-file.js")
            #expect(missing.status == .notFound && missing.errorMessage != nil)
            let escaping = try await client.get("/..%2FWebPage.swift")
            #expect(escaping.status == .notFound && escaping.errorMessage != nil)
            let post = try await client.post("/", "")
            #expect(post.status == .notFound && post.errorMessage != nil)
        }
    }

    @Test func aStoredProblemIsReturnedAsItsDocument() async throws {
        try await withApp { client in
            let id = try await client.createProblem(try tutorialYAML(), name: "tutorial", contentType: "application/yaml")
            let response = try await client.get("/api/problems/\(id)/document")
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "application/json; charset=utf-8")
            let problem = try ProblemDocument.parse(response.text, fileName: "document.json", syntax: .json)
            #expect(problem == (try ProblemDocument.parse(try tutorialYAML(), fileName: "tutorial.yaml", syntax: .yaml)))
            #expect(try await client.get("/api/problems/99/document").status == .notFound)
            #expect(try await client.get("/api/problems/x/document").status == .badRequest)
        }
    }

    @Test func aCurtoisProblemHasADocumentToo() async throws {
        try await withApp { client in
            let id = try await client.createProblem(tinyCurtois)
            let response = try await client.get("/api/problems/\(id)/document")
            #expect(response.status == .ok)
            let problem = try ProblemDocument.parse(response.text, fileName: "document.json", syntax: .json)
            #expect(problem.staff.map(\.id) == ["A", "B"] && problem.horizon.days == 7)
        }
    }
}
