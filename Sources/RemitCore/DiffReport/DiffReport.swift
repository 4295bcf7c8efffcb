/// A `RevisionDiff` told to reviewers: a one-line summary, the changes grouped
/// by function and then by page, the warnings, and the pages affected. The
/// Markdown, JSON and text forms all read this one arrangement.
public struct DiffReport: Sendable {
    public let diff: RevisionDiff
    /// Where page links point: `--base-url` (a preview deployment, say), else
    /// HEAD's `base_url`. Links are absolute only when it names a host.
    public let site: BaseURL

    public init(_ diff: RevisionDiff, baseURL: BaseURL? = nil) {
        self.diff = diff
        site = baseURL ?? diff.baseURL
    }

    /// One page (or setting) and what changes on it.
    struct Item {
        var subject: Change.Subject
        var id: String
        var title: String
        var route: Route?
        var changes: [Change]
    }

    /// A function's changes, or (nil id) those across the catalogue.
    struct Group {
        var function: String?
        var title: String
        var items: [Item]
        var changeCount: Int { items.reduce(0) { $0 + $1.changes.count } }
    }

    var groups: [Group] {
        var groups: [Group] = []
        for change in diff.changes {
            if groups.last?.function != change.function || groups.isEmpty {
                let title = change.function.map { diff.functionTitles[$0] ?? $0 } ?? "Across the catalogue"
                groups.append(Group(function: change.function, title: title, items: []))
            }
            if let last = groups[groups.count - 1].items.last, last.id == change.id, last.subject == change.subject {
                groups[groups.count - 1].items[groups[groups.count - 1].items.count - 1].changes.append(change)
            } else {
                groups[groups.count - 1].items.append(Item(subject: change.subject, id: change.id, title: change.title, route: change.route, changes: [change]))
            }
        }
        return groups
    }

    /// "3 services and 2 rules change in Human Resources and Finance; 1 warning".
    public var summary: String {
        let errors = [("BASE", diff.base), ("HEAD", diff.head)].filter { !$0.1.errors.isEmpty }
        if !errors.isEmpty {
            return errors.map { "\($0.0), \($0.1.label), has \(Self.count($0.1.errors.count, "error"))" }.joined(separator: " and ")
                + "; nothing was compared"
        }
        var parts: [String] = []
        var total = 0
        for (subject, noun) in [(Change.Subject.service, "service"), (.rule, "rule"), (.function, "function page"), (.journey, "journey"), (.page, "page"), (.glossary, "glossary term")] {
            let count = Set(diff.changes.filter { $0.subject == subject }.map(\.id)).count
            if count > 0 { parts.append(Self.count(count, noun)) }
            total += count
        }
        if diff.changes.contains(where: { $0.subject == .settings }) {
            parts.append("the working calendar")
            total += 1
        }
        var line: String
        if parts.isEmpty {
            line = "Nothing changes for clients"
        } else {
            let functions = Array(Set(diff.changes.compactMap(\.function))).sorted().map { diff.functionTitles[$0] ?? $0 }
            line = Self.list(parts) + (total == 1 ? " changes" : " change")
            if !functions.isEmpty { line += " in " + Self.list(functions) }
        }
        if !diff.warnings.isEmpty { line += "; " + Self.count(diff.warnings.count, "warning") }
        return line
    }

    /// A change in a few words, for a table cell or a terminal line.
    static func headline(_ change: Change) -> String {
        let old = change.old?.description ?? "none"
        let new = change.new?.description ?? "none"
        let direction = change.direction.map { $0 == .sameLength ? " (same length)" : " (\($0.rawValue))" } ?? ""
        switch change.kind {
        case .serviceAdded: return "new service, turnaround \(new)"
        case .serviceRemoved: return "service removed"
        case .turnaroundChanged: return "turnaround \(old) → \(new)\(direction)"
        case .inputByChanged: return "input by \(old) → \(new)\(direction)"
        case .deadlineAdded: return "deadline added: \(new)"
        case .deadlineMoved: return "deadline moved: \(old) → \(new)"
        case .deadlineRemoved: return "deadline removed: \(old)"
        case .requestChanged: return "request channel \(old) → \(new)"
        case .youProvideAdded: return "you provide: added “\(new)”"
        case .youProvideRemoved: return "you provide: removed “\(old)”"
        case .ruleAdded: return "new rule (\(change.note ?? ""))"
        case .ruleRemoved: return "rule removed"
        case .statusChanged: return "status \(old) → \(new)"
        case .effectiveMoved: return "effective \(old) → \(new)"
        case .consultationOpened: return "consultation opened, until \(new)"
        case .consultationExtended: return "consultation extended: \(old) → \(new)"
        case .consultationShortened: return "consultation shortened: \(old) → \(new)"
        case .consultationClosed: return "consultation closed (was until \(old))"
        case .summaryChanged: return "summary changed"
        case .appliesToChanged: return "applies to \(old) → \(new)"
        case .functionAdded: return "new function"
        case .functionRemoved: return "function removed"
        case .providesAdded: return "provides: added “\(new)”"
        case .providesRemoved: return "provides: removed “\(old)”"
        case .doesNotProvideAdded: return "does not provide: added “\(new)”"
        case .doesNotProvideRemoved: return "does not provide: removed “\(old)”"
        case .contactChanged: return "\(change.field.replacingOccurrences(of: ".", with: " ")) \(old) → \(new)"
        case .journeyAdded: return "new journey, total \(new)"
        case .journeyRemoved: return "journey removed"
        case .journeyStepsChanged: return "steps \(old) → \(new)"
        case .journeyTotalChanged: return "total \(old) → \(new)\(direction): \(change.note ?? "")"
        case .pageAdded: return "new page"
        case .pageRemoved: return "page removed"
        case .termAdded: return "glossary term added"
        case .termRemoved: return "glossary term removed"
        case .holidaysChanged: return "holidays changed: \(change.note ?? "")"
        case .businessDaysChanged: return "working days \(old) → \(new): \(change.note ?? "")"
        case .titleChanged: return "title “\(old)” → “\(new)”"
        case .wordingChanged: return "wording changed (\(change.note ?? ""))"
        }
    }

    /// The changes' words, place by place: “out” → “in”.
    static func wording(_ change: Change) -> [String] {
        guard case .list(let out)? = change.old, case .list(let into)? = change.new else { return [] }
        return zip(out, into).map { out, into in
            out.isEmpty ? "added “\(into)”" : into.isEmpty ? "removed “\(out)”" : "“\(out)” → “\(into)”"
        }
    }

    /// The page's address under the site: absolute when the site has a host.
    func address(_ route: Route) -> String { site.absolute(route.path) }

    func address(ofFile path: String) -> String { site.absolute(path) }

    static func count(_ number: Int, _ noun: String) -> String { "\(number) \(noun)\(number == 1 ? "" : "s")" }

    /// "a", "a and b", "a, b and c".
    static func list(_ items: [String]) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " and " + items.last!
    }
}
