import Testing
@testable import RemitCore

@Suite struct FrontMatterTests {
    func file(_ text: String) -> SourceFile {
        SourceFile(relativePath: "hr/services/x.md", displayPath: "content/hr/services/x.md", text: text)
    }

    @Test func locationsAreInTheFileNotTheYAML() throws {
        var diagnostics: [Diagnostic] = []
        let document = FrontMatterDocument.parse(file("---\ntitle: New starter\nrules:\n  - checks\n---\nBody line\n"), into: &diagnostics)
        #expect(diagnostics.isEmpty)
        guard case .mapping(let entries) = try #require(document.fields).value else {
            Issue.record("expected a map")
            return
        }
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
