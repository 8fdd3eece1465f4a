import Foundation
import Hummingbird
import Logging

/// The planner's web page: the static files of `Public/` (HTML, CSS and JavaScript modules, no build
/// step), packaged as the target's resources and served at `/`. They are served by file middleware,
/// which answers only requests no route matched, so they are not part of the API nor of its OpenAPI
/// document, and need no token: the page asks for one and sends it with its API calls.
func webPageMiddleware<Context: RequestContext>() -> FileMiddleware<Context, LocalFileSystem> {
    // `no-cache` makes the browser revalidate (by ETag) on every load, so that a page from an upgraded
    // server never runs with a module cached from the previous one.
    let revalidate: [CacheControl.Value] = [.noCache]
    return FileMiddleware(
        webPageFolder, cacheControl: CacheControl([(.textHtml, revalidate), (.textJavascript, revalidate), (.textCss, revalidate)]),
        searchForIndexHtml: true, logger: Logger(label: "rotor.server.page"))
}

/// `Public/` inside the resource bundle SwiftPM builds beside the binary.
private var webPageFolder: String {
    Bundle.module.url(forResource: "Public", withExtension: nil)?.path ?? Bundle.module.bundlePath + "/Public"
}
