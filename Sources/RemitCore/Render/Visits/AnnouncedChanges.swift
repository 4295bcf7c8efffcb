import Foundation

/// What the theme's `remit-visits.js` needs to tell a returning reader what
/// changed: each rule's and service's announced changes (its `changes`
/// entries and its `effective` date; a service has those of its rules), on the
/// page itself, and every rule's, in one script per month of the change's date
/// for the home page's list. Scripts, not JSON, so they load from `file://`.
/// Every change is written, also those whose date is still to come: the
/// script counts one once the reader's own today reaches its date, so a rule
/// taking effect is news on that day without a rebuild.
struct AnnouncedChanges: Sendable {
    /// One change as the script reads it: `[id, date, text, link]`, the link an
    /// address inside the site (`hr/rules/x/#page-history`); on the home page's
    /// list also the rule's title.
    struct Item: Sendable, Hashable {
        var id: String
        var date: LocalDate
        var text: String
        var link: String
        var title: String

        var forPage: [String] { [id, date.description, text, link] }
        var forList: [String] { [id, date.description, text, link, title] }

        /// Most recent first; on one day, in the order of the rule's history.
        static func newestFirst(_ a: Item, _ b: Item) -> Bool { a.date == b.date ? a.id < b.id : b.date < a.date }
    }

    static let folder = "changes/announced/"
    /// The pages the files are made from, beside today.
    static let madeFrom: Set<CataloguePage.Kind> = [.rule]

    /// Changes by rule, most recent first.
    var byRule: [ItemKey: [Item]] = [:]

    init(_ catalogue: Catalogue, changes: ChangeCalendar) {
        for (key, events) in changes.byRule {
            guard let rule = catalogue.rules[key] else { continue }
            // The rule page's history lists every announced change, the day it takes effect too.
            let link = Route.rule(key).path + "#page-history"
            byRule[key] = events.map { event in
                Item(
                    id: event.id, date: event.date,
                    text: event.kind == .takesEffect ? "Took effect on \(event.date.longDescription)." : event.summary,
                    link: link, title: rule.title)
            }.sorted(by: Item.newestFirst)
        }
    }

    /// The banner's data for a rule's page; nil when it has no changes.
    /// Made with the page, not for every page of every rebuild: a title edit
    /// renders a few pages, and making every page's banner was a tenth of it.
    func view(rule key: ItemKey) -> AnnouncedView? {
        byRule[key].map { AnnouncedView(page: Route.rule(key).path, items: $0.map(\.forPage)) }
    }

    /// The banner's data for a service's page: the changes of its rules, each
    /// named with its rule's title; nil when they have none.
    func view(service key: ItemKey, rules: [ItemKey]) -> AnnouncedView? {
        let items = rules.flatMap { rule in
            (byRule[rule] ?? []).map { item in
                var named = item
                named.text = item.text.hasPrefix("Took effect")
                    ? "\(item.title) took effect on \(item.date.longDescription)." : "\(item.title): \(item.text)"
                return named
            }
        }
        guard !items.isEmpty else { return nil }
        return AnnouncedView(page: Route.service(key).path, items: items.sorted(by: Item.newestFirst).map(\.forPage))
    }

    /// `changes/announced/index.js` (the months there are, and the build's
    /// version) and one `changes/announced/YYYY-MM.js` per month.
    func files() -> [OutputFile] {
        let months = Dictionary(grouping: byRule.values.joined(), by: { String($0.date.description.prefix(7)) })
        var version = StableHash()
        var shards: [OutputFile] = []
        for month in months.keys.sorted() {
            let items = months[month]!.sorted(by: Item.newestFirst).map(\.forList)
            let json = SearchIndex.json(items)
            version.add(month + json)
            shards.append(.text(Self.folder + month + ".js", "window.REMIT_ANNOUNCED&&window.REMIT_ANNOUNCED(\"\(month)\",\(json));\n"))
        }
        let index = SearchIndex.json(Index(months: months.keys.sorted(), version: version.hex))
        return [.text(Self.folder + "index.js", "window.REMIT_ANNOUNCED_INDEX=\(index);\n")] + shards
    }

    struct Index: Encodable {
        var months: [String]
        var version: String
    }
}

/// A page's announced changes, for the banner `remit-visits.js` shows a returning reader.
struct AnnouncedView: Sendable, Hashable {
    /// The page's address in the site: the key its visits are recorded under.
    var page: String
    /// `[id, date, text, link]` each, most recent first.
    var items: [[String]]

    /// The items as JSON, an attribute's value: made when the page is
    /// rendered, not for every page of every rebuild.
    var json: String { SearchIndex.json(items) }
}

extension AnnouncedView: TemplateView {
    static let templateKeys: [String: PartialKeyPath<AnnouncedView> & Sendable] = [
        "page": \.page,
        "items": \.items,
        "json": \.json,
    ]
}
