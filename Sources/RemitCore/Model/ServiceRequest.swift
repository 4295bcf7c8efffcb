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
    /// export either.
    init?(dateOrDateTime text: String) {
        let utf8 = text.utf8
        guard utf8.count >= 10, let date = LocalDate(iso: String(text.prefix(10))) else { return nil }
        let rest = text.dropFirst(10)
        guard !rest.isEmpty else {
            self = date
            return
        }
        guard rest.first == "T" || rest.first == " ", Self.isTime(rest.dropFirst()) else { return nil }
        self = date
    }

    /// `HH:MM`, optional `:SS` and fraction, then optional `Z` or `±HH[:]MM`.
    private static func isTime(_ text: Substring) -> Bool {
        let scalars = Array(text.unicodeScalars)
        func digits(_ at: Int, _ count: Int, max: Int) -> Bool {
            guard at + count <= scalars.count else { return false }
            let part = scalars[at..<at + count]
            guard part.allSatisfy({ ("0"..."9").contains($0) }) else { return false }
            return Int(String(String.UnicodeScalarView(part)))! <= max
        }
        guard digits(0, 2, max: 23), scalars.count > 2, scalars[2] == ":", digits(3, 2, max: 59) else { return false }
        var index = 5
        if index < scalars.count, scalars[index] == ":" {
            guard digits(index + 1, 2, max: 60) else { return false }
            index += 3
            if index < scalars.count, scalars[index] == "." || scalars[index] == "," {
                index += 1
                let start = index
                while index < scalars.count, ("0"..."9").contains(scalars[index]) { index += 1 }
                guard index > start else { return false }
            }
        }
        guard index < scalars.count else { return true }
        if scalars[index] == "Z" { return index + 1 == scalars.count }
        guard scalars[index] == "+" || scalars[index] == "-", digits(index + 1, 2, max: 23) else { return false }
        index += 3
        guard index < scalars.count else { return true }
        if scalars[index] == ":" { index += 1 }
        return digits(index, 2, max: 59) && index + 2 == scalars.count
    }
}
