import Mustache

struct ServicePageView: Sendable, Hashable {
    struct DeadlineView: Sendable, Hashable {
        var date: DateView
        var what: String
        var isPast: Bool
    }

    struct RequestView: Sendable, Hashable {
        var href: String
        var label: String
        var isEmail: Bool
    }

    var title: String
    var summary: String
    var function: LinkView
    var turnaround: String
    var inputBy: String?
    var deadlines: [DeadlineView]
    var request: RequestView?
    var youProvide: [String]
    var rules: [RuleSummaryView]
    var journeys: [LinkView]
    var tags: [LinkView]
    var planner: PlannerView
    /// "How long it really takes", when the function publishes its requests.
    var performance: ServicePerformanceView?
    var bodyHTML: HTMLText
}

extension ViewFactory {
    func servicePage(_ service: Service) -> PageContext<ServicePageView> {
        let request = service.request.flatMap { channel -> ServicePageView.RequestView? in
            guard let href = URLPolicy.href(channel.href) else { return nil }
            if case .email = channel { return .init(href: href, label: channel.label, isEmail: true) }
            return .init(href: href, label: channel.label, isEmail: false)
        }
        let view = ServicePageView(
            title: service.title, summary: service.summary.value,
            function: functionLink(service.key.function),
            turnaround: service.turnaround.text, inputBy: service.inputBy?.description,
            deadlines: service.deadlines.map { .init(date: DateView($0.date), what: $0.what, isPast: $0.date < today) },
            request: request, youProvide: service.youProvide,
            rules: (catalogue.relations.rulesByService[service.key] ?? []).compactMap { ruleSummary($0) },
            journeys: (catalogue.relations.journeysByService[service.key] ?? []).compactMap { id in
                catalogue.journeys.first { $0.id == id }.map { LinkView(title: $0.title, url: url(.journey($0.id))) }
            },
            tags: service.tags.map { LinkView(title: $0, url: url(.tag(TagIndex.slug($0)))) },
            planner: planner(for: service), performance: performanceSection(service), bodyHTML: body(service.source))
        return PageContext(
            site: site,
            meta: meta(service.title, description: service.summary.value, source: service.source,
                       crumbs: [functionLink(service.key.function)], section: service.key.function, scripts: ["remit-planner.js"],
                       announced: announced.view(service: service.key, rules: catalogue.relations.rulesByService[service.key] ?? [])),
            page: view)
    }
}

// Template lookups by name: see `PageContext` for why.

extension ServicePageView: TemplateView {
    static let templateKeys: [String: PartialKeyPath<ServicePageView> & Sendable] = [
        "title": \.title,
        "summary": \.summary,
        "function": \.function,
        "turnaround": \.turnaround,
        "inputBy": \.inputBy,
        "deadlines": \.deadlines,
        "request": \.request,
        "youProvide": \.youProvide,
        "rules": \.rules,
        "journeys": \.journeys,
        "tags": \.tags,
        "planner": \.planner,
        "performance": \.performance,
        "bodyHTML": \.bodyHTML,
    ]
}

extension ServicePageView.DeadlineView: TemplateView {
    static let templateKeys: [String: PartialKeyPath<ServicePageView.DeadlineView> & Sendable] = [
        "date": \.date,
        "what": \.what,
        "isPast": \.isPast,
    ]
}

extension ServicePageView.RequestView: TemplateView {
    static let templateKeys: [String: PartialKeyPath<ServicePageView.RequestView> & Sendable] = [
        "href": \.href,
        "label": \.label,
        "isEmail": \.isEmail,
    ]
}
