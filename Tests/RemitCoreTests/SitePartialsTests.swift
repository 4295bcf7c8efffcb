import Foundation
import Testing
@testable import RemitCore

/// Which partials are rendered once per build: only those no page can change.
@Suite struct SitePartialsTests {
    @Test func theBuiltInHeaderIsRenderedOnceAndNothingThatReadsThePageIs() {
        var diagnostics: [Diagnostic] = []
        let theme = Theme.load(overrides: nil, into: &diagnostics)
        #expect(Set(theme.sitePartials.keys.keys) == ["partials/header"])
    }

    @Test func aPartialQualifiesOnlyWhereThePageCannotReachIt() {
        func source(_ text: String) -> Theme.TemplateSource { Theme.TemplateSource(text: text, display: "t") }
        let sources: [String: Theme.TemplateSource] = [
            "layout": source("{{>partials/a}}\n{{#meta}}{{>partials/b}}{{/meta}}\n  {{>partials/c}}\n{{>partials/d}}\n{{>partials/e}}\n{{>partials/f}}\n{{>partials/g}}\n"),
            "service": source("{{<layout}}{{$content}}\n{{>partials/i}}\n{{/content}}{{/layout}}"),
            "partials/a": source("{{site.title}}{{#site.functions}}<a href=\"{{url}}\">{{title}}</a>{{/site.functions}}"),
            // Inside a section of its includer: its names could be the section's.
            "partials/b": source("{{site.title}}"),
            // Included indented.
            "partials/c": source("{{site.title}}"),
            "partials/d": source("{{meta.title}}"),
            // A name not on a function falls back to the page's context.
            "partials/e": source("{{#site.functions}}{{page.title}}{{/site.functions}}"),
            // Includes another partial, which is then included by a partial.
            "partials/f": source("{{>partials/h}}"),
            "partials/h": source("{{site.title}}"),
            "partials/g": source("{{#empty(site.functions)}}none{{/empty(site.functions)}}"),
            // Inside a page template's block, not a section: it qualifies.
            "partials/i": source("{{^site.offline}}{{site.base}}{{/site.offline}}"),
        ]
        #expect(Set(SitePartials(sources).keys.keys) == ["partials/a", "partials/g", "partials/i"])
        // A template with changed delimiters could include anything anywhere: nothing qualifies.
        var changed = sources
        changed["service"] = source("{{=<% %>=}}<%>partials/a%>")
        #expect(SitePartials(changed).keys.isEmpty)
    }
}
