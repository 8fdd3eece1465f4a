/// Rules about the order of work in one person's row: successions and runs of work, rest and nights.

/// A maximal run of worked days or of days off in one staff member's row.
public struct Run: Sendable, Equatable {
    public var start: Int
    public var length: Int
    public var working: Bool
    /// True when the run starts on day 0 or ends on the last day: it may continue outside the horizon.
    public var touchesHorizonEdge: Bool
}

extension Schedule {
    /// The maximal runs of one row, in order; written for clarity (the incremental scorer scans
    /// only the runs around a change).
    public func runs(ofStaff e: Int) -> [Run] {
        var runs: [Run] = []
        var start = 0
        for d in 1...days {
            if d == days || (self[staff: e, day: d] != 0) != (self[staff: e, day: start] != 0) {
                runs.append(Run(start: start, length: d - start, working: self[staff: e, day: start] != 0,
                                touchesHorizonEdge: start == 0 || d == days))
                start = d
            }
        }
        return runs
    }
}
