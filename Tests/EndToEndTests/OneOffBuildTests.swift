import Foundation
@testable import RemitCore
import Testing

/// `remit build` and `remit check` run once: they let each memo go once past
/// the stage that fills it, and make the same site as a build that keeps them.
@Suite struct OneOffBuildTests {
    func options(_ site: FixtureSite) -> BuildOptions {
        BuildOptions(contentDirectory: site.content, outputDirectory: site.output, today: LocalDate(iso: "2026-11-29")!)
    }

    @Test func aOneOffBuildKeepsNoMemoAndMakesTheSameSite() async throws {
        let site = try FixtureSite(copying: "unseen")
        defer { site.remove() }
        // A glossary phrase and accented words: the search entries a one-off
        // build makes with each body (`SearchIndex.BodyIndexer`) must be
        // those the index makes from the kept plain text, synonyms included.
        try "- term: FM\n  meaning: Facilities management\n  aka: [facilities]\n- term: purchase order\n  meaning: An order to buy.\n  aka: [PO]\n"
            .write(to: site.content.appendingPathComponent("glossary.yml"), atomically: true, encoding: .utf8)
        let repairs = site.content.appendingPathComponent("facilities/services/repairs.md")
        try (String(contentsOf: repairs, encoding: .utf8) + "\nRaise a purchase order before the café's Straße entrance is repaired.\n")
            .write(to: repairs, atomically: true, encoding: .utf8)
        var kept = BuildCache()
        #expect(await Pipeline.build(options(site), cache: &kept).wroteSite)
        let keptSite = try site.snapshot()
        #expect(!kept.documents.isEmpty)
        #expect(!kept.decoded.isEmpty)
        #expect(!kept.bodies.isEmpty)
        #expect(kept.pageFindings != nil)
        #expect(kept.search?.entries.isEmpty == false)
        let keptBodies = try #require(kept.site?.checked.bodies)
        #expect(keptBodies.values.allSatisfy { $0.searchPage == nil })
        #expect(keptBodies["facilities/services/repairs.md"]?.plainText.contains("purchase order") == true)
        let repairsEntry = try #require(kept.search?.entries.first { $0.key.hasSuffix("repairs/") }?.value)
        #expect(repairsEntry.page.fields[3].contains("po"))
        #expect(repairsEntry.page.fields[3].contains("straße"))

        try FileManager.default.removeItem(at: site.output)
        var oneOff = BuildCache(keepsForNextBuild: false)
        #expect(await Pipeline.build(options(site), cache: &oneOff).wroteSite)
        #expect(try site.snapshot() == keptSite)
        #expect(oneOff.documents.count == 0)
        #expect(oneOff.decoded.isEmpty)
        #expect(oneOff.bodies.count == 0)
        #expect(oneOff.pageFindings?.pages.count == nil)
        #expect(oneOff.search?.entries.count == 0)
        // Each body's plain text was let go once its page's entry was made.
        let oneOffBodies = try #require(oneOff.site?.checked.bodies)
        #expect(oneOffBodies.count == keptBodies.count)
        #expect(oneOffBodies.values.allSatisfy { $0.plainText.isEmpty && $0.searchPage != nil })
        #expect(oneOffBodies["facilities/services/repairs.md"]?.searchPage == repairsEntry.page)
        // Once checked, the pages' Markdown was let go: rendering reads none.
        #expect(oneOff.folder == nil)
        let rendered = try #require(oneOff.site)
        for catalogue in [rendered.checked.catalogue, rendered.checked.factory.catalogue, rendered.factory.catalogue] {
            #expect(!catalogue.pageSources.isEmpty)
            #expect(catalogue.pageSources.allSatisfy { $0.source.file.text.isEmpty && $0.source.body.isEmpty })
        }
        #expect(rendered.checked.siteMap.bySourcePath.values.allSatisfy { $0.source.file.text.isEmpty })
        #expect(rendered.factory.siteMap.bySourcePath.values.allSatisfy { $0.source.file.text.isEmpty })
        #expect(kept.folder != nil)
        #expect(kept.site?.checked.catalogue.pageSources.allSatisfy { !$0.source.file.text.isEmpty } == true)
    }

    /// The links are checked as each body is rendered, then let go (those
    /// naming another page's anchor once every body is): a one-off check or
    /// build reports what a keeping one does.
    @Test func aOneOffCheckReportsBrokenLinksThenLetsTheLinksGo() async throws {
        let site = try FixtureSite(copying: "unseen")
        defer { site.remove() }
        let repairs = site.content.appendingPathComponent("facilities/services/repairs.md")
        let text = try String(contentsOf: repairs, encoding: .utf8)
            + "\nSee [the missing page](../nowhere.md) and [room booking](room-booking.md).\n"
            + "\nAlso [a missing anchor](room-booking.md#nowhere), [one here](#not-here), [nothing]() and [javascript](javascript:alert(1)).\n"
        try text.write(to: repairs, atomically: true, encoding: .utf8)
        var kept = BuildCache()
        let keeping = await Pipeline.check(options(site), cache: &kept)
        let checked = await Pipeline.check(options(site))
        #expect(checked.diagnostics == keeping.diagnostics)
        let found = checked.diagnostics.filter { $0.location.path.hasSuffix("facilities/services/repairs.md") }.map(\.message)
        #expect(found.contains { $0.contains("nowhere.md") })
        #expect(found.contains { $0.contains("anchor '#nowhere' not found in facilities/services/room-booking.md") })
        #expect(found.contains { $0.contains("anchor '#not-here' not found") })
        #expect(found.contains { $0.contains("link has no destination") })
        #expect(found.contains { $0.contains("refused") })
        #expect(await Pipeline.build(options(site)).diagnostics == keeping.diagnostics)
        #expect(keeping.bodies["facilities/services/repairs.md"]?.links.isEmpty == false)
        #expect(checked.bodies.values.allSatisfy { $0.links.isEmpty })
        #expect(checked.bodies["facilities/services/repairs.md"]?.html.contains("room booking") == true)
    }
}
