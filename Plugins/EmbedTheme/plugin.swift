import Foundation
import PackagePlugin

/// Compiles the repository's `templates/` folder into the DefaultTheme target,
/// re-running whenever a theme file changes.
@main
struct EmbedTheme: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let theme = context.package.directoryURL.appendingPathComponent("templates", isDirectory: true)
        let output = context.pluginWorkDirectoryURL.appendingPathComponent("DefaultTheme+Files.swift")
        var inputs: [URL] = []
        if let enumerator = FileManager.default.enumerator(at: theme, includingPropertiesForKeys: nil) {
            for case let url as URL in enumerator where !url.hasDirectoryPath {
                inputs.append(url)
            }
        }
        return [
            .buildCommand(
                displayName: "Embedding the default theme",
                executable: try context.tool(named: "remit-embed-theme").url,
                arguments: [theme.path, output.path],
                inputFiles: inputs.sorted { $0.path < $1.path },
                outputFiles: [output]
            )
        ]
    }
}
