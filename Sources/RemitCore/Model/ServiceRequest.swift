/// One row of a function's `requests.csv`: a request to one of its services.
/// Only these four facts are read; every other column of the export (names,
/// ticket numbers, descriptions) is never read into the model at all.
public struct ServiceRequest: Sendable, Hashable {
    /// The service's id as written, where it was written.
    public var service: Located<String>
    public var received: LocalDate
    /// Nil while the request is still open.
    public var completed: LocalDate?
    /// Business days the clock stopped while the team waited for the client.
    public var paused: Int

    public init(service: Located<String>, received: LocalDate, completed: LocalDate?, paused: Int = 0) {
        self.service = service
        self.received = received
        self.completed = completed
        self.paused = paused
    }
}

/// One function's `requests.csv`, its rows decoded.
public struct RequestLog: Sendable {
    public var function: String
    /// Where the file is, as diagnostics name it.
    public var file: SourceLocation
    /// The rows that could be read; a bad row is reported and left out.
    public var requests: [ServiceRequest]
}

/// The export's own names for the columns Remit reads (`request_columns` in
/// catalogue.yml), so a service desk's raw export needs no editing.
public struct RequestColumns: Sendable, Hashable {
    public var service = "service"
    public var received = "received"
    public var completed = "completed"
    public var paused = "paused"
    /// `paused` was named in catalogue.yml, so the export must have it.
    public var pausedIsMapped = false

    public init() {}

    /// The fields of `request_columns`, in the order they are listed.
    static let fields = ["service", "received", "completed", "paused"]

    func name(of field: String) -> String {
        switch field {
        case "service": service
        case "received": received
        case "completed": completed
        default: paused
        }
    }
}

extension LocalDate {
    /// `YYYY-MM-DD`, or an ISO 8601 date-time whose date is taken as written
    /// (`2026-11-03T14:05:00Z`, `2026-11-03 14:05`, `…+01:00`): service desks
    /// export either. Read byte by byte: an export has hundreds of thousands.
    init?(dateOrDateTime text: String) {
        var text = text
        guard let date = text.withUTF8({ Self.dateOrDateTime($0) }) else { return nil }
        self = date
    }

    private static func dateOrDateTime(_ bytes: UnsafeBufferPointer<UInt8>) -> LocalDate? {
        func number(_ at: Int, _ count: Int, max: Int) -> Int? {
            guard at + count <= bytes.count else { return nil }
            var value = 0
            for index in at..<at + count {
                let digit = bytes[index] &- UInt8(ascii: "0")
                guard digit < 10 else { return nil }
                value = value * 10 + Int(digit)
            }
            return value <= max ? value : nil
        }
        func byte(_ at: Int, is character: Unicode.Scalar) -> Bool { at < bytes.count && bytes[at] == UInt8(ascii: character) }
        guard let year = number(0, 4, max: 9999), byte(4, is: "-"), let month = number(5, 2, max: 12), byte(7, is: "-"),
            let day = number(8, 2, max: 31), let date = LocalDate(year: year, month: month, day: day)
        else { return nil }
        if bytes.count == 10 { return date }
        // `T` or a space, `HH:MM`, optional `:SS` and a fraction, then `Z` or `±HH[:]MM`, or nothing.
        guard byte(10, is: "T") || byte(10, is: " "), number(11, 2, max: 23) != nil, byte(13, is: ":"), number(14, 2, max: 59) != nil else { return nil }
        var index = 16
        if byte(index, is: ":") {
            guard number(index + 1, 2, max: 60) != nil else { return nil }
            index += 3
            if byte(index, is: ".") || byte(index, is: ",") {
                index += 1
                let start = index
                while index < bytes.count, bytes[index] &- UInt8(ascii: "0") < 10 { index += 1 }
                guard index > start else { return nil }
            }
        }
        if index == bytes.count { return date }
        if byte(index, is: "Z") { return index + 1 == bytes.count ? date : nil }
        guard byte(index, is: "+") || byte(index, is: "-"), number(index + 1, 2, max: 23) != nil else { return nil }
        index += 3
        if index == bytes.count { return date }
        if byte(index, is: ":") { index += 1 }
        return number(index, 2, max: 59) != nil && index + 2 == bytes.count ? date : nil
    }
}
