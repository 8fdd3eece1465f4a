import Foundation
@testable import RotorCore
import Testing

/// The best objective over every roster of a problem of the benchmark's model with one shift type,
/// where cover is all that couples the rows: each person's rows that keep their own hard rules
/// (judged from scratch by `Evaluation`, everyone else off) with their own soft penalty, combined
/// person by person over the count of people on each day, the cheapest combination kept per count;
/// each final combination is scored whole by `Evaluation`. Nil when no roster keeps the hard rules.
private func combinedOptimum(_ p: CompiledProblem) -> Int? {
    let E = p.staffCount, H = p.days
    precondition(p.valueCount == 2)
    // Each person's rows (bit d: works on day d) with their own soft penalty.
    var rows = [[(bits: Int, soft: Int)]](repeating: [], count: E)
    for e in 0..<E {
        for bits in 0..<(1 << H) {
            var schedule = Schedule(staffCount: E, days: H)
            for d in 0..<H { schedule[staff: e, day: d] = UInt8((bits >> d) & 1) }
            let mine = Evaluation(p, schedule).violations.filter { $0.staff == e }
            guard !mine.contains(where: \.hard) else { continue }
            rows[e].append((bits, mine.reduce(0) { $0 + $1.penalty }))
        }
    }
    // Per count of people on each day (base E + 1): the cheapest rows so far and their total.
    var power = [Int](repeating: 1, count: H + 1)
    for d in 0..<H { power[d + 1] = power[d] * (E + 1) }
    var layer: [Int: (soft: Int, chosen: [Int])] = [0: (0, [])]
    for e in 0..<E {
        var next: [Int: (soft: Int, chosen: [Int])] = [:]
        for (state, partial) in layer {
            for row in rows[e] {
                var key = state
                for d in 0..<H where (row.bits >> d) & 1 == 1 { key += power[d] }
                let soft = partial.soft + row.soft
                if next[key].map({ soft < $0.soft }) ?? true { next[key] = (soft, partial.chosen + [row.bits]) }
            }
        }
        layer = next
    }
    var best: Int?
    for (_, combination) in layer {
        var schedule = Schedule(staffCount: E, days: H)
        for (e, bits) in combination.chosen.enumerated() {
            for d in 0..<H { schedule[staff: e, day: d] = UInt8((bits >> d) & 1) }
        }
        let score = Evaluation(p, schedule).score
        if score.hard == 0 { best = min(best ?? .max, score.soft) }
    }
    return best
}

/// A problem of the benchmark's model with one shift type, 4 or 5 staff over 6 or 7 days, whose
/// linear programme is often fractional: runs and days off of at least two, few weekends, requests,
/// and cover the staff cannot all meet.
private func smallCoupledProblem(seed: UInt64) -> CurtoisProblem {
    var r = RandomSource(seed: seed)
    let days = 6 + r.below(2)
    let staff = (0..<(4 + r.below(2))).map { e in
        CurtoisStaffMember(
            id: "P\(e)",
            contract: contract(maxMinutes: 480 * (3 + r.below(2)), minMinutes: 480 * (2 + r.below(2)),
                               maxRun: 3 + r.below(2), minRun: 2, minOff: 2, maxWeekends: 1),
            daysOff: (0..<days).filter { _ in r.below(6) == 0 })
    }
    func requests() -> [CurtoisRequest] {
        (0..<r.below(2 * days)).map { _ in
            CurtoisRequest(staff: "P\(r.below(staff.count))", day: r.below(days), shift: "D", weight: 1 + r.below(3))
        }
    }
    let cover = (0..<days).map { CurtoisCover(day: $0, shift: "D", required: 1 + r.below(4), underWeight: 100, overWeight: 1) }
    return CurtoisProblem(name: "small\(seed)", horizonDays: days, shiftTypes: [CurtoisShiftType(id: "D", minutes: 480)],
                          staff: staff, shiftOnRequests: requests(), shiftOffRequests: requests(), cover: cover)
}

@Suite struct BranchAndPriceTests {
    /// With no incumbent the tree ends at the integer optimum of the rows its programme allows:
    /// on tiny problems, never above the best roster, and equal to it where the programme leaves
    /// nothing out. Each case draws random problems (the benchmark's model, or Rotor's own) until
    /// one is small enough to enumerate and has a roster that keeps the hard rules.
    @Test(arguments: 0..<16)
    func treeAgainstEveryRoster(seed: Int) throws {
        var k = UInt64(seed)
        while true {
            k += 1000
            let p = seed % 4 == 3 ? try CompiledProblem(randomOperation(seed: k))
                : seed % 4 == 2 ? try CompiledProblem(randomProblem(seed: k)) : try CompiledProblem(tinyCoupledProblem(seed: k))
            guard p.staffCount > 1, pow(Double(p.valueCount), Double(p.staffCount * p.days)) <= 20_000,
                  let best = exhaustiveOptimum(p) else { continue }
            let bounder = LagrangianBound(p)
            var tree = BranchAndPrice(bounder)
            let outcome = tree.prove(incumbent: { Int.max }, stop: { _ in false })
            #expect(outcome.complete)
            let proven = try #require(LagrangianBound.proven(outcome.value), "problem \(k): no bound")
            #expect(proven <= best, "problem \(k): tree's bound \(proven) above the best roster \(best)")
            if bounder.relaxedRules.isEmpty {
                #expect(proven == best, "problem \(k): exact programme, tree ended at \(proven), best roster \(best)")
            }
            return
        }
    }

    /// On problems where the linear programme is often fractional, the tree with no incumbent ends
    /// at the optimum found by combining every person's rows; it branches on some of them.
    @Test func treeAgainstEveryCombination() throws {
        var branched = 0, fractional = 0
        for seed in 0..<100 {
            let p = try CompiledProblem(smallCoupledProblem(seed: UInt64(seed)))
            let best = combinedOptimum(p)
            let bounder = LagrangianBound(p)
            #expect(bounder.relaxedRules.isEmpty)
            let lp = LagrangianBound.proven(bounder.columnGeneration(rounds: SolverOptions.boundRounds).value)
            var tree = BranchAndPrice(bounder)
            let outcome = tree.prove(incumbent: { Int.max }, stop: { _ in false })
            #expect(outcome.complete)
            guard let best else {
                #expect(outcome.value == .infinity || outcome.value >= 1e6, "seed \(seed): no roster keeps the hard rules, the tree ended at \(outcome.value)")
                continue
            }
            #expect(LagrangianBound.proven(outcome.value) == best, "seed \(seed): tree \(outcome.value), best roster \(best), root \(String(describing: lp))")
            if tree.nodes > 1 { branched += 1 }
            if let lp, lp < best { fractional += 1 }
        }
        #expect(branched >= 2 && fractional >= 1, "only \(branched) trees branched, \(fractional) roots below the optimum")
    }

    /// Instance 1's linear programme proves 558; the tree, given the optimum as incumbent, proves it.
    @Test func provesInstanceOneOptimal() throws {
        guard benchmarkAvailable("Instance1.txt") else {
            print("skipped: ../shared/benchmarks/curtois/Instance1.txt is absent")
            return
        }
        let p = try benchmark("Instance1.txt")
        let bounder = LagrangianBound(p)
        #expect(LagrangianBound.proven(bounder.columnGeneration(rounds: SolverOptions.boundRounds).value) == 558)
        var tree = BranchAndPrice(bounder)
        let outcome = tree.prove(incumbent: { 607 }, stop: { _ in false })
        #expect(outcome.complete)
        #expect(LagrangianBound.proven(outcome.value) == 607)
        #expect(tree.nodes > 1)
    }

    /// The tree gives up after (or during) a root that takes more than a fifth of its time, or once 50 nodes are
    /// solved and a fifth of its time has passed since the root, when its bound has not risen or its
    /// rate would not pass the target by the deadline with room to spare.
    @Test func treeGivesUpOnlyWhenTooSlow() {
        func givesUp(rootAt: Double? = 1, nodes: Int = 50, latest: Double, now: Double) -> Bool {
            LocalSearch.treeGivesUp(began: .zero, root: rootAt.map { (100, .seconds($0)) }, nodes: nodes, latest: latest,
                                    target: 110, now: .seconds(now), deadline: .seconds(20))
        }
        #expect(!givesUp(rootAt: nil, nodes: 0, latest: -.infinity, now: 3.9))   // the root still running
        #expect(givesUp(rootAt: nil, nodes: 0, latest: -.infinity, now: 4.1))    // for over a fifth of the time
        #expect(givesUp(rootAt: 4.1, latest: 100, now: 4.1))      // the root took over a fifth of the time
        #expect(!givesUp(rootAt: 3.9, latest: 100, now: 3.9))
        #expect(!givesUp(latest: 100, now: 4.9))                   // too early to judge the rate
        #expect(!givesUp(nodes: 49, latest: 100, now: 6))          // too few nodes to judge
        #expect(givesUp(latest: 100, now: 5.1))                    // no rise at all
        #expect(!givesUp(latest: 104, now: 5.1))                   // 1/s: 6 s needed, 14.9 s left
        #expect(givesUp(latest: 100.5, now: 5.1))                  // 0.12/s: 78 s needed, 14.9 s left
        #expect(!givesUp(latest: 102, now: 5.1))                   // 0.49/s: 16.4 s needed, within twice 14.9 s
        #expect(givesUp(latest: 101, now: 11))                     // 0.1/s: 90 s needed, 9 s left
        #expect(!givesUp(latest: 106, now: 11))                    // 0.6/s: 6.7 s needed, 9 s left
    }
}
