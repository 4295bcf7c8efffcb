extension CatalogueDiff {
    /// Services added or removed; turnaround, input-by, deadlines, the request
    /// channel and what clients provide; title, summary and body.
    static func services(_ old: Catalogue, _ new: Catalogue) -> [Change] {
        let (both, removed, added) = pair(old.services, new.services)
        var changes: [Change] = []
        for service in added {
            changes.append(Change(
                .serviceAdded, .service, id: service.key.description, function: service.key.function, title: service.title,
                field: "", new: .text(service.turnaround.text), location: service.source.file.start, route: .service(service.key)))
        }
        for service in removed {
            changes.append(Change(
                .serviceRemoved, .service, id: service.key.description, function: service.key.function, title: service.title,
                field: "", old: .text(service.turnaround.text), location: service.source.file.start))
        }
        for (before, after) in both {
            changes += serviceChanges(before, after)
        }
        return changes
    }

    private static func serviceChanges(_ before: Service, _ after: Service) -> [Change] {
        guard before.source.file.text != after.source.file.text else { return [] }
        var changes: [Change] = []
        let fields = FieldLocator(after.source.file)
        func change(_ kind: Change.Kind, _ field: String, _ old: Change.Value?, _ new: Change.Value?, at location: SourceLocation, direction: Change.Direction? = nil) {
            changes.append(Change(
                kind, .service, id: after.key.description, function: after.key.function, title: after.title, field: field,
                old: old, new: new, location: location, route: .service(after.key), direction: direction))
        }

        if !sameLength(before.turnaround, after.turnaround) {
            change(.turnaroundChanged, "turnaround", .text(before.turnaround.text), .text(after.turnaround.text),
                   at: after.turnaroundLocation, direction: direction(before.turnaround, after.turnaround))
        }
        if !sameInputBy(before.inputBy, after.inputBy) {
            var direction: Change.Direction?
            if let old = before.inputBy?.duration, let new = after.inputBy?.duration, !sameLength(old, new) {
                direction = Self.direction(old, new)
            }
            change(.inputByChanged, "input_by", .text(before.inputBy?.description), .text(after.inputBy?.description),
                   at: fields.field("input_by"), direction: direction)
        }
        deadlineChanges(before, after, fields, change)
        if before.request != after.request {
            change(.requestChanged, "request", .text(before.request?.label), .text(after.request?.label), at: fields.field("request"))
        }
        let provide = listDifference(before.youProvide, after.youProvide)
        for item in provide.added {
            change(.youProvideAdded, "you_provide", nil, .text(item), at: fields.item("you_provide", text: item))
        }
        for item in provide.removed {
            change(.youProvideRemoved, "you_provide", .text(item), nil, at: fields.field("you_provide"))
        }
        changes += pageChanges(
            .service, id: after.key.description, function: after.key.function, route: .service(after.key),
            title: (before.title, after.title), summary: (before.summary.value, after.summary), source: (before.source, after.source), fields: fields)
        return changes
    }

    private static func sameInputBy(_ old: InputBy?, _ new: InputBy?) -> Bool {
        switch (old, new) {
        case (nil, nil): true
        case (let old?, let new?): sameLength(old.duration, new.duration) && Prose.normalised(old.event) == Prose.normalised(new.event)
        default: false
        }
    }

    /// A deadline whose `what` stays but whose date changes has moved; any other
    /// difference is one removed and one added.
    private static func deadlineChanges(
        _ before: Service, _ after: Service, _ fields: FieldLocator,
        _ change: (Change.Kind, String, Change.Value?, Change.Value?, SourceLocation, Change.Direction?) -> Void
    ) {
        let key: (Deadline) -> String = { "\($0.date) \(Prose.normalised($0.what))" }
        let oldKeys = Set(before.deadlines.map(key))
        let newKeys = Set(after.deadlines.map(key))
        var gone = before.deadlines.filter { !newKeys.contains(key($0)) }
        var arrived = after.deadlines.filter { !oldKeys.contains(key($0)) }
        for deadline in arrived {
            guard let index = gone.firstIndex(where: { Prose.normalised($0.what) == Prose.normalised(deadline.what) }) else { continue }
            let moved = gone.remove(at: index)
            arrived.removeAll { $0 == deadline }
            change(.deadlineMoved, "deadlines", .text("\(moved.date) \(moved.what)"), .text("\(deadline.date) \(deadline.what)"),
                   fields.item("deadlines", text: deadline.date.description, key: "date"), nil)
        }
        for deadline in arrived {
            change(.deadlineAdded, "deadlines", nil, .text("\(deadline.date) \(deadline.what)"), fields.item("deadlines", text: deadline.date.description, key: "date"), nil)
        }
        for deadline in gone {
            change(.deadlineRemoved, "deadlines", .text("\(deadline.date) \(deadline.what)"), nil, fields.field("deadlines"), nil)
        }
    }
}
