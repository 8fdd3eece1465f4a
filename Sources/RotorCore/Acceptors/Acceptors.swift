/// Decides whether the search moves to a candidate roster. Costs are the search's weighted cost
/// (hard penalty × weight + objective); lower is better.
package protocol Acceptor {
    mutating func accepts(candidate: Int, current: Int, random: inout RandomSource) -> Bool
    /// Called once per iteration with the cost of the roster kept.
    mutating func step(current: Int)
    /// True when the acceptor has run its course and the search should restart from its best roster.
    var wantsRestart: Bool { get }
    /// Called when the search loads another roster (a restart or another thread's best): `polish`
    /// says whether it is feasible and only needs polishing, or still needs a full search;
    /// `improved` whether the run since the last restart found a better roster.
    mutating func restart(at cost: Int, polish: Bool, improved: Bool)
    /// Called once the search knows how many moves it has left (from its move rate and the time
    /// limit): a schedule whose cycles are longer than `moves` shortens them to it.
    mutating func fit(cyclesAtMost moves: Int)
}

/// Late acceptance hill climbing (Burke & Bykov, "The late acceptance hill-climbing heuristic",
/// EJOR 2017): a candidate is accepted if it is no worse than the current roster or than the roster
/// held `length` iterations ago. One parameter, no temperature to tune.
package struct LateAcceptance: Acceptor, Sendable {
    private var history: ContiguousArray<Int>
    private var position = 0

    public init(length: Int, initialCost: Int) {
        history = ContiguousArray(repeating: initialCost, count: max(length, 1))
    }

    /// Never asks for a restart: the history itself lets the search climb out of local optima.
    public var wantsRestart: Bool { false }

    public mutating func restart(at cost: Int, polish: Bool, improved: Bool) {
        for i in history.indices { history[i] = cost }
        position = 0
    }

    /// The history is counted in moves but has no schedule to fit.
    public mutating func fit(cyclesAtMost moves: Int) {}

    @inline(__always)
    public mutating func accepts(candidate: Int, current: Int, random: inout RandomSource) -> Bool {
        candidate <= current || candidate <= history[position]
    }

    /// Records the cost of the current roster after the iteration.
    @inline(__always)
    public mutating func step(current: Int) {
        if current < history[position] { history[position] = current }
        position += 1
        if position == history.count { position = 0 }
    }
}

/// Simulated annealing (Kirkpatrick et al., 1983) with a geometric schedule counted in iterations, not
/// seconds, so that a seed fixes the trajectory: the temperature falls from `start` to `end` over
/// `cycleLength` iterations, then the cycle starts again (reheating).
package struct SimulatedAnnealing: Acceptor, Sendable {
    /// Temperatures of a full cycle, which must find cover and feasibility.
    public var hot: (start: Double, end: Double)
    /// Temperatures of the cycles that polish a feasible roster.
    public var polish: (start: Double, end: Double)
    public var cycleLength: Int
    public var maximumCycleLength: Int
    public private(set) var temperature: Double
    private var start: Double
    private var end: Double
    private var factor: Double = 1
    private var iteration = 0

    public init(hot: (start: Double, end: Double), polish: (start: Double, end: Double), cycleLength: Int,
                maximumCycleLength: Int? = nil) {
        self.hot = hot
        self.polish = polish
        self.cycleLength = max(cycleLength, 1)
        self.maximumCycleLength = max(maximumCycleLength ?? cycleLength, self.cycleLength)
        start = hot.start
        end = hot.end
        temperature = hot.start
        setFactor()
    }

    private mutating func setFactor() {
        // Update the temperature every 256 iterations to keep pow out of the loop.
        let steps = Double(max(cycleLength / 256, 1))
        factor = power(end / start, 1 / steps)
    }

    /// Starts a new cycle: a polishing one for a feasible roster, a hot one otherwise. A cycle that
    /// found nothing better is followed by one twice as long (up to `maximumCycleLength`): the best
    /// length varies from 2 to 10 million moves between benchmark instances, and unproductive cycles
    /// are the sign that cooling is too fast for this one.
    public mutating func restart(at cost: Int, polish isFeasible: Bool, improved: Bool) {
        if !improved { cycleLength = min(cycleLength * 2, maximumCycleLength) }
        (start, end) = isFeasible ? polish : hot
        setFactor()
        temperature = start
        iteration = 0
    }

    /// Shortens the cycles to at most `moves`, and the doubled ones after unproductive cycles to twice
    /// that; the current cycle keeps its temperature and cools from it to its end temperature over
    /// what is left of its new length.
    public mutating func fit(cyclesAtMost moves: Int) {
        let longest = max(moves, 256)
        maximumCycleLength = min(maximumCycleLength, 2 * longest)
        guard cycleLength > longest else { return }
        cycleLength = longest
        let steps = Double(max((cycleLength - iteration) / 256, 1))
        factor = power(end / max(temperature, end), 1 / steps)
    }

    /// True at the end of a cycle.
    public var wantsRestart: Bool { iteration >= cycleLength }

    @inline(__always)
    public mutating func accepts(candidate: Int, current: Int, random: inout RandomSource) -> Bool {
        let delta = candidate - current
        if delta <= 0 { return true }
        return Double(delta) < -temperature * ln(random.unit())
    }

    @inline(__always)
    public mutating func step(current: Int) {
        iteration += 1
        if iteration & 255 == 0 {
            temperature = iteration >= cycleLength ? end : temperature * factor
        }
    }
}
