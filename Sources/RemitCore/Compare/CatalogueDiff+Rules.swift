extension CatalogueDiff {
    /// Rules added or removed (a draft is neither: it is not published);
    /// status, effective date, consultation, summary, `applies_to`; title and body.
    static func rules(_ old: Catalogue, _ new: Catalogue) -> [Change] {
        let (both, removed, added) = pair(old.rules, new.rules)
        var changes: [Change] = []
        for rule in added {
            changes.append(Change(
                .ruleAdded, .rule, id: rule.key.description, function: rule.key.function, title: rule.title, field: "",
                new: .text(rule.summary.value), location: rule.source.file.start, route: .rule(rule.key),
                note: rule.effective.map { "\(rule.status.rawValue), effective \($0.value)" } ?? rule.status.rawValue))
        }
        for rule in removed {
            changes.append(Change(
                .ruleRemoved, .rule, id: rule.key.description, function: rule.key.function, title: rule.title, field: "",
                old: .text(rule.summary.value), location: rule.source.file.start))
        }
        for (before, after) in both where before.source.file.text != after.source.file.text {
            changes += ruleChanges(before, after)
        }
        return changes
    }

    private static func ruleChanges(_ before: Rule, _ after: Rule) -> [Change] {
        var changes: [Change] = []
        let fields = FieldLocator(after.source.file)
        func change(_ kind: Change.Kind, _ field: String, _ old: Change.Value?, _ new: Change.Value?, at location: SourceLocation) {
            changes.append(Change(
                kind, .rule, id: after.key.description, function: after.key.function, title: after.title, field: field,
                old: old, new: new, location: location, route: .rule(after.key)))
        }
        if before.status != after.status {
            change(.statusChanged, "status", .text(before.status.rawValue), .text(after.status.rawValue), at: fields.field("status"))
        }
        if before.effective?.value != after.effective?.value {
            change(.effectiveMoved, "effective", .text(before.effective?.value.description), .text(after.effective?.value.description),
                   at: after.effective?.location ?? fields.field("effective"))
        }
        if let kind = consultation(before.consultUntil, after.consultUntil) {
            // A closed consultation's field is gone: its rule's status says why.
            change(kind, "consult_until", .text(before.consultUntil?.description), .text(after.consultUntil?.description),
                   at: after.consultUntil == nil ? fields.field("status") : fields.field("consult_until"))
        }
        let references: (Rule) -> [String] = { rule in
            rule.appliesToReferences.map { ItemKey(reference: $0.value, within: rule.key.function)?.description ?? $0.value }.sorted()
        }
        if references(before) != references(after) {
            change(.appliesToChanged, "applies_to", .list(references(before)), .list(references(after)), at: fields.field("applies_to"))
        }
        changes += pageChanges(
            .rule, id: after.key.description, function: after.key.function, route: .rule(after.key),
            title: (before.title, after.title), summary: (before.summary.value, after.summary), source: (before.source, after.source), fields: fields)
        return changes
    }

    /// A consultation opens when `consult_until` appears, closes when it goes,
    /// and is extended or shortened when it moves.
    private static func consultation(_ old: LocalDate?, _ new: LocalDate?) -> Change.Kind? {
        switch (old, new) {
        case (nil, nil): nil
        case (nil, _?): .consultationOpened
        case (_?, nil): .consultationClosed
        case (let old?, let new?): new > old ? .consultationExtended : new < old ? .consultationShortened : nil
        }
    }

    /// The entries of a rule's `changes` history that BASE did not have.
    static func newHistory(_ old: Rule?, _ new: Rule) -> [ChangeEntry] {
        let known = Set((old?.changes ?? []).map { "\($0.date) \(Prose.normalised($0.summary))" })
        return new.changes.filter { !known.contains("\($0.date) \(Prose.normalised($0.summary))") }
    }
}
