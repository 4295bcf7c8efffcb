import ArgumentParser
import Foundation
import RemitCore

struct Check: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Validate the content and list every problem; writes nothing.")

    @OptionGroup var options: ContentOptions

    @Option(help: "Output format: text, github (Actions annotations) or json.")
    var format: DiagnosticFormatter.Format = .text

    func validate() throws { try options.validateFolder() }

    func run() async throws {
        let buildOptions = BuildOptions(
            contentDirectory: options.contentURL, outputDirectory: URL(fileURLWithPath: "/dev/null"),
            strict: options.strict, today: try options.resolvedToday())
        let (_, _, _, diagnostics) = await Pipeline.check(buildOptions)
        DiagnosticPrinter(contentDirectory: options.contentURL, format: format).print(diagnostics)
        if BuildReport.fails(diagnostics, strict: options.strict) {
            printError("check failed: \(summary(diagnostics))")
            throw ExitCode(1)
        }
        printError(diagnostics.isEmpty ? "no problems found" : "check passed with \(summary(diagnostics))")
    }
}

extension DiagnosticFormatter.Format: ExpressibleByArgument {}
