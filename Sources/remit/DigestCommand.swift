import ArgumentParser
import Foundation
import RemitCore

struct DigestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "digest",
        abstract: "Write a message for the staff bulletin: the weeks ahead's rule changes, consultations and deadlines, and what was announced since --from.")

    @OptionGroup var options: ContentOptions

    @Option(help: "Look back from this date (YYYY-MM-DD) for changes announced since the last bulletin. Default: a week before today.")
    var from: String?

    @Option(help: "How many weeks ahead, counting this week as the first.")
    var weeks: Int = Digest.defaultWeeks

    @Option(help: "Output format: markdown, html (one self-contained file for an email client) or text.")
    var format: DigestFormat = .markdown

    @Option(name: .customLong("base-url"), help: "Where the site is served, overriding base_url: the digest's links point there.")
    var baseURL: String?

    func validate() throws {
        try options.validateFolder()
        guard (1...52).contains(weeks) else { throw ValidationError("--weeks must be between 1 and 52, found \(weeks)") }
        if let from, LocalDate(iso: from) == nil { throw ValidationError("--from must be a date YYYY-MM-DD, found '\(from)'") }
        if let baseURL, case .failure(let refusal) = BaseURL.parse(baseURL) {
            throw ValidationError(Diagnostic.printable("--base-url \(refusal.reason)"))
        }
    }

    func run() async throws {
        let today = try options.resolvedToday()
        let start = from.flatMap { LocalDate(iso: $0) }
        if let start, start > today { throw ValidationError("--from \(start) is after today (\(today))") }
        let buildOptions = BuildOptions(
            contentDirectory: options.contentURL, outputDirectory: URL(fileURLWithPath: "/dev/null"),
            baseURL: baseURL, strict: options.strict, today: today)
        let checked = await Pipeline.check(buildOptions)
        if BuildReport.fails(checked.diagnostics, strict: options.strict) {
            DiagnosticPrinter(contentDirectory: options.contentURL, templatesDirectory: nil, format: .text).print(checked.diagnostics)
            printError("digest failed: \(summary(checked.diagnostics))")
            throw ExitCode(1)
        }
        if checked.catalogue.config.baseURL.origin == nil {
            printError("note: base_url has no host, so the digest's links have none either; set base_url to the site's full URL (https://intranet.example.org/…) or pass --base-url")
        }
        let digest = Digest(checked.catalogue, today: today, from: start, weeks: weeks)
        FileHandle.standardOutput.write(Data(digest.render(format, catalogue: checked.catalogue).utf8))
    }
}

extension DigestFormat: ExpressibleByArgument {}
