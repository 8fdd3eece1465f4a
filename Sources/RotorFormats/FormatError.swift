/// A problem with an input file, reported gcc-style: `file:line: message`, or `file: message` when no
/// single line is to blame (an empty file, rows missing from a roster).
public struct FormatError: Error, Sendable, Equatable, CustomStringConvertible {
    public var file: String
    /// 1-based line number, or nil when the error is about the file as a whole.
    public var line: Int?
    public var message: String

    public init(file: String, line: Int?, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    public var description: String {
        if let line { return "\(file):\(line): \(message)" }
        return "\(file): \(message)"
    }
}

/// One line of input, numbered from 1, with leading and trailing whitespace removed.
struct TextLine {
    let number: Int
    let text: Substring
}

/// Splits text into numbered, trimmed lines. Accepts `\n`, `\r\n` and `\r` line breaks and a leading
/// byte-order mark; a final line break does not start another line.
func numberedLines(_ text: String) -> [TextLine] {
    var body = Substring(text)
    if body.first == "\u{FEFF}" { body.removeFirst() }
    // "\r\n" is a single Character in Swift, and `isNewline` is true for it, for "\n" and for "\r".
    var parts = body.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
    if parts.last?.isEmpty == true { parts.removeLast() }
    return parts.enumerated().map { TextLine(number: $0.offset + 1, text: trimmed($0.element)) }
}

func trimmed(_ text: Substring) -> Substring {
    var text = text
    while let first = text.first, first.isWhitespace { text.removeFirst() }
    while let last = text.last, last.isWhitespace { text.removeLast() }
    return text
}

/// Splits a line on `separator` and trims every piece; a trailing separator gives an empty last piece.
func fields(_ text: Substring, separator: Character) -> [Substring] {
    text.split(separator: separator, omittingEmptySubsequences: false).map(trimmed)
}

/// `"A", "B", "C"` for an error message, cut short after `limit` names.
func listForMessage(_ names: [String], limit: Int = 10) -> String {
    if names.isEmpty { return "(none declared)" }
    let shown = names.prefix(limit).joined(separator: ", ")
    return names.count > limit ? "\(shown), … (\(names.count) in all)" : shown
}
