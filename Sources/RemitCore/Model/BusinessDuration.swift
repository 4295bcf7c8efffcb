/// A length of time as editors write it for turnarounds and input deadlines:
/// `same day`, `next business day`, `N hours`, `N business days`,
/// `N calendar days` (or `N days`), `N weeks`, and ranges `N-M unit`, `N to M unit`.
public struct BusinessDuration: Hashable, Sendable, CustomStringConvertible {
    public enum Unit: String, Sendable, Hashable {
        case hours, businessDays = "business days", calendarDays = "calendar days", weeks
    }

    public var minimum: Int
    public var maximum: Int
    public var unit: Unit
    /// As written by the editor, for display.
    public var text: String

    public var isRange: Bool { minimum != maximum }

    public var description: String { text }

    public static let acceptedForms =
        "same day, next business day, N hours, N business days, N calendar days, N days, N weeks, or a range such as 3-5 business days or 2 to 4 weeks"

    public init(minimum: Int, maximum: Int, unit: Unit, text: String) {
        self.minimum = minimum
        self.maximum = maximum
        self.unit = unit
        self.text = text
    }

    public init?(parsing raw: String) {
        let text = raw.trimmingCharacters(in: .whitespaces)
        let words = text.lowercased().split(separator: " ").map(String.init)
        switch words {
        case ["same", "day"]:
            self.init(minimum: 0, maximum: 0, unit: .businessDays, text: text)
            return
        case ["next", "business", "day"]:
            self.init(minimum: 1, maximum: 1, unit: .businessDays, text: text)
            return
        default:
            break
        }
        guard let (minimum, maximum, rest) = Self.amount(words), let unit = Self.unit(rest),
            minimum >= 0, minimum <= maximum, maximum <= 10_000
        else { return nil }
        self.init(minimum: minimum, maximum: maximum, unit: unit, text: text)
    }

    /// `N`, `N-M`, `N - M` or `N to M`, and the words after it.
    private static func amount(_ words: [String]) -> (Int, Int, [String])? {
        guard let first = words.first else { return nil }
        if let value = Int(first) {
            if words.count > 2, words[1] == "to" || words[1] == "-" || words[1] == "–", let upper = Int(words[2]) {
                return (value, upper, Array(words.dropFirst(3)))
            }
            return (value, value, Array(words.dropFirst()))
        }
        let bounds = first.split(whereSeparator: { $0 == "-" || $0 == "–" }).map(String.init)
        guard bounds.count == 2, let lower = Int(bounds[0]), let upper = Int(bounds[1]) else { return nil }
        return (lower, upper, Array(words.dropFirst()))
    }

    private static func unit(_ words: [String]) -> Unit? {
        switch words {
        case ["hour"], ["hours"]: .hours
        case ["business", "day"], ["business", "days"], ["working", "day"], ["working", "days"]: .businessDays
        case ["calendar", "day"], ["calendar", "days"], ["day"], ["days"]: .calendarDays
        case ["week"], ["weeks"]: .weeks
        default: nil
        }
    }
}

/// When a client must act: a duration before an event of theirs, e.g.
/// `10 business days before the start date`.
public struct InputBy: Hashable, Sendable, CustomStringConvertible {
    public var duration: BusinessDuration
    public var event: String

    public var description: String { "\(duration.text) before \(event)" }

    public init?(parsing raw: String) {
        guard let range = raw.range(of: " before ") else { return nil }
        let event = raw[range.upperBound...].trimmingCharacters(in: .whitespaces)
        guard !event.isEmpty, let duration = BusinessDuration(parsing: String(raw[..<range.lowerBound])) else { return nil }
        self.duration = duration
        self.event = event
    }
}
