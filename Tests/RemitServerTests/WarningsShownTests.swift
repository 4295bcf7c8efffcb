import RemitCore
@testable import RemitServer
import Testing

@Suite struct WarningsShownTests {
    static func warning(_ path: String, _ message: String = "overdue for review") -> Diagnostic {
        Diagnostic(.warning, at: SourceLocation(path: path, line: 6, column: 12), message)
    }

    @Test func aWarningIsShownOnceAndAgainAfterItWasFixed() {
        let shown = WarningsShown()
        let a = Self.warning("hr/rules/a.md")
        let b = Self.warning("hr/rules/b.md")
        let broken = Diagnostic(.error, at: SourceLocation(path: "hr/services/x.md", line: 2, column: 8), "unknown rule 'y'")
        #expect(shown.select([a, b]) == .init(shown: [a, b], repeated: 0))
        // The same warnings after the next save: held back, and counted.
        #expect(shown.select([a, b]) == .init(shown: [], repeated: 2))
        // An error is printed every time: it is why the build stopped.
        #expect(shown.select([broken, a, b]) == .init(shown: [broken], repeated: 2))
        #expect(shown.select([broken, a, b]) == .init(shown: [broken], repeated: 2))
        // b fixed, then back: shown again.
        #expect(shown.select([a]) == .init(shown: [], repeated: 1))
        #expect(shown.select([a, b]) == .init(shown: [b], repeated: 1))
        // Another message at the same place is another warning.
        let c = Self.warning("hr/rules/a.md", "summary is too long")
        #expect(shown.select([a, b, c]) == .init(shown: [c], repeated: 2))
    }
}
