/// The calendar days whose completed requests are measured: the
/// `performance_window_days` up to and including today.
public struct PerformanceWindow: Sendable, Hashable {
    public var days: Int
    public var from: LocalDate
    public var to: LocalDate

    public init(days: Int, endingOn today: LocalDate) {
        self.days = max(1, days)
        from = today.adding(days: -(self.days - 1))
        to = today
    }

    public func contains(_ date: LocalDate) -> Bool { from <= date && date <= to }
}

/// How long one service's requests really took, against its promise: the
/// contract in the README ("How long it really takes"), computed on the
/// catalogue's `BusinessCalendar`.
public struct ServicePerformance: Sendable, Hashable {
    /// Shown only when enough requests were completed in the window.
    public struct Figures: Sendable, Hashable {
        /// Business days: the value at rank ⌈0.5·n⌉ of the sorted elapsed times.
        public var median: Int
        /// Business days: the value at rank ⌈0.9·n⌉ ("9 in 10").
        public var ninetyPercent: Int
        /// Requests done within the promise, rounded down to a whole percent.
        public var keptPercent: Int
    }

    public var window: PerformanceWindow
    /// The longest `turnaround`, in business days.
    public var promise: Int
    /// n: requests completed in the window.
    public var completed: Int
    /// Nil when `completed` is under the minimum: no figure is shown from so few.
    public var figures: Figures?
    /// Open requests received before today that have already taken longer than the promise.
    public var openPastPromise: Int
    /// `performance_min_requests`.
    public var minimum: Int

    /// The larger of the promise and the 9-in-10 figure: when a client should chase.
    public var chaseAfter: Int? { figures.map { max(promise, $0.ninetyPercent) } }

    /// Nine in ten requests took longer than promised.
    public var breaksPromise: Bool { figures.map { $0.ninetyPercent > promise } ?? false }

    /// The promise of a turnaround: its longest value, counted in business days
    /// as journey totals are (8 hours = 1, 1 week = 5, 7 calendar days = 5).
    public static func promise(of turnaround: BusinessDuration) -> Int {
        DurationTotal.businessDays(turnaround.maximum, turnaround.unit)
    }

    /// Business days a request took: from its start (the day it arrived, or the
    /// next business day if it arrived on a day off), the business days after
    /// the start up to and including `end`, less the days it was paused, never below 0.
    public static func elapsed(received: LocalDate, end: LocalDate, paused: Int, calendar: BusinessCalendar) -> Int {
        let start = calendar.businessDay(onOrAfter: received)
        return max(0, calendar.businessDays(after: start, through: end) - paused)
    }

    public init(
        _ requests: some Sequence<ServiceRequest>, promise: Int, window: PerformanceWindow, minimum: Int, calendar: BusinessCalendar
    ) {
        let today = window.to
        var elapsed: [Int] = []
        var open = 0
        for request in requests {
            if let completed = request.completed {
                guard window.contains(completed) else { continue }
                elapsed.append(Self.elapsed(received: request.received, end: completed, paused: request.paused, calendar: calendar))
            } else if request.received < today,
                Self.elapsed(received: request.received, end: today, paused: request.paused, calendar: calendar) > promise
            {
                open += 1
            }
        }
        self.window = window
        self.promise = promise
        self.minimum = minimum
        completed = elapsed.count
        openPastPromise = open
        guard elapsed.count >= minimum, !elapsed.isEmpty else { return }
        elapsed.sort()
        let n = elapsed.count
        // Ranks ⌈0.5·n⌉ and ⌈0.9·n⌉, 1-based, in whole numbers.
        figures = Figures(
            median: elapsed[(5 * n + 9) / 10 - 1],
            ninetyPercent: elapsed[(9 * n + 9) / 10 - 1],
            keptPercent: elapsed.filter { $0 <= promise }.count * 100 / n)
    }
}

/// Every measured service of the catalogue on one day: the services of each
/// function with a `requests.csv`, with their figures or too few requests to show.
public struct PerformanceReport: Sendable {
    public var window: PerformanceWindow
    public var services: [ItemKey: ServicePerformance]

    public init(_ catalogue: Catalogue, today: LocalDate) {
        let config = catalogue.config
        window = PerformanceWindow(days: config.performanceWindowDays, endingOn: today)
        var requests: [ItemKey: [ServiceRequest]] = [:]
        var measured: Set<String> = []
        for log in catalogue.requests {
            measured.insert(log.function)
            for request in log.requests {
                requests[ItemKey(function: log.function, id: request.service.value), default: []].append(request)
            }
        }
        var services: [ItemKey: ServicePerformance] = [:]
        for service in catalogue.services.values where measured.contains(service.key.function) {
            services[service.key] = ServicePerformance(
                requests[service.key] ?? [], promise: ServicePerformance.promise(of: service.turnaround), window: window,
                minimum: config.performanceMinRequests, calendar: config.calendar)
        }
        self.services = services
    }

    /// Services with figures, the lowest share of promises kept first (then by key).
    public var ranked: [(key: ItemKey, performance: ServicePerformance)] {
        services.compactMap { key, performance in performance.figures.map { (key, performance, $0.keptPercent) } }
            .sorted { ($0.2, $0.0) < ($1.2, $1.0) }
            .map { (key: $0.0, performance: $0.1) }
    }
}

/// How figures in business days read in sentences, the same in diagnostics and pages.
enum PerformanceText {
    /// "5 business days", "1 business day", "the same day".
    static func businessDays(_ count: Int) -> String {
        switch count {
        case 0: "the same day"
        case 1: "1 business day"
        default: "\(count) business days"
        }
    }
}
