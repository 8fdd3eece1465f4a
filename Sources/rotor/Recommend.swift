import ArgumentParser
import Foundation
import RotorCore
import RotorFormats

struct Recommend: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Rank who could take a shift, or swap a day with someone, by what it does to the score.",
        discussion: """
            With --post, everyone who could work that post on --date (moved from whatever they have \
            that day); with --swap-with, everyone who could trade --date with that person; with \
            --replace, everyone who could take over that person's shift while they go off. Best \
            first, each with what the change would break or cost (+) and relieve (−).
            """)

    @Argument(help: "The problem: a problem document (.json, .yaml) or a Curtois & Qu benchmark file (.txt).")
    var instance: String

    @Argument(help: "The roster: CSV with the header employee,0,1,…,H-1, or roster JSON as `rotor solve --out x.json` writes it.")
    var roster: String

    @Option(help: "The date, YYYY-MM-DD.") var date: String

    @Option(help: "The post to fill, as the roster names it: SHIFT, SHIFT@SITE or SHIFT@SITE/SKILL.") var post: String?

    @Option(name: .customLong("swap-with"), help: "A staff ID: who could swap the date with them.") var swapWith: String?

    @Option(help: "A staff ID: who could take over their shift on the date while they go off (a sick call).") var replace: String?

    @Option(help: "A staff list (CSV: id,name,skills,home_site,deployable_sites,contract,unavailable) replacing the problem's staff.")
    var staff: String?

    @Option(help: "List at most this many people (0: everyone).") var limit = 10

    @Flag(help: "Print the ranking as JSON.") var json = false

    @Flag(help: "Also print on standard error how long loading the roster and ranking took.") var verbose = false

    func validate() throws {
        guard limit >= 0 else { throw ValidationError("--limit must be 0 or more, not \(limit)") }
    }

    func run() throws {
        let (loaded, schedule, question) = try reportingInputErrors { () throws -> (LoadedProblem, Schedule, RecommendationQuestion) in
            let loaded = try LoadedProblem(path: instance, staffCSV: staff)
            let schedule = try readRoster(roster, for: loaded)
            do {
                let question = try RecommendationQuestion.parse(date: date, post: post, swapWith: swapWith, replace: replace, problem: loaded.compiled,
                                                                names: ("--date", "--post", "--swap-with", "--replace"))
                return (loaded, schedule, question)
            } catch let error as RecommendationQuestionError {
                throw InputError(description: error.description)
            }
        }
        let clock = ContinuousClock()
        let began = clock.now
        let recommender = Recommender(loaded.compiled, schedule)
        let loadedAt = clock.now
        let list = recommender.answer(question, explaining: limit)
        if verbose {
            let ms = { (d: Duration) in String(format: "%.1f ms", Double(d.components.attoseconds) / 1e15 + Double(d.components.seconds) * 1000) }
            printError("ranked \(list.count) \(list.count == 1 ? "person" : "people") and explained \(limit == 0 ? list.count : min(limit, list.count)) in \(ms(clock.now - loadedAt)), after loading the roster into the incremental scorer in \(ms(loadedAt - began))")
        }
        let write = json ? RecommendationJSON.write : RecommendationJSON.text
        print(write(question, list, recommender.score, loaded.compiled, limit), terminator: "")
    }
}
