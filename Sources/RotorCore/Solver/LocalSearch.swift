/// One thread's search: a hard-first descent from the initial roster (the construction phase), then
/// a metaheuristic walk (annealing or late acceptance) over the `MoveSelector`'s moves and, each on
/// its own schedule, window rebuilds and block reassignments, restarting from the best roster at the
/// end of each annealing cycle.
struct LocalSearch {
    let problem: CompiledProblem
    let options: SolverOptions
    let clock: any SolverClock
    let start: Duration
    let thread: Int
    let shared: SharedBest
    let state: SearchState
    var random: RandomSource
    var selector: MoveSelector
    let rebuilder: WindowRebuilder?
    let reassigner: BlockReassigner?
    /// See `SolverOptions.reassignShare`.
    let reassignShare: Double
    let dayReassigner: DayReassigner?
    /// See `SolverOptions.dayReassignShare`.
    let dayReassignShare: Double

    var best: Schedule
    var bestScore: Score
    var bestTime: Duration = .zero
    var lastImprovement: Duration
    var moves = 0

    init(problem: CompiledProblem, options: SolverOptions, clock: any SolverClock, start: Duration, thread: Int,
         shared: SharedBest, initial: Schedule?) {
        self.problem = problem
        self.options = options
        self.clock = clock
        self.start = start
        self.thread = thread
        self.shared = shared
        random = RandomSource(seed: options.seed &+ UInt64(thread) &* 0x9E37_79B9)
        state = SearchState(problem, schedule: initial?.keepingToTheDomain(of: problem) ?? PatternConstruction.build(problem, random: &random))
        selector = MoveSelector(problem: problem)
        let benchmarkShaped = WindowRebuilder.isApplicable(problem)
        if benchmarkShaped || options.rebuildsOwnProblems && WindowRebuilder.isOffered(problem), options.rebuildShare > 0 {
            rebuilder = WindowRebuilder(problem, revisits: options.rebuildRevisits ?? (problem.days <= 28 ? 1 : 0))
            selector.maxRebuildDays = max(options.maxRebuildDays, 1)
        } else {
            rebuilder = nil
        }
        reassignShare = options.reassignShare ?? (problem.days <= 28 ? 0.2 : 0)
        reassigner = BlockReassigner.isApplicable(problem) && reassignShare > 0
            ? BlockReassigner(groupSize: options.reassignGroup) : nil
        selector.maxReassignDays = max(options.reassignDays, 1)
        dayReassignShare = options.dayReassignShare
        dayReassigner = DayReassigner.isApplicable(problem) && dayReassignShare > 0
            ? DayReassigner(groupSize: options.reassignGroup) : nil
        let softPeriodRules = problem.rules.minutesPerPeriod.weight.contains { $0 >= 0 } || problem.rules.shiftsPerPeriod.weight.contains { $0 >= 0 }
        selector.hoursAimPercent = min(options.hoursAimPercent ?? (softPeriodRules ? SolverOptions.defaultHoursAimPercent : 0), selector.swapPercent)
        selector.coverAimPercent = options.aimedChangePercents.cover
        selector.requestAimPercent = options.aimedChangePercents.request
        selector.blockExchangePercent = options.blockExchangePercent ?? (benchmarkShaped ? MoveSelector.defaultBlockExchangePercent : 0)
        selector.exchangePercent = Self.exchangePercent(options, problem)
        best = state.schedule
        bestScore = state.score
        lastImprovement = start
        hardWeight = Double(options.hardWeight)
        intHardWeight = options.hardWeight
    }

    /// Current weight of hard penalty (see `SolverOptions.adaptiveHardWeight`).
    var hardWeight: Double
    var intHardWeight: Int

    /// Odd-numbered threads polish hotter (×4): some rosters are polished best by cool reheats and
    /// others by hotter ones, so two threads cover both.
    var reheatScale: Double { thread % 2 == 1 ? 4 : 1 }

    /// Odd-numbered threads also cool three times slower: the best cycle length differs between
    /// rosters of the same size, so two threads cover both.
    var cycleScale: Int { thread % 2 == 1 ? 3 : 1 }

    /// See `SolverOptions.startTemperature`.
    var defaultStartTemperature: Double {
        guard Self.isLongSearch(options) else { return 100 }
        return 100 * min(max(Double(problem.staffCount * problem.days) / 2500, 1), 4)
    }

    /// Whether the search may run at least 30 s: the defaults measured on 60 s runs that lose in 10 s
    /// (`SolverOptions.startTemperature`, `SolverOptions.exchangePercent`) apply only then.
    static func isLongSearch(_ options: SolverOptions) -> Bool {
        options.termination.timeLimit.map { $0 >= .seconds(30) } ?? false
    }

    /// See `SolverOptions.exchangePercent`.
    static func exchangePercent(_ options: SolverOptions, _ problem: CompiledProblem) -> Int {
        if let percent = options.exchangePercent { return percent }
        let large = problem.staffCount * problem.days >= 5000
        return large && isLongSearch(options) && WindowRebuilder.isApplicable(problem)
            ? MoveSelector.largeRosterExchangePercent : MoveSelector.defaultExchangePercent
    }

    @inline(__always) func cost(_ hard: Int, _ soft: Int) -> Int { hard * intHardWeight + soft }

    /// Moves the hard weight towards feasibility or away from it; returns the new current cost.
    mutating func adaptHardWeight() -> Int {
        let ceiling = Double(options.hardWeight)
        if bestScore.hard == 0 {
            hardWeight = ceiling
        } else {
            hardWeight = state.hard > 0 ? min(hardWeight * 1.01, ceiling) : max(hardWeight * 0.995, options.minimumHardWeight)
        }
        intHardWeight = max(Int(hardWeight.rounded()), 1)
        return cost(state.hard, state.soft)
    }

    mutating func run(progress: (@Sendable (SolverStatus) -> Void)?) throws {
        switch options.acceptor {
        case .simulatedAnnealing:
            var annealing = SimulatedAnnealing(
                hot: (options.startTemperature ?? defaultStartTemperature, options.endTemperature),
                polish: (reheatScale * options.reheatStartTemperature, reheatScale * options.reheatEndTemperature),
                cycleLength: options.annealingCycle
                    ?? min(max(problem.staffCount * problem.days * 4000, 2_000_000) * cycleScale, 40_000_000),
                maximumCycleLength: options.annealingCycle.map { $0 * 8 } ?? 40_000_000)
            try search(&annealing, progress: progress)
        case .lateAcceptance:
            var late = LateAcceptance(length: options.lateAcceptanceLength, initialCost: cost(state.hard, state.soft))
            try search(&late, progress: progress)
        }
    }

    mutating func search<A: Acceptor>(_ acceptor: inout A, progress: (@Sendable (SolverStatus) -> Void)?) throws {
        let scratch = UnsafeMutablePointer<UInt8>.allocate(capacity: 2 * max(problem.days, 1))
        defer { scratch.deallocate() }
        // True while the state holds a roster better than `best` that has not been copied yet.
        var bestPending = false
        var lastReport = start
        // The best score when the current annealing cycle began.
        var cycleBest = bestScore
        let readsClock = options.termination.readsClock
        // The constructed roster is published before any dive, so that it counts as found and bounds
        // the dives of every thread.
        _ = shared.exchange(best, bestScore, at: bestTime, thread: thread, moves: 0)
        // Where a thread dives, its root programme's prices give the bound (`diveFirst`); elsewhere
        // the first thread proves one once the search has a feasible roster (`boundWaits`).
        var boundPending = thread == 0 && options.boundShare > 0
            && !(0..<options.threads).contains(where: { Self.dives(options, problem, thread: $0) })
        // The dives publish what they find, so `best` is published either way after them.
        if Self.dives(options, problem, thread: thread) { diveFirst(progress: progress) }
        var current = cost(state.hard, state.soft)
        // The annealing cycles fit the run (`SolverOptions.cycleShareOfRun`) once a twentieth of
        // the search has shown this thread's move rate.
        var cyclesFitted = options.cycleShareOfRun <= 0 || options.termination.timeLimit == nil
        var searchStart = cyclesFitted ? start : clock.now()

        while true {
            moves += 1
            if let every = options.checkEvery, moves % every == 0, let drift = state.checkAgainstScratch() {
                throw SolverError(description: "after move \(moves): \(drift)")
            }
            if moves & 1023 == 0 {
                if bestPending { saveBest(); bestPending = false }
                if boundPending && (bestScore.hard == 0 || moves >= Self.boundWaits.moves
                                    || options.termination.timeLimit.map { clock.now() - start >= $0 * Self.boundWaits.shareOfRun } == true) {
                    boundPending = false
                    // Published first, so that the other threads and the progress see it meanwhile.
                    _ = shared.exchange(best, bestScore, at: bestTime, thread: thread, moves: moves)
                    let paused = clock.now()
                    proveBound(progress: progress)
                    // The move rate that fits the cycles is the search's own.
                    if !cyclesFitted { searchStart += clock.now() - paused }
                }
                let now = readsClock || progress != nil ? clock.now() : start
                let status = SearchProgress(elapsed: now - start, sinceImprovement: now - lastImprovement,
                                            best: bestScore, moves: moves)
                if Self.stopRequested(shared, options, status) {
                    shared.withLock { $0.stop = true }
                    break
                }
                if moves % options.shareInterval == 0, let (schedule, score) = shared.exchange(best, bestScore, at: bestTime, thread: thread, moves: moves) {
                    if options.threads > 1 && now - lastImprovement > .seconds(1) {
                        state.load(schedule)
                        best = schedule
                        bestScore = score
                        current = cost(state.hard, state.soft)
                    }
                }
                if let progress, now - lastReport >= Self.reportInterval {
                    lastReport = now
                    progress(Self.status(shared, thread: thread, moves: moves, best: bestScore, schedule: best, elapsed: now - start))
                }
                if options.adaptiveHardWeight {
                    current = adaptHardWeight()
                }
                if !cyclesFitted, let limit = options.termination.timeLimit, now - searchStart >= (limit - (searchStart - start)) / 20 {
                    cyclesFitted = true
                    let rate = Double(moves) / max((now - searchStart) / .seconds(1), 1e-3)
                    let left = max((limit - (now - start)) / .seconds(1), 0)
                    acceptor.fit(cyclesAtMost: Int(min(rate * left * options.cycleShareOfRun, 1e15)))
                }
                if acceptor.wantsRestart {
                    // Polish a feasible best with a cooler cycle; an infeasible one needs another hot cycle.
                    acceptor.restart(at: current, polish: bestScore.hard == 0, improved: bestScore < cycleBest)
                    cycleBest = bestScore
                    if bestPending { saveBest(); bestPending = false }
                    state.load(best)
                    current = cost(state.hard, state.soft)
                }
            }
            let drawn: Move?
            if let reassigner, reassignCountdown <= 0 {
                drawn = selector.reassignBlock(state, reassigner, &random)
                reassignCountdown = Self.movesBefore(work: Double(max(reassigner.lastWork, 1)), share: reassignShare)
            } else if let dayReassigner, dayReassignCountdown <= 0 {
                drawn = selector.reassignDay(state, dayReassigner, &random)
                dayReassignCountdown = Self.movesBefore(work: Double(max(dayReassigner.lastWork, 1)), share: dayReassignShare)
            } else if let rebuilder, rebuildCountdown <= 0 {
                drawn = selector.rebuildWindow(state, &random)
                rebuildCountdown = rebuildGap(rebuilder)
            } else {
                rebuildCountdown -= 1
                reassignCountdown -= 1
                dayReassignCountdown -= 1
                drawn = selector.next(state, &random)
            }
            guard let move = drawn else { continue }
            state.begin()
            let delta = apply(move, scratch)
            if delta.hard == 0 && delta.soft == 0 && !isChange(move) {
                // A neutral move (the score is unchanged) is kept without asking the acceptor: a free
                // step along a plateau, and not worth a slot of late acceptance's history.
                continue
            }
            let candidate = current + delta.hard * intHardWeight + delta.soft
            if acceptor.accepts(candidate: candidate, current: current, random: &random) {
                let score = state.score
                if score < bestScore {
                    bestScore = score
                    bestPending = true
                    bestTime = clock.now() - start
                    lastImprovement = bestTime + start
                } else if bestPending {
                    // Leaving an uncopied best roster: copy it first, then redo the move.
                    state.rollback()
                    saveBest()
                    bestPending = false
                    state.begin()
                    _ = apply(move, scratch)
                }
                current = candidate
            } else {
                state.rollback()
            }
            acceptor.step(current: current)
        }
        if bestPending { saveBest() }
        _ = shared.exchange(best, bestScore, at: bestTime, thread: thread, moves: moves)
    }

    /// Time between progress reports.
    static let reportInterval = Duration.milliseconds(250)

    /// What the threads have found so far, with this thread's `moves` and `best` (and its roster
    /// `schedule` when known, which is fresher than the shared one until the next exchange).
    static func status(_ shared: SharedBest, thread: Int, moves: Int, best: Score, schedule: Schedule? = nil, elapsed: Duration) -> SolverStatus {
        shared.withLock { s in
            SolverStatus(best: min(s.score, best), bound: s.bound, elapsed: elapsed,
                         moves: s.moves.enumerated().reduce(0) { $0 + ($1.offset == thread ? moves : $1.element) },
                         timeToBest: s.timeToBest, bestSchedule: schedule != nil && best < s.score ? schedule : s.schedule)
        }
    }

    /// Whether the search should stop: another thread stopped, the stop signal is raised, or the
    /// termination is met.
    static func stopRequested(_ shared: SharedBest, _ options: SolverOptions, _ status: SearchProgress) -> Bool {
        shared.withLock { s in s.stop || s.bound.map { $0.proves(min(s.score, status.best)) } == true }
            || options.stopSignal?.isRaised == true || options.termination.isMet(by: status)
    }

    /// The check of work that holds up the move loop (the bound's programme, dives): reports progress
    /// every `reportInterval` as the loop does, since every thread may be busy with it, and says
    /// whether to stop: as the loop stops (`stopRequested`, judged on `best()`), or at `deadline`.
    func pausedSearchCheck(progress: (@Sendable (SolverStatus) -> Void)?, deadline: Duration?,
                           best: @escaping () -> Score) -> () -> Bool {
        var lastReport = start
        return { [shared, options, clock, start, thread] in
            let now = clock.now(), elapsed = now - start
            let score = best()
            if let progress, now - lastReport >= Self.reportInterval {
                lastReport = now
                progress(Self.status(shared, thread: thread, moves: 0, best: score, elapsed: elapsed))
            }
            return deadline.map { elapsed >= $0 } == true
                || Self.stopRequested(shared, options, SearchProgress(elapsed: elapsed, sinceImprovement: elapsed, best: score, moves: 0))
        }
    }

    /// How long the bound waits for a feasible roster at most: the pass and column generation hold
    /// up the first thread, and before a feasible roster the search needs both threads (on the surge
    /// example the first feasible roster came at 1.9 s with the bound first, 1.3 s without; at
    /// 2.1 s when a 10 s run's bound waited only a tenth of it).
    static let boundWaits = (moves: 1 << 21, shareOfRun: 0.2)

    /// Column generation runs only where `boundRoundsInShare` rounds of the row programme fit the
    /// bound's share of the time limit: it takes tens to hundreds of rounds, and Instances 13 and 20
    /// spent a quarter of a 60 s run on rounds whose bound stayed below 0, while Instance 17's
    /// reached its optimum, 5,746, within it. A round's cost is judged by its steps
    /// (`RowRelaxation.roundWork`), at about `boundStepsPerSecond` a second. (Judged instead by the
    /// time the pass at zero prices took, far less where most states cannot be reached, rounds ran
    /// on Instances 13 and 14 in 10 s runs, proved 148 and 10, and their rosters came out 3–5 % worse, one seed each.)
    static let boundRoundsInShare = 20
    static let boundStepsPerSecond = 300_000_000.0

    /// Proves a lower bound on the objective and publishes it, within `SolverOptions.boundShare` of
    /// the time limit: first L at zero prices (each person's cheapest row alone, cover at its
    /// cheapest: one round of the programme), then column generation
    /// (`LagrangianBound.columnGeneration`) where its master fits the dense simplex and its rounds
    /// fit the share. A bound that the best roster meets stops every thread.
    mutating func proveBound(progress: (@Sendable (SolverStatus) -> Void)?) {
        let bounder = LagrangianBound(problem)
        // The share counts from now: the bound waits for the search's first feasible roster.
        let share = options.termination.timeLimit.map { $0 * options.boundShare }
        let deadline = share.map { clock.now() - start + $0 }
        let bestScore = bestScore
        let stop = pausedSearchCheck(progress: progress, deadline: deadline) { bestScore }
        // Every roster meets 0 (no penalty is negative); a pass that does not end within the share
        // proves nothing more.
        shared.publish(ObjectiveBound(value: 0, relaxed: bounder.relaxedRules))
        let steps = share.map { Int($0 / .seconds(1) * Self.boundStepsPerSecond) }
        guard let atZero = bounder.evaluate([Double](repeating: 0, count: problem.days * problem.postCount), stop: stop) else { return }
        if let bound = bounder.objectiveBound(atZero.value) { shared.publish(bound) }
        // Subgradient steps from zero prices did not raise the bound within the share of a run on
        // the surge example, whose master is too large for the dense simplex.
        let affordable = steps.map { bounder.relaxation.roundWork <= $0 / Self.boundRoundsInShare } ?? true
        guard atZero.value < .infinity, bounder.masterRows <= LagrangianBound.maxMasterRows, affordable else { return }
        // The master starts from the rows at zero prices and the best roster's.
        let H = problem.days
        let incumbent = (0..<problem.staffCount).map { e in Array(best.cells[(e * H)..<((e + 1) * H)]) }
        let found = bounder.columnGeneration(rounds: SolverOptions.boundRounds, startingRows: atZero.rows + incumbent, stop: stop)
        if let bound = bounder.objectiveBound(found.value) { shared.publish(bound) }
    }

    /// Whether this thread starts with column generation dives (`SolverOptions.columnGenerationDive`):
    /// the second thread when there are two or more, so that the first searches meanwhile, or the
    /// only one; in a search of at least 30 s, every thread. Then the first also dives for the first
    /// part of the run (`diveFirst`), with its own random choices, which doubles the dives: see
    /// `diveFirst` for what that gave. In a shorter run the dives would take most of the first
    /// thread's time too. Problems with fairness measures dive only when asked: the dives' rows
    /// leave fairness out, and on the ward example their rosters came out 162–253 in fairness
    /// alone (the best roster's is 10), the search's roster no better for them; without its
    /// fairness measures, the ward's first dive meets the bound, 69, and proves it optimal. Crews,
    /// which the dives' rows cannot see either, keep them off the same way.
    static func dives(_ options: SolverOptions, _ problem: CompiledProblem, thread: Int) -> Bool {
        guard thread == (options.threads > 1 ? 1 : 0) || isLongSearch(options),
              ColumnGenerationDive.isApplicable(problem) else { return false }
        let cells = problem.staffCount * problem.days
        return options.columnGenerationDive
            ?? (problem.problem.fairness.isEmpty && problem.crews.isEmpty
                && (cells <= SolverOptions.diveCellLimit || problem.days <= 28 && cells <= SolverOptions.diveFourWeekCellLimit))
    }

    /// Replaces the constructed roster by the best of a few column generation dives when that is
    /// better; the dives start from the constructed roster's rows and stop with the search's termination.
    mutating func diveFirst(progress: (@Sendable (SolverStatus) -> Void)?) {
        // One thread branches, before its dives (in long runs every thread dives).
        if options.boundShare > 0 && thread == (options.threads > 1 ? 1 : 0) { branchForBound(progress: progress) }
        let dive = ColumnGenerationDive(problem, hardWeight: options.hardWeight)
        dive.add(best)
        if options.boundShare > 0 {
            // The bound at the root programme's prices, once: later roots have more columns but the
            // same programme, so their prices bound no better.
            var bounded = false
            let problem = problem, shared = shared
            dive.atRoot = { prices in
                guard !bounded else { return }
                bounded = true
                let bounder = LagrangianBound(problem)
                if let x = bounder.evaluate(prices), let bound = bounder.objectiveBound(x.value) { shared.publish(bound) }
            }
        }
        let clock = clock, start = start, shared = shared, options = options, bestScore = bestScore
        var bestFound: Schedule? = nil, bestFoundScore = Score(hard: .max, soft: .max), foundTime = Duration.zero
        // Reads the best dive too, so that a dive's roster that meets `--target` ends the dives; reports
        // progress, as the search does, since every thread may be diving.
        let stop = pausedSearchCheck(progress: progress, deadline: nil) { min(bestScore, bestFoundScore) }
        // Without a time limit, one dive. With one, dives begin until their work reaches 40 % of it,
        // or `diveStreak` dives in a row have not bettered the best of this thread's dives.
        // A thread cuts short a dive still running at 80 %, which then gives nothing, so that a dive
        // longer than the run leaves it its search; counted in work, not read from the clock, so that
        // a seeded search stays deterministic. Only the second of several threads lets a dive run on
        // until it ends or the run does, as the first searches from 80 % on at the latest: the work
        // measure is calibrated on smaller masters, and a large master's one dive may need the run.
        //
        // A dive that cannot end below the best roster so far, this thread's dives' or any thread's
        // published one, is cut off (`ColumnGenerationDive.dive(below:)`); the dives' rosters are
        // published as they come, so that the threads' dives cut each other's off. Once a dive is cut
        // off at the root, where the programme's value with every column so far shows that none can
        // end below the bound (as far as its pricing is exact), the dives end. Most dives are cut off
        // after a few fixings and good ones are rare, so it takes many (see docs/solver.md).
        let limitWork = options.termination.timeLimit.map { $0 / .seconds(1) * Double(ColumnGenerationDive.workPerSecond) }
        let cutsShort = !(options.threads > 1 && thread == 1)
        var unimproved = 0
        dives: while limitWork != nil || dive.dives == 0 {
            if let limitWork, Double(dive.work) >= 0.4 * limitWork || unimproved == Self.diveStreak { break }
            unimproved += 1
            // The best published roster, this thread's dives' included.
            let bound = shared.withLock { $0.score }
            let found: Schedule
            // The work measure keeps a seeded run deterministic; the clock, at 80 % of the time limit
            // too, keeps a machine slower than the measure's calibration from diving the whole run away.
            let cutShort = {
                limitWork.map { Double(dive.work) >= 0.8 * $0 } == true
                    || options.termination.timeLimit.map { clock.now() - start >= $0 * 0.8 } == true
            }
            switch dive.dive(stop: { stop() || cutsShort && cutShort() },
                             random: &random, below: bound.hard == 0 ? bound.soft : .max) {
            case .roster(let roster): found = roster
            case .cutOff where dive.isAtRoot: break dives
            case .cutOff: continue dives
            case .stopped: break dives
            }
            state.load(found)
            if state.score < bestFoundScore {
                unimproved = 0
                bestFound = found
                bestFoundScore = state.score
                foundTime = clock.now() - start
                _ = shared.exchange(found, bestFoundScore, at: foundTime, thread: thread, moves: 0)
                if stop() { break dives }
            }
        }
        if let bestFound {
            state.load(bestFound)
            if state.score < self.bestScore {
                best = bestFound
                self.bestScore = state.score
                bestTime = foundTime
                lastImprovement = bestTime + start
            }
        }
        state.load(best)
    }

    /// Branch and price (`BranchAndPrice`) raises the root programme's bound where it lies below the
    /// best roster, and proves a roster optimal once every branch is pruned: on Curtois & Qu
    /// Instance 1 the programme proves 558 and the tree 607 in under a second, on Instance 5 1,143.
    /// It runs in the diving thread before its dives, where there is a time limit, while the other
    /// thread searches: taking nodes best bound first, it solves the same nodes whatever the
    /// incumbent, which it reads afresh at each node, until the end. It stops at `boundShare` of the
    /// time limit, and sooner where its bound rises too slowly to reach the best roster by then
    /// (`treeGivesUp`): on Instances 7, 9 and 10 it rose by less than a unit in a minute.
    mutating func branchForBound(progress: (@Sendable (SolverStatus) -> Void)?) {
        // Without a time limit there is no share to take (and the tree need not end); nor in a
        // share too short for a node, where a clock that does not move (a test's) would never end it.
        guard let limit = options.termination.timeLimit, limit * options.boundShare >= .milliseconds(1) else { return }
        let bounder = LagrangianBound(problem)
        guard bounder.masterRows <= LagrangianBound.maxMasterRows else { return }
        let began = clock.now() - start
        let deadline = min(began + limit * options.boundShare, limit * 0.8)
        let shared = shared, bestScore = bestScore, clock = clock, start = start
        let published = { shared.withLock { $0.score } }
        let incumbent = { let s = published(); return s.hard == 0 ? s.soft : Int.max }
        let searchStops = pausedSearchCheck(progress: progress, deadline: deadline) { min(bestScore, published()) }
        // The tree's first bound (after the root) and its latest, with when each came.
        var first: (value: Double, at: Duration)?, latest = -Double.infinity
        let stop = { (nodes: Int) -> Bool in
            if searchStops() { return true }
            guard incumbent() < Int.max else { return false }
            return Self.treeGivesUp(began: began, root: first, nodes: nodes, latest: latest, target: Double(incumbent() - 1),
                                    now: clock.now() - start, deadline: deadline)
        }
        var tree = BranchAndPrice(bounder)
        let H = problem.days
        for e in 0..<problem.staffCount { tree.offer(e, Array(best.cells[(e * H)..<((e + 1) * H)])) }
        let outcome = tree.prove(incumbent: incumbent, progress: { value in
            if first == nil { first = (value, clock.now() - start) }
            latest = value
            if let bound = bounder.objectiveBound(value) { shared.publish(bound) }
        }, stop: stop)
        if let bound = bounder.objectiveBound(outcome.value) { shared.publish(bound) }
    }

    /// Nodes the tree solves before `treeGivesUp` judges its rate: the least of the open nodes'
    /// bounds stays at the root's until both children of the nodes at it rise (Instance 5's tree
    /// ends after 31 to 39 nodes with the optimum known, 229 with the search still finding it).
    static let treeNodesBeforeJudging = 50

    /// Whether the tree that `began` with its time running to `deadline` should stop: where its
    /// `root` bound (nil until it comes) takes more than a fifth of that time (Instance 12's took
    /// 10 s of 15, and held up its dives), or, once `treeNodesBeforeJudging` nodes are solved and a
    /// fifth of the time has passed since the root, where the bound (`latest` now) rises too slowly
    /// to pass `target` (the best roster's objective less one) by the deadline, with room for a
    /// rate twice as slow.
    static func treeGivesUp(began: Duration, root: (value: Double, at: Duration)?, nodes: Int, latest: Double,
                            target: Double, now: Duration, deadline: Duration) -> Bool {
        let patience = (deadline - began) / .seconds(1)
        guard let root else { return (now - began) / .seconds(1) > patience / 5 }
        if (root.at - began) / .seconds(1) > patience / 5 { return true }
        let spent = (now - root.at) / .seconds(1)
        guard nodes >= treeNodesBeforeJudging, spent >= patience / 5 else { return false }
        let rate = (latest - root.value) / max(spent, 1e-9)
        let left = (deadline - now) / .seconds(1)
        return rate <= 0 || (target - latest) / rate > 2 * left
    }

    /// Dives in a row, cut off or not, that give up when none bettered the best of them. Where each
    /// dive costs little the work measure grows slowly, and on a small roster whose root programme
    /// lies well below its optimum the threads would otherwise dive through most of the run; the
    /// streak is long because good dives can be as rare as one in a hundred.
    static let diveStreak = 500

    /// Moves until the next rebuild, block reassignment and day reassignment.
    var rebuildCountdown = 0
    var reassignCountdown = 0
    var dayReassignCountdown = 0

    /// Moves to make before the next rebuild so that rebuilds take roughly `rebuildShare` of the time,
    /// taking a step of the programme (one partial row extended by one value) as a fiftieth of a move.
    /// The real cost varies with the roster, so the share is only roughly kept.
    func rebuildGap(_ rebuilder: WindowRebuilder) -> Int {
        Self.movesBefore(work: Double(rebuilder.lastWork) / 50, share: min(options.rebuildShare, 0.95))
    }

    /// Ordinary moves to make after a large move that took `work` moves' worth of time, so that large
    /// moves of its kind take `share` of the search: the schedule of rebuilds and reassignments.
    static func movesBefore(work: Double, share: Double) -> Int {
        Int(min(work * (1 - share) / share, 1e15))
    }

    @inline(__always) func isChange(_ move: Move) -> Bool {
        if case .change = move { return true }
        return false
    }

    @inline(__always)
    func apply(_ move: Move, _ scratch: UnsafeMutablePointer<UInt8>) -> (hard: Int, soft: Int) {
        switch move {
        case .change(let m): m.apply(to: state)
        case .exchangeDays(let m): m.apply(to: state, scratch: scratch)
        case .swapBlock(let m): m.apply(to: state, scratch: scratch)
        case .swapDays(let m): m.apply(to: state)
        case .assignBlock(let m): m.apply(to: state, scratch: scratch)
        case .crewBlock(let m): m.apply(to: state, scratch: scratch)
        case .rebuildWindow(let m): rebuilder!.apply(m, to: state, hardWeight: intHardWeight)
        case .reassignBlock(let m): reassigner!.apply(m, to: state, hardWeight: intHardWeight)
        case .reassignDay(let m): dayReassigner!.apply(m, to: state, hardWeight: intHardWeight)
        }
    }

    mutating func saveBest() {
        best = state.schedule
    }
}
