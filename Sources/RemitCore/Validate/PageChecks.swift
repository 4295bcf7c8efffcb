/// The checks that read a page's body or its whole file, one page at a time:
/// its links and their anchors, a rule's "why" section, terms to avoid. What
/// else they read is the anchors of other pages, so a rebuild after a body
/// edit that keeps every page's headings runs them for that page alone.
struct PageChecks {
    /// Every page's body, by source path: links are checked against their headings.
    let bodies: [String: RenderedBody]
    let terminology: TerminologyCheck

    init(_ catalogue: Catalogue, bodies: [String: RenderedBody]) {
        self.bodies = bodies
        terminology = TerminologyCheck(rules: catalogue.config.terminology)
    }

    func check(_ page: Catalogue.PageSourceRef, body: RenderedBody?) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let source = page.source
        if let rule = page.rule, body?.whyHeading == nil {
            diagnostics.append(Diagnostic(
                .error, at: source.file.location(line: source.bodyFirstLine, column: 1),
                "rule '\(rule)' has no '## Why this rule exists' section: say why the rule exists"))
        }
        if let body { LinkChecks.check(body, path: source.file.relativePath, headings: { bodies[$0]?.headings }, into: &diagnostics) }
        terminology.check(source.file, into: &diagnostics)
        return diagnostics
    }
}

extension RenderedBody {
    /// The ids a link's `#fragment` may name on this page.
    var anchors: Set<String> { Set(anchorList) }
    var anchorList: [String] { headings.map(\.id) }

    /// Whether a link of this body names an anchor of one of `pages` (source paths).
    func linksToAnchors(in pages: Set<String>) -> Bool {
        links.contains { link in
            if case .page(let target, let fragment?) = link.target { !fragment.isEmpty && pages.contains(target) } else { false }
        }
    }
}

extension CheckedSite {
    /// The page written in the file at `path`, if the site has it.
    func pageSource(at path: String) -> Catalogue.PageSourceRef? {
        guard let source = siteMap.bySourcePath[path]?.source else { return nil }
        let parts = path.split(separator: "/")
        let rule = parts.count == 3 && parts[1] == "rules" ? ItemKey(function: String(parts[0]), id: String(parts[2].dropLast(3))) : nil
        return .init(source: source, rule: rule.flatMap { catalogue.rules[$0] == nil ? nil : $0 })
    }
}

extension Catalogue {
    /// A page written by an editor, and the rule it is if it is one.
    struct PageSourceRef: Sendable {
        var source: PageSource
        var rule: ItemKey?
    }

    /// Puts `source` in place of the source of the page written in the same file.
    mutating func replaceSource(_ source: PageSource) {
        let path = source.file.relativePath
        if let index = functions.firstIndex(where: { $0.source.file.relativePath == path }) { functions[index].source = source }
        if let key = services.first(where: { $0.value.source.file.relativePath == path })?.key { services[key]?.source = source }
        if let key = rules.first(where: { $0.value.source.file.relativePath == path })?.key { rules[key]?.source = source }
        if let index = journeys.firstIndex(where: { $0.source.file.relativePath == path }) { journeys[index].source = source }
        if let index = pages.firstIndex(where: { $0.source.file.relativePath == path }) { pages[index].source = source }
    }

    /// Every page written by an editor, each once.
    var pageSources: [PageSourceRef] {
        var pages = functions.map { PageSourceRef(source: $0.source) }
        pages += services.values.map { PageSourceRef(source: $0.source) }
        pages += rules.values.map { PageSourceRef(source: $0.source, rule: $0.key) }
        pages += journeys.map { PageSourceRef(source: $0.source) } + self.pages.map { PageSourceRef(source: $0.source) }
        return pages
    }
}
