/// Every kind of page the site has: the one list the stages switch over.
/// `SiteRenderer`, `Theme`, `TemplateCheck` and the search index each
/// `switch` on it without a `default`, so a new kind does not compile until
/// every stage handles it.
public enum PageKind: String, CaseIterable, Sendable {
    // Pages written by editors, one per file.
    case function, service, rule, journey, freePage = "page"
    // Pages the site makes from the whole catalogue.
    case home, glossary, aToZ = "a-z", deadlines, changes, review, performance, tags, tag, search, notFound = "404"

    /// The template that renders it (`templates/<name>.mustache`).
    public var template: String { rawValue }

    /// The one address of a site-wide page; nil for kinds with a page per
    /// item (or, for 404, none).
    public var fixedRoute: Route? {
        switch self {
        case .home: .home
        case .glossary: .glossary
        case .aToZ: .atoZ
        case .deadlines: .deadlines
        case .changes: .changes
        case .review: .review
        case .performance: .performance
        case .tags: .tags
        case .search: .search
        case .function, .service, .rule, .journey, .freePage, .tag, .notFound: nil
        }
    }
}
