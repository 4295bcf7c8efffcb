/// "How long it really takes": a service's measured figures in sentences.
/// Every number comes from `ServicePerformance`; below the minimum count the
/// section says so and shows none.
struct ServicePerformanceView: Sendable, Hashable {
    /// "In the 90 days to 1 December 2026 we completed 42 requests: half within 4 business days, 9 in 10 within 7."
    var summary: String?
    /// "88% met the 5 business days we aim for."
    var kept: String?
    /// "If you have not heard within 7 business days,"; followed by the contact link.
    var chase: String?
    var contactURL: String
    /// "2 open requests have already taken longer than we aim for."
    var openPastPromise: String?
    /// Too few requests: the sentence saying so.
    var notEnough: String?
    var missesPromise: Bool
    var allServicesURL: String
}

/// One service in a table of figures (a function's page, `/performance/`).
struct PerformanceRowView: Sendable, Hashable {
    var service: LinkView
    var function: String
    /// "5 business days"
    var promise: String
    /// Business days, or "—" when there are too few requests.
    var median: String
    var ninetyPercent: String
    /// "88%", or "—".
    var kept: String
    /// "42", or "fewer than 10".
    var count: String
    var openPastPromise: Int
    var missesPromise: Bool
}

/// A function's services and their figures, on its page.
struct PerformanceTableView: Sendable, Hashable {
    /// "Completed requests in the 90 days to 1 December 2026; times in business days."
    var caption: String
    var rows: [PerformanceRowView]
    var allServicesURL: String
}

/// `/performance/`: every service with figures, the fewest promises kept first.
struct PerformancePageView: Sendable, Hashable {
    /// "the 90 days from 3 September to 1 December 2026"
    var period: String
    var rows: [PerformanceRowView]
    /// Measured services with too few requests to show.
    var notEnough: [LinkView]
    var minimum: Int
    var hasData: Bool
}

extension ViewFactory {
    /// "In the 90 days to 1 December 2026".
    var performancePeriod: String {
        "In the \(performance.window.days) days to \(performance.window.to.longDescription)"
    }

    /// "half within 4 business days" / "9 in 10 within 7" / "… the same day".
    static func within(_ days: Int, unit: Bool) -> String {
        days == 0 ? "the same day" : unit ? "within \(PerformanceText.businessDays(days))" : "within \(days)"
    }

    func performanceSection(_ service: Service) -> ServicePerformanceView? {
        guard let measured = performance.services[service.key] else { return nil }
        let function = catalogue.function(service.key.function)
        let contactURL = function?.contact != nil
            ? url(.function(service.key.function)) + "#contact-heading"
            : service.request.flatMap { URLPolicy.href($0.href) } ?? url(.function(service.key.function))
        var view = ServicePerformanceView(
            contactURL: contactURL, missesPromise: measured.breaksPromise, allServicesURL: url(.performance))
        guard let figures = measured.figures, let chase = measured.chaseAfter else {
            view.notEnough = "There were not enough completed requests \(performancePeriod.lowercasedFirst) to show how long this service really takes (we show figures from \(measured.minimum) requests)."
            return view
        }
        view.summary = "\(performancePeriod) we completed \(Self.count(measured.completed, "request")): half \(Self.within(figures.median, unit: true)), 9 in 10 \(Self.within(figures.ninetyPercent, unit: false))."
        view.kept = measured.promise == 0
            ? "\(figures.keptPercent)% were done the same day, as we aim for."
            : "\(figures.keptPercent)% met the \(PerformanceText.businessDays(measured.promise)) we aim for."
        view.chase = chase == 0 ? "If you have not heard by the end of the day," : "If you have not heard within \(PerformanceText.businessDays(chase)),"
        if measured.openPastPromise > 0 {
            view.openPastPromise = measured.openPastPromise == 1
                ? "1 open request has already taken longer than we aim for."
                : "\(measured.openPastPromise) open requests have already taken longer than we aim for."
        }
        return view
    }

    func performanceRow(_ key: ItemKey, _ measured: ServicePerformance) -> PerformanceRowView {
        let figures = measured.figures
        return PerformanceRowView(
            service: serviceLink(key), function: functionTitle(key.function),
            promise: measured.promise == 0 ? "same day" : PerformanceText.businessDays(measured.promise),
            median: figures.map { String($0.median) } ?? "—", ninetyPercent: figures.map { String($0.ninetyPercent) } ?? "—",
            kept: figures.map { "\($0.keptPercent)%" } ?? "—",
            count: figures == nil ? "fewer than \(measured.minimum)" : String(measured.completed),
            openPastPromise: measured.openPastPromise, missesPromise: measured.breaksPromise)
    }

    func performanceTable(_ function: Function) -> PerformanceTableView? {
        let rows = catalogue.services(of: function.id).compactMap { service in
            performance.services[service.key].map { performanceRow(service.key, $0) }
        }
        guard !rows.isEmpty else { return nil }
        return PerformanceTableView(
            caption: "Completed requests \(performancePeriod.lowercasedFirst); times in business days.",
            rows: rows, allServicesURL: url(.performance))
    }

    func performancePage() -> PageContext<PerformancePageView> {
        let window = performance.window
        let notEnough = performance.services.filter { $0.value.figures == nil }.keys.sorted().map(serviceLink)
        let view = PerformancePageView(
            period: "the \(window.days) days from \(window.from.longDescription) to \(window.to.longDescription)",
            rows: performance.ranked.map { performanceRow($0.key, $0.performance) },
            notEnough: notEnough, minimum: catalogue.config.performanceMinRequests, hasData: !performance.services.isEmpty)
        return PageContext(
            site: site,
            meta: meta("How long services really take", description: "Each service's promised turnaround against how long its requests really took, from the teams' own records.", source: nil, crumbs: []),
            page: view)
    }
}

extension String {
    /// "In the 90 days" → "in the 90 days".
    var lowercasedFirst: String { prefix(1).lowercased() + dropFirst() }
}

// Template lookups by name: see `PageContext` for why.

extension ServicePerformanceView: TemplateView {
    static let templateKeys: [String: PartialKeyPath<ServicePerformanceView> & Sendable] = [
        "summary": \.summary,
        "kept": \.kept,
        "chase": \.chase,
        "contactURL": \.contactURL,
        "openPastPromise": \.openPastPromise,
        "notEnough": \.notEnough,
        "missesPromise": \.missesPromise,
        "allServicesURL": \.allServicesURL,
    ]
}

extension PerformanceRowView: TemplateView {
    static let templateKeys: [String: PartialKeyPath<PerformanceRowView> & Sendable] = [
        "service": \.service,
        "function": \.function,
        "promise": \.promise,
        "median": \.median,
        "ninetyPercent": \.ninetyPercent,
        "kept": \.kept,
        "count": \.count,
        "openPastPromise": \.openPastPromise,
        "missesPromise": \.missesPromise,
    ]
}

extension PerformanceTableView: TemplateView {
    static let templateKeys: [String: PartialKeyPath<PerformanceTableView> & Sendable] = [
        "caption": \.caption,
        "rows": \.rows,
        "allServicesURL": \.allServicesURL,
    ]
}

extension PerformancePageView: TemplateView {
    static let templateKeys: [String: PartialKeyPath<PerformancePageView> & Sendable] = [
        "period": \.period,
        "rows": \.rows,
        "notEnough": \.notEnough,
        "minimum": \.minimum,
        "hasData": \.hasData,
    ]
}
