import Foundation

/// When each content file was last changed, from one `git log` over the whole
/// content folder (never one process per file: that would dominate the build).
public struct GitHistory: Sendable {
    public enum Status: Sendable, Equatable {
        case available
        /// History cut short by `git clone --depth`: dates would be wrong, so none are given.
        case shallow
        /// Not in a git work tree, or git is not installed.
        case unavailable
    }

    public var status: Status
    /// Last commit date by path relative to the content folder (`hr/index.md`).
    public var lastUpdated: [String: LocalDate]

    public static let unavailable = GitHistory(status: .unavailable, lastUpdated: [:])

    /// Said once per build when the history is shallow.
    public static let shallowNote =
        "the content folder is in a shallow git clone, so pages show no \"Last updated\" date; fetch the full history with `git fetch --unshallow` (in CI: a checkout with fetch-depth: 0)"

    /// `git` may name another executable (tests count invocations through a wrapper).
    public static func load(_ contentDirectory: URL, git: String = "git") -> GitHistory {
        // %x1e starts each commit; %cs is the committer date; %D names "grafted" at a shallow boundary.
        let arguments = ["log", "--relative", "--name-only", "--no-renames", "-z", "--format=%x1e%cs%x1f%D", "--", "."]
        guard let output = GitCommand(git: git, directory: contentDirectory).run(arguments), output.succeeded else {
            return .unavailable
        }
        return parse(output.text)
    }

    /// Commits come newest first, so a path's first appearance is its last change.
    static func parse(_ log: String) -> GitHistory {
        var dates: [String: LocalDate] = [:]
        var shallow = false
        for commit in log.split(separator: "\u{1e}") {
            let lines = commit.split(whereSeparator: { $0 == "\0" || $0 == "\n" })
            guard let header = lines.first else { continue }
            let fields = header.split(separator: "\u{1f}", omittingEmptySubsequences: false)
            if fields.count > 1, fields[1].split(separator: ",").contains(where: { $0.trimmingCharacters(in: .whitespaces) == "grafted" }) {
                shallow = true
            }
            guard let date = LocalDate(iso: String(fields[0])) else { continue }
            for path in lines.dropFirst() where dates[String(path)] == nil {
                dates[String(path)] = date
            }
        }
        if shallow { return GitHistory(status: .shallow, lastUpdated: [:]) }
        return GitHistory(status: dates.isEmpty ? .unavailable : .available, lastUpdated: dates)
    }
}
