import Mustache

/// Views are plain values prepared before rendering: templates only read them.
/// Every string is escaped by Mustache's `{{…}}`; only fields named `…HTML`
/// (rendered Markdown and nothing else) are emitted raw with `{{{…}}}`.
struct LinkView: Sendable {
    var title: String
    var url: String
}

struct DateView: Sendable {
    /// `2026-12-01`, for `<time datetime>`.
    var iso: String
    /// `1 December 2026`.
    var text: String

    init(_ date: LocalDate) {
        iso = date.description
        text = date.longDescription
    }
}

struct SiteView: Sendable {
    var title: String
    var organisation: String
    /// Path prefix of every link: `/` or `/services/`.
    var base: String
    var functions: [LinkView]
    /// Built with `--offline`: links are relative and name `index.html`.
    var offline: Bool = false
}

struct PageMeta: Sendable {
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
}

/// What every template receives: the site, the page's metadata and its own view.
///
/// swift-mustache looks up each template variable by reflection (`Mirror`) on
/// every value of the context stack, which took about half of a 10,000-page
/// build. So every view also answers by name (`MustacheParent`), in an
/// extension at the end of its file. `TemplateLookupTests` walks every view of
/// real builds and checks each stored property answers with its value, so a
/// field added to a view but not to its lookup fails a test.
struct PageContext<Content: Sendable>: Sendable {
    var site: SiteView
    var meta: PageMeta
    var page: Content
}

struct RuleSummaryView: Sendable {
    var title: String
    var url: String
    var whyURL: String
    var summary: String
    var status: StatusView
    var function: String
}

struct StatusView: Sendable {
    var label: String
    /// `active`, `proposed`…: the badge's CSS modifier.
    var name: String
    var isNotInForce: Bool
}

struct ServiceSummaryView: Sendable {
    var title: String
    var url: String
    var summary: String
    var turnaround: String
    var inputBy: String?
    var function: String
}

extension LinkView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "title": self.title
        case "url": self.url
        default: nil
        }
    }
}

extension DateView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "iso": self.iso
        case "text": self.text
        default: nil
        }
    }
}

extension SiteView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "title": self.title
        case "organisation": self.organisation
        case "base": self.base
        case "functions": self.functions
        case "offline": self.offline
        default: nil
        }
    }
}

extension PageMeta: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "title": self.title
        case "description": self.description
        case "breadcrumbs": self.breadcrumbs
        case "editURL": self.editURL
        case "section": self.section
        case "scripts": self.scripts
        case "lastUpdated": self.lastUpdated
        default: nil
        }
    }
}

extension PageContext: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "site": self.site
        case "meta": self.meta
        case "page": self.page
        default: nil
        }
    }
}

extension RuleSummaryView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "title": self.title
        case "url": self.url
        case "whyURL": self.whyURL
        case "summary": self.summary
        case "status": self.status
        case "function": self.function
        default: nil
        }
    }
}

extension StatusView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "label": self.label
        case "name": self.name
        case "isNotInForce": self.isNotInForce
        default: nil
        }
    }
}

extension ServiceSummaryView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "title": self.title
        case "url": self.url
        case "summary": self.summary
        case "turnaround": self.turnaround
        case "inputBy": self.inputBy
        case "function": self.function
        default: nil
        }
    }
}
