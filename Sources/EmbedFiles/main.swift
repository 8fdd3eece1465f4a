import Foundation

// Writes a Swift source file holding text files as string literals:
//     EmbedFiles OUTPUT.swift FILE...
// declares `let embeddedWebPage: [(name: String, text: String)]`, one entry per file, named by its
// last path component. Each text is a raw multi-line literal whose delimiter is longer than any run
// of `#` in the text, so nothing in it is read as an escape or as the end of the literal.

let arguments = CommandLine.arguments.dropFirst()
guard let output = arguments.first else {
    FileHandle.standardError.write(Data("usage: EmbedFiles OUTPUT.swift FILE...\n".utf8))
    exit(64)
}
var source = "// Generated at build time from the files of Sources/RotorServer/Public by EmbedFiles; do not edit.\n\n"
source += "let embeddedWebPage: [(name: String, text: String)] = [\n"
for path in arguments.dropFirst() {
    let url = URL(fileURLWithPath: path)
    guard let text = try? String(contentsOf: url, encoding: .utf8) else {
        FileHandle.standardError.write(Data("EmbedFiles: \(path) is not a UTF-8 text file\n".utf8))
        exit(1)
    }
    var longestRun = 0, run = 0
    for character in text {
        run = character == "#" ? run + 1 : 0
        longestRun = max(longestRun, run)
    }
    let hashes = String(repeating: "#", count: longestRun + 1)
    let name = url.lastPathComponent.replacingOccurrences(of: "\"", with: "")
    // A multi-line literal drops the line break before its closing delimiter, so the text is kept exactly.
    source += "    (\"\(name)\", \(hashes)\"\"\"\n\(text)\n\"\"\"\(hashes)),\n"
}
source += "]\n"
do {
    try source.write(to: URL(fileURLWithPath: output), atomically: true, encoding: .utf8)
} catch {
    FileHandle.standardError.write(Data("EmbedFiles: cannot write \(output): \(error)\n".utf8))
    exit(1)
}
