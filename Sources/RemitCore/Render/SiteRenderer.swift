import Foundation

/// Renders every page with the theme, in parallel, plus the theme's assets and
/// the content's attachments: the complete list of files of the site.
public enum SiteRenderer {
    /// One file to make: a page with its template, or a feed (no template).
    struct Job: Sendable {
        var outputPath: String
        var kind: PageKind?
        var make: @Sendable () -> String?
    }

    struct Rendered: Sendable {
        var outputPath: String
        var kind: PageKind?
        /// nil when the page's template is missing.
        var text: String?
    }

    /// Every page of the site, by kind: a new `PageKind` is a compile error here
    /// until it says which pages it has and how each is made.
    static func jobs(_ factory: ViewFactory, theme: Theme) -> (jobs: [Job], routes: [Route]) {
        let catalogue = factory.catalogue
        var jobs: [Job] = []
        var routes: [Route] = []
        func page<Content: Sendable>(_ outputPath: String, _ kind: PageKind, _ view: @escaping @Sendable () -> PageContext<Content>) {
            jobs.append(Job(outputPath: outputPath, kind: kind) {
                let html = theme.render(kind.template, view())
                guard factory.site.offline, let html else { return html }
                return RelativeLinks.rewrite(html, outputPath: outputPath, base: factory.base.path)
            })
        }
        func add<Content: Sendable>(_ route: Route, _ kind: PageKind, _ view: @escaping @Sendable () -> PageContext<Content>) {
            routes.append(route)
            page(route.outputPath, kind, view)
        }
        for kind in PageKind.allCases {
            switch kind {
            case .home: add(.home, kind) { factory.homePage() }
            case .function: for function in catalogue.functions { add(.function(function.id), kind) { factory.functionPage(function) } }
            case .service: for service in catalogue.services.values { add(.service(service.key), kind) { factory.servicePage(service) } }
            case .rule: for rule in catalogue.rules.values { add(.rule(rule.key), kind) { factory.rulePage(rule) } }
            case .journey: for journey in catalogue.journeys { add(.journey(journey.id), kind) { factory.journeyPage(journey) } }
            case .freePage: for page in catalogue.pages { add(.page(page.id), kind) { factory.freePage(page) } }
            case .glossary: add(.glossary, kind) { factory.glossaryPage() }
            case .aToZ: add(.atoZ, kind) { factory.aToZPage() }
            case .deadlines: add(.deadlines, kind) { factory.deadlinesPage() }
            case .changes: add(.changes, kind) { factory.changesPage() }
            case .review: add(.review, kind) { factory.reviewPage() }
            case .tags: add(.tags, kind) { factory.tagsPage() }
            case .tag: for tag in factory.tagIndex.tags { add(.tag(tag.slug), kind) { factory.tagPage(tag) } }
            case .search: add(.search, kind) { factory.searchPage() }
            // Not a route: no sitemap entry, but the same rendering, offline links included.
            case .notFound: page("404.html", kind) { factory.notFoundPage() }
            }
        }
        let pageRoutes = routes
        jobs.append(Job(outputPath: "sitemap.xml", kind: nil) { SitemapXML.render(factory, routes: pageRoutes) })
        jobs.append(Job(outputPath: "catalogue.json", kind: nil) { CatalogueJSON.render(factory) })
        jobs.append(Job(outputPath: "changes.atom", kind: nil) { ChangesAtom.render(factory) })
        jobs.append(Job(outputPath: "deadlines.ics", kind: nil) { DeadlinesICS.render(factory) })
        return (jobs, routes)
    }

    /// Every file the build will write but the search index (`search/`, kept
    /// for the build alone), without rendering anything: for `OutputChecks`.
    static func plannedFiles(_ factory: ViewFactory, theme: Theme, contentFolder prefix: String) -> [OutputChecks.PlannedFile] {
        jobs(factory, theme: theme).jobs.map { OutputChecks.PlannedFile(path: $0.outputPath) }
            + theme.assets.keys.sorted().map { OutputChecks.PlannedFile(path: $0) }
            + factory.catalogue.attachments.map { OutputChecks.PlannedFile(path: $0.relativePath, source: prefix + "/" + $0.relativePath) }
    }

    static func render(_ factory: ViewFactory, theme: Theme, into diagnostics: inout [Diagnostic]) async -> [OutputFile] {
        let catalogue = factory.catalogue
        let jobs = Self.jobs(factory, theme: theme).jobs
        let pages = await withTaskGroup(of: Rendered.self) { group in
            for job in jobs { group.addTask { Rendered(outputPath: job.outputPath, kind: job.kind, text: job.make()) } }
            return await group.reduce(into: [Rendered]()) { $0.append($1) }
        }
        var files: [OutputFile] = []
        var missing: Set<String> = []
        for page in pages {
            if let text = page.text {
                files.append(.text(page.outputPath, text))
            } else if let kind = page.kind {
                missing.insert(kind.template)
            }
        }
        // `TemplateCheck` reports missing templates before rendering; this is the last line of defence.
        for template in missing.sorted() {
            diagnostics.append(Diagnostic(.error, at: SourceLocation(path: "templates/\(template).mustache", line: 1, column: 1), "template '\(template)' is missing"))
        }
        files += SearchIndex(factory).files()
        for (path, data) in theme.assets {
            files.append(OutputFile(path: path, contents: .data(data)))
        }
        for attachment in catalogue.attachments {
            files.append(attachment.outputFile)
        }
        return files.sorted { $0.path < $1.path }
    }
}
