import Foundation

/// Renders every page with the theme, in parallel, plus the theme's assets and
/// the content's attachments: the complete list of files of the site.
public enum SiteRenderer {
    /// One file to make: a page with its template, or a feed (no template).
    /// `make` is given the views' factory to make it with, the fingerprint of
    /// what the last build wrote there (in `remit serve`), and skips
    /// rendering when the page's input is the same; and the output paths of
    /// the pages an edit to pages' front matter reached (`FrontMatterEdit`),
    /// nil when any page may have changed. The factory is given, not held,
    /// so that the jobs `Pipeline.check` lists for the planned files are the
    /// ones the build runs, with bodies and git's dates added.
    struct Job: Sendable {
        var outputPath: String
        var kind: PageKind?
        /// What the page shows, or the feed is made from (nil: made every time).
        var inputs: PageInputs?
        var make: @Sendable (_ factory: ViewFactory, _ previous: Int?, _ reached: Set<String>?) -> Made
    }

    enum Made: Sendable {
        /// A page's or feed's text. A page's fingerprint is its view's; nil
        /// for a feed (its bytes are compared).
        case text(String, fingerprint: Int?)
        /// A feed made in pieces (`TextPieces`).
        case pieces(TextPieces)
        /// The page's view, template and options are what they were: its file stands.
        case unchanged(fingerprint: Int)
        case missingTemplate

        /// The file made at `path`, with its fingerprint; nil without a template.
        func file(at path: String) -> OutputFile? {
            var file: OutputFile
            switch self {
            case .text(let text, let fingerprint):
                file = OutputFile(path: path, contents: .text(text))
                file.knownFingerprint = fingerprint
            case .pieces(let pieces):
                file = OutputFile(path: path, contents: .pieces(pieces.finished))
            case .unchanged(let fingerprint):
                file = OutputFile(path: path, contents: .unchanged)
                file.knownFingerprint = fingerprint
            case .missingTemplate:
                return nil
            }
            return file
        }
    }

    /// Enough to keep every core busy while the build writes what they made.
    static let jobsInFlight = 4 * max(ProcessInfo.processInfo.activeProcessorCount, 2)

    /// The files of the site, and how many pages had to be rendered for them.
    struct RenderedSite: Sendable {
        var files: [OutputFile]
        var pagesRendered: Int
        /// How many pages an edit to pages' front matter reached (`FrontMatterEdit`).
        var pagesReached: Int?
        /// Their output paths, and the feeds'.
        var pathsReached: Set<String>?
        /// What each page shows, by output path, for the next edit to look up.
        var inputs: [String: PageInputs]
        /// The search index's size, for the build's report.
        var searchIndexBytes: Int
        /// The search index and its files, for the next build to reuse.
        var search: SearchIndex
        var searchFiles: SearchIndex.Files
    }

    /// Every page of the site, by kind: a new `PageKind` is a compile error here
    /// until it says which pages it has and how each is made.
    /// - Parameters:
    ///   - only: the pages to make (`BodyEdit`); nil for the whole site, feeds included.
    static func jobs(_ factory: ViewFactory, theme: Theme, only: Set<String>? = nil) -> (jobs: [Job], routes: [Route]) {
        let catalogue = factory.catalogue
        var jobs: [Job] = []
        var routes: [Route] = []
        let partials = theme.renderSitePartials(factory.site)
        // A page's HTML is a function of its view, its template and the build's
        // options alone: equal fingerprints, equal pages. This is what makes a
        // rebuild render only the pages an edit reaches, whichever way it
        // reaches them (a title shown elsewhere, a date, today).
        func page<Content: Sendable & Hashable>(
            _ outputPath: String, _ kind: PageKind, _ inputs: @autoclosure () -> PageInputs, _ view: @escaping @Sendable (ViewFactory) -> PageContext<Content>
        ) {
            if let only, !only.contains(outputPath) { return }
            jobs.append(Job(outputPath: outputPath, kind: kind, inputs: inputs()) { factory, previous, _ in
                let context = view(factory)
                var hasher = Hasher()
                hasher.combine(theme.fingerprint)
                hasher.combine(kind)
                hasher.combine(context)
                let fingerprint = hasher.finalize()
                if previous == fingerprint { return .unchanged(fingerprint: fingerprint) }
                guard let html = theme.render(kind.template, context, partials: partials) else { return .missingTemplate }
                guard factory.site.offline else { return .text(html, fingerprint: fingerprint) }
                return .text(RelativeLinks.rewrite(html, outputPath: outputPath, base: factory.base.path), fingerprint: fingerprint)
            })
        }
        func add<Content: Sendable & Hashable>(
            _ route: Route, _ kind: PageKind, _ inputs: @autoclosure () -> PageInputs, _ view: @escaping @Sendable (ViewFactory) -> PageContext<Content>
        ) {
            routes.append(route)
            page(route.outputPath, kind, inputs(), view)
        }
        let whole = PageInputs.wholeCatalogue
        let withDeadlines = PageInputs(pages: factory.deadlines.services.map { .service($0) })
        // Only the header and the settings: reached by no edit to a page.
        let none = PageInputs(pages: [])
        for kind in PageKind.allCases {
            switch kind {
            case .home: add(.home, kind, whole) { $0.homePage() }
            case .function:
                for function in catalogue.functions { add(.function(function.id), kind, factory.inputs(of: function)) { $0.functionPage(function) } }
            // By key: a service or rule is fetched only for a page that is made
            // (copying every one to make one page was a sixth of a body edit).
            case .service:
                for key in catalogue.services.keys {
                    add(.service(key), kind, factory.inputs(ofService: key)) { $0.servicePage($0.catalogue.services[key]!) }
                }
            case .rule:
                for key in catalogue.rules.keys { add(.rule(key), kind, factory.inputs(ofRule: key)) { $0.rulePage($0.catalogue.rules[key]!) } }
            case .journey:
                for journey in catalogue.journeys { add(.journey(journey.id), kind, factory.inputs(of: journey)) { $0.journeyPage(journey) } }
            case .freePage: for page in catalogue.pages { add(.page(page.id), kind, factory.inputs(of: page)) { $0.freePage(page) } }
            // The glossary is not a page: an edit to it is a full build.
            case .glossary: add(.glossary, kind, none) { $0.glossaryPage() }
            case .aToZ: add(.atoZ, kind, whole) { $0.aToZPage() }
            // Each calendar and index lists one kind of page, or the pages it
            // names (and the functions, whose titles every page shows): an
            // edit to a service does not make the rules' calendars again, nor
            // the other way round, nor the deadlines of a service without any.
            case .deadlines: add(.deadlines, kind, withDeadlines) { $0.deadlinesPage() }
            case .changes: add(.changes, kind, .every([.rule])) { $0.changesPage() }
            case .review: add(.review, kind, .every([.rule])) { $0.reviewPage() }
            case .performance:
                add(.performance, kind, PageInputs(pages: factory.performance.services.keys.map { .service($0) })) { $0.performancePage() }
            case .tags: add(.tags, kind, .every([.service])) { $0.tagsPage() }
            // The services it lists; one that gains or loses the tag was or is listed.
            case .tag: for tag in factory.tagIndex.tags { add(.tag(tag.slug), kind, PageInputs(pages: tag.services.map { .service($0) })) { $0.tagPage(tag) } }
            case .search: add(.search, kind, none) { $0.searchPage() }
            // Not a route: no sitemap entry, but the same rendering, offline links included.
            case .notFound: page("404.html", kind, none) { $0.notFoundPage() }
            }
        }
        guard only == nil else { return (jobs, routes) }
        let pageRoutes = routes
        // Made from the pages' addresses and git's dates alone: equal
        // fingerprints, equal file, as for a page.
        jobs.append(Job(outputPath: "sitemap.xml", kind: nil, inputs: nil) { factory, previous, _ in
            // The routes in any order: the file lists them sorted.
            var hasher = Hasher()
            hasher.combine(factory.base.absolute(""))
            hasher.combine(Hasher.unordered(pageRoutes) { route, hasher in hasher.combine(route) })
            hasher.combine(factory.history.lastUpdated)
            let fingerprint = hasher.finalize()
            if previous == fingerprint { return .unchanged(fingerprint: fingerprint) }
            return .text(SitemapXML.render(factory, routes: pageRoutes), fingerprint: fingerprint)
        })
        jobs.append(Job(outputPath: "catalogue.json", kind: nil, inputs: nil) { factory, _, reached in
            .pieces(CatalogueJSON.pieces(factory, memo: factory.catalogueJSON ?? CatalogueJSON.Memo(), reached: reached))
        })
        jobs.append(Job(outputPath: "changes.atom", kind: nil, inputs: .every(ChangesAtom.madeFrom)) { factory, _, _ in .pieces(ChangesAtom.pieces(factory)) })
        jobs.append(Job(outputPath: "deadlines.ics", kind: nil, inputs: withDeadlines) { factory, _, _ in .text(DeadlinesICS.render(factory), fingerprint: nil) })
        return (jobs, routes)
    }

    /// Every file the build will write but the search index (`search/`, kept
    /// for the build alone), without rendering anything: for `OutputChecks`.
    static func plannedFiles(_ jobs: [Job], _ factory: ViewFactory, theme: Theme, contentFolder prefix: String) -> [OutputChecks.PlannedFile] {
        jobs.map { OutputChecks.PlannedFile(path: $0.outputPath) }
            + theme.assets.keys.sorted().map { OutputChecks.PlannedFile(path: $0) }
            + factory.catalogue.attachments.map { OutputChecks.PlannedFile(path: $0.relativePath, source: prefix + "/" + $0.relativePath) }
    }

    /// The pages at `outputPaths` alone (`BodyEdit`), each `.unchanged` if
    /// its view is what `previous` says was written there.
    static func renderPages(_ factory: ViewFactory, theme: Theme, at outputPaths: Set<String>, previous: [String: Int]) -> [OutputFile] {
        jobs(factory, theme: theme, only: outputPaths).jobs.compactMap { $0.make(factory, previous[$0.outputPath], nil).file(at: $0.outputPath) }
    }

    /// - Parameters:
    ///   - jobs: the site's jobs (`jobs`), when `Pipeline.check` listed them already.
    ///   - previous: what the last build wrote, by output path (`remit serve`); nil renders everything.
    ///   - edit: the pages whose front matter changed, and what each page
    ///     showed before, when only the pages showing them may have changed
    ///     (`FrontMatterEdit`); nil when any may have.
    ///   - search, searchFiles: the last build's search index and files (`RenderedSite`).
    ///   - keepSearchEntries: false when no next build will reuse the index's entries.
    ///   - keep: what to keep of each file once it is made: a full build
    ///     writes it there and then and keeps its fingerprint (`SiteWriter.Sink`).
    static func render(
        _ factory: ViewFactory, theme: Theme, jobs listed: [Job]? = nil, previous: [String: Int]? = nil, edit: FrontMatterEdit? = nil, search: SearchIndex? = nil,
        searchFiles: SearchIndex.Files? = nil, keepSearchEntries: Bool = true,
        keep: (OutputFile) -> OutputFile = { $0 }, into diagnostics: inout [Diagnostic]
    ) async -> RenderedSite {
        let catalogue = factory.catalogue
        var jobs = listed ?? Self.jobs(factory, theme: theme).jobs
        let inputs = Dictionary(jobs.compactMap { job in job.inputs.map { (job.outputPath, $0) } }, uniquingKeysWith: { a, _ in a })
        var files: [OutputFile] = []
        var pagesReached: Int?
        var reached: Set<String>?
        // A page the edit does not reach stands as it was written, without making its view.
        if let edit, let previous {
            jobs.removeAll { job in
                guard let now = job.inputs, let fingerprint = previous[job.outputPath], !edit.reaches(job.outputPath, showing: now) else { return false }
                files.append(Made.unchanged(fingerprint: fingerprint).file(at: job.outputPath)!)
                return true
            }
            pagesReached = jobs.count { $0.kind != nil && $0.inputs != nil }
            reached = Set(jobs.map(\.outputPath))
        }
        // The index and the announced changes are made beside the pages, not after them.
        // After an edit to pages' front matter, only their own entries can
        // have changed: an entry shows its page, its body and its function's
        // title, and an edit to a title every page shows is a full build.
        async let index = {
            let index =
                if let edit, let search {
                    search.replacingEntries(at: Set(edit.edited.map(\.route)), from: factory) ?? search
                } else {
                    SearchIndex(factory, reusing: search?.entries ?? [:], keepingEntries: keepSearchEntries)
                }
            return (index.files(reusing: searchFiles), index)
        }()
        // The announced changes are made from the rules alone: after an edit
        // to none, their files stand as they were written.
        let announcedStand: [OutputFile]? =
            if let edit, let previous, !PageInputs.every(AnnouncedChanges.madeFrom).isReached(by: edit.edited) {
                previous.filter { $0.key.hasPrefix(AnnouncedChanges.folder) }.map { Made.unchanged(fingerprint: $0.value).file(at: $0.key)! }
            } else {
                nil
            }
        async let announced = announcedStand ?? factory.announced.files()
        let reachedPages = reached
        var missing: Set<String> = []
        var pagesRendered = 0
        // Each page is taken as it is made (and, in a full build, written).
        // A few jobs at a time are in flight, a new one for each taken, so the
        // pages made but not yet taken stay few: with every job queued at once
        // they piled up faster than they were written.
        await withTaskGroup(of: (Job, Made).self) { group in
            var queue = jobs.makeIterator()
            func start() {
                guard let job = queue.next() else { return }
                group.addTask { (job, job.make(factory, previous?[job.outputPath], reachedPages)) }
            }
            for _ in 0..<Self.jobsInFlight { start() }
            for await (job, result) in group {
                start()
                switch result {
                case .text, .pieces:
                    files.append(keep(result.file(at: job.outputPath)!))
                    if job.kind != nil { pagesRendered += 1 }
                case .unchanged:
                    files.append(result.file(at: job.outputPath)!)
                case .missingTemplate:
                    if let kind = job.kind { missing.insert(kind.template) }
                }
            }
        }
        // `TemplateCheck` reports missing templates before rendering; this is the last line of defence.
        for template in missing.sorted() {
            diagnostics.append(Diagnostic(.error, at: SourceLocation(path: "templates/\(template).mustache", line: 1, column: 1), "template '\(template)' is missing"))
        }
        let (search, searchIndex) = await index
        let searchIndexBytes = search.files.filter { $0.path.hasSuffix(".js") }.reduce(0) { $0 + $1.byteCount }
        files += search.files.map(keep)
        files += await announced.map(keep)
        for (path, data) in theme.assets {
            files.append(keep(OutputFile(path: path, contents: .data(data))))
        }
        for attachment in catalogue.attachments {
            files.append(keep(attachment.outputFile))
        }
        return RenderedSite(
            files: files.sorted { $0.path < $1.path }, pagesRendered: pagesRendered, pagesReached: pagesReached, pathsReached: reached, inputs: inputs,
            searchIndexBytes: searchIndexBytes, search: searchIndex, searchFiles: search)
    }
}
