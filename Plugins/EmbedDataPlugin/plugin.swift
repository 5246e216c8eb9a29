import Foundation
import PackagePlugin

/// Compiles every `Data/*.md` note into Swift string literals, so the binary carries its content
/// (SwiftPM resource bundles are looked up beside the build folder and break once it is gone).
@main
struct EmbedDataPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let dataDirectory = context.package.directoryURL.appending(path: "Data")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dataDirectory.path())) ?? []
        let inputs = names.filter { $0.hasSuffix(".md") }.sorted().map { dataDirectory.appending(path: $0) }
        let output = context.pluginWorkDirectoryURL.appending(path: "BundledNotes.swift")
        return [
            .buildCommand(
                displayName: "Embedding \(inputs.count) notes from Data/",
                executable: try context.tool(named: "EmbedDataGenerator").url,
                arguments: [output.path()] + inputs.map { $0.path() },
                inputFiles: inputs,
                outputFiles: [output]
            )
        ]
    }
}
