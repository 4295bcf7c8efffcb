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
        // On bytes: the five are ASCII, and no byte of a longer UTF-8 sequence
        // is ASCII, so this is the same as looking at every scalar, and it is
        // done for every value of every page.
        func special(_ byte: UInt8) -> Bool { byte == 0x3C || byte == 0x3E || byte == 0x26 || byte == 0x22 || byte == 0x27 }
        var contiguous = text
        return contiguous.withUTF8 { bytes in
            guard let first = bytes.firstIndex(where: special) else { return text }
            var escaped: [UInt8] = []
            escaped.reserveCapacity(bytes.count + 16)
            escaped.append(contentsOf: bytes[..<first])
            for byte in bytes[first...] {
                switch byte {
                case 0x3C: escaped.append(contentsOf: "&lt;".utf8)
                case 0x3E: escaped.append(contentsOf: "&gt;".utf8)
                case 0x26: escaped.append(contentsOf: "&amp;".utf8)
                case 0x22: escaped.append(contentsOf: "&quot;".utf8)
                case 0x27: escaped.append(contentsOf: "&#39;".utf8)
                default: escaped.append(byte)
                }
            }
            return String(decoding: escaped, as: UTF8.self)
        }
    }

    /// swift-mustache keeps content types in its own registry; registering twice is harmless.
    static func register() {
        MustacheContentTypes.register(HTMLEscaping(), named: name)
    }
}
