import Foundation
internal import CSV

/// A CSV file read as RFC 4180 says (yaslab/CSV.swift): fields separated by
/// commas, records by line breaks, and a quoted field may hold commas, doubled
/// quotes and line breaks. Every record keeps the file line it starts on, so a
/// field is found at `line:column`, its column being its number in the record
/// (as a spreadsheet counts columns), not a character position.
///
/// The text arrives as `ContentFolder` read it: valid UTF-8, byte-order mark
/// removed, CRLF and CR turned into LF, so a line break is one `\n`.
struct CSVTable: Sendable {
    struct Record: Sendable, Equatable {
        /// File line of the record's first character.
        var line: Int
        var fields: [String]
    }

    /// The first record is the header (when the file has one).
    var records: [Record]
    /// A quote that opens a field and is never closed swallows the rest of the
    /// file into that field: the record it starts is dropped and named here.
    var unclosedQuote: SourceLocation?

    /// Files larger than this are read in parts, one per processor: CSV.swift
    /// reads scalar by scalar, and a 100,000-row export is 11 MB.
    static let partBytes = 1 << 20

    /// - Parameter parts: how many parts to read at once (tests); by default
    ///   one per processor for a large file, else one.
    static func read(_ file: SourceFile, parts: Int? = nil) -> CSVTable {
        var table = CSVTable(records: [])
        let bytes = Array(file.text.utf8)
        guard !bytes.isEmpty else { return table }
        let scan = scan(bytes, parts: parts ?? (bytes.count > partBytes ? ProcessInfo.processInfo.activeProcessorCount : 1))
        let parts = PartResults(count: scan.starts.count)
        DispatchQueue.concurrentPerform(iterations: scan.starts.count) { part in
            let (offset, firstLine) = scan.starts[part]
            let end = part + 1 < scan.starts.count ? scan.starts[part + 1].offset : bytes.count
            parts.store(readPart(String(decoding: bytes[offset..<end], as: UTF8.self), firstLine: firstLine), at: part)
        }
        table.records = parts.joined
        if scan.endsInsideQuotes, let last = table.records.popLast() {
            table.unclosedQuote = file.location(line: last.line, column: last.fields.count)
        }
        return table
    }

    private static func readPart(_ text: String, firstLine: Int) -> [Record] {
        guard let reader = try? CSVReader(string: text, hasHeaderRow: false) else { return [] }
        var records: [Record] = []
        var line = firstLine
        while let fields = reader.next() {
            records.append(Record(line: line, fields: fields))
            line += 1
            for field in fields where field.utf8.contains(0x0A) {
                line += field.utf8.reduce(0) { $1 == 0x0A ? $0 + 1 : $0 }
            }
        }
        return records
    }

    /// Each part's records, filled in from the threads reading them.
    private final class PartResults: @unchecked Sendable {
        private var parts: [[Record]]
        private let lock = NSLock()

        init(count: Int) { parts = Array(repeating: [], count: count) }

        func store(_ records: [Record], at index: Int) { lock.withLock { parts[index] = records } }

        var joined: [Record] { lock.withLock { parts.flatMap { $0 } } }
    }

    static func endsInsideQuotes(_ text: String) -> Bool { scan(Array(text.utf8), parts: 1).endsInsideQuotes }

    /// One pass over the bytes by CSV.swift's own quoting rules: a field that
    /// starts with `"` is quoted until a `"` followed by a comma, a line break
    /// or the end; `""` inside it is a quote. Finds where `parts` roughly equal
    /// parts start, each at the start of a record (its byte offset and file
    /// line), and whether the text ends inside a quoted field.
    static func scan(_ bytes: [UInt8], parts: Int) -> (starts: [(offset: Int, line: Int)], endsInsideQuotes: Bool) {
        let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), newline = UInt8(ascii: "\n")
        var starts: [(offset: Int, line: Int)] = [(0, 1)]
        let size = max(1, bytes.count / max(1, parts))
        var inQuotes = false
        var atFieldStart = true
        var line = 1
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            if byte == newline { line += 1 }
            if inQuotes {
                guard byte == quote else { continue }
                let next = index < bytes.count ? bytes[index] : nil
                index += 1
                if next == newline { line += 1 }
                if next == nil || next == comma || next == newline {
                    inQuotes = false
                    atFieldStart = true
                    if next == newline, index < bytes.count, index >= starts.count * size { starts.append((index, line)) }
                }
                continue
            }
            if byte == quote && atFieldStart {
                inQuotes = true
                continue
            }
            atFieldStart = byte == comma || byte == newline
            if byte == newline, index < bytes.count, index >= starts.count * size { starts.append((index, line)) }
        }
        return (starts, inQuotes)
    }
}
