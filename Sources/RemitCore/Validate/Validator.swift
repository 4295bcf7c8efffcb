/// Every check that needs the whole catalogue, run after the model is built
/// and the Markdown bodies are parsed (anchors are known only then).
public enum Validator {
    /// What the checks found, in two parts: a rebuild after a body edit
    /// (`BodyEdit`) checks that page again and keeps the rest.
    struct Findings: Sendable {
        /// From front matter, data files and request logs: no body is read.
        var catalogue: [Diagnostic]
        /// Each page's own checks (`PageChecks`), by source path.
        var pages: [String: [Diagnostic]]

        var all: [Diagnostic] { catalogue + pages.keys.sorted().flatMap { pages[$0]! } }
    }

    public static func validate(_ catalogue: Catalogue, bodies: [String: RenderedBody], resolver: LinkResolver, today: LocalDate) -> [Diagnostic] {
        Findings(catalogue: catalogueFindings(catalogue, resolver: resolver, today: today), pages: pageFindings(catalogue, bodies: bodies)).all
    }

    /// The checks that read no body, so a build runs them while the bodies are parsed.
    static func catalogueFindings(_ catalogue: Catalogue, resolver: LinkResolver, today: LocalDate) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        ContentChecks.check(catalogue, resolver: resolver, into: &diagnostics)
        EditorialChecks.check(catalogue, today: today, into: &diagnostics)
        RequestChecks.check(catalogue, today: today, into: &diagnostics)
        return diagnostics
    }

    /// Each page's own checks, by source path, on every core.
    static func pageFindings(_ catalogue: Catalogue, bodies: [String: RenderedBody]) -> [String: [Diagnostic]] {
        var memo: PageFindingsMemo?
        return pageFindings(catalogue, bodies: bodies, stamp: 0, memo: &memo)
    }

    /// The same, checking again only the pages whose findings can differ from
    /// those in `memo` (`remit serve`), and leaving this build's in it.
    /// - Parameter stamp: changes with whatever every page's checks read (the addresses, the terminology).
    static func pageFindings(_ catalogue: Catalogue, bodies: [String: RenderedBody], stamp: Int, memo: inout PageFindingsMemo?) -> [String: [Diagnostic]] {
        let checks = PageChecks(catalogue, bodies: bodies)
        let sources = catalogue.pageSources
        let last = memo?.stamp == stamp ? memo?.pages ?? [:] : [:]
        // A page's findings are a function of its file and body, and of the
        // anchors of the pages it links into.
        var reheaded: Set<String> = []
        for source in sources {
            let path = source.source.file.relativePath
            if let old = last[path], old.text != source.source.file.text, old.anchors != bodies[path]?.anchorList ?? [] { reheaded.insert(path) }
        }
        let stale = sources.indices.filter { index in
            let source = sources[index], path = source.source.file.relativePath
            guard let old = last[path], old.rule == source.rule, old.text == source.source.file.text else { return true }
            return !reheaded.isEmpty && (bodies[path]?.linksToAnchors(in: reheaded) ?? false)
        }
        let found = stale.mapOnEveryCore { index in checks.check(sources[index], body: bodies[sources[index].source.file.relativePath]) }
        var pages: [String: [Diagnostic]] = [:]
        var remembered: [String: PageFindingsMemo.Page] = [:]
        for source in sources {
            let path = source.source.file.relativePath
            if let old = last[path] { pages[path] = old.findings; remembered[path] = old }
        }
        for (index, findings) in zip(stale, found) {
            let source = sources[index], path = source.source.file.relativePath
            pages[path] = findings
            remembered[path] = .init(text: source.source.file.text, rule: source.rule, anchors: bodies[path]?.anchorList ?? [], findings: findings)
        }
        memo = PageFindingsMemo(stamp: stamp, pages: remembered)
        return pages
    }
}

/// Each page's findings from the last build, with what they were found from.
struct PageFindingsMemo: Sendable {
    struct Page: Sendable {
        var text: String
        var rule: ItemKey?
        var anchors: [String]
        var findings: [Diagnostic]
    }

    var stamp: Int
    var pages: [String: Page]
}
