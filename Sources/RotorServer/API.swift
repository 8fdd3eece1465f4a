import Foundation
import Hummingbird
import RotorCore
import RotorStorage
import Synchronization

/// The API's handlers and what they share.
struct API: Sendable {
    let database: any RotorDatabase
    let runner: JobRunner
    let configuration: ServerConfiguration
    private let compiledProblems = CompiledProblemCache()
    let recommenders = RecommenderCache()

    init(database: any RotorDatabase, runner: JobRunner, configuration: ServerConfiguration) {
        self.database = database
        self.runner = runner
        self.configuration = configuration
    }

    /// The request body as text, refused with 413 past `maxBodyBytes` and 400 when it is not UTF-8.
    func bodyText(_ request: Request) async throws -> String {
        let limit = configuration.maxBodyBytes
        if let length = request.headers[.contentLength].flatMap({ Int($0) }), length > limit {
            throw APIError(status: .contentTooLarge, message: "the request body has \(length) bytes; this server accepts at most \(limit)")
        }
        let buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: limit)
        } catch let error as any HTTPResponseError where error.status == .contentTooLarge {
            throw APIError(status: .contentTooLarge, message: "the request body is larger than \(limit) bytes, the most this server accepts")
        }
        guard let text = String(bytes: buffer.readableBytesView, encoding: .utf8) else {
            throw APIError.badRequest("the request body is not UTF-8 text")
        }
        return text
    }

    /// The positive integer id in path parameter `name`.
    func id(_ context: some RequestContext, _ name: String = "id", of kind: String) throws -> Int64 {
        let raw = context.parameters.get(name) ?? ""
        guard let id = Int64(raw), id > 0 else {
            throw APIError.badRequest("a \(kind) id is a positive whole number, not \"\(raw)\"")
        }
        return id
    }

    func problem(_ id: Int64) throws -> ProblemRecord {
        guard let problem = try database.problem(id: id) else { throw APIError.notFound("no problem \(id)") }
        return problem
    }

    func job(_ id: Int64) throws -> JobRecord {
        guard let job = try database.job(id: id) else { throw APIError.notFound("no job \(id)") }
        return job
    }

    /// A stored problem, parsed and compiled once and then kept: problems never change once stored.
    func loaded(_ record: ProblemRecord) throws -> LoadedProblem {
        if let cached = compiledProblems[record.id!] { return cached }
        guard let format = ProblemFormat(rawValue: record.format) else {
            throw APIError(status: .internalServerError, message: "problem \(record.id!) is stored in an unknown format \"\(record.format)\"")
        }
        let loaded = try LoadedProblem(text: record.source, format: format, name: record.name)
        compiledProblems[record.id!] = loaded
        return loaded
    }

    func forget(problemId: Int64) { compiledProblems[problemId] = nil }
}

/// The last few compiled problems: compiling a large problem takes a while, and a calendar feed is
/// fetched once per staff member and again on every refresh.
final class CompiledProblemCache: Sendable {
    private static let capacity = 8
    private let entries = Mutex<[(id: Int64, problem: LoadedProblem)]>([])

    subscript(id: Int64) -> LoadedProblem? {
        get { entries.withLock { $0.first { $0.id == id }?.problem } }
        set {
            entries.withLock { list in
                list.removeAll { $0.id == id }
                if let newValue {
                    list.insert((id, newValue), at: 0)
                    if list.count > Self.capacity { list.removeLast() }
                }
            }
        }
    }
}

/// The rosters the last recommendations were asked about, loaded into the incremental scorer
/// (`Recommender`). The page asks again about the same roster, or about one a few edits away, and on a
/// large roster loading it into the scorer takes far longer than the ranking (about 50 ms against 4 on
/// the surge example): a roster that differs from a kept one of its problem in few cells is brought to
/// it by changing those cells instead. Requests share a kept roster one at a time.
final class RecommenderCache: Sendable {
    private static let capacity = 4
    /// A kept roster is reused when at most this share of its cells differ.
    private static let reuseShare = 0.05
    private let entries = Mutex<[(problemId: Int64, recommender: Recommender)]>([])

    /// `body` run on a recommender holding `schedule`, a roster of problem `problemId` (`compiled`).
    func with<T: Sendable>(problemId: Int64, compiled: CompiledProblem, schedule: Schedule,
                           _ body: (Recommender) -> T) -> T {
        entries.withLock { list in
            var best: (index: Int, changes: [CellChange])? = nil
            let limit = Int(Double(compiled.staffCount * compiled.days) * Self.reuseShare)
            for (i, entry) in list.enumerated() where entry.problemId == problemId {
                let kept = entry.recommender.schedule
                guard kept.staffCount == schedule.staffCount && kept.days == schedule.days else { continue }
                var changes: [CellChange] = []
                for e in 0..<schedule.staffCount {
                    for d in 0..<schedule.days where kept[staff: e, day: d] != schedule[staff: e, day: d] {
                        changes.append(CellChange(staff: e, day: d, from: Int(kept[staff: e, day: d]), to: Int(schedule[staff: e, day: d])))
                    }
                    if changes.count > limit { break }
                }
                if changes.count <= limit && changes.count < (best?.changes.count ?? Int.max) { best = (i, changes) }
            }
            var entry: (problemId: Int64, recommender: Recommender)
            if let best {
                entry = list.remove(at: best.index)
                if !best.changes.isEmpty { entry.recommender.apply(best.changes) }
            } else {
                entry = (problemId, Recommender(compiled, schedule))
            }
            let result = body(entry.recommender)
            list.insert(entry, at: 0)
            if list.count > Self.capacity { list.removeLast() }
            return result
        }
    }
}

extension CompiledProblem {
    /// `schedule` when it has this problem's shape; nil for none, or for a roster saved for an
    /// earlier version of the problem with other staff or days.
    func fitting(_ schedule: Schedule?) -> Schedule? {
        schedule.flatMap { $0.staffCount == staffCount && $0.days == days ? $0 : nil }
    }
}
