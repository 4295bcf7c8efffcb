import Foundation
import RemitCore

/// Prints diagnostics to standard error (JSON and annotations to standard
/// output), reading source lines from the files for the caret excerpt.
struct DiagnosticPrinter {
    let contentDirectory: URL
    var templatesDirectory: URL? = nil
    var format: DiagnosticFormatter.Format = .text

    func print(_ diagnostics: [Diagnostic]) {
        let environment = ProcessInfo.processInfo.environment
        let colour = format == .text && isatty(STDERR_FILENO) == 1 && environment["NO_COLOR"] == nil && environment["TERM"] != "dumb"
        let lines = SourceLineReader(contentDirectory: contentDirectory, templatesDirectory: templatesDirectory)
        let output = DiagnosticFormatter(format: format, colour: colour).format(diagnostics, sourceLine: lines.line)
        let handle = format == .text ? FileHandle.standardError : FileHandle.standardOutput
        handle.write(Data(output.utf8))
    }
}
