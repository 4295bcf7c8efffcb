import Foundation

/// Turns diagnostics into what editors and CI read: compiler-style text with
/// the source line and a caret, GitHub Actions annotations, JSON, or GitLab's
/// Code Quality report.
public struct DiagnosticFormatter: Sendable {
    public enum Format: String, CaseIterable, Sendable {
        case text, github, json, gitlab
    }

    public var format: Format
    /// ANSI colour, for terminals only (never with NO_COLOR).
    public var colour: Bool

    public init(format: Format, colour: Bool = false) {
        self.format = format
        self.colour = colour
    }

    /// - Parameter sourceLine: the text of a line of a file, for the caret excerpt.
    public func format(_ diagnostics: [Diagnostic], sourceLine: (String, Int) -> String?) -> String {
        switch format {
        case .text:
            return diagnostics.map { text($0, sourceLine: sourceLine) }.joined()
        case .github:
            return diagnostics.map(github).joined()
        case .json:
            return json(diagnostics)
        case .gitlab:
            return gitlab(diagnostics)
        }
    }

    func text(_ diagnostic: Diagnostic, sourceLine: (String, Int) -> String?) -> String {
        let severity = diagnostic.severity.rawValue
        var output: String
        if colour {
            let tint = diagnostic.severity == .error ? "\u{1B}[1;31m" : "\u{1B}[1;33m"
            output = "\u{1B}[1m\(diagnostic.location):\u{1B}[0m \(tint)\(severity):\u{1B}[0m \u{1B}[1m\(diagnostic.message)\u{1B}[0m\n"
        } else {
            output = diagnostic.description + "\n"
        }
        // A CSV diagnostic's column is the field's number, not a character
        // position, and its line holds other people's details: no excerpt.
        guard !diagnostic.location.path.hasSuffix(".csv"),
            let line = sourceLine(diagnostic.location.path, diagnostic.location.line),
            !line.trimmingCharacters(in: .whitespaces).isEmpty
        else { return output }
        let excerpt = Excerpt(line: line, column: diagnostic.location.column)
        output += "    \(excerpt.text)\n    \(excerpt.indent)" + (colour ? "\u{1B}[1;32m^\u{1B}[0m" : "^") + "\n"
        return output
    }

    /// `::error file=…,line=…,col=…::message`, escaped as the Actions runner expects.
    func github(_ diagnostic: Diagnostic) -> String {
        func escapeData(_ text: String) -> String {
            text.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D")
                .replacingOccurrences(of: "\n", with: "%0A")
        }
        func escapeProperty(_ text: String) -> String {
            escapeData(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
        }
        let location = diagnostic.location
        return "::\(diagnostic.severity.rawValue) file=\(escapeProperty(location.path)),line=\(location.line),col=\(location.column)::\(escapeData(diagnostic.message))\n"
    }

    /// `{file, line, column, severity, message}`: `--format json`, and `remit diff`'s JSON.
    struct JSONEntry: Encodable {
        var file: String
        var line: Int
        var column: Int
        var severity: String
        var message: String

        init(_ diagnostic: Diagnostic) {
            file = diagnostic.location.path
            line = diagnostic.location.line
            column = diagnostic.location.column
            severity = diagnostic.severity.rawValue
            message = diagnostic.message
        }
    }

    func json(_ diagnostics: [Diagnostic]) -> String {
        let entries = diagnostics.map(JSONEntry.init)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard !entries.isEmpty else { return "[]\n" }
        return String(decoding: (try? encoder.encode(entries)) ?? Data("[]".utf8), as: UTF8.self) + "\n"
    }

    /// GitLab's Code Quality report (a subset of Code Climate's format): a JSON
    /// array of `description`, `check_name`, `fingerprint`, `severity`,
    /// `location.path` and `location.lines.begin`, shown in merge requests.
    /// Errors are `critical`, warnings `minor`. The fingerprint, which GitLab
    /// compares between the merge request and its target branch, hashes the
    /// path, severity and message (not the line, so a problem that only moves is
    /// not reported as new), and how many identical ones came before it.
    func gitlab(_ diagnostics: [Diagnostic]) -> String {
        struct Lines: Encodable { var begin: Int }
        struct Location: Encodable {
            var path: String
            var lines: Lines
        }
        struct Entry: Encodable {
            var description: String
            var check_name: String
            var fingerprint: String
            var severity: String
            var location: Location
        }
        var seen: [String: Int] = [:]
        let entries = diagnostics.map { diagnostic -> Entry in
            let key = "\(diagnostic.location.path)\u{0}\(diagnostic.severity.rawValue)\u{0}\(diagnostic.message)"
            let occurrence = seen[key, default: 0]
            seen[key] = occurrence + 1
            return Entry(
                description: diagnostic.message,
                check_name: "remit-\(diagnostic.severity.rawValue)",
                fingerprint: Self.fingerprint("\(key)\u{0}\(occurrence)"),
                severity: diagnostic.severity == .error ? "critical" : "minor",
                location: Location(path: diagnostic.location.path, lines: Lines(begin: max(1, diagnostic.location.line))))
        }
        guard !entries.isEmpty else { return "[]\n" }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(entries)) ?? Data("[]".utf8), as: UTF8.self) + "\n"
    }

    /// 128-bit FNV-1a of the UTF-8 bytes, as 32 hex digits: stable across runs and machines.
    static func fingerprint(_ text: String) -> String {
        var hash: UInt128 = 0x6c62_272e_07bb_0142_62b8_2175_6295_c58d
        for byte in text.utf8 {
            hash ^= UInt128(byte)
            hash = hash &* 0x0000_0000_0100_0000_0000_0000_0000_013B
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 32 - hex.count) + hex
    }
}
