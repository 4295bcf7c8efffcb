/// One dated change to a rule: the day it takes effect, or an entry of its
/// `changes` history.
public struct ChangeEvent: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        case takesEffect = "takes-effect"
        case changed
    }

    public var date: LocalDate
    public var rule: ItemKey
    public var kind: Kind
    /// What changed: the history entry, or the rule's summary when it takes effect.
    public var summary: String
    /// Stable across builds, whatever else changes: the feed's entry id. Two
    /// history entries of one rule on one date are told apart by their order.
    public internal(set) var id = ""
    /// Position in the rule's `changes` list: the editor's order breaks ties.
    var order = 0

    init(date: LocalDate, rule: ItemKey, kind: Kind, summary: String, order: Int = 0) {
        self.date = date
        self.rule = rule
        self.kind = kind
        self.summary = summary
        self.order = order
    }
}

/// An ISO 8601 week, the unit change fatigue is counted in.
public struct ISOWeek: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var year: Int
    public var week: Int

    public init(_ date: LocalDate) {
        (year, week) = date.isoWeek
    }

    public var description: String { "\(year)-W\(week < 10 ? "0" : "")\(week)" }

    public static func < (lhs: Self, rhs: Self) -> Bool { (lhs.year, lhs.week) < (rhs.year, rhs.week) }
}

/// The rule changes across all functions, split at today, so clients see what
/// is coming and teams see where too much lands in one week.
public struct ChangeCalendar: Sendable {
    /// How far back "recent changes" reach.
    public static let recentDays = 90

    /// From today on, soonest first.
    public var upcoming: [ChangeEvent]
    /// The last `recentDays` days, most recent first.
    public var recent: [ChangeEvent]
    /// Every change, most recent first: what the feed publishes.
    public var all: [ChangeEvent]
    /// Weeks from today on in which more rules take effect than `change_limit_per_week`.
    public var busyWeeks: [ISOWeek: [ChangeEvent]]
    /// Each rule's changes, most recent first. These are its *announced*
    /// changes: what editors wrote for clients, as against every edit in git.
    /// One counts for readers once its date has arrived.
    public var byRule: [ItemKey: [ChangeEvent]]

    public init(_ catalogue: Catalogue, today: LocalDate) {
        // Each event is sorted by date, rule, kind (`changed` before
        // `takes-effect`, as their raw values sort) and order, as two
        // numbers: comparing the events themselves compared two keys' strings
        // and copied every event's fields, over and over (a twentieth of a
        // title edit). A rule's place among the rules stands for its key.
        struct Place { var high: UInt64, low: UInt64 }
        let keys = catalogue.ruleKeys
        var unsorted: [ChangeEvent] = []
        var places: [Place] = []
        for (rank, key) in keys.enumerated() {
            let rule = catalogue.rules[key]!
            func add(_ event: ChangeEvent) {
                let date = UInt64(event.date.year * 512 + event.date.month * 32 + event.date.day)
                places.append(Place(high: date << 32 | UInt64(rank), low: UInt64(event.kind == .changed ? 0 : 1) << 32 | UInt64(event.order)))
                unsorted.append(event)
            }
            if let event = Self.takingEffect(rule) { add(event) }
            for (order, change) in rule.changes.enumerated() {
                add(ChangeEvent(date: change.date, rule: key, kind: .changed, summary: change.summary, order: order))
            }
        }
        let order = unsorted.indices.sorted { (places[$0].high, places[$0].low) < (places[$1].high, places[$1].low) }
        var events = order.map { unsorted[$0] }
        // Events of one rule, kind and date are neighbours in this order: the
        // second and later are told apart by a count.
        var repeats = 0
        for (index, place) in order.map({ places[$0] }).enumerated() {
            let previous = index > 0 ? places[order[index - 1]] : nil
            repeats = previous.map { $0.high == place.high && $0.low >> 32 == place.low >> 32 } == true ? repeats + 1 : 1
            let event = events[index]
            let base = "\(event.rule.function)/\(event.rule.id)/\(event.kind.rawValue)/\(event.date)"
            events[index].id = repeats == 1 ? base : "\(base)/\(repeats)"
        }
        // Each rule's, most recent first, gathered by its place (not hashing its key for every event).
        var byPlace = [[ChangeEvent]](repeating: [], count: keys.count)
        for index in events.indices.reversed() {
            byPlace[Int(places[order[index]].high & 0xFFFF_FFFF)].append(events[index])
        }
        byRule = Dictionary(uniqueKeysWithValues: zip(keys, byPlace).filter { !$0.1.isEmpty })
        upcoming = events.filter { $0.date >= today }
        let cutoff = today.adding(days: -Self.recentDays)
        recent = events.filter { $0.date < today && $0.date >= cutoff }.reversed()
        all = events.reversed()
        busyWeeks = Self.busyWeeks(upcoming, limit: catalogue.config.changeLimitPerWeek)
    }

    /// The day a rule takes effect, if it still does: a superseded or retired
    /// rule no longer takes effect (its history still happened).
    static func takingEffect(_ rule: Rule) -> ChangeEvent? {
        guard let effective = rule.effective?.value, rule.status == .active || rule.status == .proposed else { return nil }
        return ChangeEvent(date: effective, rule: rule.key, kind: .takesEffect, summary: rule.summary.value)
    }

    /// The weeks in which more rules take effect than `limit`, of `events`
    /// in the calendar's order.
    private static func busyWeeks(_ events: [ChangeEvent], limit: Int) -> [ISOWeek: [ChangeEvent]] {
        Dictionary(grouping: events.filter { $0.kind == .takesEffect }, by: { ISOWeek($0.date) }).filter { $0.value.count > limit }
    }

    /// The busy weeks alone, from today on, as the calendar has them (its
    /// events' ids left out), without making the calendar: the change
    /// fatigue check wants only these. Events taking effect are one per
    /// rule, so by date and key is the calendar's order for them.
    static func busyWeeks(_ catalogue: Catalogue, today: LocalDate) -> [ISOWeek: [ChangeEvent]] {
        let upcoming = catalogue.rules.values.compactMap(takingEffect).filter { $0.date >= today }
            .sorted { $0.date != $1.date ? $0.date < $1.date : $0.rule < $1.rule }
        return busyWeeks(upcoming, limit: catalogue.config.changeLimitPerWeek)
    }

    /// Changes from today up to and including `today + days`.
    public func upcoming(within days: Int, of today: LocalDate) -> [ChangeEvent] {
        let end = today.adding(days: days)
        return upcoming.filter { $0.date <= end }
    }
}
