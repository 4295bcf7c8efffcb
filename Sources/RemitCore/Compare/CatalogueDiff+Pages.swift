extension CatalogueDiff {
    /// What every page has: its title (shown on other pages too), its summary,
    /// and its body, compared word by word.
    static func pageChanges(
        _ subject: Change.Subject, id: String, function: String?, route: Route,
        title: (old: String, new: String), summary: (old: String?, new: Located<String>?),
        source: (old: PageSource, new: PageSource), fields: FieldLocator
    ) -> [Change] {
        var changes: [Change] = []
        if Prose.normalised(title.old) != Prose.normalised(title.new) {
            changes.append(Change(
                .titleChanged, subject, id: id, function: function, title: title.new, field: "title",
                old: .text(title.old), new: .text(title.new), location: fields.field("title"), route: route))
        }
        if summary.old.map(Prose.normalised) != summary.new.map({ Prose.normalised($0.value) }) {
            changes.append(Change(
                .summaryChanged, subject, id: id, function: function, title: title.new, field: "summary",
                old: .text(summary.old), new: .text(summary.new?.value), location: summary.new?.location ?? fields.field("summary"),
                route: route))
        }
        if let wording = wordingChange(source.old, source.new) {
            var change = wording
            change.subject = subject
            change.id = id
            change.function = function
            change.title = title.new
            change.route = route
            changes.append(change)
        }
        return changes
    }

    /// "Wording changed", with each place's words out and in (old and new
    /// lists of one length), at the line of the first place.
    static func wordingChange(_ old: PageSource, _ new: PageSource) -> Change? {
        guard old.body != new.body else { return nil }
        let words = WordDiff(old: String(old.body), new: String(new.body))
        guard let first = words.hunks.first else { return nil }
        return Change(
            .wordingChanged, .page, id: "", function: nil, title: "", field: "body",
            old: .list(words.hunks.map { WordDiff.phrase($0.removed) }), new: .list(words.hunks.map { WordDiff.phrase($0.inserted) }),
            location: new.file.location(line: new.bodyFirstLine + first.line, column: 1), note: words.summary)
    }

    /// Free pages (`pages/<id>.md`): added, removed, or changed.
    static func freePages(_ old: Catalogue, _ new: Catalogue) -> [Change] {
        let (both, removed, added) = pair(
            Dictionary(old.pages.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a }),
            Dictionary(new.pages.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a }))
        var changes = added.map {
            Change(.pageAdded, .page, id: "pages/\($0.id)", function: nil, title: $0.title, field: "", location: $0.source.file.start, route: .page($0.id))
        }
        changes += removed.map {
            Change(.pageRemoved, .page, id: "pages/\($0.id)", function: nil, title: $0.title, field: "", location: $0.source.file.start)
        }
        for (before, after) in both where before.source.file.text != after.source.file.text {
            changes += pageChanges(
                .page, id: "pages/\(after.id)", function: nil, route: .page(after.id), title: (before.title, after.title),
                summary: (before.summary?.value, after.summary), source: (before.source, after.source), fields: FieldLocator(after.source.file))
        }
        return changes
    }
}
