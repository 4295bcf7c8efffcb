import Foundation

/// When each content file was changed, from one `git log` over the whole
/// content folder (never one process per file: that would dominate the
/// build): its last commit's date ("Last updated"), and its recent commits
/// with the object each left the file as, for "Previous versions".
public struct GitHistory: Sendable, Equatable {
    public enum Status: Sendable, Equatable {
        case available
        /// History cut short by `git clone --depth`: dates would be wrong, so none are given.
        case shallow
        /// Not in a git work tree, or git is not installed.
        case unavailable
    }

    /// A commit that changed a file.
    public struct FileVersion: Sendable, Hashable {
        /// The committer date.
        public var date: LocalDate
        /// The commit's id.
        public var commit: String
        /// The blob the commit left the file as.
        public var blob: String
    }

    public var status: Status
    /// Last commit date by path relative to the content folder (`hr/index.md`).
    public var lastUpdated: [String: LocalDate]
    /// By path: the commits that changed the file since it was last created,
    /// newest first, at most `versionsKept` of them.
    public var versions: [String: [FileVersion]] = [:]

    /// Enough for the ten versions a page shows and the one before them.
    public static let versionsKept = 11

    public static let unavailable = GitHistory(status: .unavailable, lastUpdated: [:])

    /// Said once per build when the history is shallow.
    public static let shallowNote =
        "the content folder is in a shallow git clone, so pages show no \"Last updated\" date and no previous versions; fetch the full history with `git fetch --unshallow` (in CI: a checkout with fetch-depth: 0)"

    /// `git` may name another executable (tests count invocations through a wrapper).
    public static func load(_ contentDirectory: URL, git: String = "git") -> GitHistory {
        // %x1e starts each commit; %cs is the committer date, %H the commit; %D
        // names "grafted" at a shallow boundary. --raw gives each file's blob.
        let arguments = [
            "log", "--relative", "--raw", "--no-abbrev", "--no-renames", "-z", "--format=%x1e%cs%x1f%H%x1f%D", "--", ".",
        ]
        guard let output = GitCommand(git: git, directory: contentDirectory).run(arguments), output.succeeded else {
            return .unavailable
        }
        return parse(output.standardOutput)
    }

    /// Commits come newest first, so a path's first appearance is its last
    /// change. Each commit is a header, then for each file a raw record
    /// (`:100644 100644 <old> <new> M`) and its path, all NUL-separated.
    static func parse(_ log: Data) -> GitHistory {
        var dates: [String: LocalDate] = [:]
        var versions: [String: [FileVersion]] = [:]
        /// Paths whose history ended (deleted before being created again), so older commits are another file's.
        var ended: Set<String> = []
        var shallow = false
        var date: LocalDate?
        var commit = ""
        var raw: Substring?
        for field in log.split(separator: 0, omittingEmptySubsequences: true) {
            var bytes = field[...]
            // Records after the first of a commit start with the newline git puts after each.
            while bytes.first == 0x0A { bytes = bytes.dropFirst() }
            guard let first = bytes.first else { continue }
            let text = String(decoding: bytes, as: UTF8.self)
            if let record = raw {
                // The path after its raw record, whatever it starts with.
                raw = nil
                guard let date else { continue }
                if dates[text] == nil { dates[text] = date }
                // `:<mode> <mode> <old> <new> <status>`
                let parts = record.split(separator: " ")
                guard !ended.contains(text), parts.count == 5 else { continue }
                if parts[4].hasPrefix("D") {
                    ended.insert(text)
                    continue
                }
                if parts[4].hasPrefix("A") { ended.insert(text) }
                if versions[text, default: []].count < versionsKept {
                    versions[text, default: []].append(FileVersion(date: date, commit: commit, blob: String(parts[3])))
                }
            } else if first == 0x1E {
                let parts = text.dropFirst().split(separator: "\u{1f}", omittingEmptySubsequences: false)
                date = LocalDate(iso: String(parts[0]))
                commit = parts.count > 1 ? String(parts[1]) : ""
                if parts.count > 2, parts[2].split(separator: ",").contains(where: { $0.trimmingCharacters(in: .whitespaces) == "grafted" }) {
                    shallow = true
                }
            } else if first == 0x3A {
                raw = text[...]
            }
        }
        if shallow { return GitHistory(status: .shallow, lastUpdated: [:]) }
        return GitHistory(status: dates.isEmpty ? .unavailable : .available, lastUpdated: dates, versions: versions)
    }
}
