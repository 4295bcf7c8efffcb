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

    /// Each entry made from the catalogue: one item at a time, so that a
    /// rebuild makes only the entries an edit reaches.
    struct Entries {
        let factory: ViewFactory
        let serviceKeys: [ItemKey]
        let ruleKeys: [ItemKey]
        // Grouped once: filtering every service for each function was quadratic.
        private let servicesByFunction: [String: [ItemKey]]
        private let rulesByFunction: [String: [ItemKey]]

        init(_ factory: ViewFactory) {
            self.factory = factory
            serviceKeys = factory.catalogue.services.keys.sorted()
            ruleKeys = factory.catalogue.rules.keys.sorted()
            servicesByFunction = Dictionary(grouping: serviceKeys, by: \.function)
            rulesByFunction = Dictionary(grouping: ruleKeys, by: \.function)
        }

        private func link(_ route: Route) -> String { factory.base.absolute(route.path) }

        var site: Site {
            let config = factory.catalogue.config
            return Site(
                title: config.title, organisation: config.organisation, base_url: factory.base.absolute(""),
                business_days: config.calendar.workingWeekdays.map(\.rawValue), holidays: config.holidays.sorted().map(\.description))
        }

        func function(_ function: Function) -> FunctionEntry {
            FunctionEntry(
                id: function.id, title: function.title, summary: function.summary.value, owner: function.owner,
                url: link(.function(function.id)), provides: function.provides, does_not_provide: function.doesNotProvide.map(\.what),
                services: (servicesByFunction[function.id] ?? []).map(\.description),
                rules: (rulesByFunction[function.id] ?? []).map(\.description))
        }

        func service(_ key: ItemKey) -> ServiceEntry {
            let service = factory.catalogue.services[key]!
            return ServiceEntry(
                id: key.id, function: key.function, title: service.title, summary: service.summary.value,
                url: link(.service(key)), turnaround: Duration(service.turnaround),
                input_by: service.inputBy.map { InputByEntry(text: $0.description, duration: Duration($0.duration), event: $0.event) },
                deadlines: service.deadlines.map { DatedText(date: $0.date.description, text: $0.what) },
                request: service.request.flatMap { URLPolicy.href($0.href) }, you_provide: service.youProvide,
                rules: (factory.catalogue.relations.rulesByService[key] ?? []).map(\.description), tags: service.tags,
                performance: factory.performance.services[key].map(PerformanceEntry.init))
        }

        func rule(_ key: ItemKey) -> RuleEntry {
            let rule = factory.catalogue.rules[key]!
            let relations = factory.catalogue.relations
            return RuleEntry(
                id: key.id, function: key.function, title: rule.title, summary: rule.summary.value,
                status: rule.status.rawValue, url: link(.rule(key)), effective: rule.effective?.value.description,
                review_by: rule.reviewBy?.value.description, consult_until: rule.consultUntil?.description,
                overdue_for_review: ReviewSchedule.isOverdue(rule, today: factory.today), owner: rule.owner,
                applies_to: (relations.servicesByRule[key] ?? []).map(\.description),
                supersedes: relations.supersedes[key]?.description,
                superseded_by: relations.supersededBy[key]?.description,
                changes: rule.changes.map { DatedText(date: $0.date.description, text: $0.summary) })
        }

        func journey(_ journey: Journey) -> JourneyEntry {
            let keys = journey.steps.compactMap(\.serviceKey)
            let total = DurationTotal(keys.compactMap { factory.catalogue.services[$0]?.turnaround })
            return JourneyEntry(
                id: journey.id, title: journey.title, summary: journey.summary.value, url: link(.journey(journey.id)),
                steps: keys.map(\.description),
                total: Duration(BusinessDuration(minimum: total.minimum, maximum: total.maximum, unit: total.unit, text: total.text)))
        }
    }

    /// The whole document, as `render` writes it.
    static func document(_ factory: ViewFactory) -> Document {
        let entries = Entries(factory)
        return Document(
            version: version, generated: factory.today.description, site: entries.site,
            functions: factory.catalogue.functions.map(entries.function), services: entries.serviceKeys.map(entries.service),
            rules: entries.ruleKeys.map(entries.rule), journeys: factory.catalogue.journeys.map(entries.journey))
    }

    /// The document as JSONEncoder writes it (pretty, keys sorted), with
    /// each entry's JSON taken from `memo` when the entry is what it was in
    /// the last build (`remit serve`): encoding ten thousand entries again
    /// after every edit was most of a rebuild's feeds.
    /// - Parameter reached: the output paths of the pages an edit to pages'
    ///   front matter reached (`FrontMatterEdit`). An entry shows only what
    ///   its own page shows, so the others' entries are not even made again.
    ///   Nil: any page may have changed.
    static func render(_ factory: ViewFactory, memo: Memo = Memo(), reached: Set<String>? = nil) -> String {
        let entries = Entries(factory)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        func encoded(_ value: some Encodable) -> String {
            String(decoding: (try? encoder.encode(value)) ?? Data("{}".utf8), as: UTF8.self)
        }
        // Entries are kept as they stand in the document, two levels in.
        func entry(_ value: some Encodable) -> String { indented(encoded(value), by: 4) }
        func stands(_ page: CataloguePage) -> Bool { reached.map { !$0.contains(page.route.outputPath) } ?? false }
        let catalogue = factory.catalogue
        let parts = memo.fragments.withLock { fragments in
            (functions: fragments.functions.json(
                for: catalogue.functions, id: \.id, entryID: \.id, stands: { stands(.function($0.id)) }, entry: entries.function, encode: entry),
             services: fragments.services.json(
                for: entries.serviceKeys, id: \.description, entryID: { $0.function + "/" + $0.id }, stands: { stands(.service($0)) },
                entry: entries.service, encode: entry),
             rules: fragments.rules.json(
                for: entries.ruleKeys, id: \.description, entryID: { $0.function + "/" + $0.id }, stands: { stands(.rule($0)) },
                entry: entries.rule, encode: entry),
             journeys: fragments.journeys.json(
                for: catalogue.journeys, id: \.id, entryID: \.id, stands: { stands(.journey($0.id)) }, entry: entries.journey, encode: entry))
        }
        // The top level by hand, keys in JSONEncoder's sorted order; `CatalogueJSONTests` holds it to JSONEncoder's bytes.
        // Into one string: joining the entries, then the members, copied megabytes several times over.
        enum Member {
            case entries([String])
            case value(String)
        }
        let members: [(String, Member)] = [
            ("functions", .entries(parts.functions)), ("generated", .value(encoded(factory.today.description))), ("journeys", .entries(parts.journeys)),
            ("rules", .entries(parts.rules)), ("services", .entries(parts.services)), ("site", .value(indented(encoded(entries.site), by: 2))),
            ("version", .value(encoded(version))),
        ]
        var json = "{\n"
        json.reserveCapacity([parts.functions, parts.services, parts.rules, parts.journeys].joined().reduce(4096) { $0 + $1.utf8.count + 6 })
        for (index, (name, member)) in members.enumerated() {
            json += index == 0 ? "  " : ",\n  "
            json += encoded(name) + " : "
            switch member {
            case .entries(let items) where items.isEmpty: json += "[\n\n  ]"
            case .entries(let items):
                json += "[\n    "
                for (number, item) in items.enumerated() {
                    if number > 0 { json += ",\n    " }
                    json += item
                }
                json += "\n  ]"
            case .value(let text): json += text
            }
        }
        return json + "\n}\n"
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
        /// An entry's JSON is reused when the entry equals last build's at
        /// the same place, or else last build's with the same id. Comparing
        /// is cheap where hashing was not: an unchanged entry's strings are
        /// the very strings of the last build, compared by their storage,
        /// while hashing ten thousand entries read every byte of each.
        struct Fragments<Entry: Equatable & Sendable>: Sendable {
            fileprivate(set) var entries: [Entry] = []
            fileprivate(set) var json: [String] = []

            /// Each item's JSON, encoded only if its entry was not last time;
            /// keeps only these entries.
            /// - Parameters:
            ///   - id, entryID: an item's id, and an entry's.
            ///   - stands: the item's entry is known to be what it was: it is
            ///     not made again if the last build's at its place has its id.
            mutating func json<Item>(
                for items: [Item], id: (Item) -> String, entryID: (Entry) -> String, stands: (Item) -> Bool, entry make: (Item) -> Entry,
                encode: (Entry) -> String
            ) -> [String] {
                var byID: [String: Int]?
                var now: [Entry] = []
                now.reserveCapacity(items.count)
                let result = items.indices.map { index in
                    let item = items[index]
                    if index < entries.count, stands(item), entryID(entries[index]) == id(item) {
                        now.append(entries[index])
                        return json[index]
                    }
                    let entry = make(item)
                    now.append(entry)
                    if index < entries.count, entries[index] == entry { return json[index] }
                    // Entries moved (one added or removed): found by id instead.
                    if byID == nil { byID = Dictionary(entries.indices.map { (entryID(entries[$0]), $0) }, uniquingKeysWith: { first, _ in first }) }
                    if let last = byID?[entryID(entry)], entries[last] == entry { return json[last] }
                    return encode(entry)
                }
                entries = now
                json = result
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
