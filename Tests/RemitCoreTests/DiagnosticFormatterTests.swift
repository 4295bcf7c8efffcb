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
