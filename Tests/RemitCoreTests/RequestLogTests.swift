import Foundation
import Testing
@testable import RemitCore

/// `requests.csv` read as RFC 4180 says, each row and each problem at its line
/// and column (the field's number).
@Suite struct RequestLogTests {
    static func decode(_ text: String, columns: RequestColumns = RequestColumns()) -> (RequestLog, [String]) {
        let file = SourceFile(relativePath: "hr/requests.csv", displayPath: "content/hr/requests.csv", text: text)
        var diagnostics: [Diagnostic] = []
        let log = RequestLog.decode(file, function: "hr", columns: columns, into: &diagnostics)
        return (log, diagnostics.map(\.description))
    }

    static func day(_ text: String) -> LocalDate { LocalDate(iso: text)! }

    @Test func quotedCommasQuotesAndNewlinesKeepLineNumbers() {
        let (log, diagnostics) = Self.decode("""
            Ticket,Service,Requester,Received,Completed,Notes
            T-1,new-starter,"Smith, Jane",2026-11-02,2026-11-04,"said ""urgent""
            over two lines"
            T-2,leaver,Ada,2026-11-03T09:00:00Z,,plain
            T-3,leaver,Bo,2026-11-03,2026-11-30,"one
            two
            three"
            T-4,leaver,Cy,soon,2026-11-30,x

            """)
        #expect(log.requests.count == 3)
        #expect(log.requests[0].service.value == "new-starter")
        #expect(log.requests[0].service.location.description == "content/hr/requests.csv:2:2")
        #expect(log.requests[0].completed == Self.day("2026-11-04"))
        #expect(log.requests[1].service.location.line == 4)
        #expect(log.requests[1].received == Self.day("2026-11-03"))
        #expect(log.requests[1].completed == nil)
        #expect(log.requests[2].service.location.line == 5)
        // The row after a three-line field starts on line 8, and its bad date is column 4.
        #expect(diagnostics == [
            "content/hr/requests.csv:8:4: error: 'received' is not a date: 'soon'; write YYYY-MM-DD or an ISO 8601 date-time such as 2026-11-03T14:05:00Z",
        ])
    }

    @Test func byteOrderMarkCRLFAndHeaderCaseAreAccepted() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("remit-csv-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root.appendingPathComponent("hr"), withIntermediateDirectories: true)
        try Data("\u{FEFF}SERVICE,Received,COMPLETED,Paused\r\nleaver,2026-11-02,2026-11-09,2\r\n".utf8)
            .write(to: root.appendingPathComponent("hr/requests.csv"))
        var diagnostics: [Diagnostic] = []
        let folder = ContentFolder.load(root, into: &diagnostics)
        #expect(folder.attachments.isEmpty)
        let file = try #require(folder.requests.first)
        let log = RequestLog.decode(file, function: "hr", columns: RequestColumns(), into: &diagnostics)
        #expect(diagnostics.isEmpty)
        #expect(log.requests == [
            ServiceRequest(
                service: Located("leaver", at: file.location(line: 2, column: 1)), received: Self.day("2026-11-02"),
                completed: Self.day("2026-11-09"), paused: 2),
        ])
    }

    @Test func aFileThatIsNotUTF8() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("remit-csv-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root.appendingPathComponent("hr"), withIntermediateDirectories: true)
        // "Zoë" in Windows-1252, as an old Excel saves it.
        try (Data("service,received,completed,requester\nleaver,2026-11-02,,".utf8) + [0x5A, 0x6F, 0xEB, 0x0A])
            .write(to: root.appendingPathComponent("hr/requests.csv"))
        var diagnostics: [Diagnostic] = []
        let folder = ContentFolder.load(root, into: &diagnostics)
        #expect(folder.requests.isEmpty && folder.attachments.isEmpty)
        #expect(diagnostics.map(\.description) == [
            "\(root.lastPathComponent)/hr/requests.csv:2:22: error: file is not valid UTF-8 text; save the export as UTF-8 (in Excel: CSV UTF-8)",
        ])
    }

    @Test func anExportsOwnColumnNames() {
        var columns = RequestColumns()
        columns.service = "Category"
        columns.received = "Opened"
        columns.completed = "Resolved"
        columns.paused = "On hold days"
        columns.pausedIsMapped = true
        let (log, diagnostics) = Self.decode("Number,Opened,Category,Resolved,On hold days\nINC1,2026-11-02 10:00:00,leaver,2026-11-05 16:00:00,1\n", columns: columns)
        #expect(diagnostics.isEmpty)
        #expect(log.requests.first?.paused == 1)
        #expect(log.requests.first?.service.location.column == 3)
        // A mapped paused column must be there.
        let (_, missing) = Self.decode("Opened,Category,Resolved\n", columns: columns)
        #expect(missing == [
            "content/hr/requests.csv:1:1: error: requests.csv has no 'On hold days' column (its columns are 'Opened', 'Category', 'Resolved'); name the column so, or map it in catalogue.yml with request_columns: {paused: \"<the export's name>\"}",
        ])
    }

    @Test func everyRowProblemAtItsFieldAndTheGoodRowsStillCount() {
        let (log, diagnostics) = Self.decode("""
            service,received,completed,paused
            leaver,2026-11-02,2026-11-04,
            leaver,2026-11-05,2026-11-04,0
            leaver,2026-11-02,2026-11-04,-1
            leaver,2026-11-02,2026-11-04,1.5
            ,2026-11-02,2026-11-04,0
            leaver,,2026-11-04,0
            leaver,2026-11-02,04/11/2026,0
            leaver,2026-11-02
            """)
        #expect(log.requests.count == 2)  // the first row, and the last (still open)
        #expect(diagnostics == [
            "content/hr/requests.csv:3:3: error: 'completed' 2026-11-04 is before 'received' 2026-11-05: a request cannot be done before it arrives",
            "content/hr/requests.csv:4:4: error: 'paused' must be a whole number of business days, 0 or more, found '-1'",
            "content/hr/requests.csv:5:4: error: 'paused' must be a whole number of business days, 0 or more, found '1.5'",
            "content/hr/requests.csv:6:1: error: 'service' is empty: name the service's id",
            "content/hr/requests.csv:7:2: error: 'received' is empty: give the date the request arrived",
            "content/hr/requests.csv:8:3: error: 'completed' is not a date: '04/11/2026'; write YYYY-MM-DD or an ISO 8601 date-time such as 2026-11-03T14:05:00Z",
        ])
    }

    @Test func headerProblemsAtLineOne() {
        #expect(Self.decode("").1 == [
            "content/hr/requests.csv:1:1: error: requests.csv has no header row: its first line must name the columns service, received, completed and, optionally, paused",
        ])
        #expect(Self.decode("leaver,2026-11-02,2026-11-04\n").1 == [
            "content/hr/requests.csv:1:1: error: requests.csv has no header row: its first line must name the columns service, received, completed, paused, but it holds a request",
        ])
        #expect(Self.decode("service,opened,completed\nleaver,2026-11-02,2026-11-04\n").1 == [
            "content/hr/requests.csv:1:1: error: requests.csv has no 'received' column (its columns are 'service', 'opened', 'completed'); name the column so, or map it in catalogue.yml with request_columns: {received: \"<the export's name>\"}",
        ])
        let (log, duplicate) = Self.decode("service,received,Received,completed,notes,notes\nleaver,2026-11-02,2026-11-03,2026-11-04,a,b\n")
        #expect(log.requests.isEmpty)
        // Duplicated extra columns (notes) are ignored, as a raw export has them.
        #expect(duplicate == [
            "content/hr/requests.csv:1:3: error: column 'Received' is in the header twice (columns 2 and 3), so Remit cannot tell which to read; rename one",
        ])
    }

    @Test func aLargeFileReadInPartsReadsAsOneRead() {
        var text = "service,received,completed,notes\n"
        for row in 0..<500 {
            let note = row % 3 == 0 ? "\"line one\nline \"\"two\"\", and\nthree\"" : row % 3 == 1 ? "\"a, b\"" : "plain 5\" screen"
            text += "leaver,2026-11-02,2026-11-04,\(note)\n"
        }
        let file = SourceFile(relativePath: "hr/requests.csv", displayPath: "content/hr/requests.csv", text: text)
        let whole = CSVTable.read(file, parts: 1)
        #expect(whole.records.count == 501)
        #expect(whole.records.last?.line == 1 + 500 + 2 * 167)
        for parts in [2, 3, 7, 64] {
            let split = CSVTable.read(file, parts: parts)
            #expect(split.records == whole.records, "\(parts) parts")
        }
    }

    @Test func anUnclosedQuoteIsNamedWhereItOpens() {
        let (log, diagnostics) = Self.decode("service,received,completed,notes\nleaver,2026-11-02,2026-11-04,ok\nleaver,2026-11-02,2026-11-04,\"never closed\nleaver,2026-11-02,2026-11-04,x\n")
        #expect(log.requests.count == 1)
        #expect(diagnostics == [
            "content/hr/requests.csv:3:4: error: this field opens a quote (\") that is never closed, so the rest of the file would be one field; close the quote",
        ])
        // A quote inside an unquoted field is only a character.
        #expect(CSVTable.endsInsideQuotes("a,5\" screen,b\n") == false)
        #expect(CSVTable.endsInsideQuotes("a,\"x\"\"y\",b\n") == false)
    }
}
