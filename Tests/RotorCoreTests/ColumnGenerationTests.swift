@testable import RotorCore
import Testing

@Suite("Column generation")
struct ColumnGenerationTests {
    /// minimise 2x + 3y subject to x + y ≥ 4, x + 3y ≥ 6, x ≤ 3: the optimum is x = 3, y = 1 (9),
    /// with shortfalls priced far above it.
    @Test func smallProgrammeIsSolved() {
        var lp = RevisedSimplex(senses: [.atLeast, .atLeast, .atMost], rhs: [4, 6, 3], shortfallCost: [1e6, 1e6, 0])
        let x = lp.addColumn(rows: [0, 1, 2], values: [1, 1, 1], cost: 2)
        let y = lp.addColumn(rows: [0, 1], values: [1, 3], cost: 3)
        let optimal = lp.solve()
        #expect(optimal)
        let solution = lp.solution
        #expect(abs(solution[x] - 3) < 1e-5 && abs(solution[y] - 1) < 1e-5)
        #expect(abs(lp.objective - 9) < 1e-5)
    }

    /// A programme of 2–13 rows of random senses and right-hand sides, shortfalls priced 1–50.
    static func randomProgramme(_ random: inout RandomSource) -> (RevisedSimplex, [RevisedSimplex.Sense], [Double]) {
        let m = 2 + random.below(12)
        let senses = (0..<m).map { _ in [RevisedSimplex.Sense.atMost, .equal, .atLeast][random.below(3)] }
        let rhs = (0..<m).map { _ in Double(random.below(4)) }
        let shortfall = (0..<m).map { _ in Double(1 + random.below(50)) }
        return (RevisedSimplex(senses: senses, rhs: rhs, shortfallCost: shortfall), senses, rhs)
    }

    /// Random covering programmes, grown in batches of columns and with right-hand sides changed
    /// between solves (as column generation and its dive do): each solve ends at a basis that is
    /// primal feasible, dual feasible, and whose objective equals the duals' bound, which together
    /// prove it optimal.
    @Test(arguments: 0..<40)
    func warmStartedSolvesAreOptimal(seed: Int) {
        var random = RandomSource(seed: UInt64(seed))
        var (lp, senses, rhs) = Self.randomProgramme(&random)
        let m = rhs.count
        // The rows' own columns, as the programme adds them: a surplus (-1) then an artificial (+1)
        // for "at least" rows, one +1 column for the others.
        var columns: [(rows: [Int], values: [Double])] = []
        for (i, sense) in senses.enumerated() {
            if sense == .atLeast { columns.append(([i], [-1])) }
            columns.append(([i], [1]))
        }
        for round in 0..<8 {
            if round % 2 == 0 {
                for _ in 0..<(1 + random.below(8)) {
                    let rows = (0..<m).filter { _ in random.below(3) == 0 }
                    let values = rows.map { _ in Double(1 + random.below(2)) }
                    lp.addColumn(rows: rows, values: values, cost: Double(random.below(20)))
                    columns.append((rows, values))
                }
            } else {
                for i in 0..<m where random.below(2) == 0 { rhs[i] = Double(random.below(5)) }
                lp.setRightHandSide(rhs)
            }
            let optimal = lp.solve()
            #expect(optimal)
            let x = lp.solution, y = lp.duals
            var activity = [Double](repeating: 0, count: m)
            for (j, column) in columns.enumerated() {
                #expect(x[j] >= -1e-9)
                var reduced = lp.cost[j]
                for (r, v) in zip(column.rows, column.values) {
                    activity[r] += v * x[j]
                    reduced -= y[r] * v
                }
                #expect(reduced >= -1e-6, "column \(j) prices out at \(reduced)")
            }
            for i in 0..<m {
                #expect(abs(activity[i] - rhs[i]) < 1e-5, "row \(i): \(activity[i]) against \(rhs[i])")
            }
            let bound = zip(rhs, y).reduce(0) { $0 + $1.0 * $1.1 }
            #expect(abs(bound - lp.objective) < 1e-4, "objective \(lp.objective), dual bound \(bound)")
        }
    }

    /// Barred columns do not enter: with random nonbasic columns barred and the right-hand sides
    /// changed, a solve ends optimal for the programme without them, each barred column at zero.
    /// Restoring the basis taken before lets every column enter again, and the next solve, from
    /// that basis and its right-hand sides, with more columns added since, is optimal for them all.
    @Test(arguments: 0..<40)
    func barredColumnsStayOutUntilABasisIsRestored(seed: Int) {
        var random = RandomSource(seed: UInt64(seed))
        var (lp, _, rhs) = Self.randomProgramme(&random)
        let m = rhs.count
        func addColumns() {
            for _ in 0..<(2 + random.below(8)) {
                let rows = (0..<m).filter { _ in random.below(3) == 0 }
                lp.addColumn(rows: rows, values: rows.map { _ in Double(1 + random.below(2)) }, cost: Double(random.below(20)))
            }
        }
        /// Optimal over the columns not in `barred`: feasible, no column that may enter prices
        /// out, and the objective meets the duals' bound.
        func expectOptimal(_ rhs: [Double], barred: Set<Int>) {
            let optimal = lp.solve()
            #expect(optimal)
            let x = lp.solution, y = lp.duals
            var activity = [Double](repeating: 0, count: m)
            for j in 0..<lp.columnCount {
                #expect(x[j] >= -1e-9)
                var reduced = lp.cost[j]
                for k in lp.columnStart[j]..<lp.columnStart[j + 1] {
                    activity[Int(lp.entryRow[k])] += lp.entryValue[k] * x[j]
                    reduced -= y[Int(lp.entryRow[k])] * lp.entryValue[k]
                }
                if barred.contains(j) {
                    #expect(abs(x[j]) < 1e-9, "barred column \(j) at \(x[j])")
                } else {
                    #expect(reduced >= -1e-6, "column \(j) prices out at \(reduced)")
                }
            }
            for i in 0..<m {
                #expect(abs(activity[i] - rhs[i]) < 1e-5, "row \(i): \(activity[i]) against \(rhs[i])")
            }
            let bound = zip(rhs, y).reduce(0) { $0 + $1.0 * $1.1 }
            #expect(abs(bound - lp.objective) < 1e-4, "objective \(lp.objective), dual bound \(bound)")
        }
        addColumns()
        expectOptimal(rhs, barred: [])
        let saved = lp.currentBasis
        let barred = Set((0..<lp.columnCount).filter { !lp.isBasic[$0] && !lp.artificial[$0] && random.below(2) == 0 })
        lp.bar { barred.contains($0) }
        let changed = rhs.map { _ in Double(random.below(5)) }
        lp.setRightHandSide(changed)
        expectOptimal(changed, barred: barred)
        addColumns()
        lp.restore(saved)
        expectOptimal(rhs, barred: [])
    }

    /// On Instance 1, whose optimum is 607, every dive ends at a roster that keeps every hard rule:
    /// the first, and the later ones that start again from the root with a drawn choice.
    @Test func divesBuildFeasibleRosters() throws {
        let p = try exampleInstance1()
        #expect(ColumnGenerationDive.isApplicable(p))
        let scores = try diveScores(p, dives: 3)
        #expect(scores.allSatisfy { $0.hard == 0 && $0.soft >= 607 })
    }

    /// The scores of `dives` dives in a row on `p` (seed 1), each ending at a roster.
    func diveScores(_ p: CompiledProblem, dives: Int) throws -> [Score] {
        let dive = ColumnGenerationDive(p, hardWeight: 100)
        var random = RandomSource(seed: 1)
        var scores: [Score] = []
        for n in 1...dives {
            guard case .roster(let roster) = dive.dive(stop: { false }, random: &random) else {
                Issue.record("dive \(n) ended without a roster")
                throw CancellationError()
            }
            scores.append(Evaluation(p, roster).score)
            #expect(dive.dives == n)
        }
        #expect(dive.solves > 0 && dive.work > 0)
        return scores
    }

    /// A dive asked for a roster below 500 on Instance 1 is cut off at the root: whatever columns
    /// pricing found, the master's value there is at least its optimum, 558, so no roster the dive
    /// reaches can score below 500. One asked for less than 700 goes on to a roster, and the next
    /// below 500, starting again from the root's basis with the columns the last one added, is cut
    /// off at the root again.
    @Test func diveIsCutOffByTheProgrammesValue() throws {
        let p = try exampleInstance1()
        let dive = ColumnGenerationDive(p, hardWeight: 100)
        var random = RandomSource(seed: 1)
        guard case .cutOff = dive.dive(stop: { false }, random: &random, below: 500) else {
            Issue.record("a dive below 500 was not cut off")
            return
        }
        #expect(dive.fixed.allSatisfy { $0 < 0 }, "cut off at the root, before any fixing")
        guard case .roster(let roster) = dive.dive(stop: { false }, random: &random, below: 700) else {
            Issue.record("a dive below 700 was cut off")
            return
        }
        #expect(Evaluation(p, roster).score.hard == 0)
        #expect(dive.fixed.allSatisfy { $0 >= 0 })
        guard case .cutOff = dive.dive(stop: { false }, random: &random, below: 500) else {
            Issue.record("a dive below 500 after a whole one was not cut off")
            return
        }
        #expect(dive.fixed.allSatisfy { $0 < 0 }, "cut off at the root again")
        // 558 but for the master's perturbed right-hand sides (`RevisedSimplex.perturbation`).
        #expect(dive.fixedValue > 557.99)
    }

    /// In a run of 30 s or more both threads dive first, each bounded by what the other has
    /// published: together they reach Instance 1's optimum, 607, which ends the run long before its
    /// 600 s, and report the roster they return.
    @Test func everyThreadDivesInALongRun() throws {
        let p = try instance1()
        var options = SolverOptions()
        options.threads = 2
        options.termination = .any([.timeLimit(.seconds(600)), .target(607)])
        #expect(LocalSearch.dives(options, p, thread: 0) && LocalSearch.dives(options, p, thread: 1))
        let result = try Solver(problem: p, options: options).solve()
        expectConsistent(result, p)
        #expect(result.status.best == Score(hard: 0, soft: 607))
    }

    /// The dive runs on the threads the options give it, every one in runs of 30 s or more, and
    /// stops with the search's termination.
    @Test func diveIsOnTheSecondThreadOfSmallBenchmarkRosters() throws {
        let p = try exampleInstance1()
        var options = SolverOptions()
        options.threads = 2
        #expect(!LocalSearch.dives(options, p, thread: 0))
        #expect(LocalSearch.dives(options, p, thread: 1))
        options.termination = .timeLimit(.seconds(29))
        #expect(!LocalSearch.dives(options, p, thread: 0))
        options.termination = .timeLimit(.seconds(30))
        #expect(LocalSearch.dives(options, p, thread: 0) && LocalSearch.dives(options, p, thread: 1))
        options.threads = 3
        #expect(LocalSearch.dives(options, p, thread: 2))
        options.termination = .timeLimit(.seconds(10))
        #expect(!LocalSearch.dives(options, p, thread: 2))
        options.threads = 1
        #expect(LocalSearch.dives(options, p, thread: 0))
        options.columnGenerationDive = false
        #expect(!LocalSearch.dives(options, p, thread: 0))
        var random = RandomSource(seed: 1)
        guard case .stopped = ColumnGenerationDive(p, hardWeight: 100).dive(stop: { true }, random: &random) else {
            Issue.record("a dive told to stop went on")
            return
        }
    }
}
extension ColumnGenerationTests {
    /// On Rotor's own problems the dive's rows come from the bound's programme, which prices every
    /// rule it models: on a generated ward without fairness measures every dive ends at a roster
    /// that keeps every hard rule and scores no less than the proven bound, and the first one meets
    /// it. With the measures the dive runs only when asked.
    @Test func ownProblemsDiveWithTheBoundsProgramme() throws {
        var problem = OperationGenerator.ward.generate(seed: 3)
        let fair = try CompiledProblem(problem)
        problem.fairness = []
        let p = try CompiledProblem(problem)
        #expect(!WindowRebuilder.isApplicable(p) && ColumnGenerationDive.isApplicable(p))
        var options = SolverOptions()
        options.threads = 1
        #expect(LocalSearch.dives(options, p, thread: 0) && !LocalSearch.dives(options, fair, thread: 0))
        options.columnGenerationDive = true
        #expect(LocalSearch.dives(options, fair, thread: 0))

        let bounder = LagrangianBound(p)
        let bound = try #require(LagrangianBound.proven(bounder.columnGeneration(rounds: SolverOptions.boundRounds).value))
        let scores = try diveScores(p, dives: 2)
        #expect(scores.allSatisfy { $0.hard == 0 && $0.soft >= bound })
        #expect(scores[0].soft <= bound + bound / 10, "first dive \(scores[0].soft), bound \(bound)")
    }
}
