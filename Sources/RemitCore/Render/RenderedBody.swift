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
    public var plainText: String
    /// Input refused before parsing (see `ComplexityGuard`).
    public var problems: [Diagnostic] = []

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
    ]

    public static func renderAll(_ siteMap: SiteMap, resolver: LinkResolver) async -> [String: RenderedBody] {
        await withTaskGroup(of: (String, RenderedBody).self) { group in
            for entry in siteMap.entries {
                group.addTask { (entry.source.file.relativePath, render(entry.source, resolver: resolver)) }
            }
            var bodies: [String: RenderedBody] = [:]
            for await (path, body) in group { bodies[path] = body }
            return bodies
        }
    }

    public static func render(_ source: PageSource, resolver: LinkResolver) -> RenderedBody {
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
            if case .external = target { return nil }
            return resolver.href(target)
        }
        return RenderedBody(html: rendered.html, headings: rendered.headings, links: links, plainText: rendered.plainText)
    }
}
