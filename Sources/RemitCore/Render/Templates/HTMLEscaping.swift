import Mustache

/// The escaping every `{{…}}` in every template gets. swift-mustache 2.1.1's own
/// HTML escaping compares whole grapheme clusters, so a `<` or `"` fused with
/// a neighbouring character (`"\u{0600}<img …"`, `"\"\u{0301}"`) was written
/// raw. This one looks at every Unicode scalar.
struct HTMLEscaping: MustacheContentType {
    static let name = "REMIT_HTML"
    /// Put before every template's text, so that user overrides get it too.
    static let pragma = "{{% CONTENT_TYPE: \(name)}}"

    func escapeText(_ text: String) -> String {
        Self.escape(text)
    }

    static func escape(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 0x3C || $0 == 0x3E || $0 == 0x26 || $0 == 0x22 || $0 == 0x27 }) else { return text }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar {
            case "<": result.append(contentsOf: "&lt;".unicodeScalars)
            case ">": result.append(contentsOf: "&gt;".unicodeScalars)
            case "&": result.append(contentsOf: "&amp;".unicodeScalars)
            case "\"": result.append(contentsOf: "&quot;".unicodeScalars)
            case "'": result.append(contentsOf: "&#39;".unicodeScalars)
            default: result.append(scalar)
            }
        }
        return String(result)
    }

    /// swift-mustache keeps content types in its own registry; registering twice is harmless.
    static func register() {
        MustacheContentTypes.register(HTMLEscaping(), named: name)
    }
}
