import Foundation
import RotorCore
import RotorFormats
import Testing

/// A file of the package's `docs/` directory.
private func docsFile(_ name: String) -> URL {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("docs").appendingPathComponent(name)
}

/// `docs/model.md` and `docs/problem.schema.json` are written by hand; these tests keep them in step with the reader.
@Suite("Problem documentation")
struct ProblemDocumentationTests {
    let schema: [String: Any]

    init() throws {
        let object = try JSONSerialization.jsonObject(with: try Data(contentsOf: docsFile("problem.schema.json")))
        schema = try #require(object as? [String: Any])
    }

    func definition(_ name: String) throws -> [String: Any] {
        let definitions = try #require(schema["$defs"] as? [String: Any])
        return try #require(definitions[name] as? [String: Any], "no $defs.\(name)")
    }

    @Test func isADraft202012SchemaOfAnObject() {
        #expect(schema["$schema"] as? String == "https://json-schema.org/draft/2020-12/schema")
        #expect(schema["type"] as? String == "object")
        #expect(Set(schema["required"] as? [String] ?? []) == ["horizon", "sites", "shifts", "contracts", "staff", "demand"])
    }

    @Test func ruleNamesMatchTheReader() throws {
        let variants = try #require(try definition("rule")["oneOf"] as? [[String: Any]])
        var ruleNames: [String] = []
        var presetNames: [String] = []
        for variant in variants {
            let properties = try #require(variant["properties"] as? [String: Any])
            if let rule = properties["rule"] as? [String: Any], let name = rule["const"] as? String {
                ruleNames.append(name)
            } else if let preset = properties["preset"] as? [String: Any] {
                presetNames += preset["enum"] as? [String] ?? []
            }
        }
        #expect(ruleNames == ProblemDocument.ruleNames)
        #expect(presetNames == ProblemDocument.presetNames)
    }

    @Test func everyRuleNameIsDocumented() throws {
        let text = try String(contentsOf: docsFile("model.md"), encoding: .utf8)
        for name in ProblemDocument.ruleNames + ProblemDocument.presetNames {
            #expect(text.contains("`\(name)`"), "docs/model.md does not describe \(name)")
        }
    }

    @Test func theExampleInTheDocumentationReadsAndValidates() throws {
        let text = try String(contentsOf: docsFile("model.md"), encoding: .utf8)
        let section = try #require(text.components(separatedBy: "## A small complete example").last)
        let example = try #require(section.components(separatedBy: "```yaml\n").dropFirst().first?
            .components(separatedBy: "```").first)
        let problem = try ProblemDocument.parse(example, fileName: "model.md example", syntax: .yaml)
        #expect(problem.name == "corner-shop" && problem.staff.count == 3)
    }

    @Test func fairnessMeasuresMatchTheModel() throws {
        let properties = try #require(try definition("fairnessGoal")["properties"] as? [String: Any])
        let measure = try #require(properties["measure"] as? [String: Any])
        #expect(measure["enum"] as? [String] == FairnessGoal.Measure.allCases.map(\.rawValue))
    }
}
