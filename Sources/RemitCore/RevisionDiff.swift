import Foundation

/// What `remit diff` compares: two revisions of the content folder (HEAD
/// defaults to the working tree), each read, checked and rendered by the
/// pipeline `remit build` runs.
public struct DiffOptions: Sendable {
    public var contentDirectory: URL
    public var templatesDirectory: URL?
    /// A git revision: `main`, `origin/main`, a commit id.
    public var base: String
    /// A git revision, or nil for the working tree as it is.
    public var head: String?
    public var today: LocalDate
    /// The git executable (tests count invocations through a wrapper).
    public var git = "git"

    public init(contentDirectory: URL, templatesDirectory: URL? = nil, base: String, head: String? = nil, today: LocalDate) {
        self.contentDirectory = contentDirectory
        self.templatesDirectory = templatesDirectory
        self.base = base
        self.head = head
        self.today = today
    }
}

/// One side of a comparison: where it came from and what loading it found wrong.
public struct DiffSide: Sendable {
    /// As given (`main`); nil for the working tree.
    public var revision: String?
    public var commit: String?
    /// The errors that stop this side being compared (its warnings are `remit check`'s business).
    public var errors: [Diagnostic]
    /// The files it was read from: the lines under its diagnostics.
    let folder: ContentFolder

    /// "main (1a2b3c4d5e6f)" or "the working tree".
    public var label: String {
        guard let revision else { return "the working tree" }
        return "\(revision) (\(commit.map { String($0.prefix(12)) } ?? "?"))"
    }

    /// A line of one of this side's files, by the path diagnostics give.
    public func sourceLine(_ path: String, _ number: Int) -> String? {
        let file = (folder.markdown + folder.yaml).first { $0.displayPath == path }
        guard let lines = file?.text.split(separator: "\n", omittingEmptySubsequences: false), lines.indices.contains(number - 1) else { return nil }
        return String(lines[number - 1])
    }
}

/// The comparison: the two sides, the changes between their catalogues, the
/// warnings for reviewers, and the pages whose output differs.
public struct RevisionDiff: Sendable {
    public var base: DiffSide
    public var head: DiffSide
    /// Empty when a side has errors: a catalogue with errors has holes.
    public var changes: [Change] = []
    public var functionTitles: [String: String] = [:]
    /// Sorted by file and line.
    public var warnings: [Diagnostic] = []
    /// Output paths whose contents differ (`hr/index.html`, `catalogue.json`), sorted.
    public var filesChanged: [String] = []
    /// HEAD's `base_url`.
    public var baseURL: BaseURL = BaseURL("/")!

    /// Both sides loaded without errors, so the changes are all there is.
    public var compared: Bool { base.errors.isEmpty && head.errors.isEmpty }

    /// The addresses of the changed files under the site's path, pages first
    /// (`hr/` for `hr/index.html`), then feeds, data and attachments. The search
    /// index is left out: it changes with any text.
    public var pagesAffected: [String] {
        let files = filesChanged.filter { !$0.hasPrefix("search/") }
        let pages = files.filter { $0 == "index.html" || $0.hasSuffix("/index.html") }.map { String($0.dropLast("index.html".count)) }.sorted()
        return pages + files.filter { !($0 == "index.html" || $0.hasSuffix("/index.html")) }
    }

    /// Reads, checks and renders both sides; a revision git does not know is a
    /// failure (a usage error), a side with errors is reported as such.
    public static func compare(_ options: DiffOptions) async -> Result<RevisionDiff, GitRevision.Failure> {
        let base: GitRevision
        switch GitRevision.resolve(options.base, contentDirectory: options.contentDirectory, git: options.git) {
        case .success(let revision): base = revision
        case .failure(let failure): return .failure(failure)
        }
        var head: GitRevision?
        if let name = options.head {
            switch GitRevision.resolve(name, contentDirectory: options.contentDirectory, git: options.git) {
            case .success(let revision): head = revision
            case .failure(let failure): return .failure(failure)
            }
        }
        let build = BuildOptions(
            contentDirectory: options.contentDirectory, templatesDirectory: options.templatesDirectory,
            outputDirectory: URL(fileURLWithPath: "/dev/null"), today: options.today)
        // One cache for both sides: HEAD parses again only what differs from BASE.
        var cache = BuildCache()
        let old: Loaded
        switch await load(base, build, cache: &cache) {
        case .success(let loaded): old = loaded
        case .failure(let failure): return .failure(failure)
        }
        let new: Loaded
        switch await load(head, build, cache: &cache) {
        case .success(let loaded): new = loaded
        case .failure(let failure): return .failure(failure)
        }
        var diff = RevisionDiff(base: old.side, head: new.side)
        diff.baseURL = new.checked.catalogue.config.baseURL
        guard diff.compared else { return .success(diff) }

        let catalogueDiff = CatalogueDiff(old: old.checked.catalogue, new: new.checked.catalogue)
        diff.changes = catalogueDiff.changes
        diff.functionTitles = catalogueDiff.functionTitles
        diff.warnings = ReviewWarnings.check(catalogueDiff.changes, old: old.checked.catalogue, new: new.checked.catalogue, today: options.today)
        // BASE is rendered whole; HEAD only where a page's view differs from BASE's.
        let before = await SiteFingerprint(render(old.checked, build))
        let after = await SiteFingerprint(render(new.checked, build, previous: before.views), unchangedFrom: before)
        diff.filesChanged = after.changed(comparedTo: before)
        return .success(diff)
    }

    private struct Loaded {
        var side: DiffSide
        var checked: CheckedSite
    }

    /// A revision from git's objects, or (nil) the working tree from disk, through `Pipeline.check`.
    private static func load(_ revision: GitRevision?, _ options: BuildOptions, cache: inout BuildCache) async -> Result<Loaded, GitRevision.Failure> {
        var diagnostics: [Diagnostic] = []
        let folder: ContentFolder
        if let revision {
            switch revision.contentFolder(options.contentDirectory, into: &diagnostics) {
            case .success(let read): folder = read
            case .failure(let failure): return .failure(failure)
            }
        } else {
            folder = ContentFolder.load(options.contentDirectory, into: &diagnostics)
        }
        let checked = await Pipeline.check(folder, options, loading: diagnostics, cache: &cache)
        let side = DiffSide(
            revision: revision?.name, commit: revision?.commit, errors: checked.diagnostics.filter { $0.severity == .error }, folder: folder)
        return .success(Loaded(side: side, checked: checked))
    }

    /// Every file of the site in memory, as `remit build` would write it (no
    /// "Last updated" dates: they would differ between any two revisions);
    /// with `previous` views, a page whose view is the same is left `.unchanged`.
    private static func render(_ checked: CheckedSite, _ options: BuildOptions, previous: [String: Int]? = nil) async -> [OutputFile] {
        let factory = ViewFactory(catalogue: checked.catalogue, siteMap: checked.siteMap, bodies: checked.bodies, today: options.today)
        var diagnostics: [Diagnostic] = []
        return await SiteRenderer.render(factory, theme: checked.theme, previous: previous, into: &diagnostics).files
    }
}
