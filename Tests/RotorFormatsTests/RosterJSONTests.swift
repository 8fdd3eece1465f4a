import Foundation
import RotorCore
import RotorFormats
import Testing

@Suite("Roster JSON")
struct RosterJSONTests {
    /// Staff A and B over 7 days, keeping every hard rule of the sample; D is shift 0, N shift 1.
    let feasible = Roster(assignments: [
        [nil, 0, 0, 1, nil, nil, nil],
        [0, 0, nil, nil, 1, 1, nil],
    ])

    func document(_ roster: Roster, bound: ObjectiveBound?) throws -> (score: Score, keys: [String: Any]) {
        let problem = try CompiledProblem(sampleProblem)
        let schedule = try Schedule(roster, for: problem)
        let evaluation = Evaluation(problem, schedule)
        let text = RosterJSON.write(schedule, problem: problem, evaluation: evaluation, bound: bound)
        return (evaluation.score, try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]))
    }

    /// The bound's fields of a roster file are those of `BoundFields`, and a field without a value is
    /// left out, never null (docs/cli.md, docs/server.md): all three without a bound, the gap while
    /// the roster breaks a hard rule. The API's jobs write the same fields as null instead.
    @Test func theBoundFieldsAreLeftOutWhenTheyHaveNoValue() throws {
        let bound = ObjectiveBound(value: 1, relaxed: ["fairness"])
        let (score, with) = try document(feasible, bound: bound)
        try #require(score.isFeasible)
        let fields = BoundFields(bound, best: score)
        #expect((with["bound"] as? NSNumber)?.intValue == 1 && with["boundRelaxes"] as? [String] == ["fairness"])
        #expect((with["gap"] as? NSNumber)?.doubleValue == fields.gap && fields.gap != nil)

        let (_, without) = try document(feasible, bound: nil)
        for key in ["bound", "gap", "boundRelaxes"] {
            #expect(without[key] == nil, "\(key) without a bound")
        }
        #expect(BoundFields(nil, best: score) == BoundFields(nil, best: nil))

        // A's empty week is short of the minimum minutes, a hard rule.
        let (broken, infeasible) = try document(Roster(assignments: [Array(repeating: nil, count: 7), feasible.assignments[1]]), bound: bound)
        try #require(!broken.isFeasible)
        #expect(infeasible["gap"] == nil && (infeasible["bound"] as? NSNumber)?.intValue == 1 && infeasible["boundRelaxes"] as? [String] == ["fairness"])
        #expect(BoundFields(bound, best: broken).gap == nil && BoundFields(bound, best: nil).gap == nil)
    }
}
