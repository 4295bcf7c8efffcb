/// cmark-gfm 0.29.0.gfm.6 (Debian's) lacks upstream's fixes for inputs that take
/// polynomial time: measured here, 4,000 repetitions of `![[]()` take 1.8 s and
/// 20,000 over a minute; a 1,000-column table with 1,000 rows takes 1 s, 3,000
/// columns 20 s. Unclosed processing instructions (`<?`) and declarations
/// (`<!X`) are quadratic too: `a <?` 80,000 times took 10 s, because each one
/// scans to the end of the text for its closer. No catalogue page needs
/// anything near these, so such input is refused before it reaches the parser.
public struct ComplexityGuard: Sendable {
    public struct Problem: Sendable, Equatable {
        /// 1-based, within the Markdown source.
        public var line: Int
        public var column: Int
        public var message: String
    }

    public var maxBytes = 1_000_000
    public var maxBrackets = 2_000
    public var maxTableColumns = 100
    /// `<?` and `<!`, which start raw-HTML processing instructions, declarations
    /// and comments (escaped on output, but scanned for all the same).
    public var maxMarkupOpeners = 2_000

    public init() {}

    public func check(_ source: String) -> Problem? { check(source[...]) }

    public func check(_ source: Substring) -> Problem? {
        if source.utf8.count > maxBytes {
            return Problem(line: 1, column: 1, message: "the page body is \(source.utf8.count / 1024) KiB; pages are limited to \(maxBytes / 1000) kB: split it or attach a document")
        }
        var brackets = 0
        var line = 1
        var column = 0
        var pipesOnLine = 0
        var markupOpeners = 0
        var previous: UInt8 = 0
        for byte in source.utf8 {
            column += 1
            defer { previous = byte }
            switch byte {
            case UInt8(ascii: "?"), UInt8(ascii: "!"):
                guard previous == UInt8(ascii: "<") else { break }
                markupOpeners += 1
                if markupOpeners > maxMarkupOpeners {
                    return Problem(line: line, column: column - 1, message: "more than \(maxMarkupOpeners) '<?' or '<!' in one page: this many make the Markdown parser too slow")
                }
            case UInt8(ascii: "["):
                brackets += 1
                if brackets > maxBrackets {
                    return Problem(line: line, column: column, message: "more than \(maxBrackets) '[' in one page: links and brackets this many make the Markdown parser too slow")
                }
            case UInt8(ascii: "|"):
                pipesOnLine += 1
                if pipesOnLine > maxTableColumns + 1 {
                    return Problem(line: line, column: column, message: "a table row with more than \(maxTableColumns) columns: tables this wide make the Markdown parser too slow")
                }
            case 0x0A:
                line += 1
                column = 0
                pipesOnLine = 0
            default:
                break
            }
        }
        return nil
    }
}
