/// Turns heading text into `id` values the way GitHub does, so that an anchor an
/// editor copies from the git host works on the site too; repeats get `-1`, `-2`.
public struct HeadingSlugger: Sendable {
    private var used: Set<String>
    /// The last suffix given to each slug. Every smaller suffix is taken, so
    /// the search for a free one resumes here: linear, where starting again
    /// from `-1` was quadratic in the number of equal headings.
    private var lastSuffix: [String: Int] = [:]

    /// `reserved` ids are already taken on the page (by the theme), so headings avoid them.
    public init(reserved: Set<String> = []) {
        used = reserved
    }

    public static func slug(_ text: String) -> String {
        var result = ""
        for scalar in text.lowercased().unicodeScalars {
            if scalar == " " {
                result.append("-")
            } else if scalar == "-" || scalar == "_" || scalar.properties.isAlphabetic
                || scalar.properties.numericType != nil
            {
                result.unicodeScalars.append(scalar)
            }
        }
        return result.isEmpty ? "section" : result
    }

    public mutating func uniqueSlug(_ text: String) -> String {
        let base = Self.slug(text)
        var candidate = base
        var counter = lastSuffix[base, default: 0]
        while used.contains(candidate) {
            counter += 1
            candidate = "\(base)-\(counter)"
        }
        lastSuffix[base] = counter
        used.insert(candidate)
        return candidate
    }
}
