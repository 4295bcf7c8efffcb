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
    struct Record: Sendable {
        /// File line of the record's first character.
        var line: Int
        var fields: [String]
    }

    /// The first record is the header (when the file has one).
    var records: [Record]
    /// A quote that opens a field and is never closed swallows the rest of the
    /// file into that field: the record it starts is dropped and named here.
    var unclosedQuote: SourceLocation?

    static func read(_ file: SourceFile) -> CSVTable {
        var table = CSVTable(records: [])
        guard !file.text.isEmpty, let reader = try? CSVReader(string: file.text, hasHeaderRow: false) else { return table }
        var line = 1
        while let fields = reader.next() {
            table.records.append(Record(line: line, fields: fields))
            line += 1
            for field in fields where field.utf8.contains(0x0A) {
                line += field.utf8.reduce(0) { $1 == 0x0A ? $0 + 1 : $0 }
            }
        }
        if endsInsideQuotes(file.text), let last = table.records.popLast() {
            table.unclosedQuote = file.location(line: last.line, column: last.fields.count)
        }
        return table
    }

    /// Whether the text ends inside a quoted field, by CSV.swift's own rules:
    /// a field that starts with `"` is quoted until a `"` followed by a comma,
    /// a line break or the end; `""` inside it is a quote.
    static func endsInsideQuotes(_ text: String) -> Bool {
        let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), newline = UInt8(ascii: "\n")
        var inQuotes = false
        var atFieldStart = true
        var bytes = text.utf8.makeIterator()
        while let byte = bytes.next() {
            if inQuotes {
                guard byte == quote else { continue }
                let next = bytes.next()
                if next == nil || next == comma || next == newline {
                    inQuotes = false
                    atFieldStart = true
                }
                continue
            }
            if byte == quote && atFieldStart {
                inQuotes = true
                continue
            }
            atFieldStart = byte == comma || byte == newline
        }
        return inQuotes
    }
}
