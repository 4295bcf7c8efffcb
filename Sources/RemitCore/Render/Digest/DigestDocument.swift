/// A `Digest` with every reference resolved to words and absolute links: what
/// each of the three formats writes out, so they say the same thing.
struct DigestDocument: Sendable {
    struct Line: Sendable {
        /// "Monday 7 December"; "15 October 2026" when looking back.
        var when: String
        /// "takes effect", "deadline", …
        var label: String
        var title: String
        var url: String
        var function: String
        var summary: String
    }

    struct Section: Sendable {
        var heading: String
        var lines: [Line]
        /// Said instead of an empty list.
        var empty: String? = nil
    }

    var title: String
    var intro: String
    /// Where to read more: the change calendar and the deadlines page.
    var more: [(label: String, url: String)]
    var sections: [Section]
    /// Said when the weeks hold nothing at all.
    var nothing: String?

    init(_ digest: Digest, catalogue: Catalogue) {
        let base = catalogue.config.baseURL
        func line(_ entry: Digest.Entry, lookingBack: Bool) -> Line {
            let isRule = entry.kind != .deadline
            let title = isRule ? catalogue.rules[entry.subject]?.title : catalogue.services[entry.subject]?.title
            let route = isRule ? Route.rule(entry.subject) : Route.service(entry.subject)
            let label = switch entry.kind {
            case .takesEffect: lookingBack ? "took effect" : "takes effect"
            case .changed: "changed"
            case .consultationCloses: "consultation closes"
            case .deadline: "deadline"
            }
            return Line(
                when: lookingBack ? entry.date.longDescription : Self.dayAndMonth(entry.date), label: label,
                title: title ?? entry.subject.description, url: base.absolute(route.path),
                function: catalogue.function(entry.subject.function)?.title ?? entry.subject.function, summary: entry.summary)
        }
        let config = catalogue.config
        title = "\(config.title): coming up, \(Self.span(digest.today, digest.end))"
        let weeks = digest.weekCount == 1 ? "this week" : "this week and the next \(digest.weekCount - 1)"
        intro = "Rules taking effect, consultations closing and deadlines across \(config.organisation), \(weeks)."
        more = [("Change calendar", base.absolute(Route.changes.path)), ("Deadlines", base.absolute(Route.deadlines.path))]
        sections = digest.weeks.map { week in
            Section(
                heading: "Week of \(week.monday.longDescription)" + (week.busy.map { ", a busy week: \($0) rules take effect" } ?? ""),
                lines: week.entries.map { line($0, lookingBack: false) })
        }
        nothing = digest.weeks.isEmpty ? "Nothing takes effect, closes or falls due in these weeks." : nil
        if !digest.laterConsultations.isEmpty {
            sections.append(Section(
                heading: "Also open for consultation", lines: digest.laterConsultations.map { entry in
                    var later = line(entry, lookingBack: false)
                    later.when = entry.date.longDescription
                    later.label = "closes"
                    return later
                }))
        }
        sections.append(Section(
            heading: "Announced since \(digest.from.longDescription)", lines: digest.announced.map { line($0, lookingBack: true) },
            empty: "No changes announced since then."))
    }

    /// "Monday 7 December".
    static func dayAndMonth(_ date: LocalDate) -> String {
        "\(weekdayNames[date.weekday.isoIndex]) \(date.day) \(LocalDate.monthNames[date.month - 1])"
    }

    static let weekdayNames = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

    /// "30 November to 27 December 2026", "28 December 2026 to 24 January 2027".
    static func span(_ start: LocalDate, _ end: LocalDate) -> String {
        let first = start.year == end.year ? "\(start.day) \(LocalDate.monthNames[start.month - 1])" : start.longDescription
        return "\(first) to \(end.longDescription)"
    }
}

/// The formats `remit digest --format` writes.
public enum DigestFormat: String, CaseIterable, Sendable {
    case markdown, html, text
}

extension Digest {
    /// The digest as a message: Markdown, a self-contained HTML document for an
    /// email client (inline styles, no scripts, no external resources), or plain text.
    public func render(_ format: DigestFormat, catalogue: Catalogue) -> String {
        let document = DigestDocument(self, catalogue: catalogue)
        return switch format {
        case .markdown: DigestMarkdown.render(document)
        case .html: DigestHTML.render(document)
        case .text: DigestText.render(document)
        }
    }
}
