extension SearchIndex {
    /// The glossary's synonyms, and a hash of the glossary: every entry is made from it.
    struct Vocabulary: Sendable {
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

    /// A page's entry: `previous`'s for its address if made from the same
    /// text. Compared, not hashed: an unchanged body is the same string as
    /// last time, which compares at once (hashing every body was most of
    /// making the index again after a title edit).
    static func entry(_ input: Input, body: String, words: Vocabulary, reusing previous: [String: Entry]) -> Entry {
        let summaryText = input.summary ?? ""
        let madeFrom = Input.Text(
            title: input.title, kind: input.kind, summary: summaryText, body: body, function: input.function ?? "", tags: input.tags,
            glossary: words.glossaryKey)
        let route = input.route.path
        if let known = previous[route], known.madeFrom == madeFrom { return known }
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
        return Entry(madeFrom: madeFrom, page: Page(
            title: input.title, route: route, kind: input.kind, summary: Self.trim(summaryText),
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
