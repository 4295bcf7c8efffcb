import Testing
@testable import RemitCore

@Suite struct FrontMatterTests {
    func file(_ text: String) -> SourceFile {
        SourceFile(relativePath: "hr/services/x.md", displayPath: "content/hr/services/x.md", text: text)
    }

    /// The top-level entries of a document's front matter; nil (and an issue) if it is not a mapping.
    func entries(_ document: FrontMatterDocument) throws -> [YAMLEntry]? {
        guard case .mapping(let entries) = try #require(document.fields).value else {
            Issue.record("expected a map")
            return nil
        }
        return entries
    }

    @Test func locationsAreInTheFileNotTheYAML() throws {
        var diagnostics: [Diagnostic] = []
        let document = FrontMatterDocument.parse(file("---\ntitle: New starter\nrules:\n  - checks\n---\nBody line\n"), into: &diagnostics)
        #expect(diagnostics.isEmpty)
        guard let entries = try entries(document) else { return }
        #expect(entries[0].keyLocation == SourceLocation(path: "content/hr/services/x.md", line: 2, column: 1))
        #expect(entries[0].value.location.line == 2)
        #expect(entries[0].value.location.column == 8)
        guard case .sequence(let items) = entries[1].value.value else {
            Issue.record("expected a list")
            return
        }
        #expect(items[0].location == SourceLocation(path: "content/hr/services/x.md", line: 4, column: 5))
        #expect(document.bodyFirstLine == 6)
        #expect(document.body.hasPrefix("Body line"))
    }

    @Test func yamlSyntaxErrorsPointIntoTheFile() {
        var diagnostics: [Diagnostic] = []
        _ = FrontMatterDocument.parse(file("---\ntitle: ok\nsummary: [unclosed\n---\n"), into: &diagnostics)
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.location.path == "content/hr/services/x.md")
        #expect((diagnostics.first?.location.line ?? 0) >= 3)
        #expect(diagnostics.first?.message.hasPrefix("invalid YAML") == true)
    }

    /// Keys are compared as the text Remit reads: plain, quoted, or a number
    /// YAML would type differently, a key said twice is one error at its place;
    /// values that look like numbers, booleans or dates stay their text.
    @Test func aKeySaidTwiceIsAnErrorHoweverItIsWritten() throws {
        for text in ["---\ntitle: a\ntitle: b\n---\n", "---\ntitle: a\n\"title\": b\n---\n", "---\n1: a\n\"1\": b\n---\n"] {
            var diagnostics: [Diagnostic] = []
            _ = FrontMatterDocument.parse(file(text), into: &diagnostics)
            #expect(diagnostics.count == 1, "\(text)")
            #expect(diagnostics.first?.message.hasPrefix("duplicate key") == true, "\(text)")
            #expect(diagnostics.first?.location.line ?? 0 >= 2, "\(text)")
        }
        var diagnostics: [Diagnostic] = []
        let document = FrontMatterDocument.parse(file("---\na: 010\nb: yes\nc: 2026-01-01\nd: 1e3\ne: ~\n---\n"), into: &diagnostics)
        #expect(diagnostics.isEmpty)
        guard let entries = try entries(document) else { return }
        #expect(entries.map { entry -> String in
            switch entry.value.value {
            case .scalar(let text): return text
            case .null: return "null"
            default: return "?"
            }
        } == ["010", "yes", "2026-01-01", "1e3", "null"])
    }

    @Test func missingEmptyAndUnclosedFrontMatterAreErrors() {
        for (text, message) in [
            ("Just text\n", "file has no front matter: it must start with a '---' line"),
            ("", "file is empty; it needs front matter between '---' lines"),
            ("---\ntitle: x\n", "front matter is not closed: add a '---' line after it"),
        ] {
            var diagnostics: [Diagnostic] = []
            _ = FrontMatterDocument.parse(file(text), into: &diagnostics)
            #expect(diagnostics.map(\.description) == ["content/hr/services/x.md:1:1: error: \(message)"])
        }
    }

    @Test func aliasBombsAndDeepNestingAreRefused() {
        var yaml = "---\na: &a [x, x, x, x, x, x, x, x, x, x]\n"
        for level in 1...8 { yaml += "b\(level): &b\(level) [" + Array(repeating: level == 1 ? "*a" : "*b\(level - 1)", count: 10).joined(separator: ", ") + "]\n" }
        yaml += "---\n"
        var diagnostics: [Diagnostic] = []
        _ = FrontMatterDocument.parse(file(yaml), into: &diagnostics)
        #expect(diagnostics.first?.message.contains("aliases") == true)

        diagnostics = []
        _ = FrontMatterDocument.parse(file("---\nx: " + String(repeating: "[", count: 5000) + "\n---\n"), into: &diagnostics)
        #expect(diagnostics.first?.message.contains("nested more than") == true)
    }
}
