import Foundation
import Hummingbird
import RotorCore
import RotorFormats
import RotorStorage
import ServiceLifecycle

extension API {
    /// The stored job with the runner's fresher progress while it runs here.
    func jobBody(_ id: Int64) throws -> JobBody {
        JobBody(try job(id), live: runner.live(jobId: id))
    }

    @Sendable func getJob(_ request: Request, context: BasicRequestContext) async throws -> Response {
        jsonResponse(try jobBody(id(context, of: "job")))
    }

    /// `POST /api/jobs/{id}/stop`: 202 while the job stops (it ends `stopped` with its best roster, or
    /// at once when it was still queued); 409 when it has already ended.
    @Sendable func stopJob(_ request: Request, context: BasicRequestContext) async throws -> Response {
        let id = try id(context, of: "job")
        let before = try job(id)
        guard !before.status.isFinal else { throw APIError.conflict("job \(id) has already ended (\(before.status.rawValue))") }
        // A queued job comes back already `stopped`; a running one stops within a moment.
        guard let job = try runner.stop(jobId: id) else { throw APIError.notFound("no job \(id)") }
        return jsonResponse(JobBody(job, live: runner.live(jobId: id)), status: .accepted)
    }

    /// `GET /api/jobs/{id}/events`: Server-Sent Events. A `progress` event every `eventInterval` while
    /// the job runs (best score, hard violations, moves per second, over time), then one `end` event
    /// with the final job, and the stream closes. When the server shuts down first, a `shutdown` event
    /// closes the stream: the server waits for open requests before it stops its jobs, so a stream
    /// that waited for its job's end would hold the shutdown up until the time limit.
    @Sendable func events(_ request: Request, context: BasicRequestContext) async throws -> Response {
        let id = try id(context, of: "job")
        _ = try job(id)
        let interval = configuration.eventInterval
        let headers: HTTPFields = [.contentType: "text/event-stream", .cacheControl: "no-cache"]
        return Response(status: .ok, headers: headers, body: ResponseBody { [self] writer in
            var last: ProgressEvent?
            while true {
                let job = try jobBody(id)
                if job.status.isFinal {
                    try await writer.write(ByteBuffer(string: Self.serverSentEvent("end", job)))
                    break
                }
                if Task.isShuttingDownGracefully {
                    try await writer.write(ByteBuffer(string: Self.serverSentEvent(
                        "shutdown", ["message": "the server is shutting down; the job ends interrupted with its best roster"])))
                    break
                }
                let event = ProgressEvent(job)
                if event != last {
                    try await writer.write(ByteBuffer(string: Self.serverSentEvent("progress", event)))
                    last = event
                }
                try await Task.sleep(for: interval)
            }
            try await writer.finish(nil)
        })
    }

    static func serverSentEvent(_ name: String, _ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        // JSON without pretty-printing has no line breaks, so it fits one `data:` line.
        let data = (try? encoder.encode(value)) ?? Data("{}".utf8)
        return "event: \(name)\ndata: \(String(decoding: data, as: UTF8.self))\n\n"
    }

    /// A job's saved roster with its problem, or 404 when it has none yet.
    func savedRoster(_ jobId: Int64) throws -> (job: JobRecord, roster: RosterRecord, schedule: Schedule, problem: LoadedProblem) {
        let job = try job(jobId)
        guard let roster = try database.roster(jobId: jobId) else {
            throw APIError.notFound("job \(jobId) has no roster saved yet; the first is saved within a second of its start")
        }
        let loaded = try loaded(try problem(job.problemId))
        guard let schedule = loaded.compiled.fitting(roster.schedule) else {
            throw APIError(status: .internalServerError, message: "the saved roster of job \(jobId) does not fit its problem")
        }
        return (job, roster, schedule, loaded)
    }

    /// `GET /api/jobs/{id}/roster`: the saved roster as JSON with its score, the job's bound and the
    /// roster's gap to it, and explanations; with `?format=csv` as the CSV grid, `xlsx` as an Excel
    /// workbook (a summary sheet and one sheet per site), `html` as a printable page per site.
    @Sendable func roster(_ request: Request, context: BasicRequestContext) async throws -> Response {
        let format = request.uri.queryParameters.get("format") ?? "json"
        guard ["json", "csv", "xlsx", "html"].contains(format) else {
            throw APIError.badRequest("format must be json, csv, xlsx or html, not \"\(format)\"")
        }
        let saved = try savedRoster(id(context, of: "job"))
        let compiled = saved.problem.compiled
        if format == "csv" {
            return textResponse(RosterCSV.write(saved.schedule, problem: compiled), contentType: "text/csv; charset=utf-8")
        }
        let evaluation = Evaluation(compiled, saved.schedule)
        let fileName = "\(compiled.problem.name.filter { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" })-job-\(saved.job.id!)"
        if format == "xlsx" {
            let data = try RosterWorkbook.data(saved.schedule, problem: compiled, evaluation: evaluation)
            return Response(status: .ok, headers: [.contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                                                   .contentDisposition: "attachment; filename=\"\(fileName).xlsx\""],
                            body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
        }
        if format == "html" {
            return textResponse(RosterPrint.html(saved.schedule, problem: compiled, evaluation: evaluation), contentType: "text/html; charset=utf-8")
        }
        // The job's bound (the runner's while the job runs here, never below the stored one) holds for
        // every roster of its problem; the gap is the saved roster's.
        let bound = runner.live(jobId: saved.job.id!)?.bound ?? saved.job.objectiveBound
        return textResponse(RosterJSON.write(saved.schedule, problem: compiled, evaluation: evaluation, bound: bound),
                            contentType: "application/json; charset=utf-8")
    }

    /// `GET /api/jobs/{id}/calendar/{staffId}.ics`: one staff member's shifts in the saved roster as an
    /// iCalendar feed to subscribe to.
    @Sendable func calendar(_ request: Request, context: BasicRequestContext) async throws -> Response {
        let saved = try savedRoster(id(context, of: "job"))
        let raw = context.parameters.get("staffId") ?? ""
        let staffId = raw.removingPercentEncoding ?? raw
        let compiled = saved.problem.compiled
        guard let e = compiled.staffIndex[staffId] else {
            throw APIError.notFound("problem \(saved.job.problemId) has no staff member \"\(staffId)\"")
        }
        return calendarResponse(staff: e, schedule: saved.schedule, problem: saved.problem, uidPrefix: "job\(saved.job.id!)",
                                savedAt: saved.roster.savedAt)
    }

    /// Staff member `e`'s shifts in `schedule` (none when nil) as an iCalendar response, named after
    /// the problem and the person; the job's calendar and the calendar feeds both answer with it.
    func calendarResponse(staff e: Int, schedule: Schedule?, problem: LoadedProblem, uidPrefix: String, savedAt: Date) -> Response {
        let compiled = problem.compiled
        let events = schedule.map { StaffCalendar.events(staff: e, schedule: $0, problem: compiled, uidPrefix: uidPrefix) } ?? []
        let text = ICalendar.write(name: "\(problem.problem.name): \(compiled.problem.staff[e].name)", events: events,
                                   stamp: Int(savedAt.timeIntervalSince1970))
        return textResponse(text, contentType: "text/calendar; charset=utf-8")
    }
}
