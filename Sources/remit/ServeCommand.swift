import ArgumentParser
import Foundation
import RemitCore
import RemitServer

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build, serve the site on 127.0.0.1, and rebuild and reload the browser when content or templates change.")

    @OptionGroup var options: ContentOptions

    @OptionGroup var site: SiteOptions

    @Option(help: "Port on 127.0.0.1 (0 picks a free one).")
    var port: Int = 4000

    @Option(name: .customLong("allow-host"), help: "A host name besides localhost that may reach the preview, e.g. from a proxy (repeatable).")
    var allowedHosts: [String] = []

    @Option(name: .customLong("idle-timeout"), help: "Seconds before an idle connection, or one whose request headers never finish, is closed.")
    var idleTimeout: Int = 30

    func validate() throws {
        try options.validateFolder()
        try site.validate()
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
        guard idleTimeout > 0 else { throw ValidationError("--idle-timeout must be a positive number of seconds") }
    }

    /// What a rebuild did and why: "built 10,004 pages in 0.08 s: 3 pages rendered, 3 files changed, after content/hr/services/payroll.md changed",
    /// and "(its body only)" when nothing but bodies changed (`BodyEdit`), or
    /// "(12 pages show it)" when only the pages showing it were looked at (`FrontMatterEdit`).
    static func rebuildLine(_ report: BuildReport, _ cache: BuildCache, seconds: Double) -> String {
        var line = "built \(report.pagesWritten) pages in \(String(format: "%.2f", seconds)) s: \(cache.pagesRendered) pages rendered, \(cache.bodiesRendered) bodies parsed, \(cache.filesChanged) files changed"
        if !cache.sourcesChanged.isEmpty {
            let shown = cache.sourcesChanged.prefix(3).joined(separator: ", ")
            line += ", after \(shown)\(cache.sourcesChanged.count > 3 ? " and \(cache.sourcesChanged.count - 3) more" : "") changed"
            if cache.rebuiltBodiesOnly { line += cache.sourcesChanged.count == 1 ? " (its body only)" : " (their bodies only)" }
            if let reached = cache.pagesReached { line += " (\(reached) pages show \(cache.sourcesChanged.count == 1 ? "it" : "them"))" }
        }
        return line
    }

    func run() async throws {
        let buildOptions = try site.buildOptions(options)
        // Refused before serving: the watcher must never see its own output,
        // and the output rules are the same as `remit build`'s.
        if case .failure(let refusal) = OutputFolder.resolve(
            output: buildOptions.outputDirectory, content: buildOptions.contentDirectory,
            templates: buildOptions.templatesDirectory, force: buildOptions.force)
        {
            printError("error: \(refusal)")
            throw ExitCode(2)
        }
        let printer = DiagnosticPrinter(contentDirectory: options.contentURL, templatesDirectory: buildOptions.templatesDirectory)
        let warnings = WarningsShown()
        var server = PreviewServer(
            options: buildOptions, port: port,
            log: { report, cache, duration in
                let selection = warnings.select(report.diagnostics)
                printer.print(selection.shown)
                if selection.repeated > 0 {
                    printError("(\(selection.repeated) warning\(selection.repeated == 1 ? "" : "s") as before, not repeated)")
                }
                for note in report.notes { printError("note: \(note)") }
                let seconds = Double(duration.components.attoseconds) / 1e18 + Double(duration.components.seconds)
                if let failure = report.environmentError {
                    printError("error: \(failure); still serving the last good site")
                } else if report.wroteSite {
                    FileHandle.standardOutput.write(Data((Self.rebuildLine(report, cache, seconds: seconds) + "\n").utf8))
                } else {
                    printError("build failed: \(summary(report.diagnostics)); still serving the last good site")
                }
            },
            onListening: { port, basePath in
                FileHandle.standardOutput.write(Data("serving on http://127.0.0.1:\(port)\(basePath) (Ctrl-C stops)\n".utf8))
            })
        server.allowedHosts = allowedHosts
        server.idleTimeout = .seconds(idleTimeout)
        // Without --today or SOURCE_DATE_EPOCH, each rebuild judges against the current date.
        if options.today == nil, ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"] == nil {
            server.today = { (try? Today.resolve(option: nil, environment: [:], now: Date())) ?? buildOptions.today }
        }
        do {
            try await server.run()
        } catch {
            printError("error: cannot serve on 127.0.0.1:\(port): \(PreviewServer.describe(error))")
            throw ExitCode(2)
        }
    }
}
