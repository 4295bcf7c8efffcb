import Foundation
import Mustache

struct RulePageView: Sendable, Hashable {
    struct ChangeView: Sendable, Hashable {
        var date: DateView
        var summary: String
    }

    var title: String
    var summary: String
    var function: LinkView
    var status: StatusView
    var isProposed: Bool
    var consultUntil: DateView?
    var effective: DateView?
    var takesEffectLater: Bool
    var reviewBy: DateView?
    var isOverdueForReview: Bool
    var owner: String?
    var appliesTo: [LinkView]
    var supersedes: LinkView?
    var supersededBy: LinkView?
    var fullPolicy: String?
    var exceptions: String?
    /// Its announced changes, newest first: the `changes` entries and the day it takes effect.
    var changes: [ChangeView]
    /// Announced changes or previous versions to show under "History".
    var hasHistory: Bool
    var feedbackURL: String?
    var bodyHTML: HTMLText
}

extension ViewFactory {
    func rulePage(_ rule: Rule) -> PageContext<RulePageView> {
        let relations = catalogue.relations
        // Resolved like a Markdown link: an attachment, a page or an http(s) URL.
        let policy = rule.fullPolicy.flatMap { raw -> String? in
            let href = resolver.href(resolver.resolve(raw.value, from: rule.source.file.relativePath))
            return href.isEmpty ? nil : href
        }
        let view = RulePageView(
            title: rule.title, summary: rule.summary.value, function: functionLink(rule.key.function),
            status: status(rule.status), isProposed: rule.status == .proposed,
            consultUntil: rule.consultUntil.map(DateView.init),
            effective: rule.effective.map { DateView($0.value) },
            takesEffectLater: rule.effective.map { $0.value > today } ?? false,
            reviewBy: rule.reviewBy.map { DateView($0.value) },
            isOverdueForReview: ReviewSchedule.isOverdue(rule, today: today), owner: rule.owner,
            appliesTo: (relations.servicesByRule[rule.key] ?? []).map(serviceLink),
            supersedes: relations.supersedes[rule.key].map(ruleLink),
            supersededBy: relations.supersededBy[rule.key].map(ruleLink),
            fullPolicy: policy, exceptions: rule.exceptions,
            changes: (changes.byRule[rule.key] ?? []).map { event in
                let summary = event.kind == .changed ? event.summary : event.date > today ? "Takes effect." : "Took effect."
                return .init(date: DateView(event.date), summary: summary)
            },
            hasHistory: changes.byRule[rule.key] != nil || versions.pages[rule.source.file.relativePath] != nil,
            feedbackURL: feedbackURL(title: rule.title, route: .rule(rule.key)),
            bodyHTML: body(rule.source))
        return PageContext(
            site: site,
            meta: meta(rule.title, description: rule.summary.value, source: rule.source,
                       crumbs: [functionLink(rule.key.function)], section: rule.key.function, announced: announced.view(rule: rule.key)),
            page: view)
    }

    /// The `feedback` pattern with `{title}` and `{url}` filled in, percent-encoded.
    func feedbackURL(title: String, route: Route) -> String? {
        guard let pattern = catalogue.config.feedback else { return nil }
        let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-._~"))
        func encode(_ text: String) -> String { text.addingPercentEncoding(withAllowedCharacters: allowed) ?? "" }
        let filled = pattern
            .replacingOccurrences(of: "{title}", with: encode(title))
            .replacingOccurrences(of: "{url}", with: encode(base.absolute(route.path)))
        return URLPolicy.href(filled)
    }
}

// Template lookups by name: see `PageContext` for why.

extension RulePageView: TemplateView {
    static let templateKeys: [String: PartialKeyPath<RulePageView> & Sendable] = [
        "title": \.title,
        "summary": \.summary,
        "function": \.function,
        "status": \.status,
        "isProposed": \.isProposed,
        "consultUntil": \.consultUntil,
        "effective": \.effective,
        "takesEffectLater": \.takesEffectLater,
        "reviewBy": \.reviewBy,
        "isOverdueForReview": \.isOverdueForReview,
        "owner": \.owner,
        "appliesTo": \.appliesTo,
        "supersedes": \.supersedes,
        "supersededBy": \.supersededBy,
        "fullPolicy": \.fullPolicy,
        "exceptions": \.exceptions,
        "changes": \.changes,
        "hasHistory": \.hasHistory,
        "feedbackURL": \.feedbackURL,
        "bodyHTML": \.bodyHTML,
    ]
}

extension RulePageView.ChangeView: TemplateView {
    static let templateKeys: [String: PartialKeyPath<RulePageView.ChangeView> & Sendable] = [
        "date": \.date,
        "summary": \.summary,
    ]
}
