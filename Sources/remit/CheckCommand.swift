import ArgumentParser
import Foundation
import RemitCore

struct Check: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Validate the content and list every problem; writes nothing.")

    @OptionGroup var options: ContentOptions

    @Option(help: "Output format: text, github (Actions annotations), json, or gitlab (a GitLab Code Quality report).")
    var format: DiagnosticFormatter.Format = .text

    @Option(help: "Folder of templates overriding the built-in theme; checked like the content.")
    var templates: String = "templates"

    func validate() throws { try options.validateFolder() }

    func run() async throws {
        let buildOptions = BuildOptions(
            contentDirectory: options.contentURL, templatesDirectory: URL(fileURLWithPath: templates, isDirectory: true),
            outputDirectory: URL(fileURLWithPath: "/dev/null"), strict: options.strict, today: try options.resolvedToday())
        let diagnostics = await Pipeline.check(buildOptions).diagnostics
        DiagnosticPrinter(contentDirectory: options.contentURL, templatesDirectory: buildOptions.templatesDirectory, format: format).print(diagnostics)
        if BuildReport.fails(diagnostics, strict: options.strict) {
            printError("check failed: \(summary(diagnostics))")
            throw ExitCode(1)
        }
        printError(diagnostics.isEmpty ? "no problems found" : "check passed with \(summary(diagnostics))")
    }
}

extension DiagnosticFormatter.Format: ExpressibleByArgument {}
