/// What a reviewer should be warned of in a change, as the `Diagnostic`s that
/// `remit check` prints (same type, same formatter), each at its file and line:
/// - a turnaround made longer, a rule's summary changed, or an effective date
///   moved, with no new `changes` entry telling clients;
/// - a rule newly taking effect in an ISO week already over
///   `change_limit_per_week` (the change calendar's own count).
public enum ReviewWarnings {
    public static let untold = "clients are not told about this change; add a `changes` entry"

    public static func check(_ changes: [Change], old: Catalogue, new: Catalogue, today: LocalDate) -> [Diagnostic] {
        var warnings: [Diagnostic] = []
        for change in changes {
            guard let location = change.location, let message = untoldChange(change, old: old, new: new) else { continue }
            warnings.append(Diagnostic(.warning, at: location, message))
        }
        warnings += busyWeeks(old: old, new: new, today: today)
        return warnings.sorted()
    }

    /// The message for a change clients should hear of but are not told, or nil.
    private static func untoldChange(_ change: Change, old: Catalogue, new: Catalogue) -> String? {
        let was = change.old?.description ?? "none"
        let now = change.new?.description ?? "none"
        switch (change.subject, change.kind) {
        case (.service, .turnaroundChanged) where change.direction == .longer:
            guard let key = ItemKey(reference: change.id, within: ""), new.services[key] != nil else { return nil }
            // A service has no history of its own: its rules' histories are on its page.
            let rules = new.relations.rulesByService[key] ?? []
            guard rules.allSatisfy({ key in new.rules[key].map { CatalogueDiff.newHistory(old.rules[key], $0).isEmpty } ?? true }) else { return nil }
            let whose = rules.isEmpty
                ? " to a rule that applies to this service (a service has no history of its own)"
                : " to a rule that applies to this service (\(rules.map(\.description).joined(separator: ", ")))"
            return "turnaround of '\(change.id)' made longer (\(was) → \(now)): \(untold)\(whose)"
        case (.rule, .summaryChanged), (.rule, .effectiveMoved):
            guard let key = ItemKey(reference: change.id, within: ""), let rule = new.rules[key],
                CatalogueDiff.newHistory(old.rules[key], rule).isEmpty
            else { return nil }
            let what = change.kind == .summaryChanged ? "summary of rule '\(change.id)' changed" : "effective date of rule '\(change.id)' moved (\(was) → \(now))"
            return "\(what): \(untold)"
        default:
            return nil
        }
    }

    /// Rules taking effect in a busy week of HEAD's change calendar that were
    /// not taking effect in that week in BASE's.
    private static func busyWeeks(old: Catalogue, new: Catalogue, today: LocalDate) -> [Diagnostic] {
        let before = Set(ChangeCalendar(old, today: today).upcoming.filter { $0.kind == .takesEffect }.map { "\($0.rule) \(ISOWeek($0.date))" })
        let limit = new.config.changeLimitPerWeek
        var warnings: [Diagnostic] = []
        for (week, events) in ChangeCalendar(new, today: today).busyWeeks.sorted(by: { $0.key < $1.key }) {
            let names = events.map { "\($0.rule) (\($0.date))" }.joined(separator: ", ")
            for event in events where !before.contains("\(event.rule) \(week)") {
                guard let location = new.rules[event.rule]?.effective?.location else { continue }
                warnings.append(Diagnostic(
                    .warning, at: location,
                    "rule '\(event.rule)' newly takes effect in ISO week \(week), which is already over change_limit_per_week (\(limit)) with \(events.count) rules taking effect: \(names); move it to a quieter week"))
            }
        }
        return warnings
    }
}
