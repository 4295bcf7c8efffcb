import Foundation

/// Reads lines of content files for the excerpt under a diagnostic, each file once.
public final class SourceLineReader {
    private let root: URL
    private var cache: [String: [Substring]] = [:]

    /// Diagnostic paths are relative to the content folder's parent.
    public init(contentDirectory: URL) {
        root = contentDirectory.deletingLastPathComponent()
    }

    public func line(_ path: String, _ number: Int) -> String? {
        if cache[path] == nil {
            let text = (try? String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)) ?? ""
            cache[path] = text.split(separator: "\n", omittingEmptySubsequences: false)
        }
        let lines = cache[path] ?? []
        return lines.indices.contains(number - 1) ? String(lines[number - 1]) : nil
    }
}
