import Foundation
import RemitCore
import Testing

/// 28 pages of a real public handbook nobody here wrote (18F's, public
/// domain; see `Fixtures/handbook/README.md`), checked as they were published.
@Suite struct HandbookTests {
    @Test func realMarkdownChecksWithOnlyItsGenuineProblems() async throws {
        let site = try FixtureSite(copying: "handbook")
        defer { site.remove() }
        let options = BuildOptions(contentDirectory: site.content, outputDirectory: site.output, today: LocalDate(iso: "2026-11-29")!)
        let diagnostics = await Pipeline.check(options).diagnostics
        let template = "holds template syntax, which Remit does not expand; link the page's source file (../x.md) instead"
        #expect(diagnostics.map(\.description) == [
            "content/pages/accessing-dod-systems.md:10:150: error: link '{{site.baseurl}}/digital-signatures/' \(template)",
            "content/pages/accessing-dod-systems.md:14:177: error: link '{{site.baseurl}}/olu/' \(template)",
            "content/pages/accessing-dod-systems.md:24:115: error: link '{{site.baseurl}}/top-secret/' \(template)",
            "content/pages/benefits-links.md:6:162: error: link '{{site.baseurl}}/benefits/' \(template)",
            "content/pages/external-collaboration.md:81:1: error: link target '../getting-started/' not found in the content folder",
            "content/pages/slack.md:11:3: error: link target 'getting-started/' not found in the content folder",
            "content/pages/slack.md:12:3: error: link target 'guidelines/' not found in the content folder",
        ])
    }

    /// Links written as the site shows addresses resolve like links to source
    /// files: to pages with a file (anchors checked) and to the site's own pages.
    @Test func linksWrittenAsSiteAddressesResolve() async throws {
        let site = try FixtureSite(copying: "unseen", files: [
            "pages/about.md": "---\ntitle: About\n---\n[home](../) [glossary](../glossary/) [team](/facilities/) [why](../facilities/rules/bookings-end-on-time/#why-this-rule-exists) [bad](../facilities/rules/bookings-end-on-time/#nope) [gone](../nowhere/)\n",
        ])
        defer { site.remove() }
        let report = await site.build()
        #expect(report.diagnostics.map(\.description) == [
            "content/pages/about.md:4:129: error: anchor '#nope' not found in facilities/rules/bookings-end-on-time.md",
            "content/pages/about.md:4:183: error: link target '../nowhere/' not found in the content folder",
        ])
        try site.write(["pages/about.md": "---\ntitle: About\n---\n[home](../) [glossary](../glossary/) [team](/facilities/) [why](../facilities/rules/bookings-end-on-time/#why-this-rule-exists)\n"])
        #expect(await site.build().wroteSite)
        let hrefs = HTML.attributes("href", in: try site.page("about"))
        for expected in ["/shared/", "/shared/glossary/", "/shared/facilities/", "/shared/facilities/rules/bookings-end-on-time/#why-this-rule-exists"] {
            #expect(hrefs.contains(expected), "\(expected)")
        }
    }
}
