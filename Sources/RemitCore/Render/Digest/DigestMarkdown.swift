/// The digest as Markdown, for a bulletin written in Markdown or a chat tool.
enum DigestMarkdown {
    static func render(_ document: DigestDocument) -> String {
        var text = "# \(escape(document.title))\n\n\(escape(document.intro)) "
        text += document.more.map { "[\(escape($0.label))](\(url($0.url)))" }.joined(separator: " · ") + "\n"
        if let nothing = document.nothing { text += "\n\(escape(nothing))\n" }
        for section in document.sections {
            text += "\n## \(escape(section.heading))\n\n"
            if section.lines.isEmpty, let empty = section.empty { text += "\(escape(empty))\n" }
            for line in section.lines {
                text += "- **\(escape(line.when))**, \(escape(line.label)): [\(escape(line.title))](\(url(line.url))) "
                text += "(\(escape(line.function))). \(escape(line.summary))\n"
            }
        }
        return text
    }

    /// Text that Markdown reads as text: its punctuation escaped with a backslash.
    static func escape(_ text: String) -> String {
        var result = ""
        for character in text.replacingOccurrences(of: "\n", with: " ") {
            if "\\`*_[]<>#|~".contains(character) { result.append("\\") }
            result.append(character)
        }
        return result
    }

    /// A link destination: parentheses and spaces would end it early.
    static func url(_ text: String) -> String {
        text.replacingOccurrences(of: "(", with: "%28").replacingOccurrences(of: ")", with: "%29").replacingOccurrences(of: " ", with: "%20")
    }
}
