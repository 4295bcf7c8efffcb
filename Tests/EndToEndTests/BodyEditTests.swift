import Foundation
import RemitCore
import Testing

/// `remit serve`'s short way after an edit below a page's front matter
/// (`BodyEdit`): taken only when nothing else changed, and giving what a
/// clean build gives, diagnostics included.
@Suite struct BodyEditTests {
    static let today = LocalDate(iso: "2026-11-29")!
    let onboarding = "people/services/onboarding.md"
    let dressCode = "people/rules/dress-code.md"

    func build(_ site: FixtureSite, _ cache: inout BuildCache, changed: [String]?, today: LocalDate = today) async -> BuildReport {
        await Pipeline.build(BuildOptions(contentDirectory: site.content, outputDirectory: site.output, today: today), cache: &cache, changed: changed)
    }

    /// The site and the diagnostics a clean build of the same files gives.
    static func cleanBuild(of site: FixtureSite) async throws -> (files: [String: Data], diagnostics: [Diagnostic]) {
        let fresh = try FixtureSite()
        defer { fresh.remove() }
        try FileManager.default.removeItem(at: fresh.content)
        try FileManager.default.copyItem(at: site.content, to: fresh.content)
        let report = await fresh.build()
        // Diagnostics name the content folder, which is `content` in both.
        return (try fresh.snapshot(), report.diagnostics)
    }

    /// Appends `text` to a file and returns its path, as the watcher names it.
    func append(_ text: String, to path: String, in site: FixtureSite) throws -> String {
        let url = site.content.appendingPathComponent(path)
        try (try String(contentsOf: url, encoding: .utf8) + text).write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    @Test func aBodyEditRendersThatPageAloneAndMatchesACleanBuild() async throws {
        let site = try FixtureSite(copying: "calendar")
        defer { site.remove() }
        var cache = BuildCache()
        #expect(await build(site, &cache, changed: nil).wroteSite)
        let changed = try append("\nBring your [badge](../rules/dress-code.md#why-this-rule-exists).\n", to: onboarding, in: site)
        // An editor's save also touches a swap file and a temporary file that is gone by now.
        let swap = site.content.appendingPathComponent("people/services/.onboarding.md.swp").path
        let temporary = site.content.appendingPathComponent("people/services/4913").path
        let report = await build(site, &cache, changed: [changed, swap, temporary])
        #expect(report.wroteSite, "\(report.diagnostics)")
        #expect(cache.rebuiltBodiesOnly)
        #expect(cache.bodiesRendered == 1 && cache.pagesRendered == 1)
        #expect(cache.sourcesChanged == ["content/" + onboarding])
        let clean = try await Self.cleanBuild(of: site)
        #expect(try site.snapshot() == clean.files)
        #expect(report.diagnostics == clean.diagnostics)
        #expect(try site.page("people/services/onboarding/").contains("Bring your"))
        // A save that leaves only a swap file changed rebuilds nothing.
        let quiet = await build(site, &cache, changed: [swap])
        #expect(quiet.wroteSite && cache.rebuiltBodiesOnly && cache.bodiesRendered == 0 && cache.filesChanged == 0)
    }

    @Test func anythingButABodyEditTakesTheFullBuild() async throws {
        let site = try FixtureSite(copying: "calendar")
        defer { site.remove() }
        var cache = BuildCache()
        #expect(await build(site, &cache, changed: nil).wroteSite)
        let url = site.content.appendingPathComponent(onboarding)
        let text = try String(contentsOf: url, encoding: .utf8)
        // The front matter, a rule's "why" heading (rule summaries link it), unknown paths, another day.
        try text.replacingOccurrences(of: "2 weeks", with: "3 weeks").write(to: url, atomically: true, encoding: .utf8)
        _ = await build(site, &cache, changed: [url.path])
        #expect(!cache.rebuiltBodiesOnly)
        #expect(try site.page("people/services/onboarding/").contains("3 weeks"))
        let why = site.content.appendingPathComponent(dressCode)
        try (try String(contentsOf: why, encoding: .utf8)).replacingOccurrences(of: "## Why this rule exists", with: "## Why")
            .write(to: why, atomically: true, encoding: .utf8)
        _ = await build(site, &cache, changed: [why.path])
        #expect(!cache.rebuiltBodiesOnly)
        _ = try append("\nMore.\n", to: onboarding, in: site)
        _ = await build(site, &cache, changed: nil)
        #expect(!cache.rebuiltBodiesOnly)
        let body = try append("\nEven more.\n", to: onboarding, in: site)
        _ = await build(site, &cache, changed: [body], today: LocalDate(iso: "2026-11-30")!)
        #expect(!cache.rebuiltBodiesOnly)
        let settings = try append("\n", to: "catalogue.yml", in: site)
        _ = await build(site, &cache, changed: [settings])
        #expect(!cache.rebuiltBodiesOnly)
        // Back to a body edit: the short way again.
        try (try String(contentsOf: why, encoding: .utf8)).replacingOccurrences(of: "## Why\n", with: "## Why this rule exists\n")
            .write(to: why, atomically: true, encoding: .utf8)
        _ = await build(site, &cache, changed: [why.path])
        let again = try append("\nLast.\n", to: onboarding, in: site)
        _ = await build(site, &cache, changed: [again])
        #expect(cache.rebuiltBodiesOnly)
        #expect(try site.snapshot() == (try await Self.cleanBuild(of: site)).files)
    }

    @Test func aBrokenLinkFailsTheShortWayAndItsRepairWritesTheSite() async throws {
        let site = try FixtureSite(copying: "calendar")
        defer { site.remove() }
        var cache = BuildCache()
        #expect(await build(site, &cache, changed: nil).wroteSite)
        let before = try site.snapshot()
        let broken = try append("\nSee [the policy](missing-policy.md).\n", to: dressCode, in: site)
        let failed = await build(site, &cache, changed: [broken])
        #expect(cache.rebuiltBodiesOnly)
        #expect(!failed.wroteSite)
        let error = try #require(failed.diagnostics.first { $0.severity == .error })
        #expect(error.location == SourceLocation(path: "content/" + dressCode, line: 14, column: 5))
        #expect(failed.diagnostics == (try await Self.cleanBuild(of: site)).diagnostics)
        #expect(try site.snapshot() == before)
        // Mended by the next save: the page of the failed build is written too.
        let url = site.content.appendingPathComponent(dressCode)
        let text = try String(contentsOf: url, encoding: .utf8)
        try text.replacingOccurrences(of: "missing-policy.md", with: "../services/onboarding.md").write(to: url, atomically: true, encoding: .utf8)
        let mended = await build(site, &cache, changed: [url.path])
        #expect(mended.wroteSite, "\(mended.diagnostics)")
        #expect(cache.rebuiltBodiesOnly)
        #expect(try site.snapshot() == (try await Self.cleanBuild(of: site)).files)
    }

    /// A heading removed breaks another page's link to it: the short way
    /// checks that page again, as a clean build would.
    @Test func aHeadingEditChecksTheLinksToItsAnchorsAgain() async throws {
        let site = try FixtureSite(copying: "calendar")
        defer { site.remove() }
        var cache = BuildCache()
        #expect(await build(site, &cache, changed: nil).wroteSite)
        let heading = try append("\n## Parking\n\nAsk at reception.\n", to: onboarding, in: site)
        let link = try append("\nPark as [onboarding says](../services/onboarding.md#parking).\n", to: dressCode, in: site)
        let added = await build(site, &cache, changed: [heading, link])
        #expect(added.wroteSite && cache.rebuiltBodiesOnly, "\(added.diagnostics)")
        #expect(try site.snapshot() == (try await Self.cleanBuild(of: site)).files)
        let url = site.content.appendingPathComponent(onboarding)
        try (try String(contentsOf: url, encoding: .utf8)).replacingOccurrences(of: "## Parking", with: "## Cars").write(to: url, atomically: true, encoding: .utf8)
        let broken = await build(site, &cache, changed: [url.path])
        #expect(cache.rebuiltBodiesOnly && !broken.wroteSite)
        #expect(broken.diagnostics.contains { $0.location.path == "content/" + dressCode && $0.message.contains("anchor '#parking' not found") })
        #expect(broken.diagnostics == (try await Self.cleanBuild(of: site)).diagnostics)
        try (try String(contentsOf: url, encoding: .utf8)).replacingOccurrences(of: "## Cars", with: "## Parking").write(to: url, atomically: true, encoding: .utf8)
        let mended = await build(site, &cache, changed: [url.path])
        #expect(mended.wroteSite && cache.rebuiltBodiesOnly, "\(mended.diagnostics)")
        #expect(try site.snapshot() == (try await Self.cleanBuild(of: site)).files)
    }
}
