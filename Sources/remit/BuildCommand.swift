import ArgumentParser
import Foundation
import RemitCore

struct Build: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Validate the content, then render the whole site.")

    @OptionGroup var options: ContentOptions

    @OptionGroup var site: SiteOptions

    @Flag(help: "Write relative links that name index.html, so the site works opened from disk (file://).")
    var offline = false

    func validate() throws {
        try options.validateFolder()
        try site.validate()
    }

    func run() async throws {
        let started = Date()
        let buildOptions = try site.buildOptions(options, offline: offline)
        Interruptions.cleanUpStagingOnSignals()
        let report = await Pipeline.build(buildOptions)
        DiagnosticPrinter(contentDirectory: options.contentURL, templatesDirectory: buildOptions.templatesDirectory).print(report.diagnostics)
        for note in report.notes { printError("note: \(note)") }
        if let failure = report.environmentError {
            printError("error: \(failure)")
            throw ExitCode(2)
        }
        guard report.wroteSite else {
            printError("build failed: \(summary(report.diagnostics)); \(site.output)/ was left as it was")
            throw ExitCode(1)
        }
        let seconds = String(format: "%.2f", Date().timeIntervalSince(started))
        print("built \(report.pagesWritten) pages (\(report.filesWritten) files) into \(site.output)/ in \(seconds) s; search index \(report.searchIndexBytes / 1024) KiB")
    }
}

func summary(_ diagnostics: [Diagnostic]) -> String {
    let errors = diagnostics.filter { $0.severity == .error }.count
    let warnings = diagnostics.count - errors
    return "\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")"
}

func printError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}
