/// Two texts compared word by word, so that rewrapping a paragraph or changing
/// its spacing is no change: the places where the words differ, each with the
/// words taken out and put in, and the line of the new text it starts on.
struct WordDiff: Sendable {
    struct Hunk: Sendable, Hashable {
        var removed: [Substring]
        var inserted: [Substring]
        /// 0-based line of the new text where the change is (the line of the
        /// words after it, for words only taken out).
        var line: Int
    }

    let hunks: [Hunk]

    var isEmpty: Bool { hunks.isEmpty }

    init(old: String, new: String) {
        let before = Self.words(old)
        let after = Self.words(new)
        guard before.map(\.text) != after.map(\.text) else {
            hunks = []
            return
        }
        let difference = after.map(\.text).difference(from: before.map(\.text))
        var removed = Set<Int>()
        var inserted = Set<Int>()
        for change in difference {
            switch change {
            case .remove(let offset, _, _): removed.insert(offset)
            case .insert(let offset, _, _): inserted.insert(offset)
            }
        }
        // Walk both texts together: unchanged words pair up in order, so each
        // run of removals and insertions between two of them is one place.
        var hunks: [Hunk] = []
        var i = 0
        var j = 0
        let lastLine = after.last?.line ?? 0
        while i < before.count || j < after.count {
            if removed.contains(i) || inserted.contains(j) {
                var hunk = Hunk(removed: [], inserted: [], line: 0)
                while removed.contains(i) { hunk.removed.append(before[i].text); i += 1 }
                let first = j
                while inserted.contains(j) { hunk.inserted.append(after[j].text); j += 1 }
                hunk.line = first < after.count ? after[first].line : lastLine
                hunks.append(hunk)
            } else {
                i += 1
                j += 1
            }
        }
        self.hunks = hunks
    }

    /// Words (runs of anything but white space) with their 0-based line.
    static func words(_ text: String) -> [(text: Substring, line: Int)] {
        var result: [(text: Substring, line: Int)] = []
        var line = 0
        var start: String.Index?
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            if character.isWhitespace {
                if let begun = start { result.append((text[begun..<index], line)); start = nil }
                if character.isNewline { line += 1 }
            } else if start == nil {
                start = index
            }
            index = text.index(after: index)
        }
        if let begun = start { result.append((text[begun...], line)) }
        return result
    }

    /// "3 words removed and 6 added in 2 places".
    var summary: String {
        let out = hunks.reduce(0) { $0 + $1.removed.count }
        let added = hunks.reduce(0) { $0 + $1.inserted.count }
        let words: (Int) -> String = { "\($0) word\($0 == 1 ? "" : "s")" }
        let what = switch (out, added) {
        case (0, _): "\(words(added)) added"
        case (_, 0): "\(words(out)) removed"
        default: "\(words(out)) removed and \(added) added"
        }
        return what + " in \(hunks.count) place\(hunks.count == 1 ? "" : "s")"
    }

    /// At most `limit` words of a phrase, with an ellipsis for the rest.
    static func phrase(_ words: [Substring], limit: Int = 12) -> String {
        words.count <= limit ? words.joined(separator: " ") : words.prefix(limit).joined(separator: " ") + " …"
    }
}
