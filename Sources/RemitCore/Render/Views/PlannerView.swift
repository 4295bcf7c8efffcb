import Mustache

/// The ask-by planner on service and journey pages: a plain sentence that
/// works without JavaScript, and the data `assets/remit-planner.js` needs to
/// turn it into dates (the same calendar rules as `BusinessCalendar`).
struct PlannerView: Sendable, Hashable {
    var sentence: String
    var question: String
    var isJourney: Bool
    /// `mon tue wed thu fri`
    var businessDays: String
    /// `2026-12-25 2026-12-28`
    var holidays: String
    /// Durations done one after another, `3 5 business-days;1 1 weeks`.
    var steps: String
    var inputBy: String?
    /// Measured: `7 90`, 9 in 10 of the requests of the last 90 days took up to
    /// 7 business days; the script says when most requests sent today are done.
    var measured: String?
}

extension BusinessDuration {
    /// `3 5 business-days`: how the planner script reads a duration.
    var plannerData: String { "\(minimum) \(maximum) \(unit.rawValue.replacingOccurrences(of: " ", with: "-"))" }
}

extension ViewFactory {
    func planner(for service: Service) -> PlannerView {
        var sentence = "Allow \(DurationTotal([service.turnaround]).text)"
        if let inputBy = service.inputBy {
            sentence += "; we need your input \(inputBy.description)"
        }
        var planner = makePlanner(
            sentence: sentence + ".", question: "I need this by", isJourney: false,
            steps: [service.turnaround], inputBy: service.inputBy?.duration)
        if let figures = performance.services[service.key]?.figures {
            planner.measured = "\(figures.ninetyPercent) \(performance.window.days)"
        }
        return planner
    }

    func planner(forJourney steps: [BusinessDuration]) -> PlannerView {
        makePlanner(
            sentence: "Allow \(DurationTotal(steps).text) for the whole journey, one step after another.",
            question: "I need the whole journey done by", isJourney: true, steps: steps, inputBy: nil)
    }

    private func makePlanner(sentence: String, question: String, isJourney: Bool, steps: [BusinessDuration], inputBy: BusinessDuration?) -> PlannerView {
        let calendar = catalogue.config.calendar
        return PlannerView(
            sentence: sentence, question: question, isJourney: isJourney,
            businessDays: calendar.workingWeekdays.map(\.rawValue).joined(separator: " "),
            holidays: calendar.holidays.sorted().map(\.description).joined(separator: " "),
            steps: steps.map(\.plannerData).joined(separator: ";"), inputBy: inputBy?.plannerData)
    }
}

// Template lookups by name: see `PageContext` for why.

extension PlannerView: TemplateView {
    static let templateKeys: [String: PartialKeyPath<PlannerView> & Sendable] = [
        "sentence": \.sentence,
        "question": \.question,
        "isJourney": \.isJourney,
        "businessDays": \.businessDays,
        "holidays": \.holidays,
        "steps": \.steps,
        "inputBy": \.inputBy,
        "measured": \.measured,
    ]
}
