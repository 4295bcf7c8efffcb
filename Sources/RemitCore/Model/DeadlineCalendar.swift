/// A fixed date on a service (`deadlines:`), wherever it is in the catalogue.
public struct DeadlineEntry: Sendable, Hashable {
    public var date: LocalDate
    public var what: String
    public var service: ItemKey
}

/// Every fixed deadline across functions, split at today.
public struct DeadlineCalendar: Sendable {
    /// From today on, soonest first.
    public var upcoming: [DeadlineEntry]
    /// Before today, most recent first.
    public var past: [DeadlineEntry]
    /// Every deadline, by date: what the calendar feed publishes.
    public var all: [DeadlineEntry]
    /// The services with deadlines.
    public var services: [ItemKey]

    public init(_ catalogue: Catalogue, today: LocalDate) {
        all = catalogue.services.values.flatMap { service in
            service.deadlines.map { DeadlineEntry(date: $0.date, what: $0.what, service: service.key) }
        }.sorted { ($0.date, $0.service, $0.what) < ($1.date, $1.service, $1.what) }
        services = catalogue.services.values.filter { !$0.deadlines.isEmpty }.map(\.key)
        upcoming = all.filter { $0.date >= today }
        past = all.filter { $0.date < today }.reversed()
    }
}
