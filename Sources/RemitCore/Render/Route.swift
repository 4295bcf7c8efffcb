/// A page's address inside the site, relative to `base_url`: `""` for home,
/// `hr/services/new-starter/` for a service. Written as `<route>index.html`.
public struct Route: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var path: String

    public init(_ path: String) { self.path = path }

    public static let home = Route("")
    public static func function(_ id: String) -> Route { Route("\(id)/") }
    public static func service(_ key: ItemKey) -> Route { Route("\(key.function)/services/\(key.id)/") }
    public static func rule(_ key: ItemKey) -> Route { Route("\(key.function)/rules/\(key.id)/") }
    public static func journey(_ id: String) -> Route { Route("journeys/\(id)/") }
    public static func page(_ id: String) -> Route { Route("\(id)/") }
    public static let glossary = Route("glossary/")
    public static let atoZ = Route("a-z/")
    public static let deadlines = Route("deadlines/")
    public static let changes = Route("changes/")
    public static let review = Route("review/")
    public static let performance = Route("performance/")
    public static let search = Route("search/")
    public static let tags = Route("tags/")
    public static func tag(_ slug: String) -> Route { Route("tags/\(slug)/") }

    public var outputPath: String { path + "index.html" }
    public var description: String { "/" + path }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.path < rhs.path }
}

/// A page made from one content file, named by what it is.
enum CataloguePage: Hashable, Sendable {
    case function(String), service(ItemKey), rule(ItemKey), journey(String), page(String)

    enum Kind: Sendable { case function, service, rule, journey, page }

    var kind: Kind {
        switch self {
        case .function: .function
        case .service: .service
        case .rule: .rule
        case .journey: .journey
        case .page: .page
        }
    }

    var route: Route {
        switch self {
        case .function(let id): .function(id)
        case .service(let key): .service(key)
        case .rule(let key): .rule(key)
        case .journey(let id): .journey(id)
        case .page(let id): .page(id)
        }
    }
}
