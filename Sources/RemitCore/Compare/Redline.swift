/// Two texts side by side, word by word, for a reader: the words kept, taken
/// out and put in, in order. Words are `WordDiff`'s, runs of anything but
/// white space (found here on Unicode scalars rather than characters, which
/// is the same but for white space carrying a combining mark, and ten times
/// faster), so what a redline marks is what `remit diff` counts, and
/// rewrapping marks nothing.
struct Redline: Sendable, Hashable {
    enum Segment: Sendable, Hashable {
        case kept(String)
        case removed(String)
        case inserted(String)
    }

    var segments: [Segment]

    var startsWithChange: Bool { if case .kept? = segments.first { false } else { !segments.isEmpty } }
    var endsWithChange: Bool { if case .kept? = segments.last { false } else { !segments.isEmpty } }

    /// Only kept words: the texts read the same.
    var marksNothing: Bool { !segments.contains { if case .kept = $0 { false } else { true } } }

    init(segments: [Segment]) { self.segments = segments }

    /// `old` and `new` word by word; consecutive words of one kind form one segment.
    init(old: String, new: String) {
        self = Self.compare(old, new).redline
    }

    /// A redline, and the same places as `WordDiff` hunks (for its summary).
    struct Comparison: Sendable {
        var redline: Redline
        var hunks: [WordDiff.Hunk]
    }

    /// The redline, and the same places as `WordDiff` hunks.
    static func compare(_ old: String, _ new: String) -> Comparison {
        let before = words(old)
        let after = words(new)
        // Words are compared by their hashes (as paragraphs are, `key`): the
        // diff compares elements many times, and comparing strings was most of its cost.
        let oldKeys = before.map(Self.key)
        let newKeys = after.map(Self.key)
        // Only the words between those both begin and end with are compared:
        // an edit is mostly a word or a sentence, and the diff is quadratic in
        // what it is given (it was most of what "Previous versions" cost).
        let shorter = min(before.count, after.count)
        var head = 0
        while head < shorter, oldKeys[head] == newKeys[head] { head += 1 }
        var tail = 0
        while tail < shorter - head, oldKeys[before.count - 1 - tail] == newKeys[after.count - 1 - tail] { tail += 1 }
        let middle = KeyDiff(old: oldKeys[head..<(before.count - tail)], new: newKeys[head..<(after.count - tail)])
        var removed = [Bool](repeating: false, count: before.count + 1)
        var inserted = [Bool](repeating: false, count: after.count + 1)
        removed.replaceSubrange(head..<(before.count - tail), with: middle.removed.dropLast())
        inserted.replaceSubrange(head..<(after.count - tail), with: middle.inserted.dropLast())
        // Runs of one kind of word become one segment each.
        var segments: [Segment] = []
        var kind = 0  // 0 kept, 1 removed, 2 inserted
        var run: [Substring] = []
        func add(_ word: Substring, _ wordKind: Int) {
            if wordKind != kind, !run.isEmpty { flush() }
            kind = wordKind
            run.append(word)
        }
        func flush() {
            let text = run.joined(separator: " ")
            segments.append(kind == 0 ? .kept(text) : kind == 1 ? .removed(text) : .inserted(text))
            run.removeAll(keepingCapacity: true)
        }
        var hunks: [WordDiff.Hunk] = []
        var i = 0
        var j = 0
        while i < before.count || j < after.count {
            if removed[i] || inserted[j] {
                var hunk = WordDiff.Hunk(removed: [], inserted: [], line: 0)
                while removed[i] { add(before[i], 1); hunk.removed.append(before[i]); i += 1 }
                while inserted[j] { add(after[j], 2); hunk.inserted.append(after[j]); j += 1 }
                hunks.append(hunk)
            } else {
                add(after[j], 0)
                i += 1
                j += 1
            }
        }
        if !run.isEmpty { flush() }
        return Comparison(redline: Redline(segments: segments), hunks: hunks)
    }

    /// Runs of scalars that are not white space.
    static func words(_ text: String) -> [Substring] {
        // ASCII text (most of it) is split on its bytes: the same runs, found faster.
        var bytes = text
        let bounds = bytes.withUTF8 { buffer -> [Int]? in
            var bounds: [Int] = []  // start and end of each word, in turn
            var inWord = false
            for (offset, byte) in buffer.enumerated() {
                guard byte < 0x80 else { return nil }
                let space = byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)
                if space == inWord {
                    bounds.append(offset)
                    inWord.toggle()
                }
            }
            if inWord { bounds.append(buffer.count) }
            return bounds
        }
        if let bounds {
            let utf8 = text.utf8
            return stride(from: 0, to: bounds.count, by: 2).map { index in
                text[utf8.index(utf8.startIndex, offsetBy: bounds[index])..<utf8.index(utf8.startIndex, offsetBy: bounds[index + 1])]
            }
        }
        var result: [Substring] = []
        let scalars = text.unicodeScalars
        var start: String.Index?
        var index = scalars.startIndex
        while index < scalars.endIndex {
            let scalar = scalars[index]
            let space = scalar.isASCII ? (scalar == " " || (scalar.value >= 0x09 && scalar.value <= 0x0D)) : scalar.properties.isWhitespace
            if space {
                if let begun = start { result.append(Substring(scalars[begun..<index])); start = nil }
            } else if start == nil {
                start = index
            }
            index = scalars.index(after: index)
        }
        if let begun = start { result.append(Substring(scalars[begun...])) }
        return result
    }

    /// The paragraphs (runs of lines between blank lines) of two Markdown
    /// bodies that differ in their words, each as a redline; a paragraph only
    /// in one of them is wholly taken out or put in. Paragraphs are matched
    /// first, so only the changed ones are compared word by word.
    static func paragraphChanges(old: String, new: String) -> [Comparison] {
        paragraphChanges(old: old[...], new: new[...])
    }

    /// The same, for bodies cut from their files' text: read in place, as
    /// copying whole bodies cost more than comparing them.
    static func paragraphChanges(old: Substring, new: Substring) -> [Comparison] {
        let (oldMiddle, newMiddle) = middles(old, new)
        let before = paragraphs(of: oldMiddle)
        let after = paragraphs(of: newMiddle)
        let (oldKeys, newKeys) = (before.map(Self.key), after.map(Self.key))
        guard oldKeys != newKeys else { return [] }
        let diff = KeyDiff(old: oldKeys[...], new: newKeys[...])
        let (removed, inserted) = (diff.removed, diff.inserted)
        var result: [Comparison] = []
        var i = 0
        var j = 0
        while i < before.count || j < after.count {
            guard removed[i] || inserted[j] else {
                i += 1
                j += 1
                continue
            }
            var out: [Substring] = []
            var put: [Substring] = []
            while removed[i] { out.append(before[i]); i += 1 }
            while inserted[j] { put.append(after[j]); j += 1 }
            // Paragraphs changed one after another, their changes touching, are one
            // place, as `WordDiff` counts them on the whole text.
            var touching = false
            for index in 0..<max(out.count, put.count) {
                var compared = compare(index < out.count ? String(out[index]) : "", index < put.count ? String(put[index]) : "")
                guard !compared.hunks.isEmpty else {
                    touching = false
                    continue
                }
                if touching, compared.redline.startsWithChange, !result.isEmpty {
                    // The place is counted once, with the paragraph before; this one keeps its redline.
                    let first = compared.hunks.removeFirst()
                    let last = result[result.count - 1].hunks.count - 1
                    result[result.count - 1].hunks[last].removed += first.removed
                    result[result.count - 1].hunks[last].inserted += first.inserted
                }
                touching = compared.redline.endsWithChange
                result.append(compared)
            }
        }
        return result
    }

    /// The two texts without the bytes they begin and end with in common,
    /// cut at blank lines so whole paragraphs remain: usually one paragraph each.
    static func middles(_ old: String, _ new: String) -> (String, String) {
        middles(old[...], new[...])
    }

    static func middles(_ old: Substring, _ new: Substring) -> (String, String) {
        var old = old
        var new = new
        return old.withUTF8 { a in
            new.withUTF8 { b in
                let shorter = min(a.count, b.count)
                var start = 0
                while start < shorter, a[start] == b[start] { start += 1 }
                var common = 0
                while common < shorter - start, a[a.count - 1 - common] == b[b.count - 1 - common] { common += 1 }
                func blank(_ from: Int, _ to: Int) -> Bool { (from..<to).allSatisfy { a[$0] == 0x20 || a[$0] == 0x09 || a[$0] == 0x0D } }
                // Back to the first line of the paragraph holding `start`.
                while start > 0, a[start - 1] != 0x0A { start -= 1 }
                while start > 0 {
                    var previous = start - 1
                    while previous > 0, a[previous - 1] != 0x0A { previous -= 1 }
                    if blank(previous, start - 1) { break }
                    start = previous
                }
                // On from where the common end begins to a blank line (or the end).
                var end = a.count - common
                while end < a.count, end > 0, a[end - 1] != 0x0A { end += 1 }
                while end < a.count {
                    var lineEnd = end
                    while lineEnd < a.count, a[lineEnd] != 0x0A { lineEnd += 1 }
                    if blank(end, lineEnd) { break }
                    end = min(lineEnd + 1, a.count)
                }
                let shift = b.count - a.count
                return (String(decoding: UnsafeBufferPointer(rebasing: a[start..<end]), as: UTF8.self),
                        String(decoding: UnsafeBufferPointer(rebasing: b[start..<(end + shift)]), as: UTF8.self))
            }
        }
    }

    /// Runs of non-blank lines, found on the text's bytes.
    static func paragraphs(of text: String) -> [Substring] {
        var result: [Substring] = []
        var start: String.Index?
        var lineStart = text.startIndex
        let utf8 = text.utf8
        while lineStart < text.endIndex {
            let lineEnd = utf8[lineStart...].firstIndex(of: UInt8(ascii: "\n")) ?? text.endIndex
            let blank = utf8[lineStart..<lineEnd].allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
            if blank {
                if let begun = start { result.append(text[begun..<lineStart]); start = nil }
            } else if start == nil {
                start = lineStart
            }
            lineStart = lineEnd == text.endIndex ? text.endIndex : utf8.index(after: lineEnd)
        }
        if let begun = start { result.append(text[begun..<text.endIndex]) }
        return result
    }

    /// A paragraph (or a word) as its words read, hashed (`StableHash`'s
    /// FNV-1a, on its bytes): ASCII white space folded. Texts whose hashes
    /// collide would be taken as the same, 1 in 2^64 for a pair; the worst a
    /// crafted collision can do is leave a change unmarked in a redline.
    static func key(_ paragraph: Substring) -> UInt64 {
        var paragraph = paragraph
        return paragraph.withUTF8 { bytes in
            var hash = StableHash()
            var space = false
            var started = false
            for byte in bytes {
                if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D {
                    space = started
                } else {
                    if space {
                        hash.add(0x20)
                        space = false
                    }
                    hash.add(byte)
                    started = true
                }
            }
            return hash.value
        }
    }
}
