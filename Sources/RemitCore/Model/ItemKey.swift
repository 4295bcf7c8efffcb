/// Identifies a service or rule across the catalogue: `function/id`.
public struct ItemKey: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var function: String
    public var id: String

    public init(function: String, id: String) {
        self.function = function
        self.id = id
    }

    public var description: String { "\(function)/\(id)" }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.function == rhs.function ? lhs.id < rhs.id : lhs.function < rhs.function }

    /// Reads `id` (inside `function`) or `other-function/id`.
    public init?(reference: String, within function: String) {
        let parts = reference.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        switch parts.count {
        case 1: self.init(function: function, id: parts[0])
        case 2: self.init(function: parts[0], id: parts[1])
        default: return nil
        }
    }
}

/// Ids are lowercase `a-z0-9-`, so they are safe in URLs and file names everywhere.
public enum Identifier {
    public static func isValid(_ id: String) -> Bool {
        !id.isEmpty && id.utf8.allSatisfy { (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) || $0 == 0x2D }
            && !id.hasPrefix("-") && !id.hasSuffix("-")
    }

    /// Top-level names the site itself uses.
    public static let reserved: Set<String> = [
        "pages", "journeys", "assets", "tags", "changes", "deadlines", "review", "glossary", "search", "performance", "a-z",
    ]
}
