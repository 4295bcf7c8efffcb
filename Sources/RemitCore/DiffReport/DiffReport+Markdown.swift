/// `remit diff --format markdown`: a pull-request comment. The one-line
/// summary, the warnings, a table per function with the details folded in
/// `<details>`, and the pages affected. It starts with `marker`, so CI finds
/// its own comment to update, and stays under GitHub's 65,536-character limit:
/// what does not fit is summarised (details first, then rows, then sections).
extension DiffReport {
    /// The first line of every comment `remit diff` writes.
    public static let marker = "<!-- remit-diff -->"
    /// GitHub's limit on a comment is 65,536 characters (counted here in UTF-16 units, never fewer); this leaves a margin.
    public static let commentLimit = 65_000
    static let pagesShown = 25
    static let warningsShown = 50

    public func markdown(limit: Int = DiffReport.commentLimit) -> String {
        var head = "\(Self.marker)\n**\(Self.escape(summary))**\n\n"
        head += "Comparing \(Self.code(diff.base.label)) with \(Self.code(diff.head.label)).\n"
        if !diff.compared {
            for (name, side) in [("BASE", diff.base), ("HEAD", diff.head)] where !side.errors.isEmpty {
                head += "\n#### \(name) has \(Self.count(side.errors.count, "error"))\n\n"
                head += Self.fenced(side.errors.prefix(Self.warningsShown).map(\.description))
                if side.errors.count > Self.warningsShown { head += "…and \(side.errors.count - Self.warningsShown) more; `remit check` lists them all.\n" }
            }
            return Self.cut(head, to: limit)
        }
        if !diff.warnings.isEmpty {
            head += "\n#### Warnings\n\n"
            head += diff.warnings.prefix(Self.warningsShown).map { "- ⚠️ \(Self.code("\($0.location)")): \(Self.escape($0.message))\n" }.joined()
            if diff.warnings.count > Self.warningsShown { head += "- …and \(diff.warnings.count - Self.warningsShown) more\n" }
        }
        let tail = pagesSection()
        var body = ""
        var remaining = limit - head.utf16.count - tail.utf16.count
        let groups = self.groups
        for (index, group) in groups.enumerated() {
            // Keep room for one line about each group still to come.
            let reserve = (groups.count - index - 1) * 200
            let full = section(group, details: true)
            if full.utf16.count <= remaining - reserve {
                body += full
            } else {
                let table = section(group, details: false, rowBudget: remaining - reserve - 300)
                body += table.utf16.count <= remaining - 200 ? table : "\n**\(Self.escape(group.title))**: \(Self.count(group.changeCount, "change")) not shown here, to keep this comment under GitHub's size limit; run `remit diff` to see them.\n"
            }
            remaining = limit - head.utf16.count - tail.utf16.count - body.utf16.count
        }
        return Self.cut(head + body + tail, to: limit)
    }

    /// A group's table (one row per page), and its details.
    private func section(_ group: Group, details: Bool, rowBudget: Int = .max) -> String {
        var text = "\n### \(Self.escape(group.title))\n\n| | page | what changes for clients |\n|---|---|---|\n"
        var rows = 0
        for item in group.items {
            let row = "| \(item.subject.rawValue) | \(link(item)) | \(item.changes.map { Self.escape(Self.headline($0)) }.joined(separator: "; ")) |\n"
            guard text.utf16.count + row.utf16.count <= rowBudget else { break }
            text += row
            rows += 1
        }
        if rows < group.items.count {
            text += "| | | …and \(Self.count(group.items.count - rows, "more page")), not shown to keep this comment under GitHub's size limit |\n"
        }
        guard details else {
            return text + (rows == group.items.count ? "\nDetails left out to keep this comment under GitHub's size limit; run `remit diff` for them.\n" : "")
        }
        text += "\n<details><summary>Details: \(Self.count(group.changeCount, "change"))</summary>\n\n"
        for item in group.items {
            for change in item.changes {
                text += "- **\(Self.escape(item.title))**, \(Self.escape(Self.headline(change)))"
                if let location = change.location { text += " — \(Self.code("\(location.path):\(location.line)"))" }
                text += "\n"
                text += detailLines(change).map { "  - \($0)\n" }.joined()
            }
        }
        return text + "\n</details>\n"
    }

    /// The old and new text where the headline leaves them out.
    private func detailLines(_ change: Change) -> [String] {
        switch change.kind {
        case .summaryChanged:
            return ["before: \(Self.escape(change.old?.description ?? "none"))", "after: \(Self.escape(change.new?.description ?? "none"))"]
        case .wordingChanged:
            let places = Self.wording(change)
            return places.prefix(5).map(Self.escape) + (places.count > 5 ? ["…and \(places.count - 5) more places"] : [])
        case .journeyTotalChanged:
            return change.causes.map { "\(Self.escape($0.note ?? "")): \(Self.escape($0.id)) \(Self.escape(Self.headline($0))) — \(Self.code("\($0.location?.path ?? ""):\($0.location?.line ?? 0)"))" }
        case .ruleAdded, .serviceAdded:
            return change.new.map { ["\(change.kind == .ruleAdded ? "summary" : "turnaround"): \(Self.escape($0.description))"] } ?? []
        default:
            return []
        }
    }

    private func link(_ item: Item) -> String {
        let title = Self.escape(item.title)
        guard let route = item.route, site.origin != nil else { return title }
        return "[\(title)](\(address(route)))"
    }

    /// The addresses whose output changes, as links under the site, capped.
    private func pagesSection() -> String {
        let pages = diff.pagesAffected
        guard !pages.isEmpty else { return "" }
        var text = "\n<details><summary>\(Self.count(pages.count, "page")) affected</summary>\n\n"
        for page in pages.prefix(Self.pagesShown) {
            let url = address(ofFile: page)
            text += site.origin != nil ? "- <\(url)>\n" : "- \(Self.code(url))\n"
        }
        if pages.count > Self.pagesShown { text += "- …and \(pages.count - Self.pagesShown) more\n" }
        return text + "\n</details>\n"
    }

    /// Text from content, safe in a table cell: no Markdown, HTML or @mentions of its own.
    static func escape(_ text: String) -> String {
        var result = ""
        var previous: Character = " "
        for character in text {
            defer { previous = character }
            switch character {
            case "\\", "`", "*", "_", "[", "]", "|", "#", "~": result += "\\\(character)"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "&": result += "&amp;"
            // `@name` would notify someone; an email address's `@` would not.
            case "@" where !(previous.isLetter || previous.isNumber): result += "@\u{2060}"
            case "\n", "\r": result += " "
            default: result.append(character)
            }
        }
        return result
    }

    /// Inline code that its own backticks cannot end.
    static func code(_ text: String) -> String {
        let clean = text.replacingOccurrences(of: "\n", with: " ")
        return clean.contains("`") ? "`` \(clean) ``" : "`\(clean)`"
    }

    static func fenced(_ lines: [String]) -> String {
        "```\n" + lines.map { $0.replacingOccurrences(of: "```", with: "'''") }.joined(separator: "\n") + "\n```\n"
    }

    /// The last resort: never over the limit, whatever was measured wrong.
    private static func cut(_ text: String, to limit: Int) -> String {
        guard text.utf16.count > limit else { return text }
        var kept = ""
        var length = 0
        for character in text {
            length += character.utf16.count
            if length > limit - 120 { break }
            kept.append(character)
        }
        return kept + "\n\n…cut here to stay under GitHub's comment size limit; run `remit diff` for everything.\n"
    }
}
