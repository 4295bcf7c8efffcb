/// Rules in force whose owners must review them: overdue, or due soon.
public struct ReviewSchedule: Sendable {
    /// How far ahead "due soon" looks.
    public static let horizonDays = 90

    public struct Item: Sendable, Hashable {
        public var rule: ItemKey
        public var reviewBy: LocalDate
        public var owner: String?
    }

    /// `review_by` before today, oldest first.
    public var overdue: [Item]
    /// `review_by` from today to `horizonDays` ahead, soonest first.
    public var dueSoon: [Item]

    public init(_ catalogue: Catalogue, today: LocalDate) {
        let items = catalogue.rules.values.compactMap { rule -> Item? in
            guard Self.needsReview(rule), let date = rule.reviewBy?.value else { return nil }
            return Item(rule: rule.key, reviewBy: date, owner: rule.owner)
        }.sorted { ($0.reviewBy, $0.rule) < ($1.reviewBy, $1.rule) }
        overdue = items.filter { $0.reviewBy < today }
        let horizon = today.adding(days: Self.horizonDays)
        dueSoon = items.filter { $0.reviewBy >= today && $0.reviewBy <= horizon }
    }

    /// Superseded, retired and draft rules are not reviewed any more.
    public static func needsReview(_ rule: Rule) -> Bool {
        rule.status == .active || rule.status == .proposed
    }

    public static func isOverdue(_ rule: Rule, today: LocalDate) -> Bool {
        needsReview(rule) && (rule.reviewBy.map { $0.value < today } ?? false)
    }
}
