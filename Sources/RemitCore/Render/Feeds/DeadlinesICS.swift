/// `deadlines.ics`: an iCalendar file (RFC 5545) staff subscribe to. CRLF line
/// ends, long lines folded at 75 octets, all-day events, and UIDs made of the
/// service and the date, so a calendar app updates an event instead of
/// duplicating it after the next build.
enum DeadlinesICS {
    static func render(_ factory: ViewFactory) -> String {
        let config = factory.catalogue.config
        // Written line by line into one string (an array of lines, joined,
        // was most of the time).
        var ics = ""
        func line(_ text: String) {
            ics += fold(text)
            ics += "\r\n"
        }
        for text in ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Remit//Services catalogue//EN", "CALSCALE:GREGORIAN", "METHOD:PUBLISH"] {
            line(text)
        }
        line("X-WR-CALNAME:" + text("\(config.title): deadlines"))
        // DTSTAMP is required; the build's "today" keeps the file reproducible.
        let stamp = "DTSTAMP:" + compact(factory.today) + "T000000Z"
        let host = factory.base.host ?? "remit.invalid"
        var seen: [String: Int] = [:]
        for entry in factory.deadlines.all {
            let service = factory.catalogue.services[entry.service].map { (title: $0.title, summary: $0.summary.value) }
            // Ids never contain '.', so no two services can spell the same UID.
            let day = compact(entry.date)
            var uid = "\(day).\(entry.service.function).\(entry.service.id)"
            seen[uid, default: 0] += 1
            if let count = seen[uid], count > 1 { uid += ".\(count)" }
            let page = factory.base.absolute(Route.service(entry.service).path)
            // A calendar app cannot follow a path without a host.
            let link = factory.base.origin == nil ? nil : page
            line("BEGIN:VEVENT")
            line("UID:\(uid)@\(host)")
            line(stamp)
            line("DTSTART;VALUE=DATE:" + day)
            line("DTEND;VALUE=DATE:" + compact(entry.date.adding(days: 1)))
            line("SUMMARY:" + text(entry.what + (service.map { " (\($0.title))" } ?? "")))
            line("DESCRIPTION:" + text([service?.summary, link].compactMap { $0 }.joined(separator: " ")))
            if let link { line("URL:" + link) }
            line("CATEGORIES:" + text(factory.functionTitle(entry.service.function)))
            line("TRANSP:TRANSPARENT")
            line("END:VEVENT")
        }
        if factory.deadlines.all.isEmpty {
            // RFC 5545 wants at least one component; a UTC time zone says nothing.
            for text in ["BEGIN:VTIMEZONE", "TZID:UTC", "BEGIN:STANDARD", "DTSTART:19700101T000000", "TZOFFSETFROM:+0000", "TZOFFSETTO:+0000", "END:STANDARD", "END:VTIMEZONE"] {
                line(text)
            }
        }
        line("END:VCALENDAR")
        return ics
    }

    static func compact(_ date: LocalDate) -> String { LocalDate.pad(date.year, 4) + LocalDate.pad(date.month, 2) + LocalDate.pad(date.day, 2) }

    /// TEXT values escape backslash, semicolon, comma and newlines, scalar by
    /// scalar (a ',' fused with a combining mark is still a ',').
    static func text(_ value: String) -> String {
        // Most values have nothing to escape, and are written as they are.
        if !value.utf8.contains(where: { $0 == UInt8(ascii: "\\") || $0 == UInt8(ascii: ";") || $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\r") || $0 == UInt8(ascii: "\n") }) {
            return value
        }
        var result = String.UnicodeScalarView()
        var afterCR = false
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\\": result.append(contentsOf: "\\\\".unicodeScalars)
            case ";": result.append(contentsOf: "\\;".unicodeScalars)
            case ",": result.append(contentsOf: "\\,".unicodeScalars)
            case "\r": result.append(contentsOf: "\\n".unicodeScalars)
            case "\n": if !afterCR { result.append(contentsOf: "\\n".unicodeScalars) }
            default: result.append(scalar)
            }
            afterCR = scalar == "\r"
        }
        return String(result)
    }

    /// Lines longer than 75 octets continue on the next line after a space,
    /// never splitting a UTF-8 character.
    static func fold(_ line: String) -> String {
        // Most lines are short.
        if line.utf8.count <= 75 { return line }
        // ASCII, cut every 75 octets on bytes: going character by character was most of the calendar's time.
        if line.utf8.allSatisfy({ $0 < 0x80 }) {
            var result: [UInt8] = []
            let bytes = Array(line.utf8)
            result.reserveCapacity(bytes.count + bytes.count / 74 * 3)
            result += bytes[0..<75]
            var start = 75
            while start < bytes.count {
                result += "\r\n ".utf8
                result += bytes[start..<min(start + 74, bytes.count)]
                start += 74
            }
            return String(decoding: result, as: UTF8.self)
        }
        var result = ""
        var octets = 0
        for character in line {
            let size = String(character).utf8.count
            if octets + size > 75 {
                result += "\r\n "
                octets = 1
            }
            result.append(character)
            octets += size
        }
        return result
    }
}
