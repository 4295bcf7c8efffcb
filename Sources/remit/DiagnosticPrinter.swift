import Foundation
import RemitCore

/// Prints diagnostics to standard error (JSON and annotations to standard
/// output), reading source lines from the files for the caret excerpt.
struct DiagnosticPrinter {
    let contentDirectory: URL
    var format: DiagnosticFormatter.Format = .text

    func print(_ diagnostics: [Diagnostic]) {
        let environment = ProcessInfo.processInfo.environment
        let colour = format == .text && isatty(STDERR_FILENO) == 1 && environment["NO_COLOR"] == nil && environment["TERM"] != "dumb"
        var cache: [String: [Substring]] = [:]
        let root = contentDirectory.deletingLastPathComponent()
        let output = DiagnosticFormatter(format: format, colour: colour).format(diagnostics) { path, line in
            if cache[path] == nil {
                let text = (try? String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)) ?? ""
                cache[path] = text.split(separator: "\n", omittingEmptySubsequences: false)
            }
            let lines = cache[path] ?? []
            return lines.indices.contains(line - 1) ? String(lines[line - 1]) : nil
        }
        let handle = format == .text ? FileHandle.standardError : FileHandle.standardOutput
        handle.write(Data(output.utf8))
    }
}
