/// Every Markdown link must resolve, and every `#anchor` must name a heading
/// of its target page; reported at the link itself.
enum LinkChecks {
    static func check(_ bodies: [String: RenderedBody], into diagnostics: inout [Diagnostic]) {
        for (path, body) in bodies { check(body, path: path, anchors: { bodies[$0]?.anchorList }, into: &diagnostics) }
    }

    /// One page's links, against the anchors of the pages they name (by
    /// source path; a page has a few, so a list is quicker than a set).
    static func check(_ body: RenderedBody, path: String, anchors: (String) -> [String]?, into diagnostics: inout [Diagnostic]) {
        diagnostics += body.problems
        for link in body.links {
            switch link.target {
            case .broken(let reason), .forbidden(let reason):
                diagnostics.append(Diagnostic(.error, at: link.location, reason))
            case .empty:
                diagnostics.append(Diagnostic(.warning, at: link.location, "link has no destination, so it goes nowhere; give it one or remove the brackets"))
            case .page(let target, let fragment?) where !fragment.isEmpty:
                let available = anchors(target)
                if !(available?.contains(fragment) ?? false) {
                    diagnostics.append(Diagnostic(.error, at: link.location, missingAnchor(fragment, in: target, available.map(Set.init))))
                }
            case .sameDocument(let fragment) where !fragment.isEmpty:
                let available = body.anchorList
                if !available.contains(fragment) && !BodyRenderer.themeIDs.contains(fragment) {
                    diagnostics.append(Diagnostic(.error, at: link.location, missingAnchor(fragment, in: path, Set(available))))
                }
            default:
                break
            }
        }
    }

    private static func missingAnchor(_ fragment: String, in path: String, _ available: Set<String>?) -> String {
        var message = "anchor '#\(fragment)' not found in \(path)"
        if let suggestion = Spelling.closest(to: fragment, among: (available ?? []).sorted()) {
            message += "; did you mean '#\(suggestion)'?"
        }
        return message
    }
}
