/// What a staff bulletin says about the weeks ahead (`remit digest`): the rules
/// taking effect, the consultations closing and the deadlines falling due,
/// week by week, and the changes announced since the last bulletin. Built from
/// the same `ChangeCalendar` and `DeadlineCalendar` as the site's pages.
public struct Digest: Sendable {
    public struct Entry: Sendable, Hashable {
        /// In the order a week lists them on one day.
        public enum Kind: Int, Sendable, Hashable, Comparable {
            case takesEffect, changed, consultationCloses, deadline

            public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
        }

        public var date: LocalDate
        public var kind: Kind
        /// The rule, or the service a deadline belongs to.
        public var subject: ItemKey
        /// The rule's summary, the history entry, or what the deadline is for.
        public var summary: String
    }

    /// An ISO week (Monday to Sunday) with something in it.
    public struct Week: Sendable {
        public var monday: LocalDate
        public var entries: [Entry]
        /// How many rules take effect, when that is more than `change_limit_per_week`.
        public var busy: Int?
    }

    public static let defaultWeeks = 4
    /// A weekly bulletin looks back one week unless told `--from`.
    public static let defaultLookBackDays = 7

    public var today: LocalDate
    /// The last day of the period: the Sunday of its last week.
    public var end: LocalDate
    public var weekCount: Int
    /// Weeks from the one holding today, soonest first; weeks with nothing are left out.
    public var weeks: [Week]
    /// Consultations still open after the period, closing soonest first.
    public var laterConsultations: [Entry]
    /// Where the look back starts (`--from`).
    public var from: LocalDate
    /// Changes announced from `from` up to yesterday, most recent first:
    /// history entries, and rules that took effect.
    public var announced: [Entry]

    /// The period runs from `today` to the Sunday of the `weeks`th ISO week,
    /// counting the week that holds today as the first.
    public init(_ catalogue: Catalogue, today: LocalDate, from: LocalDate? = nil, weeks: Int = defaultWeeks) {
        self.today = today
        self.from = from ?? today.adding(days: -Self.defaultLookBackDays)
        weekCount = weeks
        let end = today.adding(days: 6 - today.weekday.isoIndex + 7 * (weeks - 1))
        self.end = end
        let changes = ChangeCalendar(catalogue, today: today)
        let deadlines = DeadlineCalendar(catalogue, today: today)

        func entry(_ event: ChangeEvent) -> Entry {
            Entry(date: event.date, kind: event.kind == .takesEffect ? .takesEffect : .changed, subject: event.rule, summary: event.summary)
        }
        var ahead = changes.upcoming.filter { $0.date <= end }.map(entry)
        ahead += deadlines.upcoming.filter { $0.date <= end }.map { Entry(date: $0.date, kind: .deadline, subject: $0.service, summary: $0.what) }
        var later: [Entry] = []
        for rule in catalogue.rules.values where rule.status == .proposed {
            guard let closes = rule.consultUntil, closes >= today else { continue }
            let consultation = Entry(date: closes, kind: .consultationCloses, subject: rule.key, summary: rule.summary.value)
            if closes <= end { ahead.append(consultation) } else { later.append(consultation) }
        }
        let order: (Entry, Entry) -> Bool = { ($0.date, $0.kind, $0.subject, $0.summary) < ($1.date, $1.kind, $1.subject, $1.summary) }
        self.weeks = Dictionary(grouping: ahead.sorted(by: order), by: { $0.date.adding(days: -$0.date.weekday.isoIndex) })
            .map { Week(monday: $0.key, entries: $0.value, busy: changes.busyWeeks[ISOWeek($0.key)]?.count) }
            .sorted { $0.monday < $1.monday }
        laterConsultations = later.sorted(by: order)
        let start = self.from
        // Most recent first; on one day, in the order of the rule's history.
        announced = changes.all.filter { $0.date >= start && $0.date < today }
            .sorted { ($1.date, $0.rule, $0.kind.rawValue, $0.order) < ($0.date, $1.rule, $1.kind.rawValue, $1.order) }
            .map(entry)
    }
}
