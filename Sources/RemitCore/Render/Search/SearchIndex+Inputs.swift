extension SearchIndex {
    /// What one page's entry is made from.
    struct Input {
        var title: String
        var route: Route
        var kind: String
        var tags: [String]
        var summary: String?
        var source: PageSource?
        var function: String?
    }

    /// Every page written by an editor, in the index's order; or those at the routes `only` names.
    static func inputs(_ factory: ViewFactory, only: Set<Route>? = nil) -> [Input] {
        let catalogue = factory.catalogue
        var inputs: [Input] = []
        func wanted(_ route: Route) -> Bool { only?.contains(route) ?? true }
        // Sorting ten thousand keys is most of the work for a few pages.
        func ordered<Item>(_ items: [ItemKey: Item], _ route: (ItemKey) -> Route) -> [Item] {
            guard only != nil else { return items.sorted { $0.key < $1.key }.map(\.value) }
            return items.filter { wanted(route($0.key)) }.sorted { $0.key < $1.key }.map(\.value)
        }
        for function in catalogue.functions where wanted(.function(function.id)) {
            inputs.append(Input(title: function.title, route: .function(function.id), kind: "Team", tags: [function.id], summary: function.summary.value, source: function.source))
        }
        for service in ordered(catalogue.services, Route.service) {
            let function = factory.functionLink(service.key.function).title
            inputs.append(Input(
                title: service.title, route: .service(service.key), kind: "Service · " + function,
                tags: service.tags + [service.key.id.replacingOccurrences(of: "-", with: " ")],
                summary: service.summary.value, source: service.source, function: function))
        }
        for rule in ordered(catalogue.rules, Route.rule) {
            let function = factory.functionLink(rule.key.function).title
            inputs.append(Input(
                title: rule.title, route: .rule(rule.key), kind: "Rule · " + function + (rule.status == .active ? "" : " · " + rule.status.label),
                tags: [rule.key.id.replacingOccurrences(of: "-", with: " ")],
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
