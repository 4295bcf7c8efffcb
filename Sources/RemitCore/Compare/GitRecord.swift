import Foundation

/// What a build takes from git: when each content file last changed, and the
/// previous versions of every rule's and service's page. Nothing without a
/// full history: a shallow clone says so once, in the build's notes.
public struct GitRecord: Sendable {
    public var history: GitHistory
    public var versions: PageVersions
    /// The day the versions were chosen for (those of the two years before it).
    var today: LocalDate

    public static func none(_ today: LocalDate) -> GitRecord { GitRecord(history: .unavailable, versions: .none, today: today) }

    /// One `git log`, then one `git cat-file --batch` for the old files, from
    /// the content folder alone, so a build runs it while it checks the
    /// content. The git part waits on pipes, so it runs on a thread of its
    /// own, never one of the tasks' few threads: git reads objects while
    /// cmark-gfm holds a core. When the log names the same commits as the
    /// record `reusing` was made from (a rebuild in `remit serve` after an
    /// edit that is not committed yet), its versions are kept and the second
    /// process is not run.
    public static func load(_ contentDirectory: URL, today: LocalDate, git: String = "git", reusing previous: GitRecord? = nil) async -> GitRecord {
        let read = await withCheckedContinuation { (continuation: CheckedContinuation<Read, Never>) in
            Thread {
                let history = GitHistory.load(contentDirectory, git: git)
                if let previous, previous.today == today, previous.history.status == history.status, previous.history.versions == history.versions {
                    continuation.resume(returning: Read(history: history, plans: [], blobs: nil, kept: previous.versions))
                    return
                }
                let plans = PageVersions.plans(history, today: today)
                let blobs = plans.isEmpty ? [:] : GitCommand(git: git, directory: contentDirectory).objects(PageVersions.wanted(plans))
                continuation.resume(returning: Read(history: history, plans: plans, blobs: blobs, kept: nil))
            }.start()
        }
        if let kept = read.kept { return GitRecord(history: read.history, versions: kept, today: today) }
        guard let blobs = read.blobs else { return GitRecord(history: read.history, versions: .none, today: today) }
        return GitRecord(history: read.history, versions: await PageVersions.compare(read.plans, blobs: blobs), today: today)
    }

    /// What the git thread hands back.
    private struct Read: Sendable {
        var history: GitHistory
        var plans: [PageVersions.Plan]
        var blobs: [String: Data]?
        /// The versions of the last record, still true.
        var kept: PageVersions?
    }
}
