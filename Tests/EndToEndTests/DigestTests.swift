import Foundation
import RemitCore
import Testing

/// `remit digest` on the `calendar` fixture for a fixed day, against golden
/// files in all three formats (`REMIT_UPDATE_GOLDEN=1` rewrites them; read the
/// diff). `scripts/check-sample-site.sh` runs the binary against the same files
/// and the Nu HTML Checker on the HTML one.
@Suite struct DigestTests {
    static let golden = FixtureSite.fixtures.appendingPathComponent("calendar/golden")
    static let today = LocalDate(iso: "2026-11-30")!
    static let from = LocalDate(iso: "2026-10-01")!

    static func digest(_ site: FixtureSite, from: LocalDate? = Self.from, weeks: Int = 4) async throws -> (Digest, Catalogue) {
        let checked = await Pipeline.check(BuildOptions(contentDirectory: site.content, outputDirectory: site.output, today: today))
        #expect(!checked.diagnostics.hasErrors, "\(checked.diagnostics)")
        return (Digest(checked.catalogue, today: today, from: from, weeks: weeks), checked.catalogue)
    }

    @Test(arguments: [(DigestFormat.markdown, "digest.md"), (.html, "digest.html"), (.text, "digest.txt")])
    func outputMatchesTheGoldenFile(format: DigestFormat, name: String) async throws {
        let site = try FixtureSite(copying: "calendar")
        defer { site.remove() }
        let (digest, catalogue) = try await Self.digest(site)
        let actual = digest.render(format, catalogue: catalogue)
        let url = Self.golden.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["REMIT_UPDATE_GOLDEN"] == "1" {
            try actual.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        #expect(actual == (try String(contentsOf: url, encoding: .utf8)), "\(name) differs; rerun with REMIT_UPDATE_GOLDEN=1 and review the diff")
    }

    @Test func weeksHoldTheChangeCalendarTheDeadlinesAndTheConsultations() async throws {
        let site = try FixtureSite(copying: "calendar")
        defer { site.remove() }
        let (digest, _) = try await Self.digest(site)
        #expect(digest.end.description == "2026-12-27")
        // The week of 30 November holds nothing, so it is left out.
        #expect(digest.weeks.map(\.monday.description) == ["2026-12-07", "2026-12-14"])
        #expect(digest.weeks.map(\.busy) == [3, nil])
        let kinds = digest.weeks.flatMap(\.entries).map { "\($0.date) \($0.kind) \($0.subject)" }
        #expect(kinds == [
            "2026-12-07 takesEffect finance/three-quotes", "2026-12-08 takesEffect finance/po-before-invoice",
            "2026-12-09 takesEffect people/leave-carry-over", "2026-12-11 deadline finance/budget-bids",
            "2026-12-18 deadline finance/invoices", "2026-12-20 consultationCloses people/leave-carry-over",
        ])
        // Looking back: the history entries since 1 October, most recent first, the editor's order kept on one day.
        #expect(digest.announced.map(\.summary) == [
            "Threshold raised from £3,000 to £5,000.", "Quotes may be sent by email, with a semicolon; and a comma, here.",
        ])
        // The default look back is one week: nothing was announced in it.
        #expect(try await Self.digest(site, from: nil).0.announced.isEmpty)
        // One week: only this one, which holds nothing.
        let short = try await Self.digest(site, weeks: 1).0
        #expect(short.weeks.isEmpty && short.end.description == "2026-12-06")
        #expect(short.laterConsultations.map(\.subject.description) == ["people/leave-carry-over"])
    }

    @Test func theHTMLIsSelfContained() async throws {
        let site = try FixtureSite(copying: "calendar")
        defer { site.remove() }
        let (digest, catalogue) = try await Self.digest(site)
        let html = digest.render(.html, catalogue: catalogue)
        #expect(!html.lowercased().contains("<script"))
        #expect(!html.contains("<style") && !html.contains("<link") && !html.contains("<img"))
        let urls = HTML.attributes("href", in: html) + HTML.attributes("src", in: html)
        #expect(urls.count == 10, "the change calendar, the deadlines and 8 items")
        #expect(urls.allSatisfy { $0.hasPrefix("https://intranet.testing.example/services/") }, "\(urls)")
        #expect(HTML.eventHandlerAttributes(in: html).isEmpty)
    }
}
