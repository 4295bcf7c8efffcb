import Markdown

/// One page's Markdown rendered to HTML, with its links resolved and located in the file.
public struct RenderedBody: Sendable {
    public struct ResolvedLink: Sendable {
        public var destination: String
        public var target: LinkResolver.Target
        public var location: SourceLocation
    }

    public var html: String
    public var headings: [Heading]
    public var links: [ResolvedLink]
    /// Empty once `searchPage` is made from it.
    public var plainText: String
    /// The page's search entry, made as the body was rendered in a one-off
    /// build (`SearchIndex.BodyIndexer`); nil when the index makes it.
    var searchPage: SearchIndex.Page?
    /// Input refused before parsing (see `ComplexityGuard`), and in a
    /// one-off build what its links' checks found as it was rendered
    /// (`LinkChecks.checkAsRendered`).
    public var problems: [Diagnostic] = []

    /// What rendering its page needs, once its links are checked: a one-off
    /// build lets the links go (over a million at 100,000 pages).
    var linksChecked: RenderedBody {
        var body = self
        body.links = []
        return body
    }

    /// The `## Why this rule exists` section every rule must have.
    public var whyHeading: Heading? {
        headings.first { $0.level == 2 && $0.text.lowercased() == "why this rule exists" }
    }
}

/// Renders every page body in parallel. Only cmark's parse is serialised (inside
/// `MarkdownRenderer`); link resolution is a hash lookup per link.
public enum BodyRenderer {
    /// Ids the default theme uses on every page; headings written by editors avoid them.
    public static let themeIDs: Set<String> = [
        "main-content", "site-header", "site-search", "site-footer", "page-facts", "page-rules",
        "page-services", "page-steps", "page-history", "page-body", "functions-heading", "journeys",
        "about-heading", "provides-heading", "not-provided-heading", "contact-heading", "deadlines-heading",
        "provide-heading", "journeys-heading", "exceptions-heading", "planner-heading", "planner-form",
        "planner-date", "review-notice", "page-updated", "coming-up", "recent-changes", "overdue", "due-soon", "tag-services",
        "next-deadlines", "coming-changes", "site-search-input", "site-search-results", "site-search-status",
        "search-page", "search-page-input", "search-page-results", "search-page-status",
        "visit-notice", "visit-changes", "visit-changes-heading", "page-versions",
        "performance-heading", "performance-table", "performance-services", "performance-not-enough", "planner-measured",
    ]

    public static func renderAll(_ siteMap: SiteMap, resolver: LinkResolver) async -> [String: RenderedBody] {
        var cache = BuildCache()
        return await renderAll(siteMap, resolver: resolver, cache: &cache)
    }

    /// Renders the bodies the cache cannot supply, and remembers all of them.
    /// - Parameter indexer: makes each page's search entry with its body (a one-off build).
    static func renderAll(_ siteMap: SiteMap, resolver: LinkResolver, cache: inout BuildCache, indexer: SearchIndex.BodyIndexer? = nil) async -> [String: RenderedBody] {
        let fingerprint = siteMap.fingerprint(basePath: resolver.base.path)
        let checkingLinks = !cache.keepsForNextBuild
        var bodies: [String: RenderedBody] = [:]
        var stale: [PageSource] = []
        // Unsorted: the bodies go into a table by path.
        for entry in siteMap.bySourcePath.values {
            if let body = cache.body(for: entry.source, siteMap: fingerprint) {
                bodies[entry.source.file.relativePath] = body
            } else {
                stale.append(entry.source)
            }
        }
        let rendered = await withTaskGroup(of: (PageSource, RenderedBody).self) { group in
            for source in stale {
                group.addTask { (source, render(source, resolver: resolver, indexer: indexer, checkingLinks: checkingLinks)) }
            }
            return await group.reduce(into: [(PageSource, RenderedBody)]()) { $0.append($1) }
        }
        var cached: [String: BuildCache.CachedBody] = [:]
        for path in siteMap.bySourcePath.keys {
            if let previous = cache.bodies[path], bodies[path] != nil { cached[path] = previous }
        }
        for (source, body) in rendered {
            bodies[source.file.relativePath] = body
            cached[source.file.relativePath] = .init(source: source.body, firstLine: source.bodyFirstLine, siteMap: fingerprint, rendered: body)
        }
        cache.bodies = cached
        cache.bodiesRendered = rendered.count
        return bodies
    }

    public static func render(_ source: PageSource, resolver: LinkResolver) -> RenderedBody {
        render(source, resolver: resolver, indexer: nil, checkingLinks: false)
    }

    /// - Parameter checkingLinks: check the links at once and let them go (a one-off build).
    static func render(_ source: PageSource, resolver: LinkResolver, indexer: SearchIndex.BodyIndexer?, checkingLinks: Bool) -> RenderedBody {
        if let problem = ComplexityGuard().check(source.body) {
            let location = source.file.location(line: problem.line + source.bodyFirstLine - 1, column: problem.column)
            return RenderedBody(html: "", headings: [], links: [], plainText: "", problems: [Diagnostic(.error, at: location, problem.message)])
        }
        var links: [RenderedBody.ResolvedLink] = []
        let rendered = MarkdownRenderer().render(source.body, reservedIDs: themeIDs) { link in
            let target = resolver.resolve(link.destination, from: source.file.relativePath)
            links.append(RenderedBody.ResolvedLink(
                destination: link.destination, target: target,
                location: source.file.location(line: link.line + source.bodyFirstLine - 1, column: link.column)))
            return resolver.href(target)
        }
        var body = RenderedBody(html: rendered.html, headings: rendered.headings, links: links, plainText: rendered.plainText)
        if let page = indexer?.page(source, plainText: rendered.plainText) {
            body.searchPage = page
            body.plainText = ""
        }
        if checkingLinks { LinkChecks.checkAsRendered(&body, path: source.file.relativePath) }
        return body
    }
}
