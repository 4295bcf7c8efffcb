import Foundation

/// How the search index and the search script split text into words, in the
/// same steps on both sides (`Tests/Search/word-cases.json` checks they agree):
/// decompose (NFD), drop the combining accents U+0300–U+036F, lowercase (final
/// sigma as sigma), and keep runs of letters, marks and digits.
enum SearchText {
    static func words(_ text: String) -> [String] {
        // Most text is ASCII: nothing to decompose, and words are made from bytes.
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return asciiWords(text) }
        return stretchWords(text)
    }

    /// The words of text with some non-ASCII in it, a stretch at a time
    /// between ASCII characters that are not letters or digits. Decomposition
    /// never moves anything across an ASCII character (each is a starter and
    /// decomposes to itself), so decomposing each stretch gives what
    /// decomposing the whole text would; only the stretches holding non-ASCII
    /// pay for it. (Whole pages decomposed by Foundation were a twentieth of a
    /// 10,000-page build.)
    static func stretchWords(_ text: String) -> [String] {
        var words: [String] = []
        var text = text
        text.withUTF8 { bytes in
            var start = 0
            var ascii = true
            func close(_ end: Int) {
                if start < end {
                    let stretch = UnsafeBufferPointer(rebasing: bytes[start..<end])
                    if ascii {
                        words.append(String(unsafeUninitializedCapacity: stretch.count) { buffer in
                            for (index, byte) in stretch.enumerated() { buffer[index] = (0x41...0x5A).contains(byte) ? byte + 0x20 : byte }
                            return stretch.count
                        })
                    } else {
                        words += scalarWords(String(decoding: stretch, as: UTF8.self).decomposedStringWithCanonicalMapping)
                    }
                }
                start = end + 1
                ascii = true
            }
            for (index, byte) in bytes.enumerated() {
                switch byte {
                case 0x61...0x7A, 0x30...0x39, 0x41...0x5A: continue
                case 0x80...: ascii = false
                default: close(index)
                }
            }
            close(bytes.count)
        }
        return words
    }

    /// The words of decomposed text, scalar by scalar.
    static func scalarWords(_ decomposed: String) -> [String] {
        var words: [String] = []
        var current = String.UnicodeScalarView()
        for scalar in decomposed.unicodeScalars {
            let value = scalar.value
            if (0x61...0x7A).contains(value) || (0x30...0x39).contains(value) {
                current.append(scalar)
            } else if (0x41...0x5A).contains(value) {
                current.append(Unicode.Scalar(value + 0x20)!)
            } else if value < 0x80 {
                if !current.isEmpty {
                    words.append(String(current))
                    current = String.UnicodeScalarView()
                }
            } else if (0x300...0x36F).contains(value) {
                continue
            } else if isWordScalar(scalar) {
                current.append(contentsOf: scalar == "ς" ? "σ".unicodeScalars : scalar.properties.lowercaseMapping.unicodeScalars)
            } else if !current.isEmpty {
                words.append(String(current))
                current = String.UnicodeScalarView()
            }
        }
        if !current.isEmpty { words.append(String(current)) }
        return words
    }

    /// The same steps on ASCII text, byte by byte: letters lowercased, digits
    /// kept, everything else between words.
    static func asciiWords(_ text: String) -> [String] {
        var words: [String] = []
        var current: [UInt8] = []
        for byte in text.utf8 {
            switch byte {
            case 0x61...0x7A, 0x30...0x39: current.append(byte)
            case 0x41...0x5A: current.append(byte + 0x20)
            default:
                guard !current.isEmpty else { continue }
                words.append(String(decoding: current, as: UTF8.self))
                current.removeAll(keepingCapacity: true)
            }
        }
        if !current.isEmpty { words.append(String(decoding: current, as: UTF8.self)) }
        return words
    }

    /// `\p{Alphabetic}`, `\p{N}` or `\p{M}`, as the script's regular expression says.
    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        let properties = scalar.properties
        if properties.isAlphabetic || properties.numericType != nil { return true }
        switch properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber, .letterNumber, .otherNumber: return true
        default: return false
        }
    }

    /// Words too common to tell pages apart; left out of body keywords only.
    static let stopWords: Set<String> = [
        "the", "and", "for", "you", "your", "are", "our", "with", "that", "this", "from", "not", "can", "will",
        "have", "has", "was", "were", "but", "all", "any", "its", "into", "who", "what", "when", "which", "how",
        "why", "there", "their", "them", "they", "then", "than", "also", "may", "must", "should", "would",
        "could", "one", "two", "out", "use", "used", "more", "most", "other", "some", "such", "only", "each",
        "before", "after", "about", "over", "under", "between", "where", "while", "these", "those", "been",
        "being", "does", "did", "doing", "per", "via", "off", "let", "get", "got", "just", "very", "own",
    ]
}
