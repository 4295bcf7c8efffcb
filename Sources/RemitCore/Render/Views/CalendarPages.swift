import Mustache

/// Items of one month, for pages that list dates.
struct MonthGroup<Item: Sendable & Hashable>: Sendable, Hashable {
    var name: String
    var id: String
    var items: [Item]

    /// Consecutive entries of the same month share a group; the order is kept.
    static func grouping<Entry>(_ entries: [Entry], prefix: String, date: (Entry) -> LocalDate, item: (Entry) -> Item?) -> [MonthGroup] {
        var groups: [MonthGroup] = []
        for entry in entries {
            guard let item = item(entry) else { continue }
            let day = date(entry)
            let id = "\(prefix)-\(day.description.prefix(7))"
            if groups.last?.id == id {
                groups[groups.count - 1].items.append(item)
            } else {
                groups.append(MonthGroup(name: "\(LocalDate.monthNames[day.month - 1]) \(day.year)", id: id, items: [item]))
            }
        }
        return groups
    }
}

struct DeadlineItemView: Sendable, Hashable {
    var date: DateView
    var what: String
    var service: LinkView
    var function: String
}

struct ChangeItemView: Sendable, Hashable {
    var date: DateView
    var isTakingEffect: Bool
    var summary: String
    var rule: RuleSummaryView
    /// "Busy week: 4 changes take effect in the week of 7 December 2026".
    var busyWeek: String?
}

struct DeadlinesPageView: Sendable, Hashable {
    var upcoming: [MonthGroup<DeadlineItemView>]
    var past: [DeadlineItemView]
    var calendarURL: String
}

struct ChangesPageView: Sendable, Hashable {
    struct BusyWeekView: Sendable, Hashable {
        var label: String
        var rules: [LinkView]
    }

    var upcoming: [MonthGroup<ChangeItemView>]
    var recent: [MonthGroup<ChangeItemView>]
    var busyWeeks: [BusyWeekView]
    var limit: Int
    var recentDays: Int
    var feedURL: String
}

struct ReviewPageView: Sendable, Hashable {
    struct FunctionGroup: Sendable, Hashable {
        var function: LinkView
        var owners: [OwnerGroup]
    }

    struct OwnerGroup: Sendable, Hashable {
        var owner: String
        var items: [ItemView]
    }

    struct ItemView: Sendable, Hashable {
        var rule: LinkView
        var reviewBy: DateView
        var status: StatusView
    }

    var overdue: [FunctionGroup]
    var dueSoon: [FunctionGroup]
    var horizonDays: Int
    var today: DateView
}

extension ViewFactory {
    func deadlineItem(_ entry: DeadlineEntry) -> DeadlineItemView {
        DeadlineItemView(
            date: DateView(entry.date), what: entry.what, service: serviceLink(entry.service),
            function: functionTitle(entry.service.function))
    }

    func changeItem(_ event: ChangeEvent) -> ChangeItemView? {
        guard let rule = ruleSummary(event.rule) else { return nil }
        let week = ISOWeek(event.date)
        // Busy weeks are counted from today on, so only upcoming changes carry the badge.
        let busy = event.kind == .takesEffect && event.date >= today ? changes.busyWeeks[week] : nil
        return ChangeItemView(
            date: DateView(event.date), isTakingEffect: event.kind == .takesEffect, summary: event.summary, rule: rule,
            busyWeek: busy.map { "Busy week: \($0.count) rules take effect in the week of \(Self.monday(of: event.date).longDescription)" })
    }

    static func monday(of date: LocalDate) -> LocalDate { date.adding(days: -date.weekday.isoIndex) }

    func deadlinesPage() -> PageContext<DeadlinesPageView> {
        let view = DeadlinesPageView(
            upcoming: MonthGroup.grouping(deadlines.upcoming, prefix: "deadlines", date: \.date, item: deadlineItem),
            past: deadlines.past.map(deadlineItem), calendarURL: url(Route("deadlines.ics")))
        return PageContext(
            site: site,
            meta: meta("Deadlines", description: "Every fixed date across the corporate services: budget bids, year-end cut-offs and more.", source: nil, crumbs: []),
            page: view)
    }

    func changesPage() -> PageContext<ChangesPageView> {
        let busy = changes.busyWeeks.keys.sorted().map { week -> ChangesPageView.BusyWeekView in
            let events = changes.busyWeeks[week] ?? []
            return .init(
                label: "Week of \(Self.monday(of: events[0].date).longDescription): \(events.count) rules take effect",
                rules: events.map { ruleLink($0.rule) })
        }
        let view = ChangesPageView(
            upcoming: MonthGroup.grouping(changes.upcoming, prefix: "coming", date: \.date, item: changeItem),
            recent: MonthGroup.grouping(changes.recent, prefix: "recent", date: \.date, item: changeItem),
            busyWeeks: busy, limit: catalogue.config.changeLimitPerWeek, recentDays: ChangeCalendar.recentDays,
            feedURL: url(Route("changes.atom")))
        return PageContext(
            site: site,
            meta: meta("Change calendar", description: "Rules taking effect soon and rules changed recently, across every team.", source: nil, crumbs: []),
            page: view)
    }

    func reviewPage() -> PageContext<ReviewPageView> {
        func groups(_ items: [ReviewSchedule.Item]) -> [ReviewPageView.FunctionGroup] {
            // Grouping keeps each group's items in order (filtering them for each function was quadratic).
            let byFunction = Dictionary(grouping: items, by: \.rule.function)
            return byFunction.keys.sorted().map { function in
                let byOwner = Dictionary(grouping: byFunction[function]!, by: { $0.owner ?? "No owner named" })
                let owners = byOwner.keys.sorted().map { owner in
                    ReviewPageView.OwnerGroup(owner: owner, items: byOwner[owner]!.map { item in
                        .init(rule: ruleLink(item.rule), reviewBy: DateView(item.reviewBy),
                              status: status(catalogue.rules[item.rule]?.status ?? .active))
                    })
                }
                return .init(function: functionLink(function), owners: owners)
            }
        }
        let view = ReviewPageView(
            overdue: groups(reviews.overdue), dueSoon: groups(reviews.dueSoon),
            horizonDays: ReviewSchedule.horizonDays, today: DateView(today))
        return PageContext(
            site: site,
            meta: meta("Review status", description: "Rules overdue for review and rules due for review soon, by team and owner.", source: nil, crumbs: []),
            page: view)
    }
}

// Template lookups by name: see `PageContext` for why.

extension MonthGroup: TemplateView {
    // A generic type has no stored statics; `child(named:)` is written out for speed.
    static var templateKeys: [String: PartialKeyPath<MonthGroup> & Sendable] { ["name": \.name, "id": \.id, "items": \.items] }

    func child(named name: String) -> Any? {
        switch name {
        case "name": self.name
        case "id": self.id
        case "items": self.items
        default: nil
        }
    }
}

extension DeadlineItemView: TemplateView {
    static let templateKeys: [String: PartialKeyPath<DeadlineItemView> & Sendable] = [
        "date": \.date,
        "what": \.what,
        "service": \.service,
        "function": \.function,
    ]
}

extension ChangeItemView: TemplateView {
    static let templateKeys: [String: PartialKeyPath<ChangeItemView> & Sendable] = [
        "date": \.date,
        "isTakingEffect": \.isTakingEffect,
        "summary": \.summary,
        "rule": \.rule,
        "busyWeek": \.busyWeek,
    ]
}

extension DeadlinesPageView: TemplateView {
    static let templateKeys: [String: PartialKeyPath<DeadlinesPageView> & Sendable] = [
        "upcoming": \.upcoming,
        "past": \.past,
        "calendarURL": \.calendarURL,
    ]
}

extension ChangesPageView: TemplateView {
    static let templateKeys: [String: PartialKeyPath<ChangesPageView> & Sendable] = [
        "upcoming": \.upcoming,
        "recent": \.recent,
        "busyWeeks": \.busyWeeks,
        "limit": \.limit,
        "recentDays": \.recentDays,
        "feedURL": \.feedURL,
    ]
}

extension ChangesPageView.BusyWeekView: TemplateView {
    static let templateKeys: [String: PartialKeyPath<ChangesPageView.BusyWeekView> & Sendable] = [
        "label": \.label,
        "rules": \.rules,
    ]
}

extension ReviewPageView: TemplateView {
    static let templateKeys: [String: PartialKeyPath<ReviewPageView> & Sendable] = [
        "overdue": \.overdue,
        "dueSoon": \.dueSoon,
        "horizonDays": \.horizonDays,
        "today": \.today,
    ]
}

extension ReviewPageView.FunctionGroup: TemplateView {
    static let templateKeys: [String: PartialKeyPath<ReviewPageView.FunctionGroup> & Sendable] = [
        "function": \.function,
        "owners": \.owners,
    ]
}

extension ReviewPageView.OwnerGroup: TemplateView {
    static let templateKeys: [String: PartialKeyPath<ReviewPageView.OwnerGroup> & Sendable] = [
        "owner": \.owner,
        "items": \.items,
    ]
}

extension ReviewPageView.ItemView: TemplateView {
    static let templateKeys: [String: PartialKeyPath<ReviewPageView.ItemView> & Sendable] = [
        "rule": \.rule,
        "reviewBy": \.reviewBy,
        "status": \.status,
    ]
}
