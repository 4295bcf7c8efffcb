/// One problem found in the content, at the precise place an editor must fix.
public struct Diagnostic: Sendable, Hashable, Comparable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable, Comparable {
        case error, warning

        public static func < (lhs: Self, rhs: Self) -> Bool { lhs == .error && rhs == .warning }
    }

    public var severity: Severity
    public var location: SourceLocation
    public var message: String

    public init(_ severity: Severity, at location: SourceLocation, _ message: String) {
        self.severity = severity
        self.location = location
        self.message = Self.printable(message)
    }

    /// Messages quote what editors wrote, and end up in terminals, CI logs and
    /// the preview's overlay: control characters (a terminal escape, a line that
    /// fakes another diagnostic) are shown as `\u{…}`, and a message is cut at
    /// `maxMessageLength` characters.
    static let maxMessageLength = 600

    public static func printable(_ message: String) -> String {
        let needsWork = message.utf8.count > maxMessageLength
            || message.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }
        guard needsWork else { return message }
        var result = ""
        for (count, scalar) in message.unicodeScalars.enumerated() {
            if count == maxMessageLength {
                result += "…"
                break
            }
            if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) {
                result += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// `path:line:col: error: message`, the form compilers and editors understand.
    public var description: String { "\(location): \(severity.rawValue): \(message)" }

    public static func < (lhs: Self, rhs: Self) -> Bool {
        (lhs.location, lhs.severity, lhs.message) < (rhs.location, rhs.severity, rhs.message)
    }
}

extension Array where Element == Diagnostic {
    public var hasErrors: Bool { contains { $0.severity == .error } }
}
