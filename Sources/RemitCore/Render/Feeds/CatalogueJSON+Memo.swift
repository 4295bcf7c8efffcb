import Synchronization

extension CatalogueJSON {
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
