import RotorCore

/// A problem file of either kind Rotor reads: the Curtois & Qu benchmark text (`.txt`, or text that
/// opens with its `SECTION_HORIZON`), or Rotor's own problem document (JSON or YAML). Both give the
/// same `Problem`, so one engine solves both.
public enum ProblemFile {
    public enum Kind: Sendable, Equatable {
        case curtois, document
    }

    public static func kind(fileName: String, text: String) -> Kind {
        if fileName.lowercased().hasSuffix(".txt") { return .curtois }
        let firstLine = text.split(whereSeparator: \.isNewline).first { line in
            let trimmed = line.drop { $0.isWhitespace || $0 == "\u{FEFF}" }
            return !trimmed.isEmpty && !trimmed.hasPrefix("#")
        }
        return firstLine?.contains("SECTION_HORIZON") == true ? .curtois : .document
    }

    /// Reads and checks a problem; throws `FormatError` (benchmark text) or `ProblemDocumentError`
    /// (problem document), each naming the file and where in it the problem lies.
    public static func parse(_ text: String, fileName: String) throws -> Problem {
        switch kind(fileName: fileName, text: text) {
        case .curtois: try CurtoisFormat.parse(text, fileName: fileName).problem
        case .document: try ProblemDocument.parse(text, fileName: fileName)
        }
    }
}
