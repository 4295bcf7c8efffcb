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
    }

    var pages: [Page] = []
    /// Each page's entry by the hash of everything it is made from, for the
    /// next build (`remit serve`): a rebuild splits only changed pages into words.
    var entries: [Int: Page] = [:]

    /// - Parameter previous: the last build's `entries`.
    init(_ factory: ViewFactory, reusing previous: [Int: Page] = [:]) {
        let catalogue = factory.catalogue
        let words = Vocabulary(catalogue)
        for input in Self.inputs(factory) {
            let (key, page) = Self.entry(input, body: Self.body(input, factory), words: words, reusing: previous)
            pages.append(page)
            entries[key] = page
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
        var index = self
        var changed = false
        for input in Self.inputs(factory, only: routes) {
            let (key, page) = Self.entry(input, body: Self.body(input, factory), words: words, reusing: [:])
            index.entries[key] = page
            guard let number = index.pages.firstIndex(where: { $0.route == input.route.path }), index.pages[number] != page else { continue }
            index.pages[number] = page
            changed = true
        }
        return changed ? index : nil
    }

    /// The glossary's synonyms, and a hash of the glossary for the entries' keys.
    struct Vocabulary {
        var synonyms: SynonymTable
        var glossaryKey: Int

        init(_ catalogue: Catalogue) {
            synonyms = SynonymTable(catalogue.glossary)
            var glossary = Hasher()
            for entry in catalogue.glossary { glossary.combine(entry.term); glossary.combine(entry.aka) }
            glossaryKey = glossary.finalize()
        }
    }

    static func body(_ input: Input, _ factory: ViewFactory) -> String {
        input.source.flatMap { factory.bodies[$0.file.relativePath]?.plainText } ?? ""
    }

    /// A page's entry, with the hash of everything it is made from.
    static func entry(_ input: Input, body: String, words: Vocabulary, reusing previous: [Int: Page]) -> (Int, Page) {
        let summaryText = input.summary ?? ""
        var inputs = Hasher()
        for part in [input.title, input.route.path, input.kind, summaryText, body, input.function ?? ""] + input.tags { inputs.combineBytes(of: part) }
        inputs.combine(words.glossaryKey)
        let key = inputs.finalize()
        if let known = previous[key] { return (key, known) }
        // Each text is split into words once; synonyms are found among those words.
        let synonyms = words.synonyms
        let titleWords = SearchText.words(input.title)
        let tagWords = SearchText.words(input.tags.joined(separator: " "))
        let summaryWords = SearchText.words(summaryText)
        let bodyWords = SearchText.words(body)
        var seen = Set(titleWords + summaryWords + tagWords)
        var keywords: [String] = []
        for word in bodyWords where word.count > 2 && !SearchText.stopWords.contains(word) && !seen.contains(word) {
            seen.insert(word)
            keywords.append(word)
            if keywords.count == Self.bodyWords { break }
        }
        // A synonym ranks like the field its glossary term appears in.
        return (key, Page(
            title: input.title, route: input.route.path, kind: input.kind, summary: Self.trim(summaryText),
            fields: [
                titleWords,
                tagWords + synonyms.related(to: titleWords + tagWords),
                summaryWords + synonyms.related(to: summaryWords),
                keywords + SearchText.words(input.function ?? "") + synonyms.related(to: bodyWords),
            ]))
    }

    static func trim(_ text: String) -> String {
        guard text.count > summaryLength else { return text }
        let cut = text.prefix(summaryLength)
        return (cut.lastIndex(of: " ").map { String(cut[..<$0]) } ?? String(cut)) + "…"
    }

    /// The index's files, with the hash of the entries they were made from.
    struct Files: Sendable {
        var key: Int
        var files: [OutputFile]
    }

    /// The files, or `previous` when every entry is what it was then: in
    /// `remit serve` most edits to a body change no entry (a page's entry
    /// holds only its first distinct body words), and encoding the index was
    /// a tenth of a rebuild.
    func files(reusing previous: Files?) -> Files {
        var hasher = Hasher()
        hasher.combine(pages.count)
        for page in pages {
            for text in [page.title, page.route, page.kind, page.summary] { hasher.combineBytes(of: text) }
            for field in page.fields {
                hasher.combine(field.count)
                for word in field { hasher.combineBytes(of: word) }
            }
        }
        let key = hasher.finalize()
        if let previous, previous.key == key { return previous }
        return Files(key: key, files: files())
    }

    /// Every file of the index, by path in the site.
    func files() -> [OutputFile] {
        // word → "page*4+field" in base 36, the best (lowest) field per page.
        // Pages come in order and a page's fields best first, so a word's
        // first posting for a page is its best, and its postings are sorted.
        var postings: [String: [Int]] = [:]
        for (number, page) in pages.enumerated() {
            for (field, words) in page.fields.enumerated() {
                for word in words {
                    let posting = number * 4 + field
                    if let last = postings[word]?.last, last / 4 == number { continue }
                    postings[word, default: []].append(posting)
                }
            }
        }
        let vocabulary = postings.keys.sorted()
        var shards: [[String]] = [[]]
        var starts = [0]
        var shardSize = 0
        for (index, word) in vocabulary.enumerated() {
            let encoded = postings[word]!.map { String($0, radix: 36) }.joined(separator: ",")
            if shardSize > Self.shardBytes {
                shards.append([])
                starts.append(index)
                shardSize = 0
            }
            shards[shards.count - 1].append(encoded)
            shardSize += encoded.utf8.count
        }
        var core = Core(pages: pages.map { [$0.title, $0.route, $0.kind] }, words: vocabulary, starts: starts, chunk: Self.summaryChunk, version: "")
        let summaryChunks = stride(from: 0, to: pages.count, by: Self.summaryChunk).map {
            pages[$0..<min($0 + Self.summaryChunk, pages.count)].map(\.summary)
        }
        // Every part names the build it belongs to, so the script notices a
        // cached core index mixed with newer shards after a redeploy.
        // Each part is encoded once, for the version and for its file.
        let shardsJSON = shards.map(Self.json)
        let summariesJSON = summaryChunks.map(Self.json)
        var version = StableHash()
        version.add(Self.json(core))
        for part in shardsJSON + summariesJSON { version.add(part) }
        core.version = version.hex
        let id = core.version
        var files: [OutputFile] = [.text("search/index.js", "window.REMIT_SEARCH_INDEX=\(Self.json(core));\n")]
        for (number, shard) in shardsJSON.enumerated() {
            files.append(.text("search/terms-\(number).js", Self.call("REMIT_SEARCH_TERMS", number, id, shard)))
        }
        for (number, summaries) in summariesJSON.enumerated() {
            files.append(.text("search/summaries-\(number).js", Self.call("REMIT_SEARCH_SUMMARIES", number, id, summaries)))
        }
        return files
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
        var out: [UInt8] = []
        out.append(contentsOf: "{\"chunk\":\(core.chunk),\"pages\":[".utf8)
        for (index, page) in core.pages.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            JSONText.append(page, to: &out)
        }
        out.append(contentsOf: "],\"starts\":".utf8)
        JSONText.append(core.starts, to: &out)
        out.append(contentsOf: ",\"version\":".utf8)
        JSONText.append(core.version, to: &out)
        out.append(contentsOf: ",\"words\":".utf8)
        JSONText.append(core.words, to: &out)
        out.append(UInt8(ascii: "}"))
        return scriptSafe(out)
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
        for byte in text.utf8 { add(byte) }
    }

    mutating func add(_ byte: UInt8) {
        value = (value ^ UInt64(byte)) &* 0x100_0000_01b3
    }

    var hex: String { String(value, radix: 16) }
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

/// Glossary terms and their other names, so that a search for "PO" finds
/// pages that say "purchase order" and the other way round.
struct SynonymTable: Sendable {
    private var groups: [[[String]]] = []
    /// Every word of every name: only these need looking for in a page's words.
    private var vocabulary: Set<String> = []

    init(_ glossary: [GlossaryEntry]) {
        groups = glossary.map { entry in ([entry.term] + entry.aka).map(SearchText.words).filter { !$0.isEmpty } }
        vocabulary = Set(groups.joined().joined())
    }

    /// The words of every other name of each glossary entry the words mention.
    func related(to words: [String]) -> [String] {
        guard !vocabulary.isEmpty else { return [] }
        let present = Set(words.lazy.filter(vocabulary.contains))
        var result: [String] = []
        for group in groups {
            let used = group.filter { phrase in
                phrase.allSatisfy(present.contains) && (phrase.count == 1 || Self.contains(words, run: phrase))
            }
            guard !used.isEmpty else { continue }
            for phrase in group where !used.contains(phrase) {
                result += phrase
            }
        }
        return result
    }

    /// Whether `phrase` appears in `words` as consecutive words. (A string
    /// search on the joined words bridged every page to NSString: a tenth of
    /// a 10,000-page build.)
    static func contains(_ words: [String], run phrase: [String]) -> Bool {
        guard let first = phrase.first, phrase.count <= words.count else { return false }
        return words.indices.contains { words[$0] == first && words[$0...].starts(with: phrase) }
    }
}
