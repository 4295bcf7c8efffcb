import Foundation

/// How the search index and the search script split text into words: lowercase
/// letters and digits, accents folded. `remit-search.js` does the same.
enum SearchText {
    static func words(_ text: String) -> [String] {
        var words: [String] = []
        var current = ""
        let folded = text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).lowercased()
        for character in folded {
            if character.isLetter || character.isNumber {
                current.append(character)
            } else if !current.isEmpty {
                words.append(current)
                current = ""
            }
        }
        if !current.isEmpty { words.append(current) }
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
