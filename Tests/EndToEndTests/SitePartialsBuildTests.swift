import Foundation
import RemitCore
import Testing

/// A partial rendered once per build makes the same pages as one rendered on each page.
@Suite struct SitePartialsBuildTests {
    static let header = FixtureSite.fixtures.appendingPathComponent("../../../templates/partials/header.mustache").standardizedFileURL

    func override(_ site: FixtureSite, header text: String) throws {
        let folder = site.root.appendingPathComponent("templates/partials")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try text.write(to: folder.appendingPathComponent("header.mustache"), atomically: true, encoding: .utf8)
    }

    @Test func theHeaderRenderedOnceIsTheHeaderRenderedOnEveryPage() async throws {
        let builtIn = try String(contentsOf: Self.header, encoding: .utf8)
        let once = try FixtureSite(copying: "calendar")
        let everyPage = try FixtureSite(copying: "calendar")
        defer { once.remove(); everyPage.remove() }
        // Reading `meta` (to no effect) keeps the header from qualifying.
        try override(everyPage, header: "{{#meta}}{{/meta}}" + builtIn)
        #expect(await once.build().wroteSite)
        #expect(await everyPage.build().wroteSite)
        let (a, b) = (try once.snapshot(), try everyPage.snapshot())
        #expect(a.keys.sorted() == b.keys.sorted())
        #expect(a.filter { $0.key.hasSuffix(".html") }.count > 10)
        for (path, bytes) in a where b[path] != bytes {
            Issue.record("\(path) differs between the header rendered once and on every page")
        }
    }

    @Test func aHeaderThatReadsThePageShowsEachPagesOwn() async throws {
        let site = try FixtureSite(copying: "calendar")
        defer { site.remove() }
        try override(site, header: "<header>{{meta.title}} · {{site.title}}</header>\n")
        #expect(await site.build().wroteSite)
        let rule = try site.page("finance/rules/three-quotes")
        let service = try site.page("finance/services/budget-bids")
        #expect(rule.contains("<header>Three quotes over £5,000 · "))
        #expect(service.contains("<header>Budget bids · "))
    }
}
