/// `deadlines.ics`: an iCalendar file (RFC 5545) staff subscribe to. CRLF line
/// ends, long lines folded at 75 octets, all-day events, and UIDs made of the
/// service and the date, so a calendar app updates an event instead of
/// duplicating it after the next build.
enum DeadlinesICS {
    /// The pages the calendar is made from (a service's deadlines and title,
    /// its function's title), beside the settings and today.
    static let madeFrom: Set<CataloguePage.Kind> = [.service, .function]

    static func render(_ factory: ViewFactory) -> String {
        let config = factory.catalogue.config
        var lines = [
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Remit//Services catalogue//EN", "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH", "X-WR-CALNAME:" + text("\(config.title): deadlines"),
        ]
        // DTSTAMP is required; the build's "today" keeps the file reproducible.
        let stamp = compact(factory.today) + "T000000Z"
        var seen: [String: Int] = [:]
        for entry in factory.deadlines.all {
            let service = factory.catalogue.services[entry.service]
            // Ids never contain '.', so no two services can spell the same UID.
            var uid = "\(compact(entry.date)).\(entry.service.function).\(entry.service.id)"
            seen[uid, default: 0] += 1
            if let count = seen[uid], count > 1 { uid += ".\(count)" }
            let page = factory.base.absolute(Route.service(entry.service).path)
            // A calendar app cannot follow a path without a host.
            let link = factory.base.origin == nil ? nil : page
            lines += [
                "BEGIN:VEVENT",
                "UID:\(uid)@\(factory.base.host ?? "remit.invalid")",
                "DTSTAMP:\(stamp)",
                "DTSTART;VALUE=DATE:\(compact(entry.date))",
                "DTEND;VALUE=DATE:\(compact(entry.date.adding(days: 1)))",
                "SUMMARY:" + text(entry.what + (service.map { " (\($0.title))" } ?? "")),
                "DESCRIPTION:" + text([service?.summary.value, link].compactMap { $0 }.joined(separator: " ")),
            ]
            if let link { lines.append("URL:" + link) }
            lines += [
                "CATEGORIES:" + text(factory.functionLink(entry.service.function).title),
                "TRANSP:TRANSPARENT",
                "END:VEVENT",
            ]
        }
        if factory.deadlines.all.isEmpty {
            // RFC 5545 wants at least one component; a UTC time zone says nothing.
            lines += [
                "BEGIN:VTIMEZONE", "TZID:UTC", "BEGIN:STANDARD", "DTSTART:19700101T000000",
                "TZOFFSETFROM:+0000", "TZOFFSETTO:+0000", "END:STANDARD", "END:VTIMEZONE",
            ]
        }
        lines.append("END:VCALENDAR")
        return lines.map(fold).joined(separator: "\r\n") + "\r\n"
    }

    static func compact(_ date: LocalDate) -> String { String(decoding: date.description.utf8.filter { $0 != UInt8(ascii: "-") }, as: UTF8.self) }

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
