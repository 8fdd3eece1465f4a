import Foundation
import HummingbirdTesting
import RotorStorage
import Testing
@testable import RotorServer

@Suite("OpenAPI document")
struct OpenAPITests {
    /// The document's operations as "METHOD /path", in the router's spelling of paths.
    func documentedRoutes() throws -> Set<String> {
        let document = try #require(try JSONSerialization.jsonObject(with: Data(OpenAPIDocument.json.utf8)) as? [String: Any])
        #expect((document["openapi"] as? String)?.hasPrefix("3.") == true)
        let paths = try #require(document["paths"] as? [String: [String: Any]])
        let methods: Set<String> = ["get", "put", "post", "delete", "patch", "head", "options"]
        return Set(paths.flatMap { path, item in item.keys.filter(methods.contains).map { "\($0.uppercased()) \(path)" } })
    }

    @Test func everyRouteIsDocumentedAndEveryDocumentedRouteExists() throws {
        let database = try AppDatabase.inMemory()
        let configuration = testConfiguration()
        let runner = try JobRunner(database: database, configuration: configuration, logger: quietLogger)
        let router = buildRouter(API(database: database, runner: runner, configuration: configuration))
        let routed = Set(router.routes.map { "\($0.method.rawValue) \($0.path)" })
        let documented = try documentedRoutes()
        #expect(routed.subtracting(documented).isEmpty, "routes missing from the document")
        #expect(documented.subtracting(routed).isEmpty, "documented routes the router does not have")
        #expect(routed.count >= 13)
    }

    @Test func theDocumentIsServed() async throws {
        try await withApp { client in
            let response = try await client.get("/openapi.json")
            #expect(response.status == .ok && response.headers[.contentType] == "application/json")
            #expect(response.text == OpenAPIDocument.json)
        }
    }
}
