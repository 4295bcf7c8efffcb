import Foundation

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
        pieces(factory, memo: memo, reached: reached).joined
    }

    /// The document in pieces, as the build writes it: each entry is the
    /// memo's own string, never copied into one document.
    static func pieces(_ factory: ViewFactory, memo: Memo = Memo(), reached: Set<String>? = nil) -> TextPieces {
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
        // Not into one string: that was a copy of every entry, and the peak of a 100,000-page build.
        enum Member {
            case entries([String])
            case value(String)
        }
        let members: [(String, Member)] = [
            ("functions", .entries(parts.functions)), ("generated", .value(encoded(factory.today.description))), ("journeys", .entries(parts.journeys)),
            ("rules", .entries(parts.rules)), ("services", .entries(parts.services)), ("site", .value(indented(encoded(entries.site), by: 2))),
            ("version", .value(encoded(version))),
        ]
        var json = TextPieces()
        json.append("{\n")
        for (index, (name, member)) in members.enumerated() {
            json.append(index == 0 ? "  " : ",\n  ")
            json.append(encoded(name) + " : ")
            switch member {
            case .entries(let items) where items.isEmpty: json.append("[\n\n  ]")
            case .entries(let items):
                json.append("[\n    ")
                for (number, item) in items.enumerated() {
                    if number > 0 { json.append(",\n    ") }
                    json.appendPiece(item)
                }
                json.append("\n  ]")
            case .value(let text): json.append(text)
            }
        }
        json.append("\n}\n")
        return json
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
}
