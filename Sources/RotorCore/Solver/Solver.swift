import Dispatch
import Synchronization

public enum AcceptorKind: String, Sendable, CaseIterable {
    case lateAcceptance = "late-acceptance"
    case simulatedAnnealing = "annealing"
}

public struct SolverOptions: Sendable {
    public var seed: UInt64 = 1
    public var threads: Int = 1
    public var termination: Termination = .timeLimit(.seconds(10))
    public var acceptor: AcceptorKind = .simulatedAnnealing
    /// Weight of one unit of hard penalty against the objective while searching. With
    /// `adaptiveHardWeight` it is the ceiling, and the weight oscillates below it: it grows while the
    /// current roster breaks a hard rule and shrinks while it breaks none (strategic oscillation,
    /// Glover & Hao 2011), so the search can cross infeasible ground between feasible rosters.
    public var hardWeight: Int = 100
    public var adaptiveHardWeight = true
    public var minimumHardWeight: Double = 1
    /// Late acceptance history length.
    public var lateAcceptanceLength: Int = 2000
    /// Annealing temperatures and cycle length, in iterations.
    /// Measured on Instances 7, 8, 10 and 14 (`rotor solve --start-temperature …`): hotter first
    /// cycles lose cover, colder ones stall; the objective's unit is a request weight (1–3) and a
    /// person short on a shift costs 100.
    /// Nil means 100, or for a search of at least 30 s on a large roster, up to 400 (rising from 2,500
    /// cells, staff × days, to 10,000). Measured with 2 threads for 30 s: a start at 400 instead of
    /// 100 gave 98,718 instead of 108,143 on Instance 24 (54,600 cells) and 5,523 instead of 5,925 on
    /// Instance 20 (9,100), the same on 21 and 23, while 200 lost on Instances 14 and 16 (about
    /// 1,300 cells). In 10 or 20 s the hot first cycle is not over and the start at 100 is better
    /// (Instances 20–24, and the surge example at 20 s: 25,646 against 40,277).
    public var startTemperature: Double? = nil
    public var endTemperature: Double = 1
    /// Moves per annealing cycle; nil scales it with the roster's size (4,000 moves per cell,
    /// between 2 and 40 million), so small instances cycle often and year-long ones cool down once
    /// or twice a minute.
    public var annealingCycle: Int? = nil
    /// Temperatures of the cycles after the first, which restart from the best roster: cooler, to
    /// polish it rather than rebuild it.
    public var reheatStartTemperature: Double = 5
    public var reheatEndTemperature: Double = 0.1
    /// The share of the search's time spent rebuilding windows of a few rows by dynamic programming
    /// (`RebuildWindowMove`), where the problem's rules allow it; 0 never. The time is counted in the
    /// programme's steps, not read from the clock, so a seeded search stays deterministic.
    /// Measured with 2 threads for 20 s over 3 seeds, a quarter against none: Instance 16 went from
    /// 3,827 to 3,446 on average, 8 from 1,383 to 1,364, 12 from 4,216 to 4,183; 7 was unchanged,
    /// 9 went from 453 to 458, and 5 from 1,161 to 1,177 (one seed of three stuck at 1,236).
    public var rebuildShare: Double = 0.25
    /// Passes of a window rebuild over its rows after it first rebuilds them (`WindowRebuilder.revisits`).
    /// Nil means 1 on horizons of up to four weeks and 0 on longer ones: see `reassignShare`.
    public var rebuildRevisits: Int? = nil
    /// The share of the search's time spent dealing out again a block of days among a group of up to
    /// `reassignGroup` people (`ReassignBlockMove`), where no fairness rule couples the rows; 0 never.
    /// Counted in row evaluations, like `rebuildShare`, so a seeded search stays deterministic.
    /// Nil means 0.2 on horizons of up to four weeks and 0 on longer ones. Measured with
    /// `rebuildRevisits` at 1 against both off (2 threads for 20 s, seeds 1–2, then 1 thread for
    /// 10 s, seeds 1–4, then 2 threads for 30 s, seed 1): on the 4-week Instances 4–13 the pair did
    /// better in 9 comparisons of 14, worse in 4 (Instance 8, 9 by half a point, 10 twice) and the
    /// same in 1; on the 6- and 8-week Instances 14, 16 and 17 it did worse in 5 of 5.
    public var reassignShare: Double? = nil
    /// The share of the search's time spent dealing out a day again among a group of up to
    /// `reassignGroup` people, cover included (`ReassignDayMove`), where no fairness rule couples the
    /// rows; 0 never. Counted in row evaluations, like `reassignShare`. Off by default: measured at
    /// 0.15 against 0 (`rotor solve InstanceN.txt --day-reassign-share 0.15`), with 1 thread for 30 s
    /// over 3 seeds it helped Instances 10, 12 and 14 and hurt 13, 16, 17 and 24, and with 2 threads
    /// for 60 s over 2 seeds it was within noise on 10, 12 and 14.
    public var dayReassignShare: Double = 0
    /// Largest group a reassignment deals among; the Hungarian method takes cubic time in it.
    public var reassignGroup = 24
    /// Longest block a reassignment takes, in days; each takes 1 to this many.
    public var reassignDays = 1
    /// Percent of all draws that change a cell aimed at a post left short and at a request not
    /// granted (`MoveSelector.coverAimPercent`, `requestAimPercent`); the selector's other single-cell
    /// changes are random. On year-long rosters a random cell rarely touches what costs. Measured with
    /// 2 threads for 60 s, seeds 1 and 2, against (0, 0), where every change is random: Instance 24
    /// 68,944 and 72,605 instead of 77,809 and 77,831; Instance 23 20,221 and 20,177 instead of 21,377
    /// and 21,935. Elsewhere mostly within run-to-run noise, but Instance 16 did worse: 3,457 and
    /// 3,442 against 3,345 and 3,341 (seed 1 against the commit before, seed 2 against (0, 0)).
    public var aimedChangePercents: (cover: Int, request: Int) = MoveSelector.defaultAimPercents
    /// Percent of the exchange draws that exchange blocks of days of one row rather than two days
    /// (`MoveSelector.blockExchangePercent`, where the measurements on the benchmark are). Nil means
    /// `MoveSelector.defaultBlockExchangePercent` on problems with only the benchmark's rule families
    /// (those `WindowRebuilder.isApplicable` to) and none elsewhere: on Rotor's own problems, whose
    /// rests and rolling windows make a block exchange dearer to score, they did worse. Measured with
    /// 2 threads for 60 s, 30 against 0 (`rotor solve … --time-limit 60 --block-exchanges P`): the
    /// surge example 1,962 against 1,425 and the 2,000-staff problem 4,506 against 3,563, at 10 %
    /// fewer moves per second.
    public var blockExchangePercent: Int? = nil
    /// Percent of draws that exchange days or blocks of days within one row (`ExchangeDaysMove`),
    /// taken from block assignments. Nil means `MoveSelector.largeRosterExchangePercent` (25) for a
    /// search of at least 30 s on a roster of at least 5,000 cells (staff × days) with only the
    /// benchmark's rule families, and `MoveSelector.defaultExchangePercent` (15) otherwise: late in
    /// a long search on a large roster, work is short in a few places and each person's totals sit
    /// where their contract wants them, so moving work in time gains more than adding or removing it.
    /// Measured with 2 threads for 60 s over seeds 1 and 2, 25 against 15 (`rotor solve
    /// InstanceN.txt --time-limit 60 --threads 2 --seed K --exchanges P`): Instance 24 57,106 and
    /// 58,976 against 59,308 and 60,972; 23 19,588 and 19,819 against 20,023 and 20,004; 21 21,747
    /// and 21,754 against 21,779 and 21,810; 20 5,106 and 5,097 against 5,234 and 5,079. Below 5,000
    /// cells it gained nothing: 13 1,731 and 1,637 against 1,666 and 1,774; 14 1,318 and 1,352
    /// against 1,339 and 1,345; 16 3,435 and 3,434 against 3,345 and 3,527; 17 6,012 and 5,799
    /// against 5,791 and 5,895; 18 5,092 and 5,009 against 5,091 and 4,909. In 10 s it did a little
    /// worse on 21, 23 and 24 (24: 103,948 and 104,024 against 101,569 and 103,910), hence the 30 s.
    public var exchangePercent: Int? = nil
    /// Whether a search thread starts with column generation dives (`ColumnGenerationDive`) and
    /// polishes the best roster they find: the second thread when there are two or more, else the
    /// only one, and in runs of at least 30 s every thread (`LocalSearch.dives`). Nil means where the
    /// dive applies and the roster has at most `diveCellLimit` cells (staff × days), or
    /// `diveFourWeekCellLimit` over at most 28 days. Measured with 2 threads for 60 s (`rotor bench … --time-limit 60 --threads
    /// 2`, ee6f3cb), against the search without it (410188b): Instances 5, 9, 10 and 16 reach their
    /// optima, 1,143, 439, 4,631 and 3,225, against 1,148, 451, 4,669 and 3,345; 7 1,057 against
    /// 1,079. Instance 12 (1,680 cells) came in once the master barred fixed people's columns
    /// (`RevisedSimplex.bar`): its one dive takes about 40 s and ends at its optimum, 4,040.
    public var columnGenerationDive: Bool? = nil
    public static let diveCellLimit = 1200
    /// The dive's larger limit for horizons of at most four weeks. Instance 12 (28 days, 1,680
    /// cells) reaches its optimum through the dive; Instance 14 (42 days, 1,344 cells) had not
    /// finished its root programme after 60 s with two threads, and with one thread for 10 s the
    /// dive took the whole run and left the constructed roster (6,603, infeasible; `rotor solve
    /// Instance14.txt --threads 1 --time-limit 10` on ec36f2c, whose limit was 1,680 for all).
    public static let diveFourWeekCellLimit = 1680
    /// Longest window a rebuild takes, in days.
    public var maxRebuildDays: Int = 28
    /// Iterations between looks at the other threads' best roster.
    public var shareInterval: Int = 1 << 20
    /// When set, the incremental score is recomputed from scratch every this many moves and any
    /// difference stops the search with `SolverError.scoreDrift`.
    public var checkEvery: Int? = nil
    /// Lets another thread stop the search early (a server's stop button, its shutdown); the
    /// threads look at it where they check `termination`, every 1,024 moves.
    public var stopSignal: StopSignal? = nil

    public init() {}
}

/// A flag that stops a running solve when raised; it stays raised.
public final class StopSignal: Sendable {
    private let raised = Atomic<Bool>(false)

    public init() {}

    public func raise() { raised.store(true, ordering: .relaxed) }

    public var isRaised: Bool { raised.load(ordering: .relaxed) }
}

public struct SolverError: Error, CustomStringConvertible {
    public var description: String
}

/// What the solver reports while it runs and when it stops.
public struct SolverStatus: Sendable {
    public var best: Score
    public var elapsed: Duration
    /// Moves evaluated so far, all threads together.
    public var moves: Int
    public var timeToBest: Duration
    /// The best roster the threads have shared, in progress reports, so that a caller can keep it
    /// while the search runs (a server saving its jobs). Threads share every `shareInterval` moves,
    /// so it can trail `best`: score it rather than assume it scores `best`. Nil before the first share.
    public var bestSchedule: Schedule? = nil

    public var movesPerSecond: Double {
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        return seconds > 0 ? Double(moves) / seconds : 0
    }
}

public struct SolveResult: Sendable {
    public var schedule: Schedule
    public var status: SolverStatus
}

/// Solves a compiled problem: each thread runs its own local search from its own seed
/// (`seed + thread`), and every `shareInterval` iterations a thread publishes its best roster and
/// adopts the shared best when it is better than its own (a simple island model).
public struct Solver: Sendable {
    public let problem: CompiledProblem
    public let options: SolverOptions
    public let clock: any SolverClock

    public init(problem: CompiledProblem, options: SolverOptions, clock: any SolverClock = SystemClock()) {
        self.problem = problem
        self.options = options
        self.clock = clock
    }

    public func solve(initial: Schedule? = nil, progress: @escaping @Sendable (SolverStatus) -> Void = { _ in }) throws -> SolveResult {
        let start = clock.now()
        let shared = SharedBest(start: start)
        let threads = max(options.threads, 1)
        let errors = Mutex<[String]>([])
        let work: @Sendable (Int) -> Void = { index in
            var search = LocalSearch(problem: problem, options: options, clock: clock, start: start,
                                     thread: index, shared: shared, initial: initial)
            do { try search.run(progress: index == 0 ? progress : nil) }
            catch { errors.withLock { $0.append(String(describing: error)) } }
        }
        if threads == 1 {
            work(0)
        } else {
            DispatchQueue.concurrentPerform(iterations: threads, execute: work)
        }
        if let message = errors.withLock({ $0.first }) { throw SolverError(description: message) }
        return shared.withLock { s in
            SolveResult(schedule: s.schedule!, status: SolverStatus(best: s.score, elapsed: clock.now() - start,
                                                                    moves: s.moves.reduce(0, +), timeToBest: s.timeToBest))
        }
    }
}

/// The best roster found by any thread, and every thread's move count.
final class SharedBest: Sendable {
    struct State {
        var schedule: Schedule?
        var score = Score(hard: .max, soft: .max)
        var timeToBest: Duration = .zero
        var moves: [Int] = []
        var stop = false
    }
    private let state = Mutex(State())
    let start: Duration

    init(start: Duration) { self.start = start }

    func withLock<R>(_ body: (inout State) -> R) -> R { state.withLock { body(&$0) } }

    /// Publishes a thread's best; returns the shared best when it is strictly better than `score`.
    func exchange(_ schedule: Schedule, _ score: Score, at elapsed: Duration, thread: Int, moves: Int) -> (Schedule, Score)? {
        state.withLock { s in
            if s.moves.count <= thread { s.moves += Array(repeating: 0, count: thread + 1 - s.moves.count) }
            s.moves[thread] = moves
            if score < s.score {
                s.score = score
                s.schedule = schedule
                s.timeToBest = elapsed
                return nil
            }
            return s.score < score ? (s.schedule!, s.score) : nil
        }
    }
}
