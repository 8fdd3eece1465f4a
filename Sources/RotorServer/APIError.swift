import Foundation
import Hummingbird
import Logging

/// A request the API refuses, with the status and a message that says what was wrong.
struct APIError: Error {
    var status: HTTPResponse.Status
    var message: String
    /// Every message when there are several (a problem with many mistakes), for clients that list them.
    var details: [String] = []
    var headers: HTTPFields = [:]

    static func badRequest(_ message: String) -> APIError { APIError(status: .badRequest, message: message) }
    static func notFound(_ message: String) -> APIError { APIError(status: .notFound, message: message) }
    static func conflict(_ message: String) -> APIError { APIError(status: .conflict, message: message) }
}

/// Turns every error into a JSON body `{"error": "..."}` with the right status: the API's own errors,
/// Hummingbird's (404 for an unknown path, 413 for a body over the limit), 405 for a known path
/// asked with a method it does not have, and 500 — logged, without details — for anything else.
struct JSONErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    /// The router's routes, to tell 405 from 404.
    let routes: RouteList

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as APIError {
            return Self.response(error.status, error.message, details: error.details, headers: error.headers)
        } catch let error as HTTPError where error.status == .notFound && error.body == nil {
            var allowed = routes.all.filter { Self.matches($0.path, request.uri.path) }.map(\.method.rawValue)
            if allowed.contains("GET") { allowed.append("HEAD") }
            if !allowed.isEmpty {
                return Self.response(.methodNotAllowed, "\(request.method.rawValue) is not allowed on \(request.uri.path); allowed: \(allowed.joined(separator: ", "))",
                                     headers: [.allow: allowed.joined(separator: ", ")])
            }
            return Self.response(.notFound, "no such endpoint: \(request.method.rawValue) \(request.uri.path)")
        } catch let error as HTTPError {
            return Self.response(error.status, error.body ?? error.status.reasonPhrase, headers: error.headers)
        } catch let error as any HTTPResponseError where error.status == .contentTooLarge {
            return Self.response(.contentTooLarge, "the request body is larger than the server accepts")
        } catch let error as any HTTPResponseError {
            return Self.response(error.status, error.status.reasonPhrase)
        } catch {
            context.logger.error("internal error on \(request.method) \(request.uri.path): \(error)")
            return Self.response(.internalServerError, "internal error; the server log has the details")
        }
    }

    static func response(_ status: HTTPResponse.Status, _ message: String, details: [String] = [], headers: HTTPFields = [:]) -> Response {
        var response = jsonResponse(ErrorBody(error: message, details: details.isEmpty ? nil : details), status: status)
        response.headers.append(contentsOf: headers)
        return response
    }

    /// Whether a request path matches a route's path, segment by segment.
    static func matches(_ route: RouterPath, _ path: String) -> Bool {
        let segments = path.split(separator: "/", omittingEmptySubsequences: true)
        return segments.count == route.components.count && zip(route.components, segments).allSatisfy { $0 ~= $1 }
    }
}

/// The body of every error response.
struct ErrorBody: Codable {
    var error: String
    var details: [String]?
}

/// Requires `Authorization: Bearer <token>` on every request it wraps.
struct BearerTokenMiddleware<Context: RequestContext>: RouterMiddleware {
    let token: String

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let header = request.headers[.authorization] ?? ""
        let prefix = "Bearer "
        guard header.hasPrefix(prefix) else {
            throw APIError(status: .unauthorized, message: "this server needs an API token: send the header 'Authorization: Bearer <token>'",
                           headers: [.wwwAuthenticate: "Bearer"])
        }
        guard Self.constantTimeEqual(Array(header.utf8.dropFirst(prefix.utf8.count)), Array(token.utf8)) else {
            throw APIError(status: .unauthorized, message: "the API token is wrong", headers: [.wwwAuthenticate: "Bearer error=\"invalid_token\""])
        }
        return try await next(request, context)
    }

    /// Compares without stopping at the first difference, so the time taken does not reveal a prefix.
    static func constantTimeEqual(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        var difference = UInt8(a.count == b.count ? 0 : 1)
        for i in 0..<max(a.count, b.count) {
            difference |= (i < a.count ? a[i] : 0) ^ (i < b.count ? b[i] : 0)
        }
        return difference == 0
    }
}

/// A JSON response with sorted keys and ISO 8601 dates.
func jsonResponse(_ value: some Encodable, status: HTTPResponse.Status = .ok) -> Response {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    encoder.dateEncodingStrategy = .iso8601
    // The API's response types hold strings, numbers, dates and optionals, which always encode.
    let data = (try? encoder.encode(value)) ?? Data(#"{"error":"the response could not be encoded"}"#.utf8)
    return Response(status: status, headers: [.contentType: "application/json; charset=utf-8"],
                    body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
}

/// A text response of the given media type.
func textResponse(_ text: String, contentType: String, status: HTTPResponse.Status = .ok) -> Response {
    Response(status: status, headers: [.contentType: contentType], body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
}
