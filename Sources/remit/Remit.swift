import ArgumentParser
import Foundation
import RemitCore

@main
struct Remit: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remit",
        abstract: "Publishes a back-office services catalogue from Markdown.",
        version: RemitVersion.text, subcommands: [Build.self, Check.self, Serve.self, New.self, Schema.self, InitCommand.self, DigestCommand.self, Diff.self],
        defaultSubcommand: Build.self
    )

    /// Exit codes: 0 success, 1 content errors, 2 usage or environment errors.
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            if exitCode(for: error) == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}

/// Options every command shares.
struct ContentOptions: ParsableArguments {
    @Option(help: "Folder of Markdown and YAML content.")
    var content: String = "content"

    @Option(help: "Date to judge reviews, changes and deadlines against (YYYY-MM-DD). Default: SOURCE_DATE_EPOCH, else today.")
    var today: String?

    @Flag(help: "Treat warnings as errors.")
    var strict = false

    func resolvedToday() throws -> LocalDate {
        do {
            return try Today.resolve(option: today, environment: ProcessInfo.processInfo.environment, now: Date())
        } catch let error as Today.Invalid {
            throw ValidationError(error.message)
        }
    }

    var contentURL: URL { URL(fileURLWithPath: content, isDirectory: true) }

    func validateFolder() throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: content, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ValidationError("content folder '\(content)' does not exist")
        }
    }
}

/// Where `build` and `serve` read templates and write the site.
struct SiteOptions: ParsableArguments {
    @Option(help: "Folder of templates overriding the built-in theme.")
    var templates: String = "templates"

    @Option(help: "Folder the site is written to.")
    var output: String = "public"

    @Option(name: .customLong("base-url"), help: "Where the site is served, overriding base_url.")
    var baseURL: String?

    @Flag(help: "Replace the output folder even if Remit did not write it.")
    var force = false

    func validate() throws {
        if let baseURL, case .failure(let refusal) = BaseURL.parse(baseURL) {
            throw ValidationError(Diagnostic.printable("--base-url \(refusal.reason)"))
        }
    }

    func buildOptions(_ content: ContentOptions, offline: Bool = false) throws -> BuildOptions {
        BuildOptions(
            contentDirectory: content.contentURL,
            templatesDirectory: URL(fileURLWithPath: templates, isDirectory: true),
            outputDirectory: URL(fileURLWithPath: output, isDirectory: true),
            baseURL: baseURL, strict: content.strict, today: try content.resolvedToday(), offline: offline, force: force)
    }
}
