import Foundation

/// What a build or check needs to know. "Today" is passed in, never read from
/// the clock inside the pipeline, so builds are reproducible.
public struct BuildOptions: Sendable {
    public var contentDirectory: URL
    public var templatesDirectory: URL?
    public var outputDirectory: URL
    /// Replaces `base_url` from catalogue.yml (e.g. for a staging server).
    public var baseURL: String?
    public var strict: Bool
    public var today: LocalDate
    /// Relative links naming `index.html`, for a site opened from disk (`file://`).
    public var offline: Bool = false
    /// Replace a non-empty output folder that Remit did not write.
    public var force: Bool = false
    /// The git executable (tests count its invocations through a wrapper).
    public var git = "git"

    public init(contentDirectory: URL, templatesDirectory: URL? = nil, outputDirectory: URL, baseURL: String? = nil, strict: Bool = false, today: LocalDate, offline: Bool = false, force: Bool = false) {
        self.offline = offline
        self.force = force
        self.contentDirectory = contentDirectory
        self.templatesDirectory = templatesDirectory
        self.outputDirectory = outputDirectory
        self.baseURL = baseURL
        self.strict = strict
        self.today = today
    }
}

public struct BuildReport: Sendable {
    /// Sorted by file, line and column.
    public var diagnostics: [Diagnostic]
    public var pagesWritten: Int
    public var filesWritten: Int
    /// Size of the whole search index (`search/*.js`); a reader downloads only part of it.
    public var searchIndexBytes: Int = 0
    public var wroteSite: Bool
    /// `base_url`'s path (`/services/`), once the catalogue settings were read.
    public var basePath: String?
    /// Said once, not a problem with the content (e.g. a shallow git clone).
    public var notes: [String] = []
    /// Why the build could not write, when the cause is not the content: the
    /// output folder refused, a full disk, a read-only folder (exit code 2).
    public var environmentError: String?

    /// Errors, or warnings under `--strict`, stop the build.
    public static func fails(_ diagnostics: [Diagnostic], strict: Bool) -> Bool {
        diagnostics.hasErrors || (strict && !diagnostics.isEmpty)
    }
}

/// What `remit check` establishes and `remit build` renders from: the typed
/// catalogue, its pages' addresses, every body rendered, the theme loaded and
/// checked, and every problem found on the way.
public struct CheckedSite: Sendable {
    public var catalogue: Catalogue
    public var siteMap: SiteMap
    public var bodies: [String: RenderedBody]
    public var theme: Theme
    /// Sorted by file, line and column.
    public var diagnostics: [Diagnostic]
    /// The same diagnostics in two parts: each page's own checks, by source
    /// path (`PageChecks`), and the rest. A body edit replaces one page's part.
    var pageFindings: [String: [Diagnostic]]
    var otherFindings: [Diagnostic]
    /// The content folder's files (`ContentFolder.paths`).
    var contentPaths: Set<String>?
    /// The views' factory the output paths were checked with, without bodies
    /// or git: a build adds those (`ViewFactory.rendering`) rather than
    /// preparing the site's calendars and indexes a second time.
    var factory: ViewFactory
    /// Every page and feed the site has, as the output paths were checked
    /// with: a build runs them (`SiteRenderer.Job`).
    var jobs: [SiteRenderer.Job]
}

extension CheckedSite {
    /// One list, each diagnostic once, in the order they are shown.
    static func merged(_ other: [Diagnostic], _ pages: [String: [Diagnostic]]) -> [Diagnostic] {
        var all = Set(other)
        for findings in pages.values { all.formUnion(findings) }
        return all.sorted()
    }
}

/// The theme as `Pipeline.check` found it.
struct CheckedTheme: Sendable {
    var theme: Theme
    var diagnostics: [Diagnostic]
    var templateFindings: TemplateCheck.Memo
    var factory: ViewFactory
    var jobs: [SiteRenderer.Job]
}

/// The pipeline: load → model → validate → render → write. `check` runs every
/// stage but writing, so it finds everything a build would reject.
public enum Pipeline {
    /// Load, model, validate, and check the theme and the output paths; nothing is written.
    public static func check(_ options: BuildOptions) async -> CheckedSite {
        var cache = BuildCache(keepsForNextBuild: false)
        return await check(options, cache: &cache)
    }

    /// - Parameter indexing: make each page's search entry with its body (a
    ///   one-off build, see `SearchIndex.BodyIndexer`); `remit check` makes none.
    static func check(_ options: BuildOptions, cache: inout BuildCache, indexing: Bool = false) async -> CheckedSite {
        var diagnostics: [Diagnostic] = []
        // In `remit serve`, only the files the watcher saw change are read again.
        let folder = cache.folder?.rereading(cache.unread, given: options.contentDirectory)
            ?? ContentFolder.load(options.contentDirectory, into: &diagnostics)
        cache.folder = diagnostics.isEmpty ? folder : nil
        cache.unread = []
        return await check(folder, options, loading: diagnostics, cache: &cache, indexing: indexing)
    }

    /// The same on a content folder already read: from disk, or from a git revision (`remit diff`).
    static func check(_ folder: ContentFolder, _ options: BuildOptions, loading: [Diagnostic], cache: inout BuildCache, indexing: Bool = false) async -> CheckedSite {
        var diagnostics = loading
        let documents = await FrontMatterDocument.parseAll(folder.markdown, cache: &cache)
        var catalogue = CatalogueBuilder.build(folder, documents: documents, reusing: &cache.decoded, into: &diagnostics)
        if let override = options.baseURL {
            switch BaseURL.parse(override) {
            case .success(let base): catalogue.config.baseURL = base
            case .failure(let refusal):
                diagnostics.append(Diagnostic(.error, at: SourceLocation(path: "--base-url", line: 1, column: 1), "--base-url \(refusal.reason)"))
            }
        }
        cache.dropMemos(.catalogue)
        let siteMap = SiteMap(catalogue, into: &diagnostics)
        let resolver = LinkResolver(siteMap: siteMap, base: catalogue.config.baseURL)
        // The theme, the files the site will have and the catalogue's own
        // checks need no page body: they run while the bodies are parsed
        // (whose inline pass is serialised, see `Markdown`), not after.
        let known = catalogue
        let templateFindings = cache.templateFindings
        async let themed = Self.checkTheme(options, catalogue: known, siteMap: siteMap, templateFindings: templateFindings)
        async let catalogueFindings = Validator.catalogueFindings(known, resolver: resolver, today: options.today)
        let indexer = indexing ? SearchIndex.BodyIndexer(catalogue) : nil
        var bodies = await BodyRenderer.renderAll(siteMap, resolver: resolver, cache: &cache, indexer: indexer)
        cache.dropMemos(.bodies)
        var stamp = Hasher()
        stamp.combine(siteMap.fingerprint(basePath: catalogue.config.baseURL.path))
        stamp.combine(catalogue.config.terminology)
        let pages = Validator.pageFindings(catalogue, bodies: bodies, stamp: stamp.finalize(), memo: &cache.pageFindings)
        let findings = Validator.Findings(catalogue: await catalogueFindings, pages: pages)
        diagnostics += findings.catalogue
        cache.dropMemos(.pageFindings)
        if !cache.keepsForNextBuild { bodies = bodies.mapValues(\.linksChecked) }
        let checkedTheme = await themed
        cache.templateFindings = checkedTheme.templateFindings
        diagnostics += checkedTheme.diagnostics
        return CheckedSite(
            catalogue: catalogue, siteMap: siteMap, bodies: bodies, theme: checkedTheme.theme,
            diagnostics: CheckedSite.merged(diagnostics, findings.pages), pageFindings: findings.pages, otherFindings: diagnostics,
            contentPaths: folder.paths, factory: checkedTheme.factory, jobs: checkedTheme.jobs)
    }

    /// The theme loaded, its templates checked against the views, and the
    /// planned output paths checked (two files on one path, a file where the
    /// build writes its own).
    /// - Parameter templateFindings: the last build's, kept while the templates are the same.
    static func checkTheme(_ options: BuildOptions, catalogue: Catalogue, siteMap: SiteMap, templateFindings: TemplateCheck.Memo? = nil) async -> CheckedTheme {
        var diagnostics: [Diagnostic] = []
        let theme = Theme.load(overrides: options.templatesDirectory, into: &diagnostics)
        let templates = TemplateCheck.check(theme, reusing: templateFindings)
        diagnostics += templates.diagnostics
        // Which files a site has depends on its pages, not on their bodies.
        let factory = ViewFactory(catalogue: catalogue, siteMap: siteMap, bodies: [:], today: options.today, offline: options.offline)
        let jobs = SiteRenderer.jobs(factory, theme: theme).jobs
        OutputChecks.check(SiteRenderer.plannedFiles(jobs, factory, theme: theme, contentFolder: options.contentDirectory.standardizedFileURL.lastPathComponent), into: &diagnostics)
        return CheckedTheme(theme: theme, diagnostics: diagnostics, templateFindings: templates, factory: factory, jobs: jobs)
    }

    /// A one-off build: everything rendered, the site swapped in atomically.
    public static func build(_ options: BuildOptions) async -> BuildReport {
        var cache = BuildCache(keepsForNextBuild: false)
        let report = await build(options, cache: &cache)
        releaseInBackground(cache)
        return report
    }

    /// A build that reuses what `cache` holds from the last one, and leaves what
    /// this one did for the next (see `BuildCache`).
    /// - Parameter changed: the absolute paths changed since the last call
    ///   (`remit serve`'s watcher), nil when unknown. When they are edits to
    ///   pages' bodies alone, the build takes the short way (`BodyEdit`).
    public static func build(_ options: BuildOptions, cache: inout BuildCache, changed: [String]? = nil) async -> BuildReport {
        let output: OutputFolder
        switch OutputFolder.resolve(output: options.outputDirectory, content: options.contentDirectory, templates: options.templatesDirectory, force: options.force) {
        case .success(let folder): output = folder
        case .failure(let refusal):
            var report = BuildReport(diagnostics: [], pagesWritten: 0, filesWritten: 0, wroteSite: false)
            report.environmentError = refusal.description
            return report
        }
        cache.noteChanged(changed)
        if let report = await BodyEdit.rebuild(options, output: output, cache: &cache) { return report }
        cache.rebuiltBodiesOnly = false
        cache.pagesReached = nil
        cache.pathsReached = nil
        // Git's two processes run while the content is checked (see `GitRecord.load`).
        let lastRecord = cache.git
        let fromGit = Task { await GitRecord.load(options.contentDirectory, today: options.today, git: options.git, reusing: lastRecord) }
        var checked = await check(options, cache: &cache, indexing: !cache.keepsForNextBuild)
        var report = BuildReport(diagnostics: checked.diagnostics, pagesWritten: 0, filesWritten: 0, wroteSite: false)
        report.basePath = checked.catalogue.config.baseURL.path
        guard !BuildReport.fails(checked.diagnostics, strict: options.strict) else { return report }
        // `remit serve` keeps the text, to see what the next edit changed.
        if !cache.keepsForNextBuild { checked = checked.withoutPageText }
        let catalogue = checked.catalogue

        // Two git processes at most: one `git log`, one `git cat-file --batch`.
        let git = await fromGit.value
        cache.git = git
        if git.history.status == .shallow { report.notes.append(GitHistory.shallowNote) }
        if catalogue.config.baseURL.origin == nil {
            report.notes.append("base_url has no host, so sitemap.xml, changes.atom and deadlines.ics use addresses without one; set base_url to the site's full URL (https://intranet.example.org/…) for subscribers and search engines")
        }
        let factory = checked.factory.rendering(bodies: checked.bodies, history: git.history, versions: git.versions, catalogueJSON: cache.keepsForNextBuild ? cache.catalogueJSON : nil)
        var diagnostics = checked.diagnostics
        // Pages are rendered again only where the last build's output is still on disk to keep.
        let keepable = FileManager.default.fileExists(atPath: output.real.path) ? cache.written : nil
        func failedToWrite(_ error: Error) -> BuildReport {
            // The next build starts from scratch.
            cache = BuildCache(keepsForNextBuild: cache.keepsForNextBuild)
            report.environmentError = "cannot write the site into '\(options.outputDirectory.path)': \(EnvironmentFailure.describe(error))"
            return report
        }
        // A full build writes each file into a staging folder as it is made,
        // and swaps the folder in at the end; `remit serve` after its first
        // build updates changed files in place.
        let sink: SiteWriter.Sink?
        do {
            sink = keepable == nil ? try SiteWriter.Sink(output) : nil
        } catch {
            return failedToWrite(error)
        }
        // After an edit to pages' front matter, only the pages showing them are made again.
        let edit = keepable == nil ? nil : FrontMatterEdit.since(cache.site, options, cache: cache, checked: checked, factory: factory, git: git)
        let rendered = await SiteRenderer.render(
            factory, theme: checked.theme, jobs: checked.jobs, previous: keepable, edit: edit, search: cache.search, searchFiles: cache.searchFiles, keepSearchEntries: cache.keepsForNextBuild,
            keep: { sink?.take($0) ?? $0 }, into: &diagnostics)
        let files = rendered.files
        cache.pagesRendered = rendered.pagesRendered
        cache.pagesReached = rendered.pagesReached
        cache.pathsReached = rendered.pathsReached
        cache.search = rendered.search
        cache.searchFiles = rendered.searchFiles
        report.diagnostics = Array(Set(diagnostics)).sorted()
        guard !BuildReport.fails(report.diagnostics, strict: options.strict) else {
            sink?.abandon()
            return report
        }
        do {
            if let sink {
                try sink.finish()
                cache.written = Dictionary(files.map { ($0.path, $0.fingerprint) }, uniquingKeysWith: { a, _ in a })
                cache.filesChanged = files.count
            } else if let previous = keepable {
                (cache.written, cache.filesChanged) = try SiteWriter.update(files, in: output.real, previous: previous)
            }
        } catch {
            return failedToWrite(error)
        }
        report.pagesWritten = files.filter { $0.path.hasSuffix(".html") }.count
        report.filesWritten = files.count
        report.searchIndexBytes = rendered.searchIndexBytes
        report.wroteSite = true
        // Taken out of the cache first, or the cache's own reference would
        // be the last, and the old site freed here after all.
        releaseInBackground(cache.site.take())
        cache.site = BodyEdit.BuiltSite(
            checked: checked, factory: factory, pageInputs: rendered.inputs, report: report, today: options.today, git: git)
        cache.unbuilt = []
        return report
    }
}
