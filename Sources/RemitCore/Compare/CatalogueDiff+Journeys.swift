extension CatalogueDiff {
    /// Journeys added or removed, their steps, and their total, which changes
    /// without anyone editing the journey when a step's turnaround does: that
    /// change is reported with the steps that caused it.
    static func journeys(_ old: Catalogue, _ new: Catalogue) -> [Change] {
        let (both, removed, added) = pair(
            Dictionary(old.journeys.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a }),
            Dictionary(new.journeys.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a }))
        var changes = added.map {
            Change(.journeyAdded, .journey, id: "journeys/\($0.id)", function: nil, title: $0.title, field: "",
                   new: .text(total($0, in: new).text), location: $0.source.file.start, route: .journey($0.id))
        }
        changes += removed.map {
            Change(.journeyRemoved, .journey, id: "journeys/\($0.id)", function: nil, title: $0.title, field: "", location: $0.source.file.start)
        }
        for (before, after) in both {
            changes += journeyChanges(before, after, old, new)
        }
        return changes
    }

    private static func journeyChanges(_ before: Journey, _ after: Journey, _ old: Catalogue, _ new: Catalogue) -> [Change] {
        let id = "journeys/\(after.id)"
        let edited = before.source.file.text != after.source.file.text
        let fields = edited ? FieldLocator(after.source.file) : nil
        var changes: [Change] = []
        let steps: (Journey) -> [String] = { $0.steps.map { $0.serviceKey?.description ?? $0.service.value } }
        if steps(before) != steps(after) {
            changes.append(Change(
                .journeyStepsChanged, .journey, id: id, function: nil, title: after.title, field: "steps",
                old: .list(steps(before)), new: .list(steps(after)), location: fields?.field("steps"), route: .journey(after.id)))
        }
        let (oldTotal, newTotal) = (total(before, in: old), total(after, in: new))
        if oldTotal != newTotal {
            // The steps in both versions whose turnaround changed, at their own lines.
            var causes: [Change] = []
            var named: [String] = []
            var firstStep: Int?
            for (index, step) in after.steps.enumerated() {
                guard let key = step.serviceKey, let was = old.services[key], let now = new.services[key],
                    before.steps.contains(where: { $0.serviceKey == key }), !sameLength(was.turnaround, now.turnaround)
                else { continue }
                firstStep = firstStep ?? index
                named.append("step \(index + 1) (\(key))")
                causes.append(Change(
                    .turnaroundChanged, .service, id: key.description, function: key.function, title: now.title, field: "turnaround",
                    old: .text(was.turnaround.text), new: .text(now.turnaround.text), location: now.turnaroundLocation,
                    route: .service(key), direction: direction(was.turnaround, now.turnaround), note: "step \(index + 1)"))
            }
            let location = firstStep.map { after.steps[$0].service.location } ?? fields?.field("steps") ?? after.source.file.start
            changes.append(Change(
                .journeyTotalChanged, .journey, id: id, function: nil, title: after.title, field: "total",
                old: .text(oldTotal.text), new: .text(newTotal.text), location: location, route: .journey(after.id),
                direction: totalDirection(oldTotal, newTotal),
                note: named.isEmpty ? "its steps changed" : "the turnaround of \(named.joined(separator: ", ")) changed",
                causes: causes))
        }
        if let fields {
            changes += pageChanges(
                .journey, id: id, function: nil, route: .journey(after.id), title: (before.title, after.title),
                summary: (before.summary.value, after.summary), source: (before.source, after.source), fields: fields)
        }
        return changes
    }

    /// What the journey's page shows: its steps' turnarounds added up.
    static func total(_ journey: Journey, in catalogue: Catalogue) -> DurationTotal {
        DurationTotal(journey.steps.compactMap { $0.serviceKey.flatMap { catalogue.services[$0]?.turnaround } })
    }

    private static func totalDirection(_ old: DurationTotal, _ new: DurationTotal) -> Change.Direction {
        direction(
            BusinessDuration(minimum: old.minimum, maximum: old.maximum, unit: old.unit, text: old.text),
            BusinessDuration(minimum: new.minimum, maximum: new.maximum, unit: new.unit, text: new.text))
    }
}
