import Foundation
import RemitCore
import Testing

/// The `calendar` fixture built on a fixed day: deadlines, changes, review and
/// journey pages and the machine-readable files, against golden files.
/// Regenerate after an intended change with `REMIT_UPDATE_GOLDEN=1 swift test`,
/// then read the diff: the golden files are the specification.
@Suite struct CalendarPagesTests {
    static let golden = FixtureSite.fixtures.appendingPathComponent("calendar/golden")

    /// Pages compared by their `<main>`; the layout around it has tests of its own.
    static let pages = [
        "index.html": "home.html", "deadlines/index.html": "deadlines.html", "changes/index.html": "changes.html",
        "review/index.html": "review.html", "journeys/joining/index.html": "journey.html",
    ]
    static let files = ["deadlines.ics", "changes.atom", "catalogue.json", "sitemap.xml"]

    static func main(of html: String) -> String {
        guard let start = html.range(of: "<main"), let end = html.range(of: "</main>") else { return html }
        return String(html[start.lowerBound..<end.upperBound]) + "\n"
    }

    @Test func outputMatchesTheGoldenFiles() async throws {
        let site = try FixtureSite(copying: "calendar")
        defer { site.remove() }
        let report = await site.build(today: "2026-11-29")
        #expect(report.wroteSite)
        let update = ProcessInfo.processInfo.environment["REMIT_UPDATE_GOLDEN"] == "1"
        let goldenNames = Self.pages.merging(Self.files.map { ($0, $0) }, uniquingKeysWith: { a, _ in a })
        for (name, goldenName) in goldenNames.sorted(by: { $0.key < $1.key }) {
            var actual = try String(contentsOf: site.output.appendingPathComponent(name), encoding: .utf8)
            if name.hasSuffix(".html") { actual = Self.main(of: actual) }
            let url = Self.golden.appendingPathComponent(goldenName)
            if update {
                try FileManager.default.createDirectory(at: Self.golden, withIntermediateDirectories: true)
                try actual.write(to: url, atomically: true, encoding: .utf8)
                continue
            }
            let expected = try String(contentsOf: url, encoding: .utf8)
            #expect(actual == expected, "\(name) differs from \(url.lastPathComponent); rerun with REMIT_UPDATE_GOLDEN=1 and review the diff")
        }
    }

    @Test func busyWeeksAreFlaggedAndOverdueRulesCarryANotice() async throws {
        let site = try FixtureSite(copying: "calendar")
        defer { site.remove() }
        _ = await site.build(today: "2026-11-29")
        let changes = try site.page("changes")
        #expect(changes.contains("Week of 7 December 2026: 3 rules take effect"))
        #expect(changes.components(separatedBy: "class=\"is-busy\"").count - 1 == 3)
        #expect(try site.page("finance/rules/three-quotes").contains("Overdue for review."))
        // Superseded rules are not reviewed any more, and a date not yet passed is not overdue.
        #expect(!(try site.page("people/rules/old-leave").contains("Overdue for review.")))
        #expect(!(try site.page("people/rules/dress-code").contains("Overdue for review.")))
        // A day later, the dress code is overdue too.
        _ = await site.build(today: "2026-12-01")
        #expect(try site.page("people/rules/dress-code").contains("Overdue for review."))
    }

    @Test func deadlinesSplitAtToday() async throws {
        let site = try FixtureSite(copying: "calendar")
        defer { site.remove() }
        _ = await site.build(today: "2026-12-12")
        let page = try site.page("deadlines")
        let upcoming = try #require(page.range(of: "<details"))
        // 11 December has passed on the 12th: it is folded away with the older one.
        #expect(page[upcoming.lowerBound...].contains("Budget bids due, phase 1"))
        #expect(!page[..<upcoming.lowerBound].contains("Budget bids due, phase 1"))
        #expect(page[..<upcoming.lowerBound].contains("Last invoice run before Christmas"))
        #expect(try site.page("").contains("Final budget bids due"))
    }

    @Test func feedIDsAndCalendarUIDsAreStableAcrossBuilds() async throws {
        let site = try FixtureSite(copying: "calendar")
        defer { site.remove() }
        func ids(_ file: String, _ pattern: String) throws -> [String] {
            let text = try String(contentsOf: site.output.appendingPathComponent(file), encoding: .utf8)
            return text.matches(of: try Regex(pattern)).map { String(text[$0.range]) }.sorted()
        }
        _ = await site.build(today: "2026-11-29")
        let uids = try ids("deadlines.ics", "UID:[^\r]+")
        let entries = try ids("changes.atom", "<id>[^<]+</id>")
        try site.write(["people/services/onboarding.md": "---\ntitle: Onboarding, renamed\nsummary: Changed.\nturnaround: 1 week\n---\nBody.\n"])
        _ = await site.build(today: "2027-01-05")
        #expect(uids.count == 4)
        #expect(try ids("deadlines.ics", "UID:[^\r]+") == uids)
        #expect(entries.count == 9, "the feed's own id and 8 entries")
        #expect(Set(entries).count == entries.count, "two changes on one date have different ids")
        #expect(try ids("changes.atom", "<id>[^<]+</id>") == entries)
    }

    @Test func servicesWithSimilarIdsGetDifferentUIDs() async throws {
        let service = { (title: String) in "---\ntitle: \(title)\nsummary: s\nturnaround: 1 day\ndeadlines:\n  - date: 2027-01-04\n    what: Due\n---\nBody.\n" }
        let function = "---\ntitle: F\nsummary: s\nprovides: [x]\n---\nBody.\n"
        let site = try FixtureSite(files: [
            "catalogue.yml": "title: T\norganisation: O\nbase_url: https://intranet.example.org/\n",
            "it/index.md": function, "it-laptop/index.md": function,
            "it/services/laptop-request.md": service("Laptop request"), "it-laptop/services/request.md": service("Request"),
        ])
        defer { site.remove() }
        let report = await site.build()
        #expect(report.wroteSite, "\(report.diagnostics)")
        let text = try String(contentsOf: site.output.appendingPathComponent("deadlines.ics"), encoding: .utf8)
        let uids = text.matches(of: try Regex("UID:[^\r]+")).map { String(text[$0.range]) }
        #expect(uids.count == 2 && Set(uids).count == 2, "\(uids)")
    }

    @Test func aCatalogueWithoutDeadlinesStillHasAValidCalendar() async throws {
        let site = try FixtureSite(files: [
            "catalogue.yml": "title: T\norganisation: O\n",
            "it/index.md": "---\ntitle: IT\nsummary: s\nprovides: [x]\n---\nBody.\n",
        ])
        defer { site.remove() }
        #expect(await site.build().wroteSite)
        let text = try String(contentsOf: site.output.appendingPathComponent("deadlines.ics"), encoding: .utf8)
        #expect(!text.contains("BEGIN:VEVENT"))
        #expect(text.contains("BEGIN:VTIMEZONE\r\nTZID:UTC\r\n"))
        #expect(text.hasSuffix("END:VTIMEZONE\r\nEND:VCALENDAR\r\n"))
    }

    @Test func calendarFileFollowsRFC5545Framing() async throws {
        let site = try FixtureSite(copying: "calendar")
        defer { site.remove() }
        _ = await site.build(today: "2026-11-29")
        let data = try Data(contentsOf: site.output.appendingPathComponent("deadlines.ics"))
        let text = String(decoding: data, as: UTF8.self)
        let lines = text.components(separatedBy: "\r\n")
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n"), "every line ends with CRLF")
        #expect(lines.allSatisfy { $0.utf8.count <= 75 })
        #expect(text.contains("SUMMARY:Last invoice run before Christmas\\; send approvals by noon\\, please"))
        #expect(text.contains("DTSTART;VALUE=DATE:20261211\r\nDTEND;VALUE=DATE:20261212"))
        #expect(text.contains("URL:https://intranet.testing.example/services/finance/services/budget-bids/"))
    }
}
