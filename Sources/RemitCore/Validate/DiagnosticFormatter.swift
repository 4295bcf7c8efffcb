import Foundation

/// Turns diagnostics into what editors and CI read: compiler-style text with
/// the source line and a caret, GitHub Actions annotations, or JSON.
public struct DiagnosticFormatter: Sendable {
    public enum Format: String, CaseIterable, Sendable {
        case text, github, json
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
        guard let line = sourceLine(diagnostic.location.path, diagnostic.location.line),
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

    func json(_ diagnostics: [Diagnostic]) -> String {
        struct Entry: Encodable {
            var file: String
            var line: Int
            var column: Int
            var severity: String
            var message: String
        }
        let entries = diagnostics.map {
            Entry(file: $0.location.path, line: $0.location.line, column: $0.location.column, severity: $0.severity.rawValue, message: $0.message)
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard !entries.isEmpty else { return "[]\n" }
        return String(decoding: (try? encoder.encode(entries)) ?? Data("[]".utf8), as: UTF8.self) + "\n"
    }
}
