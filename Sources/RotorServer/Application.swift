import Foundation
import HTTPTypes
import Hummingbird
import Logging
import ServiceLifecycle
import RotorStorage
import Synchronization

/// A configuration the server cannot start with.
public struct ServerConfigurationError: Error, CustomStringConvertible {
    public var description: String
}

/// The HTTP server: the API on `configuration.host:port`, and the job runner as one of its services.
/// On a database of its own, jobs left running by a previous process are marked interrupted before
/// it returns.
public func buildApplication(
    configuration: ServerConfiguration, database: any RotorDatabase, logger: Logger = Logger(label: "rotor.server")
) throws -> some ApplicationProtocol {
    if let problem = configuration.problem { throw ServerConfigurationError(description: problem) }
    let runner = try JobRunner(database: database, configuration: configuration, logger: logger)
    let router = buildRouter(API(database: database, runner: runner, configuration: configuration))
    return Application(
        router: HeadAsGet(router: OnStorageThreads(router: router)),
        configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "Rotor"),
        services: [runner],
        logger: logger)
}

/// A worker without the HTTP API (`rotor worker`): it claims jobs from the shared queue until SIGTERM
/// or SIGINT, then puts the jobs it runs back in the queue with their saved rosters.
public func buildWorker(
    configuration: ServerConfiguration, database: any RotorDatabase, logger: Logger = Logger(label: "rotor.worker")
) throws -> ServiceGroup {
    var configuration = configuration
    configuration.sharedDatabase = true
    configuration.runsJobs = true
    if let problem = configuration.problem { throw ServerConfigurationError(description: problem) }
    let runner = try JobRunner(database: database, configuration: configuration, logger: logger)
    return ServiceGroup(services: [runner], gracefulShutdownSignals: [.sigterm, .sigint], cancellationSignals: [], logger: logger)
}

/// Every route, with JSON errors on all of them and the bearer token on `/api` when one is set.
func buildRouter(_ api: API) -> Router<BasicRequestContext> {
    let router = Router()
    let routes = RouteList()
    router.add(middleware: SecurityHeadersMiddleware())
    router.add(middleware: JSONErrorMiddleware(routes: routes))
    router.add(middleware: WebPageMiddleware())
    router.get("/openapi.json") { _, _ in textResponse(OpenAPIDocument.json, contentType: "application/json") }
    // Calendar apps cannot send the API token: a feed's URL carries a token of its own.
    router.get("/feeds/{token}.ics", use: api.feedCalendar)

    let group = router.group("/api")
    if let token = api.configuration.token { group.add(middleware: BearerTokenMiddleware(token: token)) }
    group.get("/rules", use: api.listRules)
    group.post("/problems", use: api.createProblem)
    group.get("/problems", use: api.listProblems)
    group.get("/problems/{id}", use: api.getProblem)
    group.get("/problems/{id}/document", use: api.problemDocument)
    group.delete("/problems/{id}", use: api.deleteProblem)
    group.post("/problems/{id}/jobs", use: api.startJob)
    group.get("/problems/{id}/jobs", use: api.listJobs)
    group.post("/problems/{id}/score", use: api.score)
    group.post("/problems/{id}/recommend", use: api.recommend)
    group.post("/problems/{id}/feeds", use: api.createFeed)
    group.get("/problems/{id}/feeds", use: api.listFeeds)
    group.delete("/feeds/{id}", use: api.revokeFeed)
    group.get("/jobs/{id}", use: api.getJob)
    group.get("/jobs/{id}/events", use: api.events)
    group.post("/jobs/{id}/stop", use: api.stopJob)
    group.get("/jobs/{id}/roster", use: api.roster)
    group.get("/jobs/{id}/calendar/{staffId}.ics", use: api.calendar)
    group.post("/jobs/{id}/replan", use: api.replan)

    routes.set(router.routes.map { ($0.method, $0.path) })
    return router
}

/// The router's routes, filled in once they are all added; the error middleware is added before them.
final class RouteList: Sendable {
    private let routes = Mutex<[(method: HTTPRequest.Method, path: RouterPath)]>([])

    func set(_ list: [(method: HTTPRequest.Method, path: RouterPath)]) { routes.withLock { $0 = list } }

    var all: [(method: HTTPRequest.Method, path: RouterPath)] { routes.withLock { $0 } }
}

/// Answers `HEAD` on every `GET` route (RFC 9110 §9.3.2): the request is routed as `GET` and the
/// response's status and headers are sent, with its length when known, without its body — so an
/// event stream is never started for a `HEAD`. It wraps the router, since routing picks a route by
/// method before any middleware runs.
struct HeadAsGet<Builder: HTTPResponderBuilder>: HTTPResponderBuilder {
    let router: Builder

    func buildResponder() -> Responder { Responder(inner: router.buildResponder()) }

    struct Responder: HTTPResponder {
        let inner: Builder.Responder

        func respond(to request: Request, context: Builder.Responder.Context) async throws -> Response {
            guard request.method == .head else { return try await inner.respond(to: request, context: context) }
            var head = request.head
            head.method = .get
            var response = try await inner.respond(to: Request(head: head, body: request.body), context: context)
            if let length = response.body.contentLength, response.headers[.contentLength] == nil {
                response.headers[.contentLength] = String(length)
            }
            response.body = ResponseBody()
            return response
        }
    }
}

/// Runs every request's handler with a preference for threads of its own (SE-0417 task executors):
/// the handlers call the synchronous storage (SQLite, or PostgreSQL through a blocking pool) and
/// parse and compile problems, and none of that may hold one of the few threads of the cooperative
/// pool that every request and the server's I/O share — so one slow query stalls only itself.
struct OnStorageThreads<Builder: HTTPResponderBuilder>: HTTPResponderBuilder {
    let router: Builder

    func buildResponder() -> Responder { Responder(inner: router.buildResponder(), executor: StorageExecutor.shared) }

    struct Responder: HTTPResponder {
        let inner: Builder.Responder
        let executor: StorageExecutor

        func respond(to request: Request, context: Builder.Responder.Context) async throws -> Response {
            try await withTaskExecutorPreference(executor) { try await inner.respond(to: request, context: context) }
        }
    }
}

/// Threads for blocking work, outside the cooperative pool (SE-0417 task executors): a concurrent
/// dispatch queue, which adds threads while jobs block. The server runs its request handlers and
/// its queue poll here, so that a thread waiting on the database never holds one of the
/// cooperative pool's few threads.
final class StorageExecutor: TaskExecutor, @unchecked Sendable {
    static let shared = StorageExecutor()
    private let queue = DispatchQueue(label: "rotor.storage", attributes: .concurrent)
    private static let marker = DispatchSpecificKey<Bool>()

    init() { queue.setSpecific(key: Self.marker, value: true) }

    /// Whether the caller runs on these threads.
    static var isCurrent: Bool { DispatchQueue.getSpecific(key: marker) == true }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        let executor = asUnownedTaskExecutor()
        queue.async { job.runSynchronously(on: executor) }
    }
}

/// Headers on every response that keep the page from being framed by another site or running
/// anything but its own scripts: a Content-Security-Policy that allows only the server's own
/// files (no inline script or style), `frame-ancestors 'none'` (and `X-Frame-Options` for older
/// browsers), no MIME sniffing and no referrer sent elsewhere.
struct SecurityHeadersMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        response.headers[.contentSecurityPolicy] = contentSecurityPolicy
        response.headers[HTTPField.Name("X-Frame-Options")!] = "DENY"
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[HTTPField.Name("Referrer-Policy")!] = "no-referrer"
        return response
    }
}

let contentSecurityPolicy =
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; "
    + "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
