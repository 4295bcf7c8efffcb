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

/// Only schemes that cannot run code reach an `href`.
enum SafeURL {
    static func href(_ raw: String?) -> String? {
        guard let raw = raw?.trimmingCharacters(in: .whitespaces), !raw.isEmpty else { return nil }
        guard let scheme = LinkResolver.scheme(of: raw) else { return raw }
        return LinkResolver.allowedSchemes.contains(scheme) ? raw : nil
    }
}
