import Foundation

/// The search index, written so that a reader downloads only what a query
/// needs, however large the catalogue (the Pagefind approach):
/// - `search/index.js`: every page's title, address and kind, and the
///   vocabulary (every indexed word, sorted), with where each shard begins;
/// - `search/terms-N.js`: for a range of the vocabulary, each word's pages and
///   the best field it appears in (title > tags, ids and synonyms > summary > body);
/// - `search/summaries-N.js`: the summaries of `summaryChunk` pages, fetched
///   only for results on screen.
/// All are scripts rather than JSON, so they also load from `file://`, where
/// browsers refuse `fetch`.
struct SearchIndex: Sendable {
    static let summaryLength = 160
    /// Distinct body words per page beyond those in its title, summary and tags.
    static let bodyWords = 40
    static let summaryChunk = 500
    /// A term shard closes once its postings pass this many bytes.
    static let shardBytes = 48 * 1024

    struct Page: Sendable, Equatable {
        var title: String
        var route: String
        var kind: String
        var summary: String
        /// Words by field, in ranking order: title, tags/ids/synonyms, summary, body.
        var fields: [[String]]

        /// The texts byte for byte (the files must show what the page says
        /// now, not a canonically equivalent spelling of it); the words as
        /// strings, being decomposed already (`SearchText`).
        static func == (a: Self, b: Self) -> Bool {
            a.title.hasSameBytes(b.title) && a.route.hasSameBytes(b.route) && a.kind.hasSameBytes(b.kind)
                && a.summary.hasSameBytes(b.summary) && a.fields == b.fields
        }
    }

    var pages: [Page] = []
    /// Each page's entry by its address, with what it was made from, for the
    /// next build (`remit serve`): a rebuild splits only changed pages into words.
    var entries: [String: Entry] = [:]

    struct Entry: Sendable {
        var madeFrom: Input.Text
        var page: Page
    }

    /// An index of these pages alone (tests).
    init(pages: [Page]) { self.pages = pages }

    /// - Parameters:
    ///   - previous: the last build's `entries`.
    ///   - keepingEntries: false when no next build will read them (a
    ///     one-off build): each holds its page's whole body text.
    init(_ factory: ViewFactory, reusing previous: [String: Entry] = [:], keepingEntries: Bool = true) {
        let catalogue = factory.catalogue
        let words = Vocabulary(catalogue)
        for input in Self.inputs(factory) {
            // Made with the page's body, in a one-off build (`BodyIndexer`).
            if !keepingEntries, let page = input.source.flatMap({ factory.bodies[$0.file.relativePath]?.searchPage }) {
                pages.append(page)
                continue
            }
            let entry = Self.entry(input, body: Self.body(input, factory), words: words, reusing: previous)
            pages.append(entry.page)
            if keepingEntries { entries[entry.page.route] = entry }
        }
        for (entry, anchor) in zip(catalogue.glossary, factory.glossaryAnchors) {
            pages.append(Page(
                title: entry.term, route: Route.glossary.path + "#" + anchor, kind: "Glossary", summary: Self.trim(entry.meaning),
                fields: [SearchText.words(entry.term), SearchText.words(entry.aka.joined(separator: " ")), SearchText.words(entry.meaning), []]))
        }
    }

    /// The same index with the entries of the pages at `routes` made again
    /// from `factory`, after edits to their bodies (`BodyEdit`); nil when
    /// every entry is what it was (an entry holds a page's first distinct
    /// body words, so most edits change none).
    func replacingEntries(at routes: Set<Route>, from factory: ViewFactory) -> SearchIndex? {
        let words = Vocabulary(factory.catalogue)
        let entries = Self.inputs(factory, only: routes).map { Self.entry($0, body: Self.body($0, factory), words: words, reusing: [:]) }
        // Checked before anything is changed: changing a copy of ten thousand
        // entries first copied them all, for an edit that changes none.
        let changed = entries.compactMap { entry in
            pages.firstIndex { $0.route == entry.page.route }.flatMap { pages[$0] == entry.page ? nil : ($0, entry) }
        }
        guard !changed.isEmpty else { return nil }
        var index = self
        for (number, entry) in changed {
            index.entries[entry.page.route] = entry
            index.pages[number] = entry.page
        }
        return index
    }

    /// The index's files, with what they were made from for the next build.
    struct Files: Sendable {
        /// The hash every part of the index names (`search/index.js`'s `version`).
        var version: String
        var files: [OutputFile]
        var pages: [Page]
        var postings: Postings
    }

    /// Pages whose words changed beyond this many are indexed from scratch.
    static let pagesChangedInPlace = 64

    /// The files, made again only where the pages differ from `previous`'s:
    /// `previous` itself when no entry changed (in `remit serve` most edits to
    /// a body change none: an entry holds only a page's first distinct body
    /// words), and only the changed pages' words otherwise.
    func files(reusing previous: Files?) -> Files {
        guard let previous, previous.pages.count == pages.count else { return files(Postings(pages)) }
        var changed: [Int] = []
        for number in pages.indices where pages[number] != previous.pages[number] {
            // Another page at this number: every later posting would move.
            guard pages[number].route == previous.pages[number].route, changed.count < Self.pagesChangedInPlace else {
                return files(Postings(pages))
            }
            changed.append(number)
        }
        guard !changed.isEmpty else { return previous }
        var postings = previous.postings
        for number in changed {
            postings = postings.replacing(page: number, previous.pages[number], with: pages[number])
        }
        return files(postings)
    }

    /// Every file of the index, by path in the site.
    func files(_ postings: Postings) -> Files {
        let vocabulary = postings.vocabulary
        var shards: [[String]] = [[]]
        var starts = [0]
        var shardSize = 0
        for (index, word) in vocabulary.enumerated() {
            let encoded = postings.encoded[word]!
            if shardSize > Self.shardBytes {
                shards.append([])
                starts.append(index)
                shardSize = 0
            }
            shards[shards.count - 1].append(encoded)
            shardSize += encoded.utf8.count
        }
        let core = Core(pages: pages.map { [$0.title, $0.route, $0.kind] }, words: vocabulary, starts: starts, chunk: Self.summaryChunk, version: "")
        let summaryChunks = stride(from: 0, to: pages.count, by: Self.summaryChunk).map {
            pages[$0..<min($0 + Self.summaryChunk, pages.count)].map(\.summary)
        }
        // Every part names the build it belongs to, so the script notices a
        // cached core index mixed with newer shards after a redeploy.
        // Each part is encoded once, for the version and for its file.
        let coreJSON = Self.jsonParts(core)
        let shardsJSON = shards.map(Self.json)
        let summariesJSON = summaryChunks.map(Self.json)
        var version = StableHash()
        version.add(coreJSON.head + "\"\"" + coreJSON.tail)
        for part in shardsJSON + summariesJSON { version.add(part) }
        let id = version.hex
        var files: [OutputFile] = [.text("search/index.js", "window.REMIT_SEARCH_INDEX=\(coreJSON.head)\"\(id)\"\(coreJSON.tail);\n")]
        for (number, shard) in shardsJSON.enumerated() {
            files.append(.text("search/terms-\(number).js", Self.call("REMIT_SEARCH_TERMS", number, id, shard)))
        }
        for (number, summaries) in summariesJSON.enumerated() {
            files.append(.text("search/summaries-\(number).js", Self.call("REMIT_SEARCH_SUMMARIES", number, id, summaries)))
        }
        return Files(version: id, files: files, pages: pages, postings: postings)
    }

    /// `search/index.js`: what every search needs first.
    struct Core: Encodable {
        /// `[title, address, kind]` by page number.
        var pages: [[String]]
        /// Every indexed word, sorted.
        var words: [String]
        /// Index in `words` of the first word of each term shard.
        var starts: [Int]
        /// Pages per summary chunk.
        var chunk: Int
        var version: String
    }

    static func json(_ core: Core) -> String {
        let parts = jsonParts(core)
        var version: [UInt8] = []
        JSONText.append(core.version, to: &version)
        return parts.head + scriptSafe(version) + parts.tail
    }

    /// The core's JSON before and after the version's value: the version is
    /// a hash of the rest, so the rest is encoded once, not twice.
    static func jsonParts(_ core: Core) -> (head: String, tail: String) {
        var head = Array("{\"chunk\":\(core.chunk),\"pages\":".utf8)
        JSONText.append(core.pages, to: &head)
        head.append(contentsOf: ",\"starts\":".utf8)
        JSONText.append(core.starts, to: &head)
        head.append(contentsOf: ",\"version\":".utf8)
        var tail: [UInt8] = Array(",\"words\":".utf8)
        JSONText.append(core.words, to: &tail)
        tail.append(UInt8(ascii: "}"))
        return (scriptSafe(head), scriptSafe(tail))
    }

    /// Any other value (the announced changes' files), through `JSONEncoder`.
    static func json(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(value) else { return "null" }
        return scriptSafe(Array(data))
    }

    static func json(_ strings: [String]) -> String {
        var out: [UInt8] = []
        JSONText.append(strings, to: &out)
        return scriptSafe(out)
    }

    /// Rows of strings: each page's announced changes, made for every rule
    /// and service page of a build (through `JSONEncoder`, 4% of its CPU).
    static func json(_ rows: [[String]]) -> String {
        var out: [UInt8] = []
        JSONText.append(rows, to: &out)
        return scriptSafe(out)
    }

    /// Harmless in a .js file, but never let content spell "</script".
    static func scriptSafe(_ json: [UInt8]) -> String {
        guard json.contains(UInt8(ascii: "<")) else { return String(decoding: json, as: UTF8.self) }
        var escaped = [UInt8]()
        escaped.reserveCapacity(json.count + 64)
        for byte in json {
            if byte == UInt8(ascii: "<") { escaped.append(contentsOf: "\\u003c".utf8) } else { escaped.append(byte) }
        }
        return String(decoding: escaped, as: UTF8.self)
    }

    /// A part's script: `json` is the part, already encoded.
    static func call(_ name: String, _ number: Int, _ version: String, _ json: String) -> String {
        "window.\(name)&&window.\(name)(\(number),\"\(version)\",\(json));\n"
    }
}

/// FNV-1a over text: the same in every process, unlike `Hasher`, so the
/// index's version only changes when its contents do.
struct StableHash {
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    mutating func add(_ text: String) {
        var text = text
        text.withUTF8 { bytes in
            for byte in bytes { add(byte) }
        }
    }

    mutating func add(_ byte: UInt8) {
        value = (value ^ UInt64(byte)) &* 0x100_0000_01b3
    }

    var hex: String { String(value, radix: 16) }
}

extension String {
    /// The same UTF-8 bytes; at once when both are the same string, as an
    /// unchanged page's text is from one build to the next.
    func hasSameBytes(_ other: String) -> Bool {
        var a = self
        var b = other
        return a.withUTF8 { x in
            b.withUTF8 { y in
                x.count == y.count && (x.baseAddress == y.baseAddress || x.count == 0 || memcmp(x.baseAddress!, y.baseAddress!, x.count) == 0)
            }
        }
    }
}

extension Hasher {
    /// A text by its length and UTF-8 bytes: hashing a `String` itself
    /// normalises it first, and bodies are most of what is hashed.
    mutating func combineBytes(of text: String) {
        var text = text
        combine(text.utf8.count)
        text.withUTF8 { combine(bytes: UnsafeRawBufferPointer($0)) }
    }
}
