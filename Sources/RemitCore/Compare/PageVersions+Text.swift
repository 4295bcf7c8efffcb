import Foundation

extension PageVersions {
    /// A file's text split at the line closing its front matter, as
    /// `FrontMatterDocument` splits it, but found on its bytes: every version
    /// of every page is split, and walking `String.UTF8View` a byte at a time
    /// was a third of what splitting cost.
    struct Text {
        /// A top-level front-matter field: its key, and its line with the
        /// indented, list and comment lines after it.
        struct Field: Sendable, Equatable {
            var name: String
            var text: Substring
        }

        var whole: String
        /// nil when there is no closed front matter.
        var front: Substring?
        var body: Substring

        init(_ text: String) {
            whole = text
            front = nil
            body = text[...]
            var bytes = text
            guard let closing = bytes.withUTF8(Self.closingLine) else { return }
            let utf8 = text.utf8
            front = text[text.startIndex..<utf8.index(utf8.startIndex, offsetBy: closing.start)]
            body = text[utf8.index(utf8.startIndex, offsetBy: closing.next)...]
        }

        /// Byte offsets of the line closing the front matter (`---` or `...`,
        /// spaces and tabs around it) and of the line after it; nil when the
        /// first line is not `---` or nothing closes it.
        static func closingLine(_ bytes: UnsafeBufferPointer<UInt8>) -> (start: Int, next: Int)? {
            var lineStart = 0
            var first = true
            while lineStart < bytes.count {
                let lineEnd = lineEnd(bytes, from: lineStart)
                let next = lineEnd == bytes.count ? lineEnd : lineEnd + 1
                var from = lineStart
                var to = lineEnd
                while from < to, bytes[from] == 0x20 || bytes[from] == 0x09 { from += 1 }
                while to > from, bytes[to - 1] == 0x20 || bytes[to - 1] == 0x09 { to -= 1 }
                let three = to - from == 3 ? (bytes[from], bytes[from + 1], bytes[from + 2]) : nil
                let dashes = three.map { $0 == (0x2D, 0x2D, 0x2D) } ?? false
                if first {
                    guard dashes else { return nil }
                    first = false
                } else if dashes || three.map({ $0 == (0x2E, 0x2E, 0x2E) }) ?? false {
                    return (lineStart, next)
                }
                lineStart = next
            }
            return nil
        }

        /// The offset of the next line feed at or after `start`, or the end.
        static func lineEnd(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
            guard start < bytes.count, let base = bytes.baseAddress,
                let found = memchr(base + start, 0x0A, bytes.count - start)
            else { return bytes.count }
            return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
        }

        /// Front matter (its opening `---` line first) as top-level fields.
        static func fields(_ front: Substring) -> [Field] {
            var front = front
            // Names and where their lines start, in two arrays: an array of
            // tuples looks up its type's metadata each time it is made.
            var names: [String] = []
            let starts = front.withUTF8 { bytes -> [Int] in
                var starts: [Int] = []
                var lineStart = min(lineEnd(bytes, from: 0) + 1, bytes.count)
                while lineStart < bytes.count {
                    let end = lineEnd(bytes, from: lineStart)
                    defer { lineStart = min(end + 1, bytes.count) }
                    // A key starts a line: not indented, not a list item or a comment.
                    let byte = bytes[lineStart]
                    guard byte != 0x20, byte != 0x09, byte != 0x2D, byte != 0x23, byte != 0x0A,
                        let colon = bytes[lineStart..<end].firstIndex(of: UInt8(ascii: ":"))
                    else { continue }
                    let name = String(decoding: bytes[lineStart..<colon].filter { $0 != 0x22 && $0 != 0x27 && $0 != 0x20 }, as: UTF8.self)
                    names.append(name)
                    starts.append(lineStart)
                }
                return starts
            }
            let utf8 = front.utf8
            return starts.indices.map { index in
                let start = utf8.index(utf8.startIndex, offsetBy: starts[index])
                let end = index + 1 < starts.count ? utf8.index(utf8.startIndex, offsetBy: starts[index + 1]) : front.endIndex
                return Field(name: names[index], text: front[start..<end])
            }
        }
    }
}
