import Foundation
import Hummingbird
import RotorCore
import RotorFormats
import RotorStorage

/// What changed since a roster was made: who is now unavailable, and how much each changed
/// assignment should cost.
struct ReplanRequest: Decodable {
    struct Absence: Decodable {
        var staff: String
        var from: String
        var to: String?
    }

    var unavailable: [Absence]
    /// Cost of each cell that differs from the previous roster (default 10).
    var stabilityWeight: Int?
    var timeLimit: Double?
    var threads: Int?
    var seed: Int?
}

extension API {
    /// `POST /api/jobs/{id}/replan`: re-planning after a sick call. The job's problem gets the new
    /// absences and, as its stability goal, the job's best roster (each changed cell costs
    /// `stabilityWeight`); it is stored as a new problem, and a job on it starts from that roster, so
    /// that the new roster changes as little as it can. 202 with the new problem and job.
    @Sendable func replan(_ request: Request, context: BasicRequestContext) async throws -> Response {
        let source = try job(id(context, of: "job"))
        let record = try problem(source.problemId)
        let loaded = try loaded(record)
        guard let previous = loaded.compiled.fitting(try database.roster(jobId: source.id!)?.schedule) else {
            throw APIError.badRequest("job \(source.id!) has no saved roster to re-plan from")
        }
        let body = try replanRequest(try await bodyText(request))
        var problem = loaded.problem
        for (i, absence) in body.unavailable.enumerated() {
            guard let e = problem.staff.firstIndex(where: { $0.id == absence.staff }) else {
                throw APIError.badRequest("unavailable[\(i)].staff: no staff member \"\(absence.staff)\" in problem \(record.id!)")
            }
            guard let from = LocalDate(absence.from), let to = LocalDate(absence.to ?? absence.from), from <= to else {
                throw APIError.badRequest("unavailable[\(i)]: expected dates \"YYYY-MM-DD\" with from no later than to")
            }
            problem.staff[e].unavailable.append(DateRange(from: from, to: to))
        }
        let weight = body.stabilityWeight ?? 10
        guard weight >= 0 else { throw APIError.badRequest("stabilityWeight must not be negative, not \(weight)") }
        problem.stability = Stability(weight: weight, previous: previous.previousAssignments(in: loaded.compiled))
        problem.name = record.name + " (re-plan of job \(source.id!))"
        let text = ProblemDocument.write(problem)
        let replanned = try LoadedProblem(text: text, format: .json, name: "replan")
        // `startFrom` names the old job, so that a worker claiming the job from a shared queue finds
        // the roster to start from too.
        let limitsJSON = try JSONSerialization.data(withJSONObject: [
            "timeLimit": body.timeLimit ?? 60, "threads": body.threads ?? 1, "seed": body.seed ?? 1, "startFrom": Int(source.id!),
        ] as [String: Any])
        let limits = try JobRequest.limits(from: String(decoding: limitsJSON, as: UTF8.self), configuration: configuration)
        // The new problem is stored only when the job is accepted: a re-plan refused (429) leaves nothing.
        var stored: ProblemRecord? = nil
        let job: JobRecord
        do {
            job = try runner.submit(storingProblem: {
                let record = try database.insertProblem(ProblemRecord(
                    name: problem.name, format: ProblemFormat.json.rawValue, source: text, staffCount: replanned.compiled.staffCount,
                    days: replanned.compiled.days, createdAt: Date()))
                stored = record
                return record.id!
            }, compiled: replanned.compiled, limits: limits, initial: previous)
        } catch {
            if let id = stored?.id { _ = try? database.deleteProblem(id: id) }
            throw error
        }
        let newRecord = stored!
        var response = jsonResponse(ReplanBody(problem: ProblemBody(newRecord), job: JobBody(job)), status: .accepted)
        response.headers[.location] = "/api/jobs/\(job.id!)"
        return response
    }

    private func replanRequest(_ text: String) throws(APIError) -> ReplanRequest {
        let example = "{\"unavailable\": [{\"staff\": \"ann\", \"from\": \"2027-03-03\", \"to\": \"2027-03-05\"}], \"stabilityWeight\": 10, \"timeLimit\": 30}"
        guard (try? JSONSerialization.jsonObject(with: Data(text.utf8))) is [String: Any] else {
            throw APIError.badRequest("the re-plan request must be a JSON object such as \(example)")
        }
        do {
            return try JSONDecoder().decode(ReplanRequest.self, from: Data(text.utf8))
        } catch {
            throw APIError.badRequest(describe(error, in: "the re-plan request") { field in
                switch field {
                case "unavailable": "a list of absences such as [{\"staff\": \"ann\", \"from\": \"2027-03-03\", \"to\": \"2027-03-05\"}]"
                case "staff": "a staff ID (a string)"
                case "from", "to": "a date \"YYYY-MM-DD\""
                case "timeLimit": "a number of seconds"
                default: "a whole number from 0 to \(Int64.max)"
                }
            })
        }
    }
}

struct ReplanBody: Encodable {
    var problem: ProblemBody
    var job: JobBody
}
