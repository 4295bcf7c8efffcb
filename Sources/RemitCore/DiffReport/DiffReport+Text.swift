/// `remit diff --format text`: for a terminal. Each change on its line with
/// its file and line; warnings and a side's errors as `remit check` prints
/// them (the same formatter, with the source line and a caret).
extension DiffReport {
    static let pagesListed = 50

    /// - Parameter colour: ANSI colour for a terminal (never with NO_COLOR).
    public func text(colour: Bool = false) -> String {
        let bold: (String) -> String = { colour ? "\u{1B}[1m\($0)\u{1B}[0m" : $0 }
        var text = "remit diff: \(diff.base.label) → \(diff.head.label)\n\(bold(summary))\n"
        let formatter = DiagnosticFormatter(format: .text, colour: colour)
        if !diff.compared {
            for (name, side) in [("BASE", diff.base), ("HEAD", diff.head)] where !side.errors.isEmpty {
                text += "\n\(bold("\(name), \(side.label), has \(Self.count(side.errors.count, "error")):"))\n"
                text += formatter.format(side.errors, sourceLine: side.sourceLine)
            }
            return text
        }
        for group in groups {
            text += "\n" + bold(group.title) + "\n"
            for item in group.items {
                text += "  \(item.subject.rawValue) \(item.title) (\(item.id))\n"
                for change in item.changes {
                    text += "    \(Self.headline(change))"
                    if let location = change.location { text += "  \(location.path):\(location.line)" }
                    text += "\n"
                    switch change.kind {
                    case .summaryChanged:
                        text += "      before: \(change.old?.description ?? "none")\n      after:  \(change.new?.description ?? "none")\n"
                    case .wordingChanged:
                        text += Self.wording(change).map { "      \($0)\n" }.joined()
                    case .journeyTotalChanged:
                        text += change.causes.map { "      \($0.note ?? ""): \($0.id) \(Self.headline($0))  \($0.location.map { "\($0.path):\($0.line)" } ?? "")\n" }.joined()
                    default:
                        break
                    }
                }
            }
        }
        if !diff.warnings.isEmpty {
            text += "\n" + bold("Warnings") + "\n"
            text += formatter.format(diff.warnings, sourceLine: diff.head.sourceLine)
        }
        let pages = diff.pagesAffected
        if !pages.isEmpty {
            text += "\n" + bold("\(Self.count(pages.count, "page")) affected") + "\n"
            text += pages.prefix(Self.pagesListed).map { "  \(address(ofFile: $0))\n" }.joined()
            if pages.count > Self.pagesListed { text += "  …and \(pages.count - Self.pagesListed) more\n" }
        }
        return text
    }
}
