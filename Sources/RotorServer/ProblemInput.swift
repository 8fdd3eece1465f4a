import Foundation
import RotorCore
import RotorFormats

/// The formats a problem can be uploaded in.
enum ProblemFormat: String, Sendable {
    case json, yaml, curtois

    /// The file extension the parsers expect in the name they quote in messages.
    var fileExtension: String { self == .curtois ? "txt" : rawValue }

    /// The request's `Content-Type` when it names JSON or YAML; otherwise the text decides: `{` first
    /// is JSON, a `SECTION_HORIZON` line is the Curtois benchmark format, anything else is YAML.
    static func detect(contentType: String?, text: String) -> ProblemFormat {
        let mediaType = contentType?.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        switch mediaType {
        case "application/json"?: return .json
        case "application/yaml"?, "application/x-yaml"?, "text/yaml"?, "text/x-yaml"?: return .yaml
        default: break
        }
        if text.first(where: { !$0.isWhitespace && $0 != "\u{FEFF}" }) == "{" { return .json }
        if text.split(whereSeparator: \.isNewline).contains(where: { $0.trimmingCharacters(in: .whitespaces) == "SECTION_HORIZON" }) {
            return .curtois
        }
        return .yaml
    }
}

/// A problem read from a request or from storage, and compiled for the solver.
struct LoadedProblem: Sendable {
    var problem: Problem
    var compiled: CompiledProblem

    /// Parses and compiles; every mistake becomes a 400 whose message lists the parser's messages.
    /// `name` appears in those messages in place of a file name (it is never used as a path).
    init(text: String, format: ProblemFormat, name: String) throws(APIError) {
        let fileName = "\(name).\(format.fileExtension)"
        do {
            switch format {
            case .json, .yaml:
                problem = try ProblemDocument.parse(text, fileName: fileName, syntax: format == .json ? .json : .yaml)
            case .curtois:
                problem = try CurtoisFormat.parse(text, fileName: fileName).problem
            }
            compiled = try CompiledProblem(problem)
        } catch let error as ProblemDocumentError {
            let messages = error.errors.map(\.description)
            throw APIError(status: .badRequest, message: "the \(format.rawValue) problem is not valid: " + messages.joined(separator: "; "), details: messages)
        } catch let error as FormatError {
            throw APIError(status: .badRequest, message: "the \(format.rawValue) problem is not valid: \(error)", details: [error.description])
        } catch let error as ModelError {
            let messages = error.messages.map { "\(fileName): \($0)" }
            throw APIError(status: .badRequest, message: "the problem cannot be solved as stated: " + messages.joined(separator: "; "), details: messages)
        } catch {
            throw APIError(status: .badRequest, message: "the problem cannot be read: \(error)")
        }
    }
}

/// The name a client gives an upload with `?name=`: a label for listings and messages, so anything
/// that could be taken for a path or break a message line is refused.
func problemName(_ raw: String?) throws(APIError) -> String? {
    guard let raw else { return nil }
    let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: " -_.()"))
    guard !raw.isEmpty, raw.count <= 100, raw.unicodeScalars.allSatisfy(allowed.contains), !raw.hasPrefix(".") else {
        throw .badRequest("the name must be 1 to 100 letters, digits, spaces or - _ . ( ) and not start with a dot, not \"\(raw.prefix(100))\"")
    }
    return raw
}
