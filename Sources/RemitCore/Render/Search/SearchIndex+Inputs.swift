extension SearchIndex {
    /// What one page's entry is made from.
    struct Input: Sendable {
        var title: String
        var route: Route
        var kind: String
        var tags: [String]
        var summary: String?
        var source: PageSource?
        var function: String?

        /// All of an input's text an entry is made from: the same text, the same entry.
        struct Text: Sendable, Equatable {
            var title: String
            var kind: String
            var summary: String
            var body: String
            var function: String
            var tags: [String]
            var glossary: Int

            /// Byte for byte: `String`'s `==` holds canonically equivalent
            /// texts equal, but the index must show what the page says now.
            static func == (a: Self, b: Self) -> Bool {
                a.glossary == b.glossary && a.title.hasSameBytes(b.title) && a.kind.hasSameBytes(b.kind)
                    && a.summary.hasSameBytes(b.summary) && a.body.hasSameBytes(b.body) && a.function.hasSameBytes(b.function)
                    && a.tags.count == b.tags.count && zip(a.tags, b.tags).allSatisfy { $0.hasSameBytes($1) }
            }
        }
    }

    /// An id's words (`sick-pay` → `sick pay`), without Foundation's search,
    /// which bridged each id to UTF-16.
    static func spaced(_ id: String) -> String { String(id.map { $0 == "-" ? " " : $0 }) }

    /// Every page written by an editor, in the index's order; or those at the routes `only` names.
    static func inputs(_ factory: ViewFactory, only: Set<Route>? = nil) -> [Input] { inputs(factory.catalogue, only: only) }

    static func inputs(_ catalogue: Catalogue, only: Set<Route>? = nil) -> [Input] {
        func functionTitle(_ id: String) -> String { catalogue.functionTitle(id) ?? id }
        var inputs: [Input] = []
        func wanted(_ route: Route) -> Bool { only?.contains(route) ?? true }
        // By the sorted keys, not sorting the entries: sorting ten thousand
        // entries copied each one (every field retained) several times over.
        func ordered<Item>(_ items: [ItemKey: Item], _ keys: [ItemKey], _ route: (ItemKey) -> Route) -> [Item] {
            (only == nil ? keys : keys.filter { wanted(route($0)) }).map { items[$0]! }
        }
        for function in catalogue.functions where wanted(.function(function.id)) {
            inputs.append(Input(title: function.title, route: .function(function.id), kind: "Team", tags: [function.id], summary: function.summary.value, source: function.source))
        }
        for service in ordered(catalogue.services, catalogue.serviceKeys, Route.service) {
            let function = functionTitle(service.key.function)
            inputs.append(Input(
                title: service.title, route: .service(service.key), kind: "Service · " + function,
                tags: service.tags + [Self.spaced(service.key.id)],
                summary: service.summary.value, source: service.source, function: function))
        }
        for rule in ordered(catalogue.rules, catalogue.ruleKeys, Route.rule) {
            let function = functionTitle(rule.key.function)
            inputs.append(Input(
                title: rule.title, route: .rule(rule.key), kind: "Rule · " + function + (rule.status == .active ? "" : " · " + rule.status.label),
                tags: [Self.spaced(rule.key.id)],
                summary: rule.summary.value, source: rule.source, function: function))
        }
        for journey in catalogue.journeys where wanted(.journey(journey.id)) {
            inputs.append(Input(title: journey.title, route: .journey(journey.id), kind: "Journey", tags: [journey.id], summary: journey.summary.value, source: journey.source))
        }
        for page in catalogue.pages where wanted(.page(page.id)) {
            inputs.append(Input(title: page.title, route: .page(page.id), kind: "Page", tags: [page.id], summary: page.summary?.value, source: page.source))
        }
        return inputs
    }
}
