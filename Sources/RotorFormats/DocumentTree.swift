import Foundation
import Yams

/// A parsed JSON or YAML value with the line it starts on, so that schema errors can point into the file.
///
/// Both syntaxes are read into this one tree so the schema is checked by one reader. Plain YAML scalars are
/// typed by the YAML 1.2 core schema rather than Yams' YAML 1.1 resolver: under 1.1, `19:00` is the number
/// 1140, `2027-03-01` a timestamp and `off` the boolean false, all of which would surprise a planner.
struct DocumentNode {
    enum Value {
        /// Keys in file order; duplicates are rejected while parsing.
        case object([(key: String, node: DocumentNode)])
        case array([DocumentNode])
        case string(String)
        case number(Double, text: String)
        case bool(Bool)
        case null
    }

    var value: Value
    /// 1-based; nil for a value that has no place in a file.
    var line: Int?

    /// How a value is named in an error message: `3`, `"abc"`, `true`, `null`, `an object`, `a list`.
    var foundDescription: String {
        switch value {
        case .object: "an object"
        case .array: "a list"
        case .string(let text): "\"\(text.count > 40 ? text.prefix(40) + "…" : Substring(text))\""
        case .number(_, let text): text
        case .bool(let flag): String(flag)
        case .null: "null"
        }
    }
}

/// A syntax error: where the parser stopped and why.
struct SyntaxError: Error {
    var line: Int?
    var message: String
}

// MARK: - JSON

/// A strict RFC 8259 JSON parser. `JSONSerialization` is not used because on Linux it reports positions as
/// character offsets, cannot tell `true` from `1`, and keeps the last of two duplicate keys without a word.
struct JSONTreeParser {
    private let bytes: [UInt8]
    private var index = 0
    private var line = 1
    private var lineStart = 0
    /// Deep nesting is refused rather than allowed to exhaust the stack.
    private let maximumDepth = 512

    init(_ text: String) {
        bytes = Array(text.utf8)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3; lineStart = 3 }
    }

    /// The single value in the text, or nil when the text holds only whitespace.
    mutating func parseDocument() throws(SyntaxError) -> DocumentNode? {
        skipWhitespace()
        guard index < bytes.count else { return nil }
        let node = try parseValue(depth: 0)
        skipWhitespace()
        guard index == bytes.count else { throw error("expected the end of the file after the top-level value") }
        return node
    }

    private var column: Int {
        String(decoding: bytes[lineStart..<min(index, bytes.count)], as: UTF8.self).count + 1
    }

    private func error(_ message: String) -> SyntaxError {
        let found = index < bytes.count ? "'\(String(decoding: [bytes[index]], as: UTF8.self))'" : "the end of the file"
        return SyntaxError(line: line, message: "JSON syntax error at column \(column): \(message), found \(found)")
    }

    private mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0D: index += 1
            case 0x0A:
                index += 1
                line += 1
                lineStart = index
            default: return
            }
        }
    }

    private mutating func parseValue(depth: Int) throws(SyntaxError) -> DocumentNode {
        guard depth < maximumDepth else { throw error("nesting deeper than \(maximumDepth) levels") }
        let startLine = line
        guard index < bytes.count else { throw error("expected a value") }
        switch bytes[index] {
        case UInt8(ascii: "{"): return DocumentNode(value: try parseObject(depth: depth), line: startLine)
        case UInt8(ascii: "["): return DocumentNode(value: try parseArray(depth: depth), line: startLine)
        case UInt8(ascii: "\""): return DocumentNode(value: .string(try parseString()), line: startLine)
        case UInt8(ascii: "t"): try expectWord("true"); return DocumentNode(value: .bool(true), line: startLine)
        case UInt8(ascii: "f"): try expectWord("false"); return DocumentNode(value: .bool(false), line: startLine)
        case UInt8(ascii: "n"): try expectWord("null"); return DocumentNode(value: .null, line: startLine)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return DocumentNode(value: try parseNumber(), line: startLine)
        default: throw error("expected a value")
        }
    }

    private mutating func expectWord(_ word: String) throws(SyntaxError) {
        let expected = Array(word.utf8)
        guard bytes.count - index >= expected.count, Array(bytes[index..<index + expected.count]) == expected else {
            throw error("expected a value")
        }
        index += expected.count
    }

    private mutating func parseObject(depth: Int) throws(SyntaxError) -> DocumentNode.Value {
        index += 1
        var members: [(key: String, node: DocumentNode)] = []
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "}") { index += 1; return .object(members) }
        while true {
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { throw error("expected a key in double quotes") }
            let keyLine = line, keyColumn = column
            let key = try parseString()
            if members.contains(where: { $0.key == key }) {
                throw SyntaxError(line: keyLine, message: "JSON syntax error at column \(keyColumn): duplicate key \"\(key)\"")
            }
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { throw error("expected ':' after a key") }
            index += 1
            skipWhitespace()
            members.append((key, try parseValue(depth: depth + 1)))
            skipWhitespace()
            guard index < bytes.count else { throw error("expected ',' or '}'") }
            if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
            if bytes[index] == UInt8(ascii: "}") { index += 1; return .object(members) }
            throw error("expected ',' or '}'")
        }
    }

    private mutating func parseArray(depth: Int) throws(SyntaxError) -> DocumentNode.Value {
        index += 1
        var elements: [DocumentNode] = []
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "]") { index += 1; return .array(elements) }
        while true {
            skipWhitespace()
            elements.append(try parseValue(depth: depth + 1))
            skipWhitespace()
            guard index < bytes.count else { throw error("expected ',' or ']'") }
            if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
            if bytes[index] == UInt8(ascii: "]") { index += 1; return .array(elements) }
            throw error("expected ',' or ']'")
        }
    }

    private mutating func parseString() throws(SyntaxError) -> String {
        index += 1
        var scalars = String.UnicodeScalarView()
        var chunkStart = index
        func flush() { scalars.append(contentsOf: String(decoding: bytes[chunkStart..<index], as: UTF8.self).unicodeScalars) }
        while true {
            guard index < bytes.count else { throw error("expected '\"' to close the string") }
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                flush()
                index += 1
                return String(scalars)
            }
            if byte < 0x20 { throw error("control characters must be escaped in strings") }
            guard byte == UInt8(ascii: "\\") else { index += 1; continue }
            flush()
            index += 1
            guard index < bytes.count else { throw error("expected an escape sequence") }
            let escape = bytes[index]
            index += 1
            switch escape {
            case UInt8(ascii: "\""): scalars.append("\"")
            case UInt8(ascii: "\\"): scalars.append("\\")
            case UInt8(ascii: "/"): scalars.append("/")
            case UInt8(ascii: "b"): scalars.append("\u{08}")
            case UInt8(ascii: "f"): scalars.append("\u{0C}")
            case UInt8(ascii: "n"): scalars.append("\n")
            case UInt8(ascii: "r"): scalars.append("\r")
            case UInt8(ascii: "t"): scalars.append("\t")
            case UInt8(ascii: "u"):
                var code = try hexQuad()
                if (0xD800..<0xDC00).contains(code) {
                    guard bytes.count - index >= 2, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") else {
                        throw error("expected the second half of a UTF-16 surrogate pair")
                    }
                    index += 2
                    let low = try hexQuad()
                    guard (0xDC00..<0xE000).contains(low) else { throw error("expected a low surrogate") }
                    code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                }
                guard let scalar = Unicode.Scalar(code) else { throw error("\\u escape names no Unicode character") }
                scalars.append(scalar)
            default:
                index -= 1
                throw error("expected an escape sequence (\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)")
            }
            chunkStart = index
        }
    }

    private mutating func hexQuad() throws(SyntaxError) -> UInt32 {
        guard bytes.count - index >= 4,
              let code = UInt32(String(decoding: bytes[index..<index + 4], as: UTF8.self), radix: 16)
        else { throw error("expected four hexadecimal digits") }
        index += 4
        return code
    }

    private mutating func parseNumber() throws(SyntaxError) -> DocumentNode.Value {
        let start = index
        func digits() -> Int {
            let first = index
            while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) { index += 1 }
            return index - first
        }
        if bytes[index] == UInt8(ascii: "-") { index += 1 }
        let integerStart = index
        let integerDigits = digits()
        guard integerDigits > 0 else { throw error("expected a digit") }
        if integerDigits > 1, bytes[integerStart] == UInt8(ascii: "0") {
            index = integerStart + 1
            throw error("numbers may not have leading zeros")
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            guard digits() > 0 else { throw error("expected a digit after the decimal point") }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
            guard digits() > 0 else { throw error("expected a digit in the exponent") }
        }
        let text = String(decoding: bytes[start..<index], as: UTF8.self)
        guard let number = Double(text) else { throw error("expected a number") }
        return .number(number, text: text)
    }
}

// MARK: - YAML

enum YAMLTree {
    /// The document's tree, nil for an empty document.
    static func parse(_ text: String) throws(SyntaxError) -> DocumentNode? {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw syntaxError(error, text: text)
        } catch {
            throw SyntaxError(line: nil, message: "YAML syntax error: \(error)")
        }
        guard let root else { return nil }
        // Aliases repeat what they name, so a small document can stand for an exponential tree (the
        // "billion laughs"); no honest document has more values than characters.
        var budget = max(text.utf8.count, 10_000)
        return try convert(root, &budget)
    }

    private static func convert(_ node: Node, _ budget: inout Int) throws(SyntaxError) -> DocumentNode {
        let line = node.mark?.line
        budget -= 1
        if budget < 0 {
            throw SyntaxError(line: line, message: "YAML aliases expand the document to more values than it has characters; write the values out instead of repeating them through aliases")
        }
        switch node {
        case .scalar(let scalar):
            return DocumentNode(value: scalarValue(scalar), line: line)
        case .sequence(let sequence):
            var elements: [DocumentNode] = []
            for element in sequence { elements.append(try convert(element, &budget)) }
            return DocumentNode(value: .array(elements), line: line)
        case .mapping(let mapping):
            var members: [(key: String, node: DocumentNode)] = []
            for (key, value) in mapping {
                guard case .scalar(let keyScalar) = key else {
                    throw SyntaxError(line: key.mark?.line, message: "YAML keys must be plain text, not lists or mappings")
                }
                members.append((keyScalar.string, try convert(value, &budget)))
            }
            return DocumentNode(value: .object(members), line: line)
        case .alias:
            // `Yams.compose` replaces aliases by the nodes they name, so none reach here.
            throw SyntaxError(line: line, message: "YAML alias could not be resolved")
        }
    }

    /// Quoted and block scalars are strings; plain ones follow the YAML 1.2 core schema.
    private static func scalarValue(_ scalar: Node.Scalar) -> DocumentNode.Value {
        let text = scalar.string
        guard scalar.style == .plain || scalar.style == .any else { return .string(text) }
        switch text {
        case "", "~", "null", "Null", "NULL": return .null
        case "true", "True", "TRUE": return .bool(true)
        case "false", "False", "FALSE": return .bool(false)
        default: break
        }
        if isCoreNumber(text), let number = Double(text) { return .number(number, text: text) }
        // The core schema's octal and hexadecimal integers; `.inf` and `.nan` are no rule's value and stay text.
        for (prefix, radix) in [("0o", 8), ("0x", 16)] where text.hasPrefix(prefix) {
            if let value = Int(text.dropFirst(2), radix: radix), text.count > 2, text.count <= 18 {
                return .number(Double(value), text: String(value))
            }
        }
        return .string(text)
    }

    /// `[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?`, the core schema's decimal numbers.
    private static func isCoreNumber(_ text: String) -> Bool {
        var rest = Substring(text)
        if rest.first == "-" || rest.first == "+" { rest.removeFirst() }
        let mantissa = rest.prefix { $0 != "e" && $0 != "E" }
        let exponent = rest.dropFirst(mantissa.count)
        let parts = mantissa.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let isDigits = { (s: Substring) in s.allSatisfy { $0.isASCII && $0.isNumber } }
        guard parts.allSatisfy(isDigits), parts.contains(where: { !$0.isEmpty }) else { return false }
        guard !exponent.isEmpty else { return true }
        var digits = exponent.dropFirst()
        if digits.first == "-" || digits.first == "+" { digits.removeFirst() }
        return !digits.isEmpty && isDigits(digits)
    }

    private static func syntaxError(_ error: YamlError, text: String) -> SyntaxError {
        func located(_ problem: String, _ context: YamlError.Context?, _ mark: Mark) -> SyntaxError {
            let during = context.map { " (\($0.text) at line \($0.mark.line), column \($0.mark.column))" } ?? ""
            return SyntaxError(line: mark.line, message: "YAML syntax error at column \(mark.column): \(problem)\(during)")
        }
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _),
             let .composer(context, problem, mark, _):
            return located(problem, context, mark)
        case let .duplicatedKeysInMapping(duplicates, context):
            let keys = duplicates.sorted().map { "\"\($0)\"" }.joined(separator: ", ")
            return SyntaxError(line: context.mark.line, message: "YAML error: duplicate key \(keys) in one mapping")
        case let .reader(problem, offset, _, _):
            let line = offset.map { text.prefix($0).filter(\.isNewline).count + 1 }
            return SyntaxError(line: line, message: "YAML error: \(problem)")
        default:
            return SyntaxError(line: nil, message: "YAML error: \(error)")
        }
    }
}
