/// A `requests.csv` decoded into typed rows: the header is matched to the
/// columns Remit reads (case-insensitively, in any order, extra columns
/// ignored), and each row is read on its own, so a bad row is reported at
/// `line:column` and never stops the others from counting.
extension RequestLog {
    /// A raw export with a problem on every row would bury the rest: after this
    /// many problems in one file, one more diagnostic counts the others.
    static let maxDiagnosticsPerFile = 50

    static func decode(_ file: SourceFile, function: String, columns: RequestColumns, into diagnostics: inout [Diagnostic]) -> RequestLog {
        var log = RequestLog(function: function, file: file.start, requests: [])
        var problems: [Diagnostic] = []
        defer {
            diagnostics += problems.prefix(maxDiagnosticsPerFile)
            if problems.count > maxDiagnosticsPerFile {
                diagnostics.append(Diagnostic(
                    .error, at: problems[maxDiagnosticsPerFile].location,
                    "\(problems.count - maxDiagnosticsPerFile) more problems in this file are not listed; fix the ones above and check again"))
            }
        }
        let table = CSVTable.read(file)
        if let location = table.unclosedQuote {
            problems.append(Diagnostic(.error, at: location, "this field opens a quote (\") that is never closed, so the rest of the file would be one field; close the quote"))
        }
        guard let header = table.records.first, !header.fields.allSatisfy(\.isBlankField) else {
            problems.append(Diagnostic(
                .error, at: file.start,
                "requests.csv has no header row: its first line must name the columns \(columns.service), \(columns.received), \(columns.completed) and, optionally, \(columns.paused)"))
            return log
        }
        guard let indices = headerIndices(header, columns: columns, file: file, into: &problems) else { return log }
        for record in table.records.dropFirst() where !record.fields.allSatisfy(\.isBlankField) {
            if let request = decodeRow(record, indices, header: header, file: file, into: &problems) {
                log.requests.append(request)
            }
        }
        return log
    }

    /// Column positions (0-based) of service, received, completed and paused
    /// (nil when the optional `paused` is absent); nil if a required one is missing.
    private static func headerIndices(
        _ header: CSVTable.Record, columns: RequestColumns, file: SourceFile, into problems: inout [Diagnostic]
    ) -> [String: Int?]? {
        let names = header.fields.map { $0.trimmedField.lowercased() }
        var indices: [String: Int?] = [:]
        var missing: [String] = []
        var ambiguous = false
        for field in RequestColumns.fields {
            let wanted = columns.name(of: field).trimmedField.lowercased()
            let positions = names.indices.filter { names[$0] == wanted }
            if positions.count > 1 {
                ambiguous = true
                problems.append(Diagnostic(
                    .error, at: file.location(line: header.line, column: positions[1] + 1),
                    "column '\(header.fields[positions[1]])' is in the header twice (columns \(positions.map { String($0 + 1) }.joined(separator: " and "))), so Remit cannot tell which to read; rename one"))
            }
            indices[field] = positions.first
            if positions.isEmpty, field != "paused" || columns.pausedIsMapped { missing.append(field) }
        }
        if !missing.isEmpty {
            let looksLikeData = header.fields.contains { LocalDate(dateOrDateTime: $0.trimmedField) != nil }
            let found = header.fields.prefix(12).map { "'\($0)'" }.joined(separator: ", ") + (header.fields.count > 12 ? ", …" : "")
            let message = looksLikeData
                ? "requests.csv has no header row: its first line must name the columns \(RequestColumns.fields.map(columns.name(of:)).joined(separator: ", ")), but it holds a request"
                : "requests.csv has no \(missing.map { "'\(columns.name(of: $0))'" }.joined(separator: " or ")) column (its columns are \(found)); name the column so, or map it in catalogue.yml with request_columns: {\(missing[0]): \"<the export's name>\"}"
            problems.append(Diagnostic(.error, at: file.location(line: header.line, column: 1), message))
            return nil
        }
        return ambiguous ? nil : indices
    }

    private static func decodeRow(
        _ record: CSVTable.Record, _ indices: [String: Int?], header: CSVTable.Record, file: SourceFile, into problems: inout [Diagnostic]
    ) -> ServiceRequest? {
        func cell(_ field: String) -> Located<String>? {
            guard let index = indices[field] ?? nil else { return nil }
            let text = index < record.fields.count ? record.fields[index].trimmedField : ""
            return Located(text, at: file.location(line: record.line, column: index + 1))
        }
        func name(_ field: String) -> String {
            guard let index = indices[field] ?? nil else { return field }
            let written = header.fields[index].trimmedField
            return written.lowercased() == field ? field : "\(written)' ('\(field)"
        }
        func date(_ field: String) -> LocalDate? {
            guard let value = cell(field), !value.value.isEmpty else { return nil }
            guard let date = LocalDate(dateOrDateTime: value.value) else {
                problems.append(Diagnostic(
                    .error, at: value.location,
                    "'\(name(field))' is not a date: '\(value.value)'; write YYYY-MM-DD or an ISO 8601 date-time such as 2026-11-03T14:05:00Z"))
                return nil
            }
            return date
        }
        let service = cell("service")!
        let before = problems.count
        if service.value.isEmpty {
            problems.append(Diagnostic(.error, at: service.location, "'\(name("service"))' is empty: name the service's id"))
        }
        let receivedCell = cell("received")!
        if receivedCell.value.isEmpty {
            problems.append(Diagnostic(.error, at: receivedCell.location, "'\(name("received"))' is empty: give the date the request arrived"))
        }
        let received = date("received")
        let completed = date("completed")
        var paused = 0
        if let value = cell("paused"), !value.value.isEmpty {
            if let days = Int(value.value), days >= 0 {
                paused = days
            } else {
                problems.append(Diagnostic(
                    .error, at: value.location,
                    "'\(name("paused"))' must be a whole number of business days, 0 or more, found '\(value.value)'"))
            }
        }
        if let received, let completed, completed < received {
            problems.append(Diagnostic(
                .error, at: cell("completed")!.location,
                "'\(name("completed"))' \(completed) is before '\(name("received"))' \(received): a request cannot be done before it arrives"))
        }
        guard problems.count == before, let received else { return nil }
        return ServiceRequest(service: service, received: received, completed: completed, paused: paused)
    }
}

extension String {
    /// Without surrounding spaces and tabs, by bytes: Foundation's trimming
    /// bridges to NSString, which is slow on hundreds of thousands of fields.
    var trimmedField: String {
        let utf8 = self.utf8
        let isBlank: (UInt8) -> Bool = { $0 == 0x20 || $0 == 0x09 }
        guard let first = utf8.firstIndex(where: { !isBlank($0) }), let last = utf8.lastIndex(where: { !isBlank($0) }) else { return "" }
        if first == utf8.startIndex, utf8.index(after: last) == utf8.endIndex { return self }
        return String(decoding: utf8[first...last], as: UTF8.self)
    }

    var isBlankField: Bool { utf8.allSatisfy { $0 == 0x20 || $0 == 0x09 } }
}
