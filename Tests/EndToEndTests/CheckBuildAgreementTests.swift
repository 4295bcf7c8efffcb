import Foundation
import RemitCore
import Testing

/// `remit check` runs every stage of `remit build` but writing, so whatever
/// a build rejects, a check reports first, with the same diagnostic.
@Suite struct CheckBuildAgreementTests {
    /// Each of these was found only by `remit build` before the check loaded the theme.
    static let failures: [(name: String, templates: [String: String], content: [String: String?])] = [
        ("template syntax error", ["service.mustache": "{{<layout}}{{$content}}{{#page.rules}}{{/content}}{{/layout}}\n"], [:]),
        ("misspelt template name", ["service.mustache": "{{<layout}}{{$content}}\n<h1>{{page.titel}}</h1>\n{{/content}}{{/layout}}\n"], [:]),
        ("two files on one path", [:], ["facilities/index.html": "<p>x</p>\n"]),
        ("an attachment among the search index's files", [:], ["search-notes/x.txt": nil, "facilities/search/index.js": nil, "glossary-notes.txt": nil]),
    ]

    @Test(arguments: failures.map(\.name))
    func checkFindsWhatBuildRejectsWithTheSameDiagnostic(name: String) async throws {
        let failure = try #require(Self.failures.first { $0.name == name })
        let site = try FixtureSite(copying: "unseen", files: failure.content)
        defer { site.remove() }
        let templates = site.root.appendingPathComponent("templates")
        for (file, text) in failure.templates {
            try FileManager.default.createDirectory(at: templates, withIntermediateDirectories: true)
            try text.write(to: templates.appendingPathComponent(file), atomically: true, encoding: .utf8)
        }
        if name.contains("search index") {
            // A file the build itself writes: search/index.js.
            let search = site.content.appendingPathComponent("search")
            try FileManager.default.createDirectory(at: search, withIntermediateDirectories: true)
            try "x".write(to: search.appendingPathComponent("index.js"), atomically: true, encoding: .utf8)
        }
        let options = BuildOptions(contentDirectory: site.content, templatesDirectory: templates, outputDirectory: site.output, today: LocalDate(iso: "2026-11-29")!)
        let checked = await Pipeline.check(options).diagnostics
        let built = await Pipeline.build(options)
        #expect(checked.hasErrors, "\(name): check found nothing")
        #expect(!built.wroteSite)
        #expect(built.diagnostics == checked, "\(name)")
    }

    @Test func aMisspeltNameInAnOverrideIsLocatedWithASuggestion() async throws {
        let site = try FixtureSite(copying: "unseen")
        defer { site.remove() }
        let templates = site.root.appendingPathComponent("templates")
        try FileManager.default.createDirectory(at: templates.appendingPathComponent("partials"), withIntermediateDirectories: true)
        try "{{<layout}}{{$content}}\n<h1>{{page.titel}}</h1>\n{{#page.youProvide}}{{.}}{{/page.youProvide}}\n{{#page.rules}}<a href=\"{{url}}\">{{titel}}</a>{{/page.rules}}\n{{>partials/extra}}{{/content}}{{/layout}}\n"
            .write(to: templates.appendingPathComponent("service.mustache"), atomically: true, encoding: .utf8)
        try "<p>{{site.organsation}} {{page.summary}}</p>\n".write(to: templates.appendingPathComponent("partials/extra.mustache"), atomically: true, encoding: .utf8)
        let options = BuildOptions(contentDirectory: site.content, templatesDirectory: templates, outputDirectory: site.output, today: LocalDate(iso: "2026-11-29")!)
        #expect(await Pipeline.check(options).diagnostics.map(\.description) == [
            "templates/partials/extra.mustache:1:4: error: template 'partials/extra' uses 'site.organsation', but its view has no 'organsation'; did you mean 'site.organisation'?",
            "templates/service.mustache:2:5: error: template 'service' uses 'page.titel', but its view has no 'titel'; did you mean 'page.title'?",
            "templates/service.mustache:4:34: error: template 'service' uses 'titel', but its view has no 'titel'; did you mean 'title'?",
        ])
    }

    /// The check can fail: every name the built-in theme uses exists, so a
    /// build of any catalogue reports no template problems.
    @Test func theBuiltInThemeUsesOnlyNamesItsViewsHave() async throws {
        let site = try FixtureSite(copying: "calendar")
        defer { site.remove() }
        let options = BuildOptions(contentDirectory: site.content, outputDirectory: site.output, today: LocalDate(iso: "2026-11-29")!)
        #expect(await Pipeline.check(options).diagnostics.filter { $0.location.path.hasPrefix("templates/") } == [])
    }
}
