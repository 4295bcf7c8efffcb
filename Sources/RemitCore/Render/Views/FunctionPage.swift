import Mustache

struct FunctionPageView: Sendable, Hashable {
    struct HandoffView: Sendable, Hashable {
        var what: String
        var goTo: LinkView?
    }

    struct ContactView: Sendable, Hashable {
        var email: String?
        var emailHref: String?
        var phone: String?
        var channel: String?
        var hours: String?
    }

    var title: String
    var summary: String
    var owner: String?
    var contact: ContactView?
    var provides: [String]
    var doesNotProvide: [HandoffView]
    var services: [ServiceSummaryView]
    var rules: [RuleSummaryView]
    /// Its services' measured figures, when it publishes its requests.
    var performance: PerformanceTableView?
    var bodyHTML: HTMLText
}

extension ViewFactory {
    func functionPage(_ function: Function) -> PageContext<FunctionPageView> {
        let handoffs = function.doesNotProvide.map { handoff -> FunctionPageView.HandoffView in
            let link: LinkView? = switch handoff.target {
            case .function(let id): functionLink(id)
            case .service(let key): serviceLink(key)
            case nil: nil
            }
            return FunctionPageView.HandoffView(what: handoff.what, goTo: link)
        }
        let contact = function.contact.map {
            FunctionPageView.ContactView(
                email: $0.email, emailHref: $0.emailHref, phone: $0.phone,
                channel: URLPolicy.href($0.channel), hours: $0.hours)
        }
        let view = FunctionPageView(
            title: function.title, summary: function.summary.value, owner: function.owner, contact: contact,
            provides: function.provides, doesNotProvide: handoffs,
            services: catalogue.services(of: function.id).compactMap { serviceSummary($0.key) },
            rules: catalogue.rules(of: function.id).compactMap { ruleSummary($0.key) },
            performance: performanceTable(function), bodyHTML: body(function.source))
        return PageContext(
            site: site, meta: meta(function.title, description: function.summary.value, source: function.source, crumbs: [], section: function.id),
            page: view)
    }
}

// Template lookups by name: see `PageContext` for why.

extension FunctionPageView: TemplateView {
    static let templateKeys: [String: PartialKeyPath<FunctionPageView> & Sendable] = [
        "title": \.title,
        "summary": \.summary,
        "owner": \.owner,
        "contact": \.contact,
        "provides": \.provides,
        "doesNotProvide": \.doesNotProvide,
        "services": \.services,
        "rules": \.rules,
        "performance": \.performance,
        "bodyHTML": \.bodyHTML,
    ]
}

extension FunctionPageView.HandoffView: TemplateView {
    static let templateKeys: [String: PartialKeyPath<FunctionPageView.HandoffView> & Sendable] = [
        "what": \.what,
        "goTo": \.goTo,
    ]
}

extension FunctionPageView.ContactView: TemplateView {
    static let templateKeys: [String: PartialKeyPath<FunctionPageView.ContactView> & Sendable] = [
        "email": \.email,
        "emailHref": \.emailHref,
        "phone": \.phone,
        "channel": \.channel,
        "hours": \.hours,
    ]
}
