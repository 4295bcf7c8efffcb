import Foundation
import Synchronization

/// `catalogue.json`: the published catalogue for other tools (a chatbot, a
/// service desk, a dashboard). Its shape is documented in the README;
/// `version` changes only when a field is renamed or removed.
enum CatalogueJSON {
    static let version = 1

    struct Document: Encodable, Sendable {
        var version: Int
        var generated: String
        var site: Site
        var functions: [FunctionEntry]
        var services: [ServiceEntry]
        var rules: [RuleEntry]
        var journeys: [JourneyEntry]
    }

    struct Site: Encodable, Hashable, Sendable {
        var title: String
        var organisation: String
        var base_url: String
        var business_days: [String]
        var holidays: [String]
    }

    struct Duration: Encodable, Hashable, Sendable {
        var text: String
        var minimum: Int
        var maximum: Int
        var unit: String

        init(_ duration: BusinessDuration) {
            text = duration.text
            minimum = duration.minimum
            maximum = duration.maximum
            unit = duration.unit.rawValue
        }
    }

    struct InputByEntry: Encodable, Hashable, Sendable {
        var text: String
        var duration: Duration
        var event: String
    }

    struct DatedText: Encodable, Hashable, Sendable {
        var date: String
        var text: String
    }

    struct FunctionEntry: Encodable, Hashable, Sendable {
        var id: String
        var title: String
        var summary: String
        var owner: String?
        var url: String
        var provides: [String]
        var does_not_provide: [String]
        var services: [String]
        var rules: [String]
    }

    struct ServiceEntry: Encodable, Hashable, Sendable {
        var id: String
        var function: String
        var title: String
        var summary: String
        var url: String
        var turnaround: Duration
        var input_by: InputByEntry?
        var deadlines: [DatedText]
        var request: String?
        var you_provide: [String]
        var rules: [String]
        var tags: [String]
        /// Only for services of a function that publishes its requests.
        var performance: PerformanceEntry?
    }

    /// How long the service's requests really took (README, "How long it
    /// really takes"). Below `min_requests`, `n`, `median`, `p90` and
    /// `kept_percent` are left out: no figure describes so few requests.
    struct PerformanceEntry: Encodable, Hashable, Sendable {
        struct Window: Encodable, Hashable, Sendable {
            var days: Int
            var from: String
            var to: String
        }

        var window: Window
        var n: Int?
        var median: Int?
        var p90: Int?
        var kept_percent: Int?
        var promise: Int
        var open_past_promise: Int
        var min_requests: Int

        init(_ performance: ServicePerformance) {
            window = Window(days: performance.window.days, from: performance.window.from.description, to: performance.window.to.description)
            if let figures = performance.figures {
                n = performance.completed
                median = figures.median
                p90 = figures.ninetyPercent
                kept_percent = figures.keptPercent
            }
            promise = performance.promise
            open_past_promise = performance.openPastPromise
            min_requests = performance.minimum
        }
    }

    struct RuleEntry: Encodable, Hashable, Sendable {
        var id: String
        var function: String
        var title: String
        var summary: String
        var status: String
        var url: String
        var effective: String?
        var review_by: String?
        var consult_until: String?
        var overdue_for_review: Bool
        var owner: String?
        var applies_to: [String]
        var supersedes: String?
        var superseded_by: String?
        var changes: [DatedText]
    }

    struct JourneyEntry: Encodable, Hashable, Sendable {
        var id: String
        var title: String
        var summary: String
        var url: String
        var steps: [String]
        var total: Duration
    }

    /// The whole document, as `render` writes it.
    static func document(_ factory: ViewFactory) -> Document {
        let catalogue = factory.catalogue
        let relations = catalogue.relations
        let base = factory.base
        func link(_ route: Route) -> String { base.absolute(route.path) }
        let services = catalogue.services.values.sorted { $0.key < $1.key }
        let rules = catalogue.rules.values.sorted { $0.key < $1.key }
        // Grouped once: filtering every service for each function was quadratic.
        let servicesByFunction = Dictionary(grouping: services.map(\.key), by: \.function)
        let rulesByFunction = Dictionary(grouping: rules.map(\.key), by: \.function)
        return Document(
            version: version, generated: factory.today.description,
            site: Site(
                title: catalogue.config.title, organisation: catalogue.config.organisation, base_url: base.absolute(""),
                business_days: catalogue.config.calendar.workingWeekdays.map(\.rawValue),
                holidays: catalogue.config.holidays.sorted().map(\.description)),
            functions: catalogue.functions.map { function in
                FunctionEntry(
                    id: function.id, title: function.title, summary: function.summary.value, owner: function.owner,
                    url: link(.function(function.id)), provides: function.provides, does_not_provide: function.doesNotProvide.map(\.what),
                    services: (servicesByFunction[function.id] ?? []).map(\.description),
                    rules: (rulesByFunction[function.id] ?? []).map(\.description))
            },
            services: services.map { service in
                ServiceEntry(
                    id: service.key.id, function: service.key.function, title: service.title, summary: service.summary.value,
                    url: link(.service(service.key)), turnaround: Duration(service.turnaround),
                    input_by: service.inputBy.map { InputByEntry(text: $0.description, duration: Duration($0.duration), event: $0.event) },
                    deadlines: service.deadlines.map { DatedText(date: $0.date.description, text: $0.what) },
                    request: service.request.flatMap { URLPolicy.href($0.href) }, you_provide: service.youProvide,
                    rules: (relations.rulesByService[service.key] ?? []).map(\.description), tags: service.tags,
                    performance: factory.performance.services[service.key].map(PerformanceEntry.init))
            },
            rules: rules.map { rule in
                RuleEntry(
                    id: rule.key.id, function: rule.key.function, title: rule.title, summary: rule.summary.value,
                    status: rule.status.rawValue, url: link(.rule(rule.key)), effective: rule.effective?.value.description,
                    review_by: rule.reviewBy?.value.description, consult_until: rule.consultUntil?.description,
                    overdue_for_review: ReviewSchedule.isOverdue(rule, today: factory.today), owner: rule.owner,
                    applies_to: (relations.servicesByRule[rule.key] ?? []).map(\.description),
                    supersedes: relations.supersedes[rule.key]?.description,
                    superseded_by: relations.supersededBy[rule.key]?.description,
                    changes: rule.changes.map { DatedText(date: $0.date.description, text: $0.summary) })
            },
            journeys: catalogue.journeys.map { journey in
                let keys = journey.steps.compactMap(\.serviceKey)
                let total = DurationTotal(keys.compactMap { catalogue.services[$0]?.turnaround })
                return JourneyEntry(
                    id: journey.id, title: journey.title, summary: journey.summary.value, url: link(.journey(journey.id)),
                    steps: keys.map(\.description),
                    total: Duration(BusinessDuration(minimum: total.minimum, maximum: total.maximum, unit: total.unit, text: total.text)))
            })
    }

    /// The document as JSONEncoder writes it (pretty, keys sorted), with
    /// each entry's JSON taken from `memo` when the entry is what it was in
    /// the last build (`remit serve`): encoding ten thousand entries again
    /// after every edit was most of a rebuild's feeds.
    static func render(_ factory: ViewFactory, memo: Memo = Memo()) -> String {
        let document = document(factory)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        func encoded(_ value: some Encodable) -> String {
            String(decoding: (try? encoder.encode(value)) ?? Data("{}".utf8), as: UTF8.self)
        }
        // Entries are kept as they stand in the document, two levels in.
        func entry(_ value: some Encodable) -> String { indented(encoded(value), by: 4) }
        let parts = memo.fragments.withLock { fragments in
            (functions: fragments.functions.json(for: document.functions, entry), services: fragments.services.json(for: document.services, entry),
             rules: fragments.rules.json(for: document.rules, entry), journeys: fragments.journeys.json(for: document.journeys, entry))
        }
        // The top level by hand, keys in JSONEncoder's sorted order; `CatalogueJSONTests` holds it to JSONEncoder's bytes.
        func array(_ items: [String]) -> String {
            items.isEmpty ? "[\n\n  ]" : "[\n    " + items.joined(separator: ",\n    ") + "\n  ]"
        }
        let members = [
            ("functions", array(parts.functions)), ("generated", encoded(document.generated)), ("journeys", array(parts.journeys)),
            ("rules", array(parts.rules)), ("services", array(parts.services)), ("site", indented(encoded(document.site), by: 2)),
            ("version", encoded(document.version)),
        ]
        return "{\n" + members.map { "  \(encoded($0.0)) : \($0.1)" }.joined(separator: ",\n") + "\n}\n"
    }

    /// A value's JSON moved `spaces` to the right, as it is when nested (the
    /// blank line JSONEncoder writes in an empty array stays blank).
    private static func indented(_ json: String, by spaces: Int) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(json.utf8.count * 5 / 4)
        var afterNewline = false
        for byte in json.utf8 {
            if afterNewline && byte != UInt8(ascii: "\n") { out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: spaces)) }
            out.append(byte)
            afterNewline = byte == UInt8(ascii: "\n")
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Each entry's JSON from the last build, kept while `remit serve` runs.
    final class Memo: Sendable {
        struct Fragments<Entry: Hashable & Sendable>: Sendable {
            var byEntry: [Entry: String] = [:]

            /// Each entry's JSON, encoded only if it was not last time; keeps only these entries.
            mutating func json(for entries: [Entry], _ encode: (Entry) -> String) -> [String] {
                var kept: [Entry: String] = [:]
                kept.reserveCapacity(entries.count)
                let result = entries.map { entry in
                    let json = kept[entry] ?? byEntry[entry] ?? encode(entry)
                    kept[entry] = json
                    return json
                }
                byEntry = kept
                return result
            }
        }

        struct All: Sendable {
            var functions = Fragments<FunctionEntry>()
            var services = Fragments<ServiceEntry>()
            var rules = Fragments<RuleEntry>()
            var journeys = Fragments<JourneyEntry>()
        }

        let fragments = Mutex(All())

        init() {}
    }
}
