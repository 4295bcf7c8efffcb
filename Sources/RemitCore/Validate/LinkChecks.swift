/// Every Markdown link must resolve, and every `#anchor` must name a heading
/// of its target page; reported at the link itself.
enum LinkChecks {
    static func check(_ bodies: [String: RenderedBody], into diagnostics: inout [Diagnostic]) {
        let anchors = bodies.mapValues { Set($0.headings.map(\.id)) }
        for (path, body) in bodies {
            diagnostics += body.problems
            for link in body.links {
                switch link.target {
                case .broken(let reason), .forbidden(let reason):
                    diagnostics.append(Diagnostic(.error, at: link.location, reason))
                case .empty:
                    diagnostics.append(Diagnostic(.warning, at: link.location, "link has no destination, so it goes nowhere; give it one or remove the brackets"))
                case .page(let target, let fragment?) where !fragment.isEmpty:
                    if !(anchors[target]?.contains(fragment) ?? false) {
                        diagnostics.append(Diagnostic(.error, at: link.location, missingAnchor(fragment, in: target, anchors[target])))
                    }
                case .sameDocument(let fragment) where !fragment.isEmpty:
                    if !(anchors[path]?.contains(fragment) ?? false) && !BodyRenderer.themeIDs.contains(fragment) {
                        diagnostics.append(Diagnostic(.error, at: link.location, missingAnchor(fragment, in: path, anchors[path])))
                    }
                default:
                    break
                }
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
