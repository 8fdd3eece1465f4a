import Foundation
import RotorCore
import Testing

/// The rule families are the one list every consumer iterates (`RuleName`): each must round-trip its
/// parameters, name its violations, and be documented — so that a rule forgotten in one place fails here.
@Suite("Rule families")
struct RuleFamilyTests {
    @Test(arguments: RuleName.allCases)
    func aFamilyRoundTripsItsExample(name: RuleName) throws {
        let family = name.family
        #expect(family.name == name)
        #expect(family.example.name == name)
        let found: [String: RuleValue]? = family.values(family.example)
        let values = try #require(found)
        #expect(family.kind(values) == family.example)
        #expect(Set(values.keys).isSubset(of: Set(family.parameters.map(\.key))))
        for parameter in family.parameters where !parameter.optional { #expect(values[parameter.key] != nil, "\(parameter.key)") }
        for other in RuleName.allCases where other != name {
            let foreign: [String: RuleValue]? = other.family.values(family.example)
            #expect(foreign == nil, "\(other.rawValue) claims \(name.rawValue)'s rule")
        }
        #expect(name.ruleID.rawValue == name.rawValue)
    }

    /// docs/model.md's table of rules and the JSON Schema name every rule and each of its parameters.
    @Test(arguments: RuleName.allCases)
    func aFamilyIsDocumented(name: RuleName) throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let model = try String(contentsOf: root.appendingPathComponent("docs/model.md"), encoding: .utf8)
        let row = try #require(model.split(separator: "\n").first { $0.hasPrefix("| `\(name.rawValue)` |") }, "no row for \(name.rawValue)")
        for parameter in name.family.parameters { #expect(row.contains("`\(parameter.key)`"), "\(name.rawValue): \(parameter.key)") }
        let schema = try String(contentsOf: root.appendingPathComponent("docs/problem.schema.json"), encoding: .utf8)
        #expect(schema.contains("\"\(name.rawValue)\""), "the schema names \(name.rawValue)")
    }

    /// Full-assert mode for each family alone: random problems whose contracts hold only rules of
    /// this family (hard and soft, with history, several clocks and daylight-saving changes), random
    /// moves, and the incremental score checked against the from-scratch one after each. A family
    /// whose incremental part is missing or wrong fails here by name.
    @Test(arguments: RuleName.allCases)
    func theIncrementalScorerFollowsTheFamily(name: RuleName) throws {
        var found = 0
        for seed in 0..<8 {
            let problem = randomOperation(seed: 7_919 &* UInt64(seed + 1), only: name)
            let p = try CompiledProblem(problem)
            found += problem.contracts.flatMap(\.rules).filter { $0.kind.name == name }.count
            exerciseIncrementalScoring(p, seed: UInt64(seed), moves: 600)
        }
        #expect(found >= 8)
    }

    /// Compilation gives each family's rules to the part of the incremental scorer it names (those it
    /// folds into the cell penalties aside).
    @Test(arguments: RuleName.allCases)
    func compilationKeepsEachRuleOfTheFamily(name: RuleName) throws {
        let problem = randomOperation(seed: 31, only: name)
        let p = try CompiledProblem(problem)
        guard let list = name.family.instances else { return }
        let compiled = p.rules[keyPath: list]
        for (e, member) in problem.staff.enumerated() {
            let contract = try #require(problem.contracts.first { $0.id == member.contract })
            let expected = contract.expandedRules.filter { $0.kind.name == name && name.family.isListed($0.kind, for: member) }.count
            #expect(compiled.range(e).count == expected, "\(member.id)")
        }
    }
}
