/// What a search knows about itself when asked whether to stop.
public struct SearchProgress: Sendable, Equatable {
    public var elapsed: Duration
    public var sinceImprovement: Duration
    public var best: Score
    public var moves: Int

    public init(elapsed: Duration, sinceImprovement: Duration, best: Score, moves: Int) {
        self.elapsed = elapsed
        self.sinceImprovement = sinceImprovement
        self.best = best
        self.moves = moves
    }
}

/// When to stop, as a value: limits compose with `.any`, so `--time-limit`, `--target` and
/// `--unimproved` together stop at whichever comes first. Time is read from the solver's injected
/// clock, so tests can drive it.
public indirect enum Termination: Sendable, Equatable {
    case timeLimit(Duration)
    /// Stop once a feasible roster with at most this objective is found.
    case target(Int)
    /// Stop after this long without a better roster.
    case unimproved(Duration)
    case moveLimit(Int)
    case any([Termination])

    public func isMet(by p: SearchProgress) -> Bool {
        switch self {
        case .timeLimit(let limit): p.elapsed >= limit
        case .target(let objective): p.best.hard == 0 && p.best.soft <= objective
        case .unimproved(let limit): p.sinceImprovement >= limit
        case .moveLimit(let n): p.moves >= n
        case .any(let all): all.contains { $0.isMet(by: p) }
        }
    }

    /// The time the search has at most, if a time limit bounds it.
    public var timeLimit: Duration? {
        switch self {
        case .timeLimit(let limit): limit
        case .target, .unimproved, .moveLimit: nil
        case .any(let all): all.compactMap(\.timeLimit).min()
        }
    }

    /// True when the limit depends on time, so that the search must read the clock.
    public var readsClock: Bool {
        switch self {
        case .timeLimit, .unimproved: true
        case .target, .moveLimit: false
        case .any(let all): all.contains(where: \.readsClock)
        }
    }
}
