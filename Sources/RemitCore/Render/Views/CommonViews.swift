import Mustache

/// Views are plain values prepared before rendering: templates only read them.
/// Every string is escaped by Mustache's `{{…}}`; only fields named `…HTML`
/// (rendered Markdown and nothing else) are emitted raw with `{{{…}}}`.
struct LinkView: Sendable, Hashable {
    var title: String
    var url: String
}

struct DateView: Sendable, Hashable {
    /// `2026-12-01`, for `<time datetime>`.
    var iso: String
    /// `1 December 2026`.
    var text: String

    init(_ date: LocalDate) {
        iso = date.description
        text = date.longDescription
    }
}

struct SiteView: Sendable, Hashable {
    let title: String
    let organisation: String
    /// Path prefix of every link: `/` or `/services/`.
    let base: String
    let functions: [LinkView]
    /// Built with `--offline`: links are relative and name `index.html`.
    let offline: Bool
    /// All of the above, hashed once: every page's fingerprint holds the site,
    /// and hashing every function's link for each page was a fortieth of a rebuild.
    private let _hashed: Int

    init(title: String, organisation: String, base: String, functions: [LinkView], offline: Bool = false) {
        self.title = title
        self.organisation = organisation
        self.base = base
        self.functions = functions
        self.offline = offline
        var hasher = Hasher()
        hasher.combine(title)
        hasher.combine(organisation)
        hasher.combine(base)
        hasher.combine(functions)
        hasher.combine(offline)
        _hashed = hasher.finalize()
    }

    static func == (a: SiteView, b: SiteView) -> Bool {
        a._hashed == b._hashed && a.title == b.title && a.organisation == b.organisation && a.base == b.base && a.functions == b.functions
            && a.offline == b.offline
    }

    func hash(into hasher: inout Hasher) { hasher.combine(_hashed) }
}

struct PageMeta: Sendable, Hashable {
    var title: String
    var description: String?
    var breadcrumbs: [LinkView]
    var editURL: String?
    /// Marks the current function in the navigation.
    var section: String?
    /// Addresses of the theme scripts this page needs besides the site-wide ones.
    var scripts: [String] = []
    /// The last commit that changed the page's file.
    var lastUpdated: DateView?
    /// Its announced changes, for the "Changed since your last visit" banner.
    var announced: AnnouncedView? = nil
    /// "Previous versions" from git, on rule and service pages.
    var versions: VersionsView? = nil
}

/// What every template receives: the site, the page's metadata and its own view.
///
/// swift-mustache looks up each template variable by reflection (`Mirror`) on
/// every value of the context stack, which took about half of a 10,000-page
/// build. So every view also answers by name (`MustacheParent`), in an
/// extension at the end of its file. `TemplateLookupTests` walks every view of
/// real builds and checks each stored property answers with its value, so a
/// field added to a view but not to its lookup fails a test.
/// HTML made before the template runs (a page's body), which templates
/// show as it is. It is compared and hashed by its bytes: `String` hashes
/// through Unicode normalisation, and bodies are most of what a page's
/// fingerprint hashes (a tenth of a rebuild after a title edit). Bytes are
/// also what the page is made of.
struct HTMLText: Sendable, Hashable, MustacheCustomRenderable, MustacheTransformable {
    var html: String

    var renderText: String { html }
    /// As a `String` would: an empty body still opens a `{{#bodyHTML}}` section.
    var isNull: Bool { false }
    func transform(_ name: String) -> Any? { html.transform(name) }

    static func == (lhs: Self, rhs: Self) -> Bool { lhs.html.hasSameBytes(rhs.html) }
    func hash(into hasher: inout Hasher) { hasher.combineBytes(of: html) }
}

struct PageContext<Content: Sendable & Hashable>: Sendable, Hashable {
    var site: SiteView
    var meta: PageMeta
    var page: Content
}

struct RuleSummaryView: Sendable, Hashable {
    var title: String
    var url: String
    var whyURL: String
    var summary: String
    var status: StatusView
    var function: String
}

struct StatusView: Sendable, Hashable {
    var label: String
    /// `active`, `proposed`…: the badge's CSS modifier.
    var name: String
    var isNotInForce: Bool
}

struct ServiceSummaryView: Sendable, Hashable {
    var title: String
    var url: String
    var summary: String
    var turnaround: String
    var inputBy: String?
    var function: String
}

extension LinkView: TemplateView {
    static let templateKeys: [String: PartialKeyPath<LinkView> & Sendable] = [
        "title": \.title,
        "url": \.url,
    ]
}

extension DateView: TemplateView {
    static let templateKeys: [String: PartialKeyPath<DateView> & Sendable] = [
        "iso": \.iso,
        "text": \.text,
    ]
}

extension SiteView: TemplateView {
    static let templateKeys: [String: PartialKeyPath<SiteView> & Sendable] = [
        "title": \.title,
        "organisation": \.organisation,
        "base": \.base,
        "functions": \.functions,
        "offline": \.offline,
    ]
}

extension PageMeta: TemplateView {
    static let templateKeys: [String: PartialKeyPath<PageMeta> & Sendable] = [
        "title": \.title,
        "description": \.description,
        "breadcrumbs": \.breadcrumbs,
        "editURL": \.editURL,
        "section": \.section,
        "scripts": \.scripts,
        "lastUpdated": \.lastUpdated,
        "announced": \.announced,
        "versions": \.versions,
    ]
}

extension PageContext: TemplateView {
    // A generic type has no stored statics; `child(named:)` is written out for speed.
    static var templateKeys: [String: PartialKeyPath<PageContext> & Sendable] { ["site": \.site, "meta": \.meta, "page": \.page] }

    func child(named name: String) -> Any? {
        switch name {
        case "site": self.site
        case "meta": self.meta
        case "page": self.page
        default: nil
        }
    }
}

extension RuleSummaryView: TemplateView {
    static let templateKeys: [String: PartialKeyPath<RuleSummaryView> & Sendable] = [
        "title": \.title,
        "url": \.url,
        "whyURL": \.whyURL,
        "summary": \.summary,
        "status": \.status,
        "function": \.function,
    ]
}

extension StatusView: TemplateView {
    static let templateKeys: [String: PartialKeyPath<StatusView> & Sendable] = [
        "label": \.label,
        "name": \.name,
        "isNotInForce": \.isNotInForce,
    ]
}

extension ServiceSummaryView: TemplateView {
    static let templateKeys: [String: PartialKeyPath<ServiceSummaryView> & Sendable] = [
        "title": \.title,
        "url": \.url,
        "summary": \.summary,
        "turnaround": \.turnaround,
        "inputBy": \.inputBy,
        "function": \.function,
    ]
}
