import Mustache

/// "Previous versions" of a rule's or service's page: each commit that changed
/// its file, newest first, with the fields it changed and its changed
/// paragraphs as a redline (words taken out in `<del>`, put in in `<ins>`).
struct VersionsView: Sendable, Hashable {
    struct Version: Sendable, Hashable {
        var date: DateView
        var commit: String
        /// What it changed, as HTML made here rather than in the template: a
        /// page has up to ten versions, and a template lookup per field of each
        /// cost more than the comparison itself. Every text in it is escaped;
        /// words taken out are in `<del>`, put in in `<ins>`.
        var detailsHTML: String
    }

    var versions: [Version]
    var count: Int
    /// Why older versions are not listed, when they exist.
    var note: String?
}

extension ViewFactory {
    /// nil for a page without versions (outside git, a shallow clone, or nothing in the last years).
    func versionsView(_ source: PageSource) -> VersionsView? {
        guard let page = versions.pages[source.file.relativePath] else { return nil }
        let views = page.versions.map { version in
            VersionsView.Version(date: DateView(version.date), commit: String(version.commit.prefix(8)), detailsHTML: detailsHTML(version))
        }
        var note: String?
        if page.olderNotShown {
            note = views.count == PageVersions.limit
                ? "The last \(PageVersions.limit) versions; older ones are in the catalogue's git history."
                : "Versions of the last \(PageVersions.years) years; older ones are in the catalogue's git history."
        }
        return VersionsView(versions: views, count: views.count, note: note)
    }

    /// The version's notes, fields, announcements and redlined paragraphs.
    func detailsHTML(_ version: PageVersions.Version) -> String {
        let escape = HTMLEscaping.escape
        var lines: [String] = []
        if !version.hasPrevious { lines.append("<p>First published.</p>") }
        if version.unreadable { lines.append("<p>This version could not be read, so what it changed is not shown.</p>") }
        if version.hasPrevious, !version.unreadable, version.changes.isEmpty, version.announced.isEmpty {
            lines.append("<p>No change a reader would see (spacing or layout of the file).</p>")
        }
        if !version.announced.isEmpty {
            let entries = version.announced.map { entry in
                "<time datetime=\"\(entry.date)\">\(entry.date.longDescription)</time>: \(escape(entry.summary))"
            }
            lines.append("<p class=\"version__announced\"><span class=\"badge badge--change\">Announced</span> \(entries.joined(separator: " "))</p>")
        }
        let fields = version.changes.filter { $0.kind != .wordingChanged }
        if !fields.isEmpty {
            lines.append("<dl class=\"version__fields\">")
            for change in fields {
                lines.append("<div><dt><code>\(escape(change.field))</code></dt><dd>\(fieldHTML(change))</dd></div>")
            }
            lines.append("</dl>")
        }
        if let wording = version.changes.first(where: { $0.kind == .wordingChanged })?.note {
            lines.append("<p class=\"version__wording\">Wording: \(escape(wording)).</p>")
            for paragraph in version.paragraphs { lines.append("<p class=\"redline\">\(Self.html(paragraph))</p>") }
        }
        return lines.joined(separator: "\n")
    }

    func fieldHTML(_ change: Change) -> String {
        let escape = HTMLEscaping.escape
        let html: String
        switch change.kind {
        case .summaryChanged, .titleChanged:
            html = Self.html(Redline(old: change.old?.description ?? "", new: change.new?.description ?? ""))
        case .appliesToChanged:
            var parts: [String] = []
            if case .list(let old)? = change.old, case .list(let new)? = change.new {
                let added = new.filter { !old.contains($0) }.map(serviceName)
                let removed = old.filter { !new.contains($0) }.map(serviceName)
                if !added.isEmpty { parts.append("added <ins>\(added.map(escape).joined(separator: ", "))</ins>") }
                if !removed.isEmpty { parts.append("removed <del>\(removed.map(escape).joined(separator: ", "))</del>") }
            }
            html = parts.joined(separator: "; ")
        default:
            switch (change.old?.description, change.new?.description) {
            case (nil, let new?): html = "added <ins>\(escape(new))</ins>"
            case (let old?, nil): html = "removed <del>\(escape(old))</del>"
            case (let old?, let new?): html = Self.arrow(old, new)
            case (nil, nil): html = ""
            }
        }
        return html
    }

    /// A service by its title, from a `function/id` reference.
    func serviceName(_ reference: String) -> String {
        let parts = reference.split(separator: "/").map(String.init)
        guard parts.count == 2 else { return reference }
        return catalogue.services[ItemKey(function: parts[0], id: parts[1])]?.title ?? reference
    }

    /// "5 → 10 business days": the words both end with said once.
    static func arrow(_ old: String, _ new: String) -> String {
        var before = old.split(separator: " ")
        var after = new.split(separator: " ")
        var shared: [Substring] = []
        while before.count > 1, after.count > 1, before.last == after.last {
            shared.insert(before.removeLast(), at: 0)
            after.removeLast()
        }
        let tail = shared.isEmpty ? "" : " " + shared.joined(separator: " ")
        let escape = HTMLEscaping.escape
        return "<del>\(escape(before.joined(separator: " ")))</del> → <ins>\(escape(after.joined(separator: " ")))</ins>\(escape(tail))"
    }

    /// A redline as HTML: every word escaped, runs taken out in `<del>`, put in in `<ins>`.
    static func html(_ redline: Redline) -> String {
        redline.segments.map { segment in
            switch segment {
            case .kept(let text): HTMLEscaping.escape(text)
            case .removed(let text): "<del>\(HTMLEscaping.escape(text))</del>"
            case .inserted(let text): "<ins>\(HTMLEscaping.escape(text))</ins>"
            }
        }.joined(separator: " ")
    }
}

// Template lookups by name: see `PageContext` for why.

extension VersionsView: TemplateView {
    static let templateKeys: [String: PartialKeyPath<VersionsView> & Sendable] = [
        "versions": \.versions,
        "count": \.count,
        "note": \.note,
    ]
}

extension VersionsView.Version: TemplateView {
    static let templateKeys: [String: PartialKeyPath<VersionsView.Version> & Sendable] = [
        "date": \.date,
        "commit": \.commit,
        "detailsHTML": \.detailsHTML,
    ]
}
