/// The part of a source line shown under a diagnostic, with the caret's
/// indent. A line can be megabytes long (a minified value, a pasted blob), and
/// a terminal obeys any escape it is sent, so the excerpt is a window of at
/// most `width` bytes around the column, with control characters replaced.
struct Excerpt: Equatable {
    var text: String
    /// Spaces (and the line's own tabs) up to the caret.
    var indent: String

    static let width = 200

    init(line: String, column: Int) {
        let bytes = Array(line.utf8)
        let caret = min(max(0, column - 1), bytes.count)
        var start = max(0, min(caret - Self.width / 2, bytes.count - Self.width))
        var end = min(bytes.count, start + Self.width)
        // Never cut a UTF-8 sequence in two.
        while start > 0, start < bytes.count, bytes[start] & 0xC0 == 0x80 { start -= 1 }
        while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
        func visible(_ slice: ArraySlice<UInt8>) -> String {
            String(String(decoding: slice, as: UTF8.self).unicodeScalars.map { scalar -> Character in
                scalar != "\t" && (scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)) ? "\u{FFFD}" : Character(scalar)
            })
        }
        let lead = start > 0 ? "…" : ""
        text = lead + visible(bytes[start..<end]) + (end < bytes.count ? "…" : "")
        indent = (lead.isEmpty ? "" : " ") + visible(bytes[start..<max(start, caret)]).map { $0 == "\t" ? "\t" : " " }.joined()
    }
}
