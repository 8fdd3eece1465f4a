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
    /// Annealing temperatures and cycle length, in iterations. The objective's unit is a request
    /// weight (1–3) and a person short on a shift costs 100: hotter first cycles lose cover, colder
    /// ones stall. Nil means 100, or in a search of at least 30 s on a large roster up to 400 (rising
    /// from 2,500 cells, staff × days, to 10,000); in shorter runs the hot first cycle is not over in
    /// time. Measurements in docs/tuning-log.md.
    public var startTemperature: Double? = nil
    public var endTemperature: Double = 1
    /// Moves per annealing cycle; nil scales it with the roster's size (4,000 moves per cell,
    /// between 2 and 40 million), so small instances cycle often and year-long ones cool down once
    /// or twice a minute.
    public var annealingCycle: Int? = nil
    /// With a time limit, the most of a thread's moves left in the run (measured from its move rate
    /// over the first twentieth of the search) that one annealing cycle may take; cycles doubled
    /// after unproductive ones may take twice that. 0 leaves the cycles as `annealingCycle` says.
    /// The size-scaled cycle of a large roster (up to 40 million moves) outlasted a 10 s run and most
    /// of a 60 s one on the surge example, which then ended barely cooled: 30,402 in 10 s and 2,279
    /// in 60 s, where cycles of 2 to 16 million moves reached 649 and 228-267 (docs/tuning-log.md).
    public var cycleShareOfRun: Double = 0.25
    /// Temperatures of the cycles after the first, which restart from the best roster: cooler, to
    /// polish it rather than rebuild it.
    public var reheatStartTemperature: Double = 5
    public var reheatEndTemperature: Double = 0.1
    /// The share of the search's time spent rebuilding windows of a few rows by dynamic programming
    /// (`RebuildWindowMove`), where the problem's rules allow it; 0 never. The time is counted in the
    /// programme's steps, not read from the clock, so a seeded search stays deterministic. See
    /// "Window rebuilds" in docs/solver.md.
    public var rebuildShare: Double = 0.25
    /// Whether window rebuilds also run on problems with rules their programme does not model
    /// (`WindowRebuilder.isOffered`), at `rebuildShare`.
    public var rebuildsOwnProblems = false
    /// Passes of a window rebuild over its rows after it first rebuilds them (`WindowRebuilder.revisits`).
    /// Nil means 1 on horizons of up to four weeks and 0 on longer ones: see `reassignShare`.
    public var rebuildRevisits: Int? = nil
    /// The share of the search's time spent dealing out again a block of days among a group of up to
    /// `reassignGroup` people (`ReassignBlockMove`), where no fairness rule couples the rows; 0 never.
    /// Counted in row evaluations, like `rebuildShare`, so a seeded search stays deterministic.
    /// Nil means 0.2 on horizons of up to four weeks and 0 on longer ones: with `rebuildRevisits`,
    /// it helped mostly on four-week rosters and did worse on longer ones (docs/tuning-log.md).
    public var reassignShare: Double? = nil
    /// The share of the search's time spent dealing out a day again among a group of up to
    /// `reassignGroup` people, cover included (`ReassignDayMove`), where no fairness rule couples the
    /// rows; 0 never. Counted in row evaluations, like `reassignShare`. Off by default: it helped some
    /// benchmark instances, hurt others, and with two threads its gain was within noise
    /// (docs/tuning-log.md).
    public var dayReassignShare: Double = 0
    /// Largest group a reassignment deals among; the Hungarian method takes cubic time in it.
    public var reassignGroup = 24
    /// Longest block a reassignment takes, in days; each takes 1 to this many.
    public var reassignDays = 1
    /// Percent of all draws that change a cell aimed at a post left short and at a request not
    /// granted (`MoveSelector.coverAimPercent`, `requestAimPercent`); the selector's other single-cell
    /// changes are random. On year-long rosters a random cell rarely touches what costs. See "Moves"
    /// in docs/solver.md.
    public var aimedChangePercents: (cover: Int, request: Int) = MoveSelector.defaultAimPercents
    /// Percent of all draws that trade a day between two people aimed at a period's hours or shifts
    /// (`MoveSelector.hoursAimed`), taken from the swaps. Nil means `defaultHoursAimPercent` where a
    /// soft period rule applies to someone, else none: on the surge example (soft 28-day hours) 10 s
    /// runs ended at 561 and 561 with it against 656 and 631 without; on benchmark instances, whose
    /// period rules are hard limits over the horizon, it made no consistent difference
    /// (docs/tuning-log.md).
    public var hoursAimPercent: Int? = nil
    public static let defaultHoursAimPercent = 20
    /// Percent of the exchange draws that exchange blocks of days of one row rather than two days
    /// (`MoveSelector.blockExchangePercent`). Nil means `MoveSelector.defaultBlockExchangePercent` on
    /// problems with only the benchmark's rule families (those `WindowRebuilder.isApplicable` to) and
    /// none elsewhere: on Rotor's own problems, whose rests and rolling windows make a block exchange
    /// dearer to score, they did worse.
    public var blockExchangePercent: Int? = nil
    /// Percent of draws that exchange days or blocks of days within one row (`ExchangeDaysMove`),
    /// taken from block assignments. Nil means `MoveSelector.largeRosterExchangePercent` (25) for a
    /// search of at least 30 s on a roster of at least 5,000 cells (staff × days) with only the
    /// benchmark's rule families, and `MoveSelector.defaultExchangePercent` (15) otherwise: late in
    /// a long search on a large roster, work is short in a few places and each person's totals sit
    /// where their contract wants them, so moving work in time gains more than adding or removing it.
    /// Below 5,000 cells it gained nothing, and in 10 s runs it did a little worse (docs/tuning-log.md).
    public var exchangePercent: Int? = nil
    /// Whether a search thread starts with column generation dives (`ColumnGenerationDive`) and
    /// polishes the best roster they find: the second thread when there are two or more, else the
    /// only one, and in runs of at least 30 s every thread (`LocalSearch.dives`). Nil means where the
    /// dive applies and the roster has at most `diveCellLimit` cells (staff × days), or
    /// `diveFourWeekCellLimit` over at most 28 days. See "Column generation dives" in docs/solver.md.
    public var columnGenerationDive: Bool? = nil
    public static let diveCellLimit = 1200
    /// The dive's larger limit for horizons of at most four weeks: on longer horizons the pricing
    /// programme's rows are dearer, and a six-week roster of fewer cells did not finish its root
    /// programme within a 60 s run.
    public static let diveFourWeekCellLimit = 1680
    /// Longest window a rebuild takes, in days.
    public var maxRebuildDays: Int = 28
    /// Iterations between looks at the other threads' best roster.
    public var shareInterval: Int = 1 << 20
    /// When set, the incremental score is recomputed from scratch every this many moves and any
    /// difference stops the search with `SolverError.scoreDrift`.
    public var checkEvery: Int? = nil
    /// The share of the time limit by which the first thread's bound must end (`LocalSearch.proveBound`,
    /// which pauses its search once it has a feasible roster), and that the diving thread's branch
    /// and price may take before its dives (`LocalSearch.branchForBound`); 0 proves none. Without a time limit
    /// the bound takes at most `boundRounds` rounds of its programme. A roster that meets the bound is
    /// optimal, and the search then stops.
    public var boundShare: Double = 0.25
    public static let boundRounds = 3000
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

/// A proven lower bound on the objective (the soft penalty) of every roster that keeps the hard
/// rules (`LagrangianBound`): no roster can score below `value`.
public struct ObjectiveBound: Sendable, Equatable, Codable {
    public var value: Int
    /// The rules and goals the bound leaves out (by name, e.g. `min-rest`, `fairness`): it still
    /// holds, but may lie further below the best roster. Empty when the bound models every rule.
    public var relaxed: [String]

    public init(value: Int, relaxed: [String] = []) {
        self.value = value
        self.relaxed = relaxed
    }

    /// How far a roster scoring `best` can at most be from the best possible, as a share of its
    /// objective: (objective − bound) / max(objective, 1), as CP-SAT and MIP solvers report it; 0
    /// when the roster is proved optimal, nil when it breaks a hard rule.
    public func gap(_ best: Score) -> Double? {
        guard best.hard == 0 else { return nil }
        return Double(max(best.soft - value, 0)) / Double(max(best.soft, 1))
    }

    /// Whether a roster scoring `best` is proved optimal: it keeps the hard rules and meets the bound.
    public func proves(_ best: Score) -> Bool { best.hard == 0 && best.soft <= value }

    /// The higher of two bounds on the same problem's objective (both hold; the higher is the
    /// tighter), nil when neither is known.
    public static func higher(_ a: ObjectiveBound?, _ b: ObjectiveBound?) -> ObjectiveBound? {
        guard let a, let b else { return a ?? b }
        return b.value > a.value ? b : a
    }
}

/// What the solver reports while it runs and when it stops.
public struct SolverStatus: Sendable {
    public var best: Score
    /// The best proven bound so far; nil until one is known.
    public var bound: ObjectiveBound? = nil
    /// `bound.gap(best)`: nil without a bound or while the best roster breaks a hard rule.
    public var gap: Double? { bound?.gap(best) }
    /// Whether the best roster is proved optimal (the search then stops).
    public var isOptimal: Bool { bound?.proves(best) ?? false }
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
            SolveResult(schedule: s.schedule!, status: SolverStatus(best: s.score, bound: s.bound, elapsed: clock.now() - start,
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
        var bound: ObjectiveBound?
    }
    private let state = Mutex(State())
    let start: Duration

    init(start: Duration) { self.start = start }

    func withLock<R>(_ body: (inout State) -> R) -> R { state.withLock { body(&$0) } }

    /// Keeps `bound` when it is higher than the one known.
    func publish(_ bound: ObjectiveBound) {
        state.withLock { $0.bound = ObjectiveBound.higher($0.bound, bound) }
    }

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
