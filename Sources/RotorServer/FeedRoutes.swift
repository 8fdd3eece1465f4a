import Foundation
import Hummingbird
import RotorCore
import RotorFormats
import RotorStorage

/// Calendar feeds a planner hands to each person: an unguessable URL per (problem, staff member)
/// that a calendar app subscribes to without the API token, serving that person's shifts in the
/// problem's latest saved roster. The planner lists and revokes them through the API.
extension API {
    /// `POST /api/problems/{id}/feeds` with `{"staff": "ann"}`: a new feed (201).
    @Sendable func createFeed(_ request: Request, context: BasicRequestContext) async throws -> Response {
        let record = try problem(id(context, of: "problem"))
        let text = try await bodyText(request)
        guard let object = (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any],
              let staff = object["staff"] as? String, object.count == 1 else {
            throw APIError.badRequest("the feed request must be a JSON object {\"staff\": \"<staff ID>\"}")
        }
        guard try loaded(record).compiled.staffIndex[staff] != nil else {
            throw APIError.badRequest("staff: problem \(record.id!) has no staff member \"\(staff)\"")
        }
        var bytes = [UInt8](repeating: 0, count: 32)
        var random = SystemRandomNumberGenerator()   // the system's secure source (getrandom, arc4random)
        for i in bytes.indices { bytes[i] = random.next() }
        let token = bytes.map { String(format: "%02x", $0) }.joined()
        let feed = try database.insertFeed(FeedRecord(problemId: record.id!, staffId: staff, token: token, createdAt: Date()))
        var response = jsonResponse(FeedBody(feed), status: .created)
        response.headers[.location] = FeedBody(feed).url
        return response
    }

    /// `GET /api/problems/{id}/feeds`: the problem's feeds, revoked ones included.
    @Sendable func listFeeds(_ request: Request, context: BasicRequestContext) async throws -> Response {
        let record = try problem(id(context, of: "problem"))
        return jsonResponse(try database.feeds(problemId: record.id!).map(FeedBody.init))
    }

    /// `DELETE /api/feeds/{id}`: revokes a feed; its URL answers 404 from then on.
    @Sendable func revokeFeed(_ request: Request, context: BasicRequestContext) async throws -> Response {
        let feedId = try id(context, of: "feed")
        guard try database.revokeFeed(id: feedId, now: Date()) != nil else { throw APIError.notFound("no feed \(feedId)") }
        return Response(status: .noContent)
    }

    /// `GET /feeds/{token}.ics`, without the API token: the person's shifts in the problem's latest
    /// saved roster. Unknown and revoked tokens get the same 404.
    @Sendable func feedCalendar(_ request: Request, context: BasicRequestContext) async throws -> Response {
        let token = context.parameters.get("token") ?? ""
        guard token.count == 64, token.allSatisfy(\.isHexDigit), let feed = try database.feed(token: token) else {
            throw APIError.notFound("no such calendar feed; it may have been revoked")
        }
        let record = try problem(feed.problemId)
        let loaded = try loaded(record)
        guard let e = loaded.compiled.staffIndex[feed.staffId] else { throw APIError.notFound("no such calendar feed; it may have been revoked") }
        for job in try database.jobs(problemId: record.id!).sorted(by: { $0.id! > $1.id! }) {
            guard let roster = try database.roster(jobId: job.id!), let schedule = loaded.compiled.fitting(roster.schedule) else { continue }
            return calendarResponse(staff: e, schedule: schedule, problem: loaded, uidPrefix: "problem\(record.id!)", savedAt: roster.savedAt)
        }
        // No roster yet: an empty calendar, which the app fills once a roster is saved.
        return calendarResponse(staff: e, schedule: nil, problem: loaded, uidPrefix: "problem\(record.id!)", savedAt: feed.createdAt)
    }
}

/// A calendar feed as the API shows it.
struct FeedBody: Codable {
    var id: Int64
    var problemId: Int64
    var staff: String
    /// The path to subscribe to, under the server's address.
    var url: String
    var createdAt: Date
    var revokedAt: Date?

    init(_ feed: FeedRecord) {
        id = feed.id!
        problemId = feed.problemId
        staff = feed.staffId
        url = "/feeds/\(feed.token).ics"
        createdAt = feed.createdAt
        revokedAt = feed.revokedAt
    }
}
