import ArgumentParser
import RotorCore
import Foundation

/// Solver limits shared by `solve` and `bench`.
struct SolverArguments: ParsableArguments {
    /// Thirty days: longer limits (and infinity) are typing mistakes.
    private var maxSeconds: Double { 30 * 24 * 3600 }

    @Option(help: "Stop after this many seconds.")
    var timeLimit: Double = 10

    @Option(help: "Search threads (independent searches that share their best roster).")
    var threads: Int = 2

    @Option(help: "Seed of the random number generator; with --threads 1 a seed fixes the search.")
    var seed: UInt64 = 1

    @Option(help: "Stop as soon as a feasible roster with at most this objective is found.")
    var target: Int?

    @Option(help: "Stop after this many seconds without a better roster.")
    var unimproved: Double?

    @Option(help: "Acceptance strategy: \(AcceptorKind.allCases.map(\.rawValue).joined(separator: ", ")).")
    var acceptor: String = AcceptorKind.simulatedAnnealing.rawValue

    @Option(help: ArgumentHelp("Weight of one unit of hard penalty while searching.", visibility: .hidden))
    var hardWeight: Int?

    @Option(help: ArgumentHelp("Lowest hard weight of the oscillation (0 = fixed weight).", visibility: .hidden))
    var minHardWeight: Double?

    @Option(help: ArgumentHelp("Annealing start temperature.", visibility: .hidden))
    var startTemperature: Double?

    @Option(help: ArgumentHelp("Annealing end temperature.", visibility: .hidden))
    var endTemperature: Double?

    @Option(help: ArgumentHelp("Annealing reheat temperatures start:end.", visibility: .hidden))
    var reheat: String?

    @Option(help: ArgumentHelp("Annealing cycle length in moves.", visibility: .hidden))
    var cycle: Int?

    @Option(help: ArgumentHelp("Percent of draws that trade a day between two people aimed at a period's hours (0-20).", visibility: .hidden))
    var hoursAims: Int?

    @Flag(help: ArgumentHelp("Rebuild windows also on problems with rules the rebuild's programme does not model.", visibility: .hidden))
    var ownRebuilds = false

    @Option(help: ArgumentHelp("Most of the moves left in the run (measured) one annealing cycle may take (0: as --cycle or the roster's size says).", visibility: .hidden))
    var cycleShare: Double?

    @Option(help: "Share of the search time spent rebuilding windows of rows by dynamic programming (0 never; benchmark-shaped problems only).")
    var rebuildShare: Double?

    @Option(help: ArgumentHelp("Longest window a rebuild move takes, in days.", visibility: .hidden))
    var rebuildDays: Int?

    @Option(help: ArgumentHelp("Share of the time limit by which the first thread's bound, proved once its search has a feasible roster, must end, and that the diving thread's branch and price may take (0 proves none where no thread dives).", visibility: .hidden))
    var boundShare: Double?

    @Option(help: ArgumentHelp("Share of the search time spent dealing out a block of days again among a group (0 never; problems without fairness rules).", visibility: .hidden))
    var reassignShare: Double?

    @Option(help: ArgumentHelp("Share of the search time spent dealing out a day again among a group, cover included (0 never; problems without fairness rules).", visibility: .hidden))
    var dayReassignShare: Double?

    @Option(help: ArgumentHelp("Longest block a reassignment takes, in days.", visibility: .hidden))
    var reassignDays: Int?

    @Option(help: ArgumentHelp("Largest group a reassignment deals among.", visibility: .hidden))
    var reassignGroup: Int?

    @Option(help: ArgumentHelp("Passes of a window rebuild over its rows after the first.", visibility: .hidden))
    var rebuildRevisits: Int?

    @Option(help: ArgumentHelp("Percent of moves that change a cell aimed at short cover and at requests, COVER:REQUEST (sum at most 40).", visibility: .hidden),
            transform: SolverArguments.aimedChangePercents)
    var aimedChanges: (cover: Int, request: Int)?

    @Option(help: ArgumentHelp("Percent of moves that exchange days within one person's row (the rest of 30 assigns blocks).", visibility: .hidden))
    var exchanges: Int?

    @Option(help: ArgumentHelp("Percent of exchange moves that exchange blocks of days of one person rather than two days.", visibility: .hidden))
    var blockExchanges: Int?

    @Flag(inversion: .prefixedNo,
          help: ArgumentHelp("Start with column generation dives: the second thread, or every thread in runs of 30 s or more (default: on rosters of up to 1,200 cells, or 1,680 over at most 28 days, that the benchmark's rules fit).", visibility: .hidden))
    var dive: Bool?

    @Option(help: ArgumentHelp("Late acceptance history length.", visibility: .hidden))
    var history: Int?

    @Flag(help: "Recompute the score from scratch every 100,000 moves and stop on any difference (slow).")
    var check = false

    func validate() throws {
        guard timeLimit > 0 && timeLimit <= maxSeconds else {
            throw ValidationError("Please specify a '--time-limit' greater than 0 and at most \(Int(maxSeconds)) seconds.")
        }
        try requireWithin(threads, 1...256, "--threads")
        if let unimproved, !(unimproved > 0 && unimproved <= maxSeconds) {
            throw ValidationError("Please specify an '--unimproved' greater than 0 and at most \(Int(maxSeconds)) seconds.")
        }
        try requireWithin(rebuildShare, 0...0.95, "--rebuild-share")
        try requireWithin(boundShare, 0...0.95, "--bound-share")
        try requireWithin(cycleShare, 0...1, "--cycle-share")
        try requireWithin(hoursAims, 0...20, "--hours-aims")
        try requireWithin(rebuildRevisits, 0...8, "--rebuild-revisits")
        try requireWithin(reassignShare, 0...0.95, "--reassign-share")
        try requireWithin(dayReassignShare, 0...0.95, "--day-reassign-share")
        try requireWithin(reassignDays, 1...366, "--reassign-days")
        try requireWithin(reassignGroup, 2...512, "--reassign-group")
        try requireWithin(exchanges, 0...30, "--exchanges")
        try requireWithin(blockExchanges, 0...100, "--block-exchanges")
        guard AcceptorKind(rawValue: acceptor) != nil else {
            throw ValidationError("Unknown '--acceptor' \(acceptor); expected one of \(AcceptorKind.allCases.map(\.rawValue).joined(separator: ", ")).")
        }
    }

    /// The two percentages of `--aimed-changes`: whole, not negative and adding up to at most the
    /// selector's share of changes.
    private static func aimedChangePercents(_ text: String) throws -> (cover: Int, request: Int) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false).map { Int($0) }
        guard parts.count == 2, let cover = parts[0], let request = parts[1], cover >= 0, request >= 0,
              cover + request <= MoveSelector.defaultChangePercent else {
            throw ValidationError("expected COVER:REQUEST, two whole percentages that add up to at most \(MoveSelector.defaultChangePercent).")
        }
        return (cover, request)
    }

    /// Rejects a given value of `option` outside `range`.
    private func requireWithin<T: Comparable>(_ value: T?, _ range: ClosedRange<T>, _ option: String) throws {
        if let value, !range.contains(value) {
            throw ValidationError("Please specify '\(option)' between \(range.lowerBound) and \(range.upperBound).")
        }
    }

    var options: SolverOptions {
        var o = SolverOptions()
        o.seed = seed
        o.threads = threads
        var limits: [Termination] = [.timeLimit(.milliseconds(Int64(timeLimit * 1000)))]
        if let target { limits.append(.target(target)) }
        if let unimproved { limits.append(.unimproved(.milliseconds(Int64(unimproved * 1000)))) }
        o.termination = .any(limits)
        o.acceptor = AcceptorKind(rawValue: acceptor) ?? .simulatedAnnealing
        if check { o.checkEvery = 100_000 }
        if let hardWeight { o.hardWeight = hardWeight }
        if let minHardWeight {
            o.adaptiveHardWeight = minHardWeight > 0
            o.minimumHardWeight = minHardWeight
        }
        if let startTemperature { o.startTemperature = startTemperature }
        if let endTemperature { o.endTemperature = endTemperature }
        if let reheat {
            let parts = reheat.split(separator: ":").compactMap { Double($0) }
            if parts.count == 2 { o.reheatStartTemperature = parts[0]; o.reheatEndTemperature = parts[1] }
        }
        if let cycle { o.annealingCycle = cycle }
        if let cycleShare { o.cycleShareOfRun = cycleShare }
        if let hoursAims { o.hoursAimPercent = hoursAims }
        o.rebuildsOwnProblems = ownRebuilds
        if let history { o.lateAcceptanceLength = history }
        if let rebuildShare { o.rebuildShare = rebuildShare }
        if let boundShare { o.boundShare = boundShare }
        if let rebuildDays { o.maxRebuildDays = rebuildDays }
        if let reassignShare { o.reassignShare = reassignShare }
        if let dayReassignShare { o.dayReassignShare = dayReassignShare }
        if let rebuildRevisits { o.rebuildRevisits = rebuildRevisits }
        if let reassignDays { o.reassignDays = reassignDays }
        if let reassignGroup { o.reassignGroup = reassignGroup }
        if let exchanges { o.exchangePercent = exchanges }
        if let blockExchanges { o.blockExchangePercent = blockExchanges }
        if let aimedChanges { o.aimedChangePercents = aimedChanges }
        if let dive { o.columnGenerationDive = dive }
        return o
    }
}
