import Foundation
import PackagePlugin

/// Builds the web page's files (`Public/` of the target) into the target's code, so that the `rotor`
/// binary serves its page wherever it is copied, without a resource bundle beside it.
@main
struct EmbedWebPage: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        guard let target = target as? SourceModuleTarget else { return [] }
        let folder = target.directoryURL.appending(path: "Public")
        let files = try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
            .filter { !$0.hasDirectoryPath && !$0.lastPathComponent.hasPrefix(".") }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedWebPage.swift")
        return [.buildCommand(
            displayName: "Embedding the web page's \(files.count) files",
            executable: try context.tool(named: "EmbedFiles").url,
            arguments: [output.path] + files.map(\.path),
            inputFiles: files,
            outputFiles: [output])]
    }
}
