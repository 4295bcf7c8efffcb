/// The whole published catalogue, typed and cross-linked: what the render stage
/// reads. Drafts are not in it. Everything is sorted, so output is deterministic.
public struct Catalogue: Sendable {
    public var config: SiteConfig
    /// Sorted by id.
    public var functions: [Function]
    public var services: [ItemKey: Service]
    public var rules: [ItemKey: Rule]
    public var journeys: [Journey]
    public var pages: [FreePage]
    public var glossary: [GlossaryEntry]
    public var attachments: [Attachment]
    public var relations: Relations
    /// Each function's `requests.csv`, by function id order: measured, never published.
    public var requests: [RequestLog] = []
    /// `catalogue.yml` and `glossary.yml` as read: where a setting or a term is written.
    public var dataFiles: [SourceFile] = []

    public func services(of function: String) -> [Service] {
        services.values.filter { $0.key.function == function }.sorted { $0.key < $1.key }
    }

    public func rules(of function: String) -> [Rule] {
        rules.values.filter { $0.key.function == function }.sorted { $0.key < $1.key }
    }

    public func function(_ id: String) -> Function? { functions.first { $0.id == id } }
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

    mutating func sort() {
        rulesByService = rulesByService.mapValues { $0.sorted() }
        servicesByRule = servicesByRule.mapValues { $0.sorted() }
        journeysByService = journeysByService.mapValues { Array(Set($0)).sorted() }
    }
}
