import Foundation

/// The whole published catalogue, typed and cross-linked: what the render stage
/// reads. Drafts are not in it. Everything is sorted, so output is deterministic.
public struct Catalogue: Sendable {
    public var config: SiteConfig
    /// Sorted by id.
    public var functions: [Function] { didSet { lookups = Lookups() } }
    public var services: [ItemKey: Service] { didSet { lookups = Lookups() } }
    public var rules: [ItemKey: Rule] { didSet { lookups = Lookups() } }
    public var journeys: [Journey]
    public var pages: [FreePage]
    public var glossary: [GlossaryEntry]
    public var attachments: [Attachment]
    public var relations: Relations
    /// Each function's `requests.csv`, by function id order: measured, never published.
    public var requests: [RequestLog] = []
    /// `catalogue.yml` and `glossary.yml` as read: where a setting or a term is written.
    public var dataFiles: [SourceFile] = []
    /// Made again whenever the functions, services or rules change.
    var lookups = Lookups()

    /// Sorted by key.
    public func services(of function: String) -> [Service] { serviceKeys(of: function).map { services[$0]! } }

    /// Sorted by key.
    public func rules(of function: String) -> [Rule] { ruleKeys(of: function).map { rules[$0]! } }

    /// The keys alone, where the services and rules themselves are not
    /// wanted: copying each to read its key was a tenth of listing the pages.
    func serviceKeys(of function: String) -> [ItemKey] { lookups.tables(self).services[function, default: []] }

    func ruleKeys(of function: String) -> [ItemKey] { lookups.tables(self).rules[function, default: []] }

    /// Every service's key, sorted: the one order services are listed,
    /// checked and encoded in.
    var serviceKeys: [ItemKey] { lookups.tables(self).serviceKeys }

    var ruleKeys: [ItemKey] { lookups.tables(self).ruleKeys }

    /// Every service, sorted by key.
    var sortedServices: [Service] { serviceKeys.map { services[$0]! } }

    /// Every rule, sorted by key.
    var sortedRules: [Rule] { ruleKeys.map { rules[$0]! } }

    public func function(_ id: String) -> Function? { lookups.tables(self).functions[id].map { functions[$0] } }

    func functionTitle(_ id: String) -> String? { lookups.tables(self).functions[id].map { functions[$0].title } }

    /// Functions by id, and each function's services and rules, made the
    /// first time they are asked for. Pages ask for them page after page:
    /// scanning the whole catalogue each time made 100,000 pages take
    /// quadratic time.
    final class Lookups: @unchecked Sendable {
        struct Tables {
            /// Index in `functions` of the first function with each id.
            var functions: [String: Int]
            var services: [String: [ItemKey]]
            var rules: [String: [ItemKey]]
            var serviceKeys: [ItemKey]
            var ruleKeys: [ItemKey]
        }

        private let lock = NSLock()
        private var made: Tables?

        func tables(_ catalogue: Catalogue) -> Tables {
            lock.withLock {
                if let made { return made }
                let serviceKeys = catalogue.services.keys.sorted()
                let ruleKeys = catalogue.rules.keys.sorted()
                let tables = Tables(
                    functions: Dictionary(catalogue.functions.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first }),
                    services: Dictionary(grouping: serviceKeys, by: \.function),
                    rules: Dictionary(grouping: ruleKeys, by: \.function),
                    serviceKeys: serviceKeys, ruleKeys: ruleKeys)
                made = tables
                return tables
            }
        }
    }
}

/// Links that run both ways, built once from the ids editors wrote on either side.
public struct Relations: Sendable {
    public var rulesByService: [ItemKey: [ItemKey]] = [:]
    public var servicesByRule: [ItemKey: [ItemKey]] = [:]
    /// rule → the rule it replaces
    public var supersedes: [ItemKey: ItemKey] = [:]
    /// rule → the rule that replaces it
    public var supersededBy: [ItemKey: ItemKey] = [:]
    /// journey id → services in order (unresolved steps are left out)
    public var journeysByService: [ItemKey: [String]] = [:]

    mutating func link(service: ItemKey, rule: ItemKey) {
        if !(rulesByService[service]?.contains(rule) ?? false) { rulesByService[service, default: []].append(rule) }
        if !(servicesByRule[rule]?.contains(service) ?? false) { servicesByRule[rule, default: []].append(service) }
    }
}
