/// What changes for clients between two catalogues: typed `Change`s, computed
/// from the two values alone (no files, no git), so anything holding two
/// catalogues can ask (`remit diff`; a page's "Previous versions").
///
/// Text is compared as clients read it: a change of spacing or line wrapping,
/// or a duration written another way with the same length, is no change.
public struct CatalogueDiff: Sendable {
    /// Grouped by function (catalogue-wide changes last), then by page and kind.
    public let changes: [Change]
    /// Function titles by id, HEAD's (or BASE's, for a function removed).
    public let functionTitles: [String: String]

    public init(old: Catalogue, new: Catalogue) {
        var changes: [Change] = []
        changes += Self.functions(old, new)
        changes += Self.services(old, new)
        changes += Self.rules(old, new)
        changes += Self.journeys(old, new)
        changes += Self.freePages(old, new)
        changes += Self.glossary(old, new)
        changes += Self.settings(old, new)
        self.changes = changes.sorted(by: Self.order)
        var titles: [String: String] = [:]
        for function in old.functions + new.functions { titles[function.id] = function.title }
        functionTitles = titles
    }

    /// Functions in id order, catalogue-wide changes after them; within one
    /// page, the kinds in the order they are declared.
    static func order(_ a: Change, _ b: Change) -> Bool {
        let subjects = Change.Subject.allCases
        let kinds = Change.Kind.allCases
        let left = (a.function ?? "\u{10FFFF}", subjects.firstIndex(of: a.subject)!, a.id, kinds.firstIndex(of: a.kind)!, a.field)
        let right = (b.function ?? "\u{10FFFF}", subjects.firstIndex(of: b.subject)!, b.id, kinds.firstIndex(of: b.kind)!, b.field)
        if left != right { return left < right }
        return (a.location?.line ?? 0) < (b.location?.line ?? 0)
    }

    /// Items present on both sides by key, and those on one side only, in key order.
    static func pair<Key: Comparable, Item>(_ old: [Key: Item], _ new: [Key: Item]) -> (both: [(Item, Item)], removed: [Item], added: [Item]) {
        let both = Set(old.keys).intersection(new.keys).sorted().map { (old[$0]!, new[$0]!) }
        let removed = Set(old.keys).subtracting(new.keys).sorted().map { old[$0]! }
        let added = Set(new.keys).subtracting(old.keys).sorted().map { new[$0]! }
        return (both, removed, added)
    }

    /// Items of two lists, compared as read: those only in the old one, and only in the new one.
    static func listDifference(_ old: [String], _ new: [String]) -> (removed: [String], added: [String]) {
        let oldSet = Set(old.map(Prose.normalised))
        let newSet = Set(new.map(Prose.normalised))
        return (old.filter { !newSet.contains(Prose.normalised($0)) }, new.filter { !oldSet.contains(Prose.normalised($0)) })
    }

    /// Longer or shorter for clients: the longest time first (what planners
    /// count), then the shortest; across units, in business days.
    static func direction(_ old: BusinessDuration, _ new: BusinessDuration) -> Change.Direction {
        let days: (BusinessDuration) -> (Int, Int) = { duration in
            old.unit == new.unit
                ? (duration.maximum, duration.minimum)
                : (DurationTotal.businessDays(duration.maximum, duration.unit), DurationTotal.businessDays(duration.minimum, duration.unit))
        }
        let (before, after) = (days(old), days(new))
        return after > before ? .longer : after < before ? .shorter : .sameLength
    }

    static func sameLength(_ old: BusinessDuration, _ new: BusinessDuration) -> Bool {
        (old.minimum, old.maximum, old.unit) == (new.minimum, new.maximum, new.unit)
    }
}
