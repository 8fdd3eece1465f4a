import Foundation
import Hummingbird

/// The planner's web page: the static files of `Public/` (HTML, CSS and JavaScript modules, no build
/// step), built into the binary by the `EmbedWebPage` plugin, so that a copied `rotor` serves its
/// page with no files beside it. They are served by middleware, which answers only requests no
/// route matched, so they are not part of the API nor of its OpenAPI document, and need no token:
/// the page asks for one and sends it with its API calls.
struct WebPageMiddleware<Context: RequestContext>: RouterMiddleware {
    struct File: Sendable {
        let body: ByteBuffer
        let contentType: String
        let eTag: String
    }

    /// The files by request path; `/` is `index.html`.
    let files: [String: File]

    init() {
        var files: [String: File] = [:]
        for (name, text) in embeddedWebPage {
            let file = File(body: ByteBuffer(string: text), contentType: Self.contentType(of: name), eTag: Self.eTag(of: text))
            files["/" + name] = file
            if name == "index.html" { files["/"] = file }
        }
        self.files = files
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard request.method == .get, let file = files[request.uri.path] else { return try await next(request, context) }
        // `no-cache`: the browser revalidates by ETag on every load, so a page from an upgraded server
        // never runs with a module cached from the previous one.
        var headers: HTTPFields = [.contentType: file.contentType, .eTag: file.eTag, .cacheControl: "no-cache"]
        if let match = request.headers[.ifNoneMatch], match.split(separator: ",").contains(where: { $0.trimmingCharacters(in: .whitespaces) == file.eTag }) {
            return Response(status: .notModified, headers: headers)
        }
        headers[.contentLength] = String(file.body.readableBytes)
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: file.body))
    }

    static func contentType(of name: String) -> String {
        switch name.split(separator: ".").last {
        case "html": "text/html; charset=utf-8"
        case "js": "text/javascript; charset=utf-8"
        case "css": "text/css; charset=utf-8"
        case "json": "application/json"
        case "svg": "image/svg+xml"
        default: "text/plain; charset=utf-8"
        }
    }

    /// A strong validator: FNV-1a of the text, which changes whenever a file does.
    static func eTag(of text: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return "\"\(String(hash, radix: 16))\""
    }
}
