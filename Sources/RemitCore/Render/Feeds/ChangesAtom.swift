/// `changes.atom`: an Atom feed (RFC 4287) of the change calendar. Entry ids
/// depend only on the rule, the kind of change and its date, so they are the
/// same in every build; `updated` is the change's own date, or today for a
/// change announced for later (its date is in the title).
enum ChangesAtom {
    /// The pages the feed is made from, beside the settings and today.
    static let madeFrom: Set<CataloguePage.Kind> = [.rule]

    static func render(_ factory: ViewFactory) -> String { pieces(factory).joined }

    /// The feed in pieces, as the build writes it (an entry per rule change, 73 MB at 100,000 pages).
    static func pieces(_ factory: ViewFactory) -> TextPieces {
        let base = factory.base
        let config = factory.catalogue.config
        let events = factory.changes.all
        // A change announced for later was last updated no later than today.
        let today = factory.today
        let updated = timestamp(events.first.map { min($0.date, today) } ?? today)
        var xml = TextPieces()
        xml.append("""
        <?xml version="1.0" encoding="UTF-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom">
          <title>\(XMLText.escape(config.title)): rule changes</title>
          <subtitle>Rules taking effect and rules changed across \(XMLText.escape(config.organisation))</subtitle>
          <id>\(XMLText.escape(feedID(base)))</id>
          <link rel="self" href="\(XMLText.escape(base.absolute("changes.atom")))"/>
          <link rel="alternate" type="text/html" href="\(XMLText.escape(base.absolute(Route.changes.path)))"/>
          <updated>\(updated)</updated>
          <author><name>\(XMLText.escape(config.organisation))</name></author>

        """)
        for event in events {
            guard let rule = factory.catalogue.rules[event.rule] else { continue }
            let verb = event.kind == .takesEffect ? "Takes effect" : "Changed"
            let link = base.absolute(Route.rule(event.rule).path)
            xml.append("""
              <entry>
                <title>\(XMLText.escape("\(verb) \(event.date.longDescription): \(rule.title)"))</title>
                <id>\(XMLText.escape(feedID(base) + ":" + event.id))</id>
                <link rel="alternate" type="text/html" href="\(XMLText.escape(link))"/>
                <updated>\(timestamp(min(event.date, today)))</updated>
                <category term="\(XMLText.escape(event.rule.function))"/>
                <summary>\(XMLText.escape(event.summary))</summary>
              </entry>

            """)
        }
        xml.append("</feed>\n")
        return xml
    }

    /// A `tag:` URI (RFC 4151) when the site has a host name, else a URN: an
    /// IRI either way, and independent of the page layout.
    static func feedID(_ base: BaseURL) -> String {
        if let host = base.host {
            return "tag:\(host),2024:\(base.path)changes"
        }
        return "urn:remit:\(base.path)changes"
    }

    static func timestamp(_ date: LocalDate) -> String { "\(date)T00:00:00Z" }
}
