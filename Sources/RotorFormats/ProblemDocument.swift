import RotorCore

/// The problem file: a `Problem` as JSON, or as YAML for people writing it by hand (`docs/model.md`,
/// `docs/problem.schema.json`).
///
/// Reading reports every mistake in one pass, each naming the file, the line where the parser gives one,
/// the JSON path of the value and what was expected there, so that a planner can fix a file in one go.
public enum ProblemDocument {
    public enum Syntax: String, Sendable, Equatable {
        case json, yaml
    }

    /// JSON for `.json` files and YAML for `.yaml`/`.yml`; otherwise JSON when the first non-space character is
    /// `{`, else YAML.
    public static func syntax(fileName: String, text: String) -> Syntax {
        let lowercased = fileName.lowercased()
        if lowercased.hasSuffix(".json") { return .json }
        if lowercased.hasSuffix(".yaml") || lowercased.hasSuffix(".yml") { return .yaml }
        let firstCharacter = text.first { !$0.isWhitespace && $0 != "\u{FEFF}" }
        return firstCharacter == "{" ? .json : .yaml
    }

    /// Reads a problem and checks it: syntax, then the document's shape (all shape errors at once), then, when
    /// the shape is right, `Problem.validationErrors()`. `syntax` nil detects it from the name and text.
    public static func parse(
        _ text: String, fileName: String, syntax: Syntax? = nil
    ) throws(ProblemDocumentError) -> Problem {
        let root: DocumentNode?
        do {
            switch syntax ?? self.syntax(fileName: fileName, text: text) {
            case .json:
                var parser = JSONTreeParser(text)
                root = try parser.parseDocument()
            case .yaml:
                root = try YAMLTree.parse(text)
            }
        } catch {
            throw ProblemDocumentError([FormatError(file: fileName, line: error.line, message: error.message)])
        }
        guard let root else {
            throw ProblemDocumentError([FormatError(
                file: fileName, line: nil, message: "the file is empty; expected a problem with horizon, sites, shifts, contracts, staff and demand")])
        }
        let reader = ProblemReader(file: fileName)
        let problem = reader.problem(root, defaultName: CurtoisFormat.problemName(fileName))
        guard let problem, reader.errors.isEmpty else { throw ProblemDocumentError(reader.errors) }
        let semanticErrors = problem.validationErrors().map { message in
            FormatError(file: fileName, line: reader.line(ofMessage: message), message: message)
        }
        guard semanticErrors.isEmpty else { throw ProblemDocumentError(semanticErrors) }
        return problem
    }

    /// Every rule name a contract may use, in the order of `docs/model.md`.
    public static var ruleNames: [String] { RuleName.allCases.map(\.rawValue) }

    /// Every preset name a contract may use.
    public static var presetNames: [String] { RulePreset.allCases.map(\.rawValue) }
}

/// Everything wrong with a problem file, one `FormatError` per mistake, printed one per line.
public struct ProblemDocumentError: Error, Sendable, Equatable, CustomStringConvertible {
    public var errors: [FormatError]

    public init(_ errors: [FormatError]) {
        self.errors = errors
    }

    public var description: String { errors.map(\.description).joined(separator: "\n") }
}
