import Foundation
import RemitCore
import Testing

/// `remit serve` rebuilds with a `BuildCache`: the result must be exactly what
/// a full build gives, while parsing and writing only what changed.
@Suite struct IncrementalBuildTests {
    static func fullBuild(of site: FixtureSite) async throws -> [String: Data] {
        let fresh = try FixtureSite()
        defer { fresh.remove() }
        try FileManager.default.removeItem(at: fresh.content)
        try FileManager.default.copyItem(at: site.content, to: fresh.content)
        _ = await fresh.build()
        return try fresh.snapshot()
    }

    func build(_ site: FixtureSite, _ cache: inout BuildCache) async -> BuildReport {
        await Pipeline.build(
            BuildOptions(contentDirectory: site.content, outputDirectory: site.output, today: LocalDate(iso: "2026-11-29")!),
            cache: &cache)
    }

    @Test func rebuildsOnlyWhatAnEditAffectsAndMatchesAFullBuild() async throws {
        let site = try FixtureSite(copying: "unseen")
        defer { site.remove() }
        var cache = BuildCache()
        #expect(await build(site, &cache).wroteSite)
        let pages = cache.bodiesRendered
        #expect(pages >= 10)

        // Nothing changed: nothing parsed, nothing written.
        #expect(await build(site, &cache).wroteSite)
        #expect(cache.bodiesRendered == 0)
        #expect(cache.filesChanged == 0)

        // One body edited: one parse; its page and the search index change.
        let repairs = site.content.appendingPathComponent("facilities/services/repairs.md")
        try (try String(contentsOf: repairs, encoding: .utf8) + "\nRadiators bleed on Tuesdays.\n").write(to: repairs, atomically: true, encoding: .utf8)
        #expect(await build(site, &cache).wroteSite)
        #expect(cache.bodiesRendered == 1)
        #expect(cache.filesChanged >= 1 && cache.filesChanged < 10, "\(cache.filesChanged)")
        #expect(try site.snapshot() == (try await Self.fullBuild(of: site)))

        // A page removed: every body is parsed again (links may have broken) and its file goes.
        try FileManager.default.removeItem(at: site.content.appendingPathComponent("pages/about.md"))
        let report = await build(site, &cache)
        #expect(report.wroteSite, "\(report.diagnostics)")
        #expect(cache.bodiesRendered == pages - 1)
        #expect(!FileManager.default.fileExists(atPath: site.output.appendingPathComponent("about/index.html").path))
        #expect(try site.snapshot() == (try await Self.fullBuild(of: site)))
    }

    @Test func aNewBaseURLRendersEveryBodyAgain() async throws {
        let site = try FixtureSite(copying: "unseen")
        defer { site.remove() }
        var cache = BuildCache()
        _ = await build(site, &cache)
        let pages = cache.bodiesRendered
        let settings = site.content.appendingPathComponent("catalogue.yml")
        let text = try String(contentsOf: settings, encoding: .utf8)
        try text.replacingOccurrences(of: "/shared/", with: "/moved/").write(to: settings, atomically: true, encoding: .utf8)
        #expect(await build(site, &cache).wroteSite)
        #expect(cache.bodiesRendered == pages)
        #expect(try site.snapshot() == (try await Self.fullBuild(of: site)))
    }

    @Test func aFailedRebuildWritesNothing() async throws {
        let site = try FixtureSite(copying: "unseen")
        defer { site.remove() }
        var cache = BuildCache()
        _ = await build(site, &cache)
        let before = try site.snapshot()
        try site.write(["facilities/services/repairs.md": "---\ntitle: Repairs\nsummary: s\nturnaround: soonish\n---\n"])
        #expect(!(await build(site, &cache)).wroteSite)
        #expect(try site.snapshot() == before)
    }

    /// With the watcher's paths, a rebuild reads again only the files it
    /// named; without them (nil), every file.
    @Test func aRebuildReadsAgainOnlyTheFilesTheWatcherNamed() async throws {
        let site = try FixtureSite(copying: "calendar")
        defer { site.remove() }
        let options = BuildOptions(contentDirectory: site.content, outputDirectory: site.output, today: LocalDate(iso: "2026-11-29")!)
        var cache = BuildCache()
        #expect(await Pipeline.build(options, cache: &cache).wroteSite)
        func retitle(_ path: String, _ title: String) throws -> String {
            let url = site.content.appendingPathComponent(path)
            try (try String(contentsOf: url, encoding: .utf8)).replacing(#/title: .*/#, with: "title: \(title)").write(to: url, atomically: true, encoding: .utf8)
            return url.path
        }
        let invoices = try retitle("finance/services/invoices.md", "Paying an invoice")
        _ = try retitle("people/services/onboarding.md", "Welcoming a starter")
        #expect(await Pipeline.build(options, cache: &cache, changed: [invoices]).wroteSite)
        #expect(try site.page("finance/services/invoices/").contains("Paying an invoice"))
        #expect(!(try site.page("people/services/onboarding/").contains("Welcoming a starter")))
        #expect(await Pipeline.build(options, cache: &cache, changed: nil).wroteSite)
        #expect(try site.page("people/services/onboarding/").contains("Welcoming a starter"))
        #expect(try site.snapshot() == (try await Self.fullBuild(of: site)))
    }
}
