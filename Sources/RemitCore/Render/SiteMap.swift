/// Every page of the catalogue with its address and the file it comes from:
/// the one table Markdown links are resolved through (source path → route).
public struct SiteMap: Sendable {
    public struct Entry: Sendable {
        var page: CataloguePage
        public var route: Route
        public var title: String
        public var source: PageSource
    }

    /// By source path relative to the content folder (`hr/rules/x.md`).
    public internal(set) var bySourcePath: [String: Entry] = [:]
    public private(set) var attachmentPaths: Set<String> = []
    private var sourcesByRoute: [Route: String] = [:]

    public init(_ catalogue: Catalogue, into diagnostics: inout [Diagnostic]) {
        var owners: [Route: String] = [:]
        func add(_ page: CataloguePage, _ title: String, _ source: PageSource) {
            let route = page.route
            if let other = owners[route] {
                diagnostics.append(Diagnostic(.error, at: source.file.start, "two pages on one address \(route): this file and \(other)"))
                return
            }
            owners[route] = source.file.displayPath
            sourcesByRoute[route] = source.file.relativePath
            bySourcePath[source.file.relativePath] = Entry(page: page, route: route, title: title, source: source)
        }
        for function in catalogue.functions {
            add(.function(function.id), function.title, function.source)
        }
        // In any order: no two services, or rules, or a service and a rule,
        // can share an address, so no diagnostic depends on which comes first.
        for service in catalogue.services.values {
            add(.service(service.key), service.title, service.source)
        }
        for rule in catalogue.rules.values {
            add(.rule(rule.key), rule.title, rule.source)
        }
        for journey in catalogue.journeys {
            add(.journey(journey.id), journey.title, journey.source)
        }
        for page in catalogue.pages {
            add(.page(page.id), page.title, page.source)
        }
        attachmentPaths = Set(catalogue.attachments.map(\.relativePath))
        let pages = Hasher.unordered(bySourcePath) { page, hasher in
            hasher.combine(page.key)
            hasher.combine(page.value.route)
        }
        var hasher = Hasher()
        hasher.combine(pages)
        hasher.combine(attachmentPaths.sorted())
        addresses = hasher.finalize()
    }

    /// Changes whenever any page's address or the set of attachments does
    /// (editing a page's text leaves it as it was).
    private(set) var addresses = 0

    /// Puts `source` in place of the source of the page written in the same file.
    mutating func replaceSource(_ source: PageSource) {
        bySourcePath[source.file.relativePath]?.source = source
    }

    public var entries: [Entry] { bySourcePath.values.sorted { $0.route < $1.route } }

    /// The page at an address, for links written as the site shows them.
    public func sourcePath(at route: Route) -> String? { sourcesByRoute[route] }
}
