import Markdown

/// Every Markdown link must resolve, and every `#anchor` must name a heading
/// of its target page; reported at the link itself.
enum LinkChecks {
    static func check(_ bodies: [String: RenderedBody], into diagnostics: inout [Diagnostic]) {
        for (path, body) in bodies { check(body, path: path, headings: { bodies[$0]?.headings }, into: &diagnostics) }
    }

    /// One page's links, against the headings of the pages they name (by
    /// source path; a page has a few, so a list is quicker than a set).
    /// Headings, not a list of their ids made for each link: at 100,000
    /// pages, making those lists was most of checking the links.
    static func check(_ body: RenderedBody, path: String, headings: (String) -> [Heading]?, into diagnostics: inout [Diagnostic]) {
        diagnostics += body.problems
        for link in body.links {
            if let problem = problem(link, in: body, path: path, headings: headings) { diagnostics.append(problem) }
        }
    }

    /// In a one-off build, a body's links are checked as it is rendered, and
    /// let go: at 100,000 pages they were 440 MiB, kept until every body was
    /// parsed. Only a link naming a page's anchor stays, to be checked
    /// against that page's headings (`PageChecks`); what the others' checks
    /// found goes to `problems`.
    static func checkAsRendered(_ body: inout RenderedBody, path: String) {
        var waiting: [RenderedBody.ResolvedLink] = []
        for link in body.links {
            if case .page(_, let fragment?) = link.target, !fragment.isEmpty {
                waiting.append(link)
            } else if let problem = problem(link, in: body, path: path, headings: { _ in nil }) {
                body.problems.append(problem)
            }
        }
        body.links = waiting
    }

    private static func problem(_ link: RenderedBody.ResolvedLink, in body: RenderedBody, path: String, headings: (String) -> [Heading]?) -> Diagnostic? {
        switch link.target {
        case .broken(let reason), .forbidden(let reason):
            return Diagnostic(.error, at: link.location, reason)
        case .empty:
            return Diagnostic(.warning, at: link.location, "link has no destination, so it goes nowhere; give it one or remove the brackets")
        case .page(let target, let fragment?) where !fragment.isEmpty:
            let available = headings(target)
            if !(available?.contains { $0.id == fragment } ?? false) {
                return Diagnostic(.error, at: link.location, missingAnchor(fragment, in: target, available.map { Set($0.map(\.id)) }))
            }
        case .sameDocument(let fragment) where !fragment.isEmpty:
            if !body.headings.contains(where: { $0.id == fragment }) && !BodyRenderer.themeIDs.contains(fragment) {
                return Diagnostic(.error, at: link.location, missingAnchor(fragment, in: path, body.anchors))
            }
        default:
            break
        }
        return nil
    }

    private static func missingAnchor(_ fragment: String, in path: String, _ available: Set<String>?) -> String {
        var message = "anchor '#\(fragment)' not found in \(path)"
        if let suggestion = Spelling.closest(to: fragment, among: (available ?? []).sorted()) {
            message += "; did you mean '#\(suggestion)'?"
        }
        return message
    }
}
