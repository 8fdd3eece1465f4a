/// The solver's notion of time, injected so that tests can drive terminations deterministically.
public protocol SolverClock: Sendable {
    /// Time since an arbitrary fixed origin.
    func now() -> Duration
}

/// Wall-clock time from the system's monotonic clock.
public struct SystemClock: SolverClock {
    private let origin = ContinuousClock.now
    public init() {}
    public func now() -> Duration { ContinuousClock.now - origin }
}
