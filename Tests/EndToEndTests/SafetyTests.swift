import Foundation
import RemitCore
import Testing

@Suite struct SafetyTests {
    static let attack = "<script>alert(1)</script>\"><img src=x onerror=alert(2)>"

    /// `<`, `"` and `&` fused into one grapheme cluster with a neighbour:
    /// escaping character by character (swift-mustache's own) let them through.
    /// Checked on the bytes, since Swift string matching also works on clusters.
    @Test(arguments: [
        ("\u{0600}<img src=x onerror=alert(1) x=", "\u{0600}<img", "\u{0600}&lt;img"),
        ("\"\u{0301} onmouseover=alert(2) x=", "\"\u{0301} onmouseover", "&quot;\u{0301} onmouseover"),
        ("a&\u{0301}lt;b", "a&\u{0301}lt;", "a&amp;\u{0301}lt;"),
    ])
    func escapingHoldsForFusedCharacters(attack: String, raw: String, escaped: String) async throws {
        // Single-quoted YAML needs no escaping for these strings (they hold no ').
        let site = try FixtureSite(copying: "unseen", files: [
            "facilities/services/room-booking.md": "---\ntitle: '\(attack)'\nsummary: '\(attack)'\nturnaround: same day\ntags: ['\(attack)']\n---\nBody.\n",
        ])
        defer { site.remove() }
        let report = await site.build()
        #expect(report.wroteSite, "\(report.diagnostics)")
        var escapedSomewhere = false
        for (path, data) in try site.snapshot() where path.hasSuffix(".html") {
            #expect(data.range(of: Data(raw.utf8)) == nil, "\(path) has the raw attack")
            escapedSomewhere = escapedSomewhere || data.range(of: Data(escaped.utf8)) != nil
        }
        #expect(escapedSomewhere)
    }

    @Test func frontMatterAndMarkdownCannotInjectScript() async throws {
        let site = try FixtureSite(copying: "unseen", files: [
            "facilities/services/room-booking.md": """
                ---
                title: '\(Self.attack)'
                summary: '\(Self.attack) summary'
                turnaround: same day
                request: 'https://desk.example/?q="><script>alert(3)</script>'
                you_provide: ['\(Self.attack)']
                tags: ['\(Self.attack)']
                deadlines:
                  - date: 2027-01-04
                    what: '\(Self.attack)'
                ---
                Body <script>alert(4)</script> and <a href="javascript:alert(5)">raw</a>
                <div onclick="alert(6)">x</div>

                [ok](https://example.org "t\\" onmouseover=\\"alert(7)")
                """,
            "glossary.yml": "- term: '\(Self.attack)'\n  meaning: '\(Self.attack)'\n",
        ])
        defer { site.remove() }
        let report = await site.build()
        #expect(report.wroteSite, "\(report.diagnostics)")
        for (path, data) in try site.snapshot() where path.hasSuffix(".html") {
            // The theme's own scripts, from its assets folder, are the only ones allowed.
            let html = String(decoding: data, as: UTF8.self)
                .replacing(#/<script src="/shared/assets/remit-[a-z]+\.js" defer></script>/#, with: "")
            #expect(!html.contains("<script"), "\(path)")
            #expect(!html.contains("<img"), "\(path)")
            #expect(!html.lowercased().contains("javascript:"), "\(path)")
            #expect(HTML.eventHandlerAttributes(in: html).isEmpty, "\(path) has an event handler")
        }
        let page = try site.page("facilities/services/room-booking")
        #expect(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;&quot;&gt;&lt;img src=x onerror=alert(2)&gt;"))
    }

    @Test(arguments: ["javascript:alert(1)", "JAVASCRIPT:alert(1)", "java\tscript:alert(1)", "data:text/html;base64,PHNjcmlwdD4=", "vbscript:x"])
    func dangerousLinksAreErrorsAtTheirLocation(url: String) async throws {
        let site = try FixtureSite(copying: "unseen", files: [
            "pages/about.md": "---\ntitle: About\n---\nFirst line.\n\nSee [this](<\(url)>) now.\n",
        ])
        defer { site.remove() }
        let report = await site.build()
        #expect(!report.wroteSite)
        let diagnostic = try #require(report.diagnostics.first)
        #expect(diagnostic.location == SourceLocation(path: "content/pages/about.md", line: 6, column: 5))
        #expect(diagnostic.message.contains("URLs are not allowed"))
    }

    @Test func aFailedBuildLeavesThePreviousSiteExactlyAsItWas() async throws {
        let site = try FixtureSite(copying: "unseen")
        defer { site.remove() }
        #expect(await site.build().wroteSite)
        let before = try site.snapshot()
        try site.write(["facilities/services/repairs.md": "---\ntitle: Repairs\nsummary: s\nturnaround: soonish\nrules: [no-such-rule]\n---\n[x](../rules/missing.md)\n"])
        let report = await site.build()
        #expect(!report.wroteSite)
        #expect(report.diagnostics.map(\.description) == [
            "content/facilities/services/repairs.md:4:13: error: 'turnaround' is not a valid duration: 'soonish'; accepted forms: \(BusinessDuration.acceptedForms)",
            "content/facilities/services/repairs.md:5:9: error: unknown rule 'no-such-rule'",
            "content/facilities/services/repairs.md:7:1: error: link target '../rules/missing.md' not found: there is no published page facilities/rules/missing.md",
        ])
        #expect(try site.snapshot() == before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: site.root.path).filter { $0.contains("remit-") }
        #expect(leftovers.isEmpty)
    }

    @Test func brokenAnchorsAndCrossFunctionIDsAreReported() async throws {
        let site = try FixtureSite(copying: "unseen", files: [
            "pages/about.md": "---\ntitle: About\n---\n[a](../facilities/rules/bookings-end-on-time.md#why-this-rule-exist)\n",
            "security/services/access-badges.md": "---\ntitle: Access badges\nsummary: s\nturnaround: 1 week\nrules: [facilities/bookings-end-on-tim]\n---\n",
        ])
        defer { site.remove() }
        let report = await site.build()
        #expect(report.diagnostics.map(\.description) == [
            "content/pages/about.md:4:1: error: anchor '#why-this-rule-exist' not found in facilities/rules/bookings-end-on-time.md; did you mean '#why-this-rule-exists'?",
            "content/security/services/access-badges.md:5:9: error: unknown rule 'facilities/bookings-end-on-tim'; did you mean 'facilities/bookings-end-on-time'?",
        ])
    }
}

@Suite struct HTMLHelperTests {
    @Test func theEventHandlerCheckCanFail() {
        #expect(HTML.eventHandlerAttributes(in: #"<div onclick="x">"#) == [" onclick="])
        #expect(HTML.eventHandlerAttributes(in: #"<meta content="&quot; onerror=alert(1)">"#).isEmpty)
        #expect(HTML.eventHandlerAttributes(in: "&lt;img onerror=alert(1)&gt;").isEmpty)
    }
}
