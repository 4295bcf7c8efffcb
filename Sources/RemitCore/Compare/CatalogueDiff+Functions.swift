extension CatalogueDiff {
    /// Functions added or removed; what each provides and does not (with its
    /// hand-off), its contact details; title, summary and body.
    static func functions(_ old: Catalogue, _ new: Catalogue) -> [Change] {
        let (both, removed, added) = pair(
            Dictionary(old.functions.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a }),
            Dictionary(new.functions.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a }))
        var changes = added.map {
            Change(.functionAdded, .function, id: $0.id, function: $0.id, title: $0.title, field: "", location: $0.source.file.start, route: .function($0.id))
        }
        changes += removed.map {
            Change(.functionRemoved, .function, id: $0.id, function: $0.id, title: $0.title, field: "", location: $0.source.file.start)
        }
        for (before, after) in both where before.source.file.text != after.source.file.text {
            changes += functionChanges(before, after)
        }
        return changes
    }

    private static func functionChanges(_ before: Function, _ after: Function) -> [Change] {
        var changes: [Change] = []
        let fields = FieldLocator(after.source.file)
        func change(_ kind: Change.Kind, _ field: String, _ old: Change.Value?, _ new: Change.Value?, at location: SourceLocation) {
            changes.append(Change(
                kind, .function, id: after.id, function: after.id, title: after.title, field: field,
                old: old, new: new, location: location, route: .function(after.id)))
        }
        let provides = listDifference(before.provides, after.provides)
        for item in provides.added { change(.providesAdded, "provides", nil, .text(item), at: fields.item("provides", text: item)) }
        for item in provides.removed { change(.providesRemoved, "provides", .text(item), nil, at: fields.field("provides")) }

        let handoffs = listDifference(before.doesNotProvide.map(handoffText), after.doesNotProvide.map(handoffText))
        for item in handoffs.added {
            let what = after.doesNotProvide.first { handoffText($0) == item }?.what ?? item
            let location = after.doesNotProvide.first { handoffText($0) == item }?.goTo == nil
                ? fields.item("does_not_provide", text: what) : fields.item("does_not_provide", text: what, key: "what")
            change(.doesNotProvideAdded, "does_not_provide", nil, .text(item), at: location)
        }
        for item in handoffs.removed { change(.doesNotProvideRemoved, "does_not_provide", .text(item), nil, at: fields.field("does_not_provide")) }

        let contact: [(String, (Contact) -> String?)] = [("email", \.email), ("phone", \.phone), ("channel", \.channel), ("hours", \.hours)]
        for (name, value) in contact {
            let old = before.contact.flatMap(value)
            let new = after.contact.flatMap(value)
            if old.map(Prose.normalised) != new.map(Prose.normalised) {
                change(.contactChanged, "contact.\(name)", .text(old), .text(new), at: fields.field("contact", name))
            }
        }
        changes += pageChanges(
            .function, id: after.id, function: after.id, route: .function(after.id), title: (before.title, after.title),
            summary: (before.summary.value, after.summary), source: (before.source, after.source), fields: fields)
        return changes
    }

    /// "Payroll queries → finance/payroll": what, and who handles it instead.
    static func handoffText(_ handoff: Handoff) -> String {
        let target: String? = switch handoff.target {
        case .function(let id): id
        case .service(let key): key.description
        case nil: handoff.goTo?.value
        }
        return target.map { "\(handoff.what) → \($0)" } ?? handoff.what
    }
}
