import Foundation

/// Reads lines of content files for the excerpt under a diagnostic, each file once.
///
/// Only files that really are inside the content or templates folder are
/// read: a symbolic link pointing out (to `/proc/self/environ`, say) is named
/// by its diagnostic, but its target's bytes never reach a log.
public final class SourceLineReader {
    private let root: URL
    private let allowedFolders: [String]
    private var cache: [String: [Substring]] = [:]

    /// Larger files are not read for an excerpt.
    static let maxFileBytes = 16 << 20

    /// Diagnostic paths are relative to the content folder's parent.
    public init(contentDirectory: URL, templatesDirectory: URL? = nil) {
        root = contentDirectory.deletingLastPathComponent()
        allowedFolders = ([contentDirectory] + (templatesDirectory.map { [$0] } ?? [])).map {
            $0.standardizedFileURL.resolvingSymlinksInPath().path + "/"
        }
    }

    public func line(_ path: String, _ number: Int) -> String? {
        if cache[path] == nil {
            cache[path] = readable(root.appendingPathComponent(path))
                .flatMap { try? String(contentsOf: $0, encoding: .utf8) }?
                .split(separator: "\n", omittingEmptySubsequences: false) ?? []
        }
        let lines = cache[path] ?? []
        return lines.indices.contains(number - 1) ? String(lines[number - 1]) : nil
    }

    /// The file's real location, if it is a regular file inside an allowed folder.
    private func readable(_ url: URL) -> URL? {
        let real = url.standardizedFileURL.resolvingSymlinksInPath()
        guard allowedFolders.contains(where: { real.path.hasPrefix($0) }),
            let values = try? real.resourceValues(forKeys: [.isRegularFileKey, .fileSizeKey]),
            values.isRegularFile == true, (values.fileSize ?? 0) <= Self.maxFileBytes
        else { return nil }
        return real
    }
}
