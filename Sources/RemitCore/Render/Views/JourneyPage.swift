import Mustache

struct JourneyPageView: Sendable, Hashable {
    struct StepView: Sendable, Hashable {
        var number: Int
        var service: LinkView
        var function: LinkView
        var turnaround: String
        var inputBy: String?
        var note: String?
    }

    var title: String
    var summary: String
    var steps: [StepView]
    var total: String
    var planner: PlannerView?
    var bodyHTML: HTMLText
}

extension ViewFactory {
    func journeyPage(_ journey: Journey) -> PageContext<JourneyPageView> {
        let services = journey.steps.compactMap { step in step.serviceKey.flatMap { catalogue.services[$0] } }
        let steps = zip(journey.steps.indices, journey.steps).compactMap { index, step -> JourneyPageView.StepView? in
            guard let key = step.serviceKey, let service = catalogue.services[key] else { return nil }
            return .init(
                number: index + 1, service: serviceLink(key), function: functionLink(key.function),
                turnaround: service.turnaround.text, inputBy: service.inputBy?.description, note: step.note)
        }
        let view = JourneyPageView(
            title: journey.title, summary: journey.summary.value, steps: steps,
            total: DurationTotal(services.map(\.turnaround)).text,
            planner: services.isEmpty ? nil : planner(forJourney: services.map(\.turnaround)), bodyHTML: body(journey.source))
        return PageContext(
            site: site,
            meta: meta(journey.title, description: journey.summary.value, source: journey.source,
                       crumbs: [LinkView(title: "Journeys", url: url(.home) + "#journeys")], scripts: ["remit-planner.js"]),
            page: view)
    }
}

// Template lookups by name: see `PageContext` for why.

extension JourneyPageView: TemplateView {
    static let templateKeys: [String: PartialKeyPath<JourneyPageView> & Sendable] = [
        "title": \.title,
        "summary": \.summary,
        "steps": \.steps,
        "total": \.total,
        "planner": \.planner,
        "bodyHTML": \.bodyHTML,
    ]
}

extension JourneyPageView.StepView: TemplateView {
    static let templateKeys: [String: PartialKeyPath<JourneyPageView.StepView> & Sendable] = [
        "number": \.number,
        "service": \.service,
        "function": \.function,
        "turnaround": \.turnaround,
        "inputBy": \.inputBy,
        "note": \.note,
    ]
}
