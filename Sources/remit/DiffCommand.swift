import ArgumentParser
import Foundation
import RemitCore

struct Diff: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show what changes for clients between two git revisions of the content.",
        discussion: "Exit status: 0 whether or not anything changed (1 with --strict and warnings, or when a side has errors); 2 for an unknown revision.")

    @Argument(help: "The revision to compare from: a branch, tag or commit (e.g. origin/main).")
    var base: String

    @Argument(help: "The revision to compare to. Default: the working tree.")
    var head: String?

    @OptionGroup var options: ContentOptions

    @Option(help: "Folder of templates overriding the built-in theme, used for both sides.")
    var templates: String = "templates"

    @Option(help: "Output format: markdown (a pull-request comment), json, or text.")
    var format: DiffFormat = .text

    @Option(name: .customLong("base-url"), help: "Where links to affected pages point, e.g. a preview deployment. Default: base_url.")
    var baseURL: String?

    enum DiffFormat: String, ExpressibleByArgument, CaseIterable {
        case markdown, json, text
    }

    func validate() throws {
        try options.validateFolder()
        if let baseURL, case .failure(let refusal) = BaseURL.parse(baseURL) {
            throw ValidationError(Diagnostic.printable("--base-url \(refusal.reason)"))
        }
    }

    func run() async throws {
        let diffOptions = DiffOptions(
            contentDirectory: options.contentURL, templatesDirectory: URL(fileURLWithPath: templates, isDirectory: true),
            base: base, head: head, today: try options.resolvedToday())
        let diff: RevisionDiff
        switch await RevisionDiff.compare(diffOptions) {
        case .success(let compared): diff = compared
        case .failure(let failure):
            printError("error: \(Diagnostic.printable(failure.description))")
            throw ExitCode(2)
        }
        let report = DiffReport(diff, baseURL: baseURL.flatMap(BaseURL.init))
        let environment = ProcessInfo.processInfo.environment
        let output: String = switch format {
        case .markdown: report.markdown()
        case .json: report.json()
        case .text: report.text(colour: isatty(STDOUT_FILENO) == 1 && environment["NO_COLOR"] == nil && environment["TERM"] != "dumb")
        }
        FileHandle.standardOutput.write(Data(output.utf8))
        if !diff.compared || (options.strict && !diff.warnings.isEmpty) { throw ExitCode(1) }
    }
}
