/// Escaping for text and attribute values in the XML feeds.
enum XMLText {
    /// `&<>"'` as entities; control characters other than tab and newlines,
    /// and U+FFFE and U+FFFF, left out (XML 1.0 allows none of them). On
    /// bytes: all of these are ASCII but the last two (EF BF BE, EF BF BF),
    /// and no byte of a longer UTF-8 sequence is ASCII. (Scalar by scalar it
    /// was a twentieth of a rebuild after a title edit.)
    static func escape(_ text: String) -> String {
        var text = text
        let replaced: String? = text.withUTF8 { bytes in
            func attention(_ index: Int) -> Bool {
                let byte = bytes[index]
                switch byte {
                case 0x26, 0x3C, 0x3E, 0x22, 0x27: return true
                case 0x09, 0x0A, 0x0D: return false
                case ..<0x20: return true
                case 0xEF: return index + 2 < bytes.count && bytes[index + 1] == 0xBF && (bytes[index + 2] == 0xBE || bytes[index + 2] == 0xBF)
                default: return false
                }
            }
            // Most text has nothing to escape, and is written as it is.
            guard let first = bytes.indices.first(where: attention) else { return nil }
            var escaped: [UInt8] = []
            escaped.reserveCapacity(bytes.count + 16)
            escaped.append(contentsOf: bytes[..<first])
            var index = first
            while index < bytes.count {
                let byte = bytes[index]
                switch byte {
                case 0x26: escaped.append(contentsOf: "&amp;".utf8)
                case 0x3C: escaped.append(contentsOf: "&lt;".utf8)
                case 0x3E: escaped.append(contentsOf: "&gt;".utf8)
                case 0x22: escaped.append(contentsOf: "&quot;".utf8)
                case 0x27: escaped.append(contentsOf: "&apos;".utf8)
                case 0x09, 0x0A, 0x0D: escaped.append(byte)
                case ..<0x20: break
                case 0xEF where attention(index): index += 2
                default: escaped.append(byte)
                }
                index += 1
            }
            return String(decoding: escaped, as: UTF8.self)
        }
        return replaced ?? text
    }
}
