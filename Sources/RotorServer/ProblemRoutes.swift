import Foundation
import Hummingbird
import RotorCore
import RotorFormats
import RotorStorage

extension API {
    /// `POST /api/problems`: the body is a problem document (JSON or YAML) or a Curtois benchmark file;
    /// `?name=` names it.
    @Sendable func createProblem(_ request: Request, context: BasicRequestContext) async throws -> Response {
        let text = try await bodyText(request)
        guard !text.allSatisfy(\.isWhitespace) else {
            throw APIError.badRequest("the body is empty; send a problem document (JSON or YAML) or a Curtois benchmark file")
        }
        let format = ProblemFormat.detect(contentType: request.headers[.contentType], text: text)
        let requestedName = try problemName(request.uri.queryParameters.get("name"))
        let loaded = try LoadedProblem(text: text, format: format, name: requestedName ?? "problem")
        // A Curtois file has no name of its own, and a document may leave it out.
        let name = requestedName ?? loaded.problem.name
        let record = try database.insertProblem(ProblemRecord(
            name: name, format: format.rawValue, source: text, staffCount: loaded.compiled.staffCount,
            days: loaded.compiled.days, createdAt: Date()))
        var response = jsonResponse(ProblemBody(record), status: .created)
        response.headers[.location] = "/api/problems/\(record.id!)"
        return response
    }

    @Sendable func listProblems(_ request: Request, context: BasicRequestContext) async throws -> Response {
        jsonResponse(try database.problemSummaries().map { ProblemBody($0) })
    }

    /// `GET /api/rules`: every rule a violation can name, with its heading, and for contract rules
    /// the parameters a problem document gives it — read from the rule families, so the page's
    /// headings never fall behind the engine.
    @Sendable func listRules(_ request: Request, context: BasicRequestContext) async throws -> Response {
        jsonResponse(RuleID.allCases.map { RuleBody($0) })
    }

    /// `GET /api/problems/{id}`: the problem's summary and its jobs.
    @Sendable func getProblem(_ request: Request, context: BasicRequestContext) async throws -> Response {
        let record = try problem(id(context, of: "problem"))
        let jobs = try database.jobs(problemId: record.id!).map { JobBody($0, live: runner.live(jobId: $0.id!)) }
        return jsonResponse(ProblemBody(record, jobs: jobs))
    }

    /// `GET /api/problems/{id}/document`: the stored problem as Rotor's JSON problem document, whatever
    /// format it was uploaded in, so that a client can read its sites, shifts, staff and demand.
    @Sendable func problemDocument(_ request: Request, context: BasicRequestContext) async throws -> Response {
        let loaded = try loaded(try problem(id(context, of: "problem")))
        return textResponse(ProblemDocument.write(loaded.problem), contentType: "application/json; charset=utf-8")
    }

    /// `DELETE /api/problems/{id}`: with its jobs and rosters; refused while one of its jobs runs.
    @Sendable func deleteProblem(_ request: Request, context: BasicRequestContext) async throws -> Response {
        let id = try id(context, of: "problem")
        _ = try problem(id)
        if try database.hasActiveJobs(problemId: id) {
            throw APIError.conflict("problem \(id) has a running job; stop it (POST /api/jobs/{id}/stop) before deleting the problem")
        }
        _ = try database.deleteProblem(id: id)
        forget(problemId: id)
        return Response(status: .noContent)
    }

    @Sendable func listJobs(_ request: Request, context: BasicRequestContext) async throws -> Response {
        let record = try problem(id(context, of: "problem"))
        return jsonResponse(try database.jobs(problemId: record.id!).map { JobBody($0, live: runner.live(jobId: $0.id!)) })
    }

    /// `POST /api/problems/{id}/jobs`: starts a solve (or queues it, on a shared database); 202 with
    /// the job, whose progress is at `GET /api/jobs/{id}` and `…/events`.
    @Sendable func startJob(_ request: Request, context: BasicRequestContext) async throws -> Response {
        let record = try problem(id(context, of: "problem"))
        let limits = try JobRequest.limits(from: try await bodyText(request), configuration: configuration)
        let loaded = try loaded(record)
        var initial: Schedule?
        if let from = limits.startFromJobId {
            guard let source = try database.job(id: from), source.problemId == record.id! else {
                throw APIError.badRequest("startFrom: problem \(record.id!) has no job \(from)")
            }
            guard let schedule = loaded.compiled.fitting(try database.roster(jobId: from)?.schedule) else {
                throw APIError.badRequest("startFrom: job \(from) has no saved roster to start from")
            }
            initial = schedule
        }
        let job = try runner.submit(problemId: record.id!, compiled: loaded.compiled, limits: limits, initial: initial)
        var response = jsonResponse(JobBody(job), status: .accepted)
        response.headers[.location] = "/api/jobs/\(job.id!)"
        return response
    }

    /// `POST /api/problems/{id}/score`: a roster a planner edited (CSV or JSON, as the roster endpoint
    /// writes them) scored from scratch: the score, every violation with its message, the breakdown.
    @Sendable func score(_ request: Request, context: BasicRequestContext) async throws -> Response {
        let record = try problem(id(context, of: "problem"))
        let text = try await bodyText(request)
        let compiled = try loaded(record).compiled
        let schedule = try RosterInput.read(text, contentType: request.headers[.contentType], problem: compiled)
        let evaluation = Evaluation(compiled, schedule)
        return textResponse(RosterJSON.write(schedule, problem: compiled, evaluation: evaluation), contentType: "application/json; charset=utf-8")
    }

    /// `POST /api/problems/{id}/recommend?date=D&post=P` (who could work post P on date D),
    /// `?date=D&swapWith=S` (who could swap date D with staff member S) or `?date=D&replace=S` (who
    /// could take over S's shift on date D while S goes off), `&limit=N` (10; 0 for
    /// everyone): the roster in the body (as for `score`) and the people who could make the change,
    /// best first, each with its change in score and what it breaks, costs and relieves.
    @Sendable func recommend(_ request: Request, context: BasicRequestContext) async throws -> Response {
        let record = try problem(id(context, of: "problem"))
        let query = request.uri.queryParameters
        let limitText = query.get("limit") ?? "10"
        guard let limit = Int(limitText), limit >= 0 else {
            throw APIError.badRequest("limit: \"\(limitText)\" is not a whole number of 0 or more (0 lists everyone)")
        }
        let text = try await bodyText(request)
        let compiled = try loaded(record).compiled
        let question: RecommendationQuestion
        do {
            question = try RecommendationQuestion.parse(date: query.get("date"), post: query.get("post"), swapWith: query.get("swapWith"),
                                                        replace: query.get("replace"), problem: compiled,
                                                        names: ("date", "post", "swapWith", "replace"))
        } catch {
            throw APIError.badRequest(error.description)
        }
        let schedule = try RosterInput.read(text, contentType: request.headers[.contentType], problem: compiled)
        let answer = recommenders.with(problemId: record.id!, compiled: compiled, schedule: schedule) { recommender in
            RecommendationJSON.write(question, recommender.answer(question, explaining: limit), score: recommender.score, problem: compiled, limit: limit)
        }
        return textResponse(answer, contentType: "application/json; charset=utf-8")
    }
}
