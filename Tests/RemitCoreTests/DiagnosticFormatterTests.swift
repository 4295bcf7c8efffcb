import Foundation
import Testing
@testable import RemitCore

@Suite struct DiagnosticFormatterTests {
    let diagnostics = [
        Diagnostic(.error, at: SourceLocation(path: "content/hr/x.md", line: 2, column: 13), "bad: value, here"),
        Diagnostic(.warning, at: SourceLocation(path: "content/hr/y.md", line: 1, column: 1), "100% long"),
    ]

    @Test func textShowsTheLineAndACaret() {
        let text = DiagnosticFormatter(format: .text).format(diagnostics) { path, line in
            path == "content/hr/x.md" && line == 2 ? "turnaround: soonish" : nil
        }
        #expect(text == "content/hr/x.md:2:13: error: bad: value, here\n    turnaround: soonish\n                ^\ncontent/hr/y.md:1:1: warning: 100% long\n")
        #expect(!text.contains("\u{1B}"))
        #expect(DiagnosticFormatter(format: .text, colour: true).format(diagnostics) { _, _ in nil }.contains("\u{1B}[1;31merror:"))
    }

    @Test func githubAnnotationsAreEscaped() {
        let text = DiagnosticFormatter(format: .github).format(diagnostics) { _, _ in nil }
        #expect(text == "::error file=content/hr/x.md,line=2,col=13::bad: value, here\n::warning file=content/hr/y.md,line=1,col=1::100%25 long\n")
    }

    /// A value quoted in a message cannot fake a second diagnostic or send a
    /// terminal escape, in any format, and a huge value is cut.
    @Test func messagesNeverCarryControlCharacters() {
        let diagnostic = Diagnostic(.error, at: SourceLocation(path: "content/a.md", line: 1, column: 1), "bad 'x\ncontent/b.md:1:1: error: fake\u{1B}[2J'")
        #expect(diagnostic.message == "bad 'x\\u{A}content/b.md:1:1: error: fake\\u{1B}[2J'")
        let long = Diagnostic(.error, at: SourceLocation(path: "content/a.md", line: 1, column: 1), String(repeating: "é", count: 5000))
        #expect(long.message.unicodeScalars.count == Diagnostic.maxMessageLength + 1)
    }

    @Test func jsonIsAnArrayOfLocatedEntries() {
        let text = DiagnosticFormatter(format: .json).format(diagnostics) { _, _ in nil }
        #expect(text.contains("\"file\" : \"content/hr/x.md\""))
        #expect(text.contains("\"column\" : 13"))
        #expect(text.contains("\"severity\" : \"warning\""))
        #expect(DiagnosticFormatter(format: .json).format([]) { _, _ in nil } == "[]\n")
    }

    @Test func gitlabIsACodeQualityReport() throws {
        let twice = diagnostics + [diagnostics[0]]
        let text = DiagnosticFormatter(format: .gitlab).format(twice) { _, _ in nil }
        let entries = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]])
        #expect(entries.count == 3)
        for entry in entries {
            #expect(Set(entry.keys) == ["description", "check_name", "fingerprint", "severity", "location"])
            let location = try #require(entry["location"] as? [String: Any])
            #expect(location["path"] is String)
            #expect((location["lines"] as? [String: Any])?["begin"] is Int)
        }
        #expect(entries[0]["description"] as? String == "bad: value, here")
        #expect(entries[0]["severity"] as? String == "critical")
        #expect(entries[1]["severity"] as? String == "minor")
        #expect(((entries[0]["location"] as? [String: Any])?["lines"] as? [String: Any])?["begin"] as? Int == 2)
        // Unique within a report, and the same on the next run.
        let fingerprints = entries.compactMap { $0["fingerprint"] as? String }
        #expect(Set(fingerprints).count == 3)
        #expect(fingerprints.allSatisfy { $0.count == 32 && $0.allSatisfy(\.isHexDigit) })
        #expect(DiagnosticFormatter(format: .gitlab).format(twice) { _, _ in nil } == text)
        // A problem that only moves down the file keeps its fingerprint.
        var moved = diagnostics[0]
        moved.location = SourceLocation(path: moved.location.path, line: 9, column: 1)
        let movedText = DiagnosticFormatter(format: .gitlab).format([moved]) { _, _ in nil }
        #expect(movedText.contains(fingerprints[0]))
        #expect(DiagnosticFormatter(format: .gitlab).format([]) { _, _ in nil } == "[]\n")
    }
}

@Suite struct ExcerptTests {
    @Test func aLongLineIsCutAroundTheColumnWithTheCaretInPlace() {
        let line = String(repeating: "a", count: 5_000) + "XY" + String(repeating: "b", count: 5_000)
        let excerpt = Excerpt(line: line, column: 5_001)
        #expect(excerpt.text.hasPrefix("…") && excerpt.text.hasSuffix("…"))
        #expect(excerpt.text.utf8.count <= Excerpt.width + 6)
        let caret = excerpt.text.index(excerpt.text.startIndex, offsetBy: excerpt.indent.count)
        #expect(excerpt.text[caret] == "X")
    }

    @Test func shortLinesAreWholeAndControlsAreReplaced() {
        let short = Excerpt(line: "turnaround: soonish", column: 13)
        #expect(short.text == "turnaround: soonish" && short.indent == String(repeating: " ", count: 12))
        #expect(Excerpt(line: "a\u{1B}[2Jb", column: 1).text == "a\u{FFFD}[2Jb")
        #expect(Excerpt(line: "\tx: é", column: 5).indent == "\t   ")
    }
}
