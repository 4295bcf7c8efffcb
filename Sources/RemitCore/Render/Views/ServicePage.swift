import Mustache

struct ServicePageView: Sendable {
    struct DeadlineView: Sendable {
        var date: DateView
        var what: String
        var isPast: Bool
    }

    struct RequestView: Sendable {
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
    var bodyHTML: String
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
            planner: planner(for: service), bodyHTML: body(service.source))
        return PageContext(
            site: site,
            meta: meta(service.title, description: service.summary.value, source: service.source,
                       crumbs: [functionLink(service.key.function)], section: service.key.function, scripts: ["remit-planner.js"]),
            page: view)
    }
}

// Template lookups by name: see `PageContext` for why.

extension ServicePageView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "title": self.title
        case "summary": self.summary
        case "function": self.function
        case "turnaround": self.turnaround
        case "inputBy": self.inputBy
        case "deadlines": self.deadlines
        case "request": self.request
        case "youProvide": self.youProvide
        case "rules": self.rules
        case "journeys": self.journeys
        case "tags": self.tags
        case "planner": self.planner
        case "bodyHTML": self.bodyHTML
        default: nil
        }
    }
}

extension ServicePageView.DeadlineView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "date": self.date
        case "what": self.what
        case "isPast": self.isPast
        default: nil
        }
    }
}

extension ServicePageView.RequestView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "href": self.href
        case "label": self.label
        case "isEmail": self.isEmail
        default: nil
        }
    }
}
