extension SearchIndex {
    /// Each indexed word's pages, as `page*4+field` (the best, lowest field
    /// for each page), sorted; and the same encoded as the term shards hold
    /// them, base 36 joined by commas.
    ///
    /// Kept between builds with the pages they were made from: a title edit
    /// changes one page's words, so only those words' postings change
    /// (making them all again was a sixth of such a rebuild).
    struct Postings: Sendable, Equatable {
        private(set) var byWord: [String: [Int]] = [:]
        private(set) var encoded: [String: String] = [:]

        init(_ pages: [Page]) {
            // Pages come in order and a page's fields best first, so a word's
            // first posting for a page is its best, and its postings are sorted.
            for (number, page) in pages.enumerated() {
                for (word, field) in Self.bestFields(page) {
                    byWord[word, default: []].append(number * 4 + field)
                }
            }
            encoded = byWord.mapValues(Self.encode)
        }

        /// The postings with page `number`'s words changed from `old`'s to `new`'s.
        func replacing(page number: Int, _ old: Page, with new: Page) -> Postings {
            var postings = self
            var touched: Set<String> = []
            for (word, _) in Self.bestFields(old) {
                postings.byWord[word]?.removeAll { $0 / 4 == number }
                touched.insert(word)
            }
            for (word, field) in Self.bestFields(new) {
                let posting = number * 4 + field
                var list = postings.byWord[word] ?? []
                list.insert(posting, at: list.partitioningIndex { $0 > posting })
                postings.byWord[word] = list
                touched.insert(word)
            }
            for word in touched {
                if let list = postings.byWord[word], !list.isEmpty {
                    postings.encoded[word] = Self.encode(list)
                } else {
                    postings.byWord[word] = nil
                    postings.encoded[word] = nil
                }
            }
            return postings
        }

        /// Every indexed word, sorted: the vocabulary of `search/index.js`.
        var vocabulary: [String] { byWord.keys.sorted() }

        /// Each word of a page once, with the first (best) field it is in.
        static func bestFields(_ page: Page) -> [(String, Int)] {
            var seen: Set<String> = []
            var result: [(String, Int)] = []
            for (field, words) in page.fields.enumerated() {
                for word in words where seen.insert(word).inserted { result.append((word, field)) }
            }
            return result
        }

        static func encode(_ list: [Int]) -> String { list.map { String($0, radix: 36) }.joined(separator: ",") }
    }
}

extension Array {
    /// The first index whose element satisfies `belongsAfter`, in an array
    /// where every such element comes after every other (binary search).
    func partitioningIndex(where belongsAfter: (Element) -> Bool) -> Int {
        var low = 0
        var high = count
        while low < high {
            let middle = (low + high) / 2
            if belongsAfter(self[middle]) { high = middle } else { low = middle + 1 }
        }
        return low
    }
}
