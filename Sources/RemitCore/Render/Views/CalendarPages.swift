import Mustache

/// Items of one month, for pages that list dates.
struct MonthGroup<Item: Sendable>: Sendable {
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

struct DeadlineItemView: Sendable {
    var date: DateView
    var what: String
    var service: LinkView
    var function: String
}

struct ChangeItemView: Sendable {
    var date: DateView
    var isTakingEffect: Bool
    var summary: String
    var rule: RuleSummaryView
    /// "Busy week: 4 changes take effect in the week of 7 December 2026".
    var busyWeek: String?
}

struct DeadlinesPageView: Sendable {
    var upcoming: [MonthGroup<DeadlineItemView>]
    var past: [DeadlineItemView]
    var calendarURL: String
}

struct ChangesPageView: Sendable {
    struct BusyWeekView: Sendable {
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

struct ReviewPageView: Sendable {
    struct FunctionGroup: Sendable {
        var function: LinkView
        var owners: [OwnerGroup]
    }

    struct OwnerGroup: Sendable {
        var owner: String
        var items: [ItemView]
    }

    struct ItemView: Sendable {
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
            function: functionLink(entry.service.function).title)
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
            Dictionary(grouping: items, by: \.rule.function).keys.sorted().map { function in
                let inFunction = items.filter { $0.rule.function == function }
                let owners = Dictionary(grouping: inFunction, by: { $0.owner ?? "No owner named" }).keys.sorted().map { owner in
                    ReviewPageView.OwnerGroup(owner: owner, items: inFunction.filter { ($0.owner ?? "No owner named") == owner }.map { item in
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

extension MonthGroup: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "name": self.name
        case "id": self.id
        case "items": self.items
        default: nil
        }
    }
}

extension DeadlineItemView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "date": self.date
        case "what": self.what
        case "service": self.service
        case "function": self.function
        default: nil
        }
    }
}

extension ChangeItemView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "date": self.date
        case "isTakingEffect": self.isTakingEffect
        case "summary": self.summary
        case "rule": self.rule
        case "busyWeek": self.busyWeek
        default: nil
        }
    }
}

extension DeadlinesPageView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "upcoming": self.upcoming
        case "past": self.past
        case "calendarURL": self.calendarURL
        default: nil
        }
    }
}

extension ChangesPageView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "upcoming": self.upcoming
        case "recent": self.recent
        case "busyWeeks": self.busyWeeks
        case "limit": self.limit
        case "recentDays": self.recentDays
        case "feedURL": self.feedURL
        default: nil
        }
    }
}

extension ChangesPageView.BusyWeekView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "label": self.label
        case "rules": self.rules
        default: nil
        }
    }
}

extension ReviewPageView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "overdue": self.overdue
        case "dueSoon": self.dueSoon
        case "horizonDays": self.horizonDays
        case "today": self.today
        default: nil
        }
    }
}

extension ReviewPageView.FunctionGroup: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "function": self.function
        case "owners": self.owners
        default: nil
        }
    }
}

extension ReviewPageView.OwnerGroup: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "owner": self.owner
        case "items": self.items
        default: nil
        }
    }
}

extension ReviewPageView.ItemView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "rule": self.rule
        case "reviewBy": self.reviewBy
        case "status": self.status
        default: nil
        }
    }
}
