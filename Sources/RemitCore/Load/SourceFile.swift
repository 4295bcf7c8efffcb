import Foundation

/// One text file of the content folder, read once, with line endings normalised.
public struct SourceFile: Sendable, Hashable {
    /// Path relative to the content folder, with `/` separators: `hr/rules/x.md`.
    public var relativePath: String
    /// Path as diagnostics show it: relative to the content folder's parent.
    public var displayPath: String
    public var text: String

    public init(relativePath: String, displayPath: String, text: String) {
        self.relativePath = relativePath
        self.displayPath = displayPath
        self.text = text
    }

    public func location(line: Int, column: Int) -> SourceLocation {
        SourceLocation(path: displayPath, line: line, column: column)
    }

    public var start: SourceLocation { location(line: 1, column: 1) }
}

extension Dictionary where Key == String {
    /// A memo by relative path let go of the files no longer among `files`.
    /// Every file of `files` has its entry by now, so only a memo with more
    /// entries than files holds any that are gone.
    /// - Returns: the relative paths of those files.
    @discardableResult
    mutating func removeFilesGone(_ files: [SourceFile]) -> [String] {
        guard count != files.count else { return [] }
        let paths = Set(files.map(\.relativePath))
        let gone = keys.filter { !paths.contains($0) }
        for path in gone { self[path] = nil }
        return gone
    }
}

/// A non-Markdown, non-YAML file under `content/`, copied to the same path in the site.
public struct Attachment: Sendable, Hashable {
    /// Where a file's bytes are: on disk (read only when the site is written),
    /// or already in memory (a revision read from git).
    public enum Bytes: Sendable, Hashable {
        case file(URL)
        case data(Data)
    }

    public var relativePath: String
    public var bytes: Bytes

    public init(relativePath: String, bytes: Bytes) {
        self.relativePath = relativePath
        self.bytes = bytes
    }
}
