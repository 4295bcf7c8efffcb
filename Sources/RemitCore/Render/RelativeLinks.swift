/// For `remit build --offline`: rewrites a page's links inside the site
/// (`/services/hr/`) relative to the page (`../hr/index.html`), so the site
/// works opened from disk (`file://`), where no server turns a folder into its
/// `index.html`. Links leaving the site are left alone.
enum RelativeLinks {
    static func rewrite(_ html: String, outputPath: String, base: String) -> String {
        let depth = outputPath.split(separator: "/", omittingEmptySubsequences: false).count - 1
        let up = String(repeating: "../", count: depth)
        return html.replacing(#/(href|src|action|data-remit-root)="([^"]*)"/#) { match in
            let (attribute, value) = (String(match.output.1), String(match.output.2))
            guard value.hasPrefix(base), !value.hasPrefix("//") else { return String(match.output.0) }
            let inside = String(value.dropFirst(base.count))
            if attribute == "data-remit-root" { return "\(attribute)=\"\(up.isEmpty ? "./" : up)\"" }
            let split = inside.firstIndex(where: { $0 == "#" || $0 == "?" }) ?? inside.endIndex
            var path = String(inside[..<split])
            if path.isEmpty || path.hasSuffix("/") { path += "index.html" }
            return "\(attribute)=\"\(up)\(path)\(inside[split...])\""
        }
    }
}
