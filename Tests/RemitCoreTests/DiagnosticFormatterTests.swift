import Testing
@testable import RemitCore

@Suite struct DiagnosticFormatterTests {
    let diagnostics = [
        Diagnostic(.error, at: SourceLocation(path: "content/hr/x.md", line: 2, column: 13), "bad: value, here"),
        Diagnostic(.warning, at: SourceLocation(path: "content/hr/y.md", line: 1, column: 1), "long\nsummary"),
    ]

    @Test func textShowsTheLineAndACaret() {
        let text = DiagnosticFormatter(format: .text).format(diagnostics) { path, line in
            path == "content/hr/x.md" && line == 2 ? "turnaround: soonish" : nil
        }
        #expect(text == "content/hr/x.md:2:13: error: bad: value, here\n    turnaround: soonish\n                ^\ncontent/hr/y.md:1:1: warning: long\nsummary\n")
        #expect(!text.contains("\u{1B}"))
        #expect(DiagnosticFormatter(format: .text, colour: true).format(diagnostics) { _, _ in nil }.contains("\u{1B}[1;31merror:"))
    }

    @Test func githubAnnotationsAreEscaped() {
        let text = DiagnosticFormatter(format: .github).format(diagnostics) { _, _ in nil }
        #expect(text == "::error file=content/hr/x.md,line=2,col=13::bad: value, here\n::warning file=content/hr/y.md,line=1,col=1::long%0Asummary\n")
    }

    @Test func jsonIsAnArrayOfLocatedEntries() {
        let text = DiagnosticFormatter(format: .json).format(diagnostics) { _, _ in nil }
        #expect(text.contains("\"file\" : \"content/hr/x.md\""))
        #expect(text.contains("\"column\" : 13"))
        #expect(text.contains("\"severity\" : \"warning\""))
        #expect(DiagnosticFormatter(format: .json).format([]) { _, _ in nil } == "[]\n")
    }
}
