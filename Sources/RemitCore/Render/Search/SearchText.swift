import Foundation

/// How the search index and the search script split text into words: lowercase
/// letters and digits, accents folded. `remit-search.js` does the same.
enum SearchText {
    static func words(_ text: String) -> [String] {
        // Most text is ASCII: fold accents and case only when there is something to fold.
        let folded = text.utf8.allSatisfy { $0 < 0x80 }
            ? text : text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
        var words: [String] = []
        var current = String.UnicodeScalarView()
        for scalar in folded.unicodeScalars {
            let value = scalar.value
            if (0x61...0x7A).contains(value) || (0x30...0x39).contains(value) {
                current.append(scalar)
            } else if (0x41...0x5A).contains(value) {
                current.append(Unicode.Scalar(value + 0x20)!)
            } else if value >= 0x80, scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                current.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
            } else if !current.isEmpty {
                words.append(String(current))
                current = String.UnicodeScalarView()
            }
        }
        if !current.isEmpty { words.append(String(current)) }
        return words
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
