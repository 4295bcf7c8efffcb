import DefaultTheme
import Foundation
import Testing
@testable import RemitCore

@Suite struct ThemeTests {
    @Test func theBuiltInThemeHasEveryPageTemplate() {
        var diagnostics: [Diagnostic] = []
        let theme = Theme.load(overrides: nil, into: &diagnostics)
        #expect(diagnostics.isEmpty)
        for name in Theme.requiredTemplates {
            #expect(theme.library.getTemplate(named: name) != nil, "missing \(name)")
        }
        #expect(theme.assets["assets/remit.css"] != nil)
    }

    /// Headings written by editors must never take an id the theme uses.
    @Test func everyIDTheThemeWritesIsReservedFromHeadings() throws {
        let regex = try Regex(#"id="([a-z0-9-]+)""#)
        for (path, data) in DefaultTheme.files where path.hasSuffix(".mustache") {
            let text = String(decoding: data, as: UTF8.self)
            for match in text.matches(of: regex) {
                let id = String(text[match.range]).dropFirst(4).dropLast()
                #expect(BodyRenderer.themeIDs.contains(String(id)), "\(path) uses id \(id)")
            }
        }
    }

    @Test func templateSyntaxErrorsAreLocated() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("remit-theme-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try "line one\n{{#open}}\n".write(to: folder.appendingPathComponent("home.mustache"), atomically: true, encoding: .utf8)
        var diagnostics: [Diagnostic] = []
        _ = Theme.load(overrides: folder, into: &diagnostics)
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.location.path == folder.lastPathComponent + "/home.mustache")
    }
}
