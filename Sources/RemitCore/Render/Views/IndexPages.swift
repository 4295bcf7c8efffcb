import Markdown
import Mustache

struct HomePageView: Sendable, Hashable {
    struct FunctionCard: Sendable, Hashable {
        var title: String
        var url: String
        var summary: String
        /// "3 services · 1 rule"
        var counts: String
    }

    var functions: [FunctionCard]
    var journeys: [SummaryLink]
    var pages: [SummaryLink]
    var nextDeadlines: [DeadlineItemView]
    var comingChanges: [ChangeItemView]
    var changeWindowDays: Int
}

/// A title, an address and a one-line summary.
struct SummaryLink: Sendable, Hashable {
    var title: String
    var url: String
    var summary: String?
}

struct GlossaryPageView: Sendable, Hashable {
    struct EntryView: Sendable, Hashable {
        var term: String
        var id: String
        var meaning: String
        var aka: String?
    }

    var entries: [EntryView]
}

struct AToZPageView: Sendable, Hashable {
    struct Group: Sendable, Hashable {
        var letter: String
        var id: String
        var items: [Item]
    }

    struct Item: Sendable, Hashable {
        var title: String
        var url: String
        var kind: String
    }

    var groups: [Group]
}

struct FreePageView: Sendable, Hashable {
    var title: String
    var summary: String?
    var bodyHTML: HTMLText
}

/// A page whose template needs nothing but its title (404, search).
struct TitleOnlyView: Sendable, Hashable {
    var title: String
}

extension ViewFactory {
    static let homeDeadlineCount = 5

    static func count(_ number: Int, _ noun: String) -> String { "\(number) \(noun)\(number == 1 ? "" : "s")" }
    /// Four weeks: far enough to prepare, near enough to matter.
    static let homeChangeWindowDays = 28

    func homePage() -> PageContext<HomePageView> {
        let view = HomePageView(
            functions: catalogue.functions.map {
                .init(title: $0.title, url: url(.function($0.id)), summary: $0.summary.value,
                      counts: Self.count(catalogue.services(of: $0.id).count, "service") + " · " + Self.count(catalogue.rules(of: $0.id).count, "rule"))
            },
            journeys: catalogue.journeys.map { .init(title: $0.title, url: url(.journey($0.id)), summary: $0.summary.value) },
            pages: catalogue.pages.map { .init(title: $0.title, url: url(.page($0.id)), summary: $0.summary?.value) },
            nextDeadlines: deadlines.upcoming.prefix(Self.homeDeadlineCount).map(deadlineItem),
            comingChanges: changes.upcoming(within: Self.homeChangeWindowDays, of: today).compactMap(changeItem),
            changeWindowDays: Self.homeChangeWindowDays)
        var meta = meta(catalogue.config.title, description: "What \(catalogue.config.organisation)'s corporate services provide, how long they take and why their rules exist.", source: nil, crumbs: [])
        meta.breadcrumbs = []
        return PageContext(site: site, meta: meta, page: view)
    }

    func glossaryPage() -> PageContext<GlossaryPageView> {
        let entries = zip(catalogue.glossary, glossaryAnchors).map { entry, anchor in
            GlossaryPageView.EntryView(
                term: entry.term, id: anchor, meaning: entry.meaning,
                aka: entry.aka.isEmpty ? nil : entry.aka.joined(separator: ", "))
        }
        return PageContext(
            site: site, meta: meta("Glossary", description: "Terms and acronyms used in this catalogue.", source: nil, crumbs: []),
            page: GlossaryPageView(entries: entries))
    }

    /// Glossary anchors use the same slugs as headings: stable and unique. In glossary order.
    var glossaryAnchors: [String] {
        var slugger = HeadingSlugger(reserved: BodyRenderer.themeIDs)
        return catalogue.glossary.map { slugger.uniqueSlug("term-" + $0.term) }
    }

    func aToZPage() -> PageContext<AToZPageView> {
        var items: [AToZPageView.Item] = []
        for function in catalogue.functions {
            items.append(.init(title: function.title, url: url(.function(function.id)), kind: "Function"))
        }
        for service in catalogue.services.values {
            items.append(.init(title: service.title, url: url(.service(service.key)), kind: "Service · " + functionTitle(service.key.function)))
        }
        for rule in catalogue.rules.values {
            items.append(.init(title: rule.title, url: url(.rule(rule.key)), kind: "Rule · " + functionTitle(rule.key.function)))
        }
        for journey in catalogue.journeys {
            items.append(.init(title: journey.title, url: url(.journey(journey.id)), kind: "Journey"))
        }
        for page in catalogue.pages {
            items.append(.init(title: page.title, url: url(.page(page.id)), kind: "Page"))
        }
        // Each title lowercased once, not in every comparison.
        items = items.map { (key: $0.title.lowercased(), item: $0) }
            .sorted { ($0.key, $0.item.url) < ($1.key, $1.item.url) }
            .map(\.item)
        var groups: [AToZPageView.Group] = []
        for item in items {
            let first = item.title.first.map { $0.isLetter ? String($0).uppercased() : "#" } ?? "#"
            if groups.last?.letter == first {
                groups[groups.count - 1].items.append(item)
            } else {
                groups.append(.init(letter: first, id: first == "#" ? "other" : "letter-" + first.lowercased(), items: [item]))
            }
        }
        return PageContext(
            site: site, meta: meta("A–Z", description: "Every function, service, rule and journey, A to Z.", source: nil, crumbs: []),
            page: AToZPageView(groups: groups))
    }

    func freePage(_ page: FreePage) -> PageContext<FreePageView> {
        PageContext(
            site: site, meta: meta(page.title, description: page.summary?.value, source: page.source, crumbs: []),
            page: FreePageView(title: page.title, summary: page.summary?.value, bodyHTML: body(page.source)))
    }

    func searchPage() -> PageContext<TitleOnlyView> {
        PageContext(
            site: site, meta: meta("Search", description: "Search every service, rule, team and term.", source: nil, crumbs: []),
            page: TitleOnlyView(title: "Search"))
    }

    func notFoundPage() -> PageContext<TitleOnlyView> {
        PageContext(
            site: site, meta: meta("Page not found", description: nil, source: nil, crumbs: []),
            page: TitleOnlyView(title: "Page not found"))
    }
}

// Template lookups by name: see `PageContext` for why.

extension HomePageView: TemplateView {
    static let templateKeys: [String: PartialKeyPath<HomePageView> & Sendable] = [
        "functions": \.functions,
        "journeys": \.journeys,
        "pages": \.pages,
        "nextDeadlines": \.nextDeadlines,
        "comingChanges": \.comingChanges,
        "changeWindowDays": \.changeWindowDays,
    ]
}

extension HomePageView.FunctionCard: TemplateView {
    static let templateKeys: [String: PartialKeyPath<HomePageView.FunctionCard> & Sendable] = [
        "title": \.title,
        "url": \.url,
        "summary": \.summary,
        "counts": \.counts,
    ]
}

extension SummaryLink: TemplateView {
    static let templateKeys: [String: PartialKeyPath<SummaryLink> & Sendable] = [
        "title": \.title,
        "url": \.url,
        "summary": \.summary,
    ]
}

extension GlossaryPageView: TemplateView {
    static let templateKeys: [String: PartialKeyPath<GlossaryPageView> & Sendable] = [
        "entries": \.entries,
    ]
}

extension GlossaryPageView.EntryView: TemplateView {
    static let templateKeys: [String: PartialKeyPath<GlossaryPageView.EntryView> & Sendable] = [
        "term": \.term,
        "id": \.id,
        "meaning": \.meaning,
        "aka": \.aka,
    ]
}

extension AToZPageView: TemplateView {
    static let templateKeys: [String: PartialKeyPath<AToZPageView> & Sendable] = [
        "groups": \.groups,
    ]
}

extension AToZPageView.Group: TemplateView {
    static let templateKeys: [String: PartialKeyPath<AToZPageView.Group> & Sendable] = [
        "letter": \.letter,
        "id": \.id,
        "items": \.items,
    ]
}

extension AToZPageView.Item: TemplateView {
    static let templateKeys: [String: PartialKeyPath<AToZPageView.Item> & Sendable] = [
        "title": \.title,
        "url": \.url,
        "kind": \.kind,
    ]
}

extension FreePageView: TemplateView {
    static let templateKeys: [String: PartialKeyPath<FreePageView> & Sendable] = [
        "title": \.title,
        "summary": \.summary,
        "bodyHTML": \.bodyHTML,
    ]
}

extension TitleOnlyView: TemplateView {
    static let templateKeys: [String: PartialKeyPath<TitleOnlyView> & Sendable] = [
        "title": \.title,
    ]
}
