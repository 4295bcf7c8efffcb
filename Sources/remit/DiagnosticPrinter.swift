import Foundation
import RemitCore

/// Prints diagnostics like a compiler: the location and message, the source
/// line, and a caret under the column.
struct DiagnosticPrinter {
    let contentDirectory: URL

    func print(_ diagnostics: [Diagnostic]) {
        var cache: [String: [Substring]] = [:]
        var output = ""
        for diagnostic in diagnostics {
            output += diagnostic.description + "\n"
            let path = diagnostic.location.path
            if cache[path] == nil {
                let url = contentDirectory.deletingLastPathComponent().appendingPathComponent(path)
                let text = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
                cache[path] = text.split(separator: "\n", omittingEmptySubsequences: false)
            }
            let lines = cache[path] ?? []
            let index = diagnostic.location.line - 1
            guard lines.indices.contains(index), !lines[index].isEmpty else { continue }
            let line = lines[index]
            output += "    " + line + "\n"
            let prefix = String(decoding: Array(line.utf8.prefix(max(0, diagnostic.location.column - 1))), as: UTF8.self)
            let indent = prefix.map { $0 == "\t" ? "\t" : " " }.joined()
            output += "    " + indent + "^\n"
        }
        FileHandle.standardError.write(Data(output.utf8))
    }
}
