extension SearchIndex {
    /// Makes each page's entry in the task that renders its body, in a
    /// one-off build: the body's plain text is then let go at once, where
    /// keeping it for the index to read later was over 500 MB at 100,000
    /// pages. `remit serve` keeps the text instead, to make an entry again
    /// after an edit to a page's title or summary (`SearchIndex.Entry`).
    struct BodyIndexer: Sendable {
        /// Each page's input, by the source path of the file it is written in.
        private let inputs: [String: Input]
        private let words: Vocabulary

        init(_ catalogue: Catalogue) {
            inputs = Dictionary(
                SearchIndex.inputs(catalogue).compactMap { input in input.source.map { ($0.file.relativePath, input) } },
                uniquingKeysWith: { first, _ in first })
            words = Vocabulary(catalogue)
        }

        /// The index's entry for the page written in `source`; nil if no page of the index is.
        func page(_ source: PageSource, plainText: String) -> Page? {
            inputs[source.file.relativePath].map { SearchIndex.entry($0, body: plainText, words: words, reusing: [:]).page }
        }
    }
}
