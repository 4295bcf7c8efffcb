import Foundation

/// Prepares the view of each page from the catalogue, the site map and the
/// rendered bodies. Pure: the same inputs give the same views.
struct ViewFactory: Sendable {
    private(set) var catalogue: Catalogue
    private(set) var siteMap: SiteMap
    private(set) var bodies: [String: RenderedBody]
    let today: LocalDate
    /// The same on every page: prepared once, not once per page.
    let site: SiteView
    private(set) var resolver: LinkResolver
    let deadlines: DeadlineCalendar
    let changes: ChangeCalendar
    let reviews: ReviewSchedule
    /// How long each measured service really takes (`requests.csv`).
    let performance: PerformanceReport
    let tagIndex: TagIndex
    private(set) var history: GitHistory
    /// Each rule's and service's previous versions, from git.
    private(set) var versions: PageVersions
    /// Each rule's announced changes, which rule and service pages make their banners from.
    let announced: AnnouncedChanges
    /// catalogue.json's entries from the last build (`BuildCache`); nil in a
    /// one-off build, whose entries go once the file is written.
    private(set) var catalogueJSON: CatalogueJSON.Memo?

    init(catalogue: Catalogue, siteMap: SiteMap, bodies: [String: RenderedBody], today: LocalDate, history: GitHistory = .unavailable, versions: PageVersions = .none, offline: Bool = false) {
        self.catalogue = catalogue
        self.siteMap = siteMap
        self.bodies = bodies
        self.today = today
        self.history = history
        self.versions = versions
        deadlines = DeadlineCalendar(catalogue, today: today)
        changes = ChangeCalendar(catalogue, today: today)
        reviews = ReviewSchedule(catalogue, today: today)
        performance = PerformanceReport(catalogue, today: today)
        tagIndex = TagIndex(catalogue)
        announced = AnnouncedChanges(catalogue, changes: changes)
        let base = catalogue.config.baseURL
        site = SiteView(
            title: catalogue.config.title, organisation: catalogue.config.organisation, base: base.path,
            functions: catalogue.functions.map { LinkView(title: $0.title, url: base.link(Route.function($0.id).path)) },
            offline: offline)
        resolver = LinkResolver(siteMap: siteMap, base: base)
    }

    /// The same factory with the pages' bodies and what git knows: nothing
    /// else it holds depends on them, so it is prepared once per build.
    func rendering(bodies: [String: RenderedBody], history: GitHistory, versions: PageVersions, catalogueJSON: CatalogueJSON.Memo? = nil) -> ViewFactory {
        var factory = self
        factory.catalogueJSON = catalogueJSON
        factory.bodies = bodies
        factory.history = history
        factory.versions = versions
        return factory
    }

    /// The same factory after edits to pages' bodies (`BodyEdit`): their
    /// front matter is what it was, so nothing else it holds changes.
    mutating func replacePages(catalogue: Catalogue, siteMap: SiteMap, bodies: [String: RenderedBody]) {
        self.catalogue = catalogue
        self.siteMap = siteMap
        self.bodies = bodies
        resolver = LinkResolver(siteMap: siteMap, base: catalogue.config.baseURL)
    }

    var base: BaseURL { catalogue.config.baseURL }

    func url(_ route: Route) -> String { base.link(route.path) }

    func meta(
        _ title: String, description: String?, source: PageSource?, crumbs: [LinkView], section: String? = nil, scripts: [String] = [],
        announced: AnnouncedView? = nil
    ) -> PageMeta {
        var editURL: String?
        if let pattern = catalogue.config.editURL, let source {
            editURL = URLPolicy.href(pattern.replacingOccurrences(of: "{path}", with: source.file.displayPath))
        }
        return PageMeta(
            title: title, description: description,
            breadcrumbs: [LinkView(title: "Home", url: url(.home))] + crumbs, editURL: editURL, section: section,
            scripts: scripts.map { base.link("assets/" + $0) },
            lastUpdated: source.flatMap { history.lastUpdated[$0.file.relativePath] }.map(DateView.init),
            announced: announced,
            versions: source.flatMap(versionsView))
    }

    func body(_ source: PageSource) -> HTMLText {
        HTMLText(html: bodies[source.file.relativePath]?.html ?? "")
    }

    func status(_ status: RuleStatus) -> StatusView {
        StatusView(label: status.label, name: status.rawValue, isNotInForce: status != .active)
    }

    func ruleSummary(_ key: ItemKey) -> RuleSummaryView? {
        guard let rule = catalogue.rules[key] else { return nil }
        let why = bodies[rule.source.file.relativePath]?.whyHeading
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
        LinkView(title: functionTitle(id), url: url(.function(id)))
    }

    /// The title alone, for lists that name a function on each line: the
    /// link's address, and a copy of the function, were most of making them.
    func functionTitle(_ id: String) -> String { catalogue.functionTitle(id) ?? id }

    func serviceLink(_ key: ItemKey) -> LinkView {
        LinkView(title: catalogue.services[key]?.title ?? key.description, url: url(.service(key)))
    }

    func ruleLink(_ key: ItemKey) -> LinkView {
        LinkView(title: catalogue.rules[key]?.title ?? key.description, url: url(.rule(key)))
    }
}
