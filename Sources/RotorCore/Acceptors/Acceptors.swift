/// Late acceptance hill climbing (Burke & Bykov, "The late acceptance hill-climbing heuristic",
/// EJOR 2017): a candidate is accepted if it is no worse than the current roster or than the roster
/// held `length` iterations ago. One parameter, no temperature to tune.
public struct LateAcceptance: Sendable {
    private var history: ContiguousArray<Int>
    private var position = 0

    public init(length: Int, initialCost: Int) {
        history = ContiguousArray(repeating: initialCost, count: max(length, 1))
    }

    public mutating func reset(to cost: Int) {
        for i in history.indices { history[i] = cost }
        position = 0
    }

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
public struct SimulatedAnnealing: Sendable {
    public var start: Double
    public var end: Double
    public var cycleLength: Int
    public private(set) var temperature: Double
    private var factor: Double
    private var iteration = 0

    public init(start: Double, end: Double, cycleLength: Int) {
        self.start = start
        self.end = end
        self.cycleLength = max(cycleLength, 1)
        temperature = start
        factor = 1
        iteration = 0
        setFactor()
    }

    private mutating func setFactor() {
        // Update the temperature every 256 iterations to keep pow out of the loop.
        let steps = Double(max(cycleLength / 256, 1))
        factor = power(end / start, 1 / steps)
    }

    /// Starts a new cycle, optionally over a new temperature range.
    public mutating func restartCycle(start: Double? = nil, end: Double? = nil) {
        if let start { self.start = start }
        if let end { self.end = end }
        setFactor()
        temperature = self.start
        iteration = 0
    }

    /// True at the end of a cycle (the caller may restart from the best roster).
    public var cycleEnded: Bool { iteration >= cycleLength }

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
