/// The digest as plain text: each item on one line, its summary and link below it.
enum DigestText {
    static func render(_ document: DigestDocument) -> String {
        var text = underlined(document.title, "=") + "\n" + document.intro + "\n"
        for link in document.more { text += "\(link.label): \(link.url)\n" }
        if let nothing = document.nothing { text += "\n\(nothing)\n" }
        for section in document.sections {
            text += "\n" + underlined(section.heading, "-")
            if section.lines.isEmpty, let empty = section.empty { text += "\(empty)\n" }
            for line in section.lines {
                text += "* \(line.when), \(line.label): \(line.title) (\(line.function))\n"
                text += "  \(line.summary)\n  \(line.url)\n"
            }
        }
        return text
    }

    static func underlined(_ heading: String, _ mark: Character) -> String {
        heading + "\n" + String(repeating: mark, count: heading.count) + "\n"
    }
}
