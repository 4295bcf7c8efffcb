import Foundation

/// Prepares the view of each page from the catalogue, the site map and the
/// rendered bodies. Pure: the same inputs give the same views.
struct ViewFactory: Sendable {
    let catalogue: Catalogue
    let siteMap: SiteMap
    let bodies: [String: RenderedBody]
    let today: LocalDate

    var base: BaseURL { catalogue.config.baseURL }

    func url(_ route: Route) -> String { base.link(route.path) }

    var site: SiteView {
        SiteView(
            title: catalogue.config.title, organisation: catalogue.config.organisation, base: base.path,
            functions: catalogue.functions.map { LinkView(title: $0.title, url: url(.function($0.id))) })
    }

    func meta(_ title: String, description: String?, source: PageSource?, crumbs: [LinkView], section: String? = nil) -> PageMeta {
        var editURL: String?
        if let pattern = catalogue.config.editURL, let source {
            editURL = SafeURL.href(pattern.replacingOccurrences(of: "{path}", with: source.file.displayPath))
        }
        return PageMeta(
            title: title, description: description,
            breadcrumbs: [LinkView(title: "Home", url: url(.home))] + crumbs, editURL: editURL, section: section)
    }

    func body(_ source: PageSource) -> String {
        bodies[source.file.relativePath]?.html ?? ""
    }

    func status(_ status: RuleStatus) -> StatusView {
        StatusView(label: status.label, name: status.rawValue, isNotInForce: status != .active)
    }

    func ruleSummary(_ key: ItemKey) -> RuleSummaryView? {
        guard let rule = catalogue.rules[key] else { return nil }
        let why = bodies[rule.source.file.relativePath]?.headings.first { $0.text.lowercased() == ContentChecks.whyHeading }
        let page = url(.rule(key))
        return RuleSummaryView(
            title: rule.title, url: page, whyURL: page + (why.map { "#" + $0.id } ?? ""),
            summary: rule.summary.value, status: status(rule.status),
            function: catalogue.function(key.function)?.title ?? key.function)
    }

    func serviceSummary(_ key: ItemKey) -> ServiceSummaryView? {
        guard let service = catalogue.services[key] else { return nil }
        return ServiceSummaryView(
            title: service.title, url: url(.service(key)), summary: service.summary.value,
            turnaround: service.turnaround.text, inputBy: service.inputBy?.description,
            function: catalogue.function(key.function)?.title ?? key.function)
    }

    func functionLink(_ id: String) -> LinkView {
        LinkView(title: catalogue.function(id)?.title ?? id, url: url(.function(id)))
    }

    func serviceLink(_ key: ItemKey) -> LinkView {
        LinkView(title: catalogue.services[key]?.title ?? key.description, url: url(.service(key)))
    }

    func ruleLink(_ key: ItemKey) -> LinkView {
        LinkView(title: catalogue.rules[key]?.title ?? key.description, url: url(.rule(key)))
    }
}
