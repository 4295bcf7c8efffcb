/// What a page shows beyond what every page shows, so that a rebuild after
/// an edit to some pages' front matter makes again only the pages showing
/// them (`FrontMatterEdit`).
///
/// Every page also shows the site-wide part: the header's functions, the
/// settings, today, git's dates and the theme. An edit to any of those is a
/// full build, so they are not listed here.
struct PageInputs: Sendable {
    /// The pages whose front matter or body it shows: itself, and those whose
    /// titles, turnarounds, statuses or "why" sections it lists.
    var pages: [CataloguePage]
    /// Made from the whole catalogue (an index, a calendar): any edit reaches it.
    var wholeCatalogue = false
    /// Made from every page of these kinds (a feed of every rule's changes):
    /// an edit to any of them reaches it, an edit to another kind does not.
    var everyPageOf: Set<CataloguePage.Kind> = []

    static let wholeCatalogue = PageInputs(pages: [], wholeCatalogue: true)

    static func every(_ kinds: Set<CataloguePage.Kind>) -> PageInputs { PageInputs(pages: [], everyPageOf: kinds) }

    /// `changed` is a few items: compared one by one, not hashed.
    func isReached(by changed: [CataloguePage]) -> Bool {
        wholeCatalogue || changed.contains { everyPageOf.contains($0.kind) } || pages.contains(where: changed.contains)
    }
}

extension ViewFactory {
    func inputs(of function: Function) -> PageInputs {
        // Other functions' titles are site-wide (the header lists them).
        let handoffs = function.doesNotProvide.compactMap { handoff -> CataloguePage? in
            if case .service(let key) = handoff.target { .service(key) } else { nil }
        }
        return PageInputs(pages: [.function(function.id)]
            + catalogue.serviceKeys(of: function.id).map { .service($0) } + catalogue.ruleKeys(of: function.id).map { .rule($0) }
            + handoffs)
    }

    /// By key: what a service's or rule's page shows of others is in the relations.
    func inputs(ofService key: ItemKey) -> PageInputs {
        let relations = catalogue.relations
        // A rule's changes are announced on the pages of the services it applies to.
        return PageInputs(pages: [.service(key)]
            + (relations.rulesByService[key] ?? []).map { .rule($0) }
            + (relations.journeysByService[key] ?? []).map { .journey($0) })
    }

    func inputs(ofRule key: ItemKey) -> PageInputs {
        let relations = catalogue.relations
        return PageInputs(pages: [.rule(key)]
            + (relations.servicesByRule[key] ?? []).map { .service($0) }
            + [relations.supersedes[key], relations.supersededBy[key]].compactMap { $0.map { .rule($0) } })
    }

    func inputs(of journey: Journey) -> PageInputs {
        PageInputs(pages: [.journey(journey.id)] + journey.steps.compactMap { $0.serviceKey.map { .service($0) } })
    }

    func inputs(of page: FreePage) -> PageInputs {
        PageInputs(pages: [.page(page.id)])
    }
}
