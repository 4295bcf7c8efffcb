import Foundation
import RemitCore
import Testing

/// The data behind "Changed since your last visit": each rule's and service's
/// announced changes on its page, and every rule's by month for the home page.
/// The script's rules are checked in node (`VisitRulesTests`).
@Suite struct AnnouncedChangesTests {
    /// The banner's data on a page: `[[id, date, text, link], …]`, or nil when it has none.
    static func announced(_ html: String) throws -> [[String]]? {
        guard html.contains("id=\"visit-notice\"") else { return nil }
        let value = try #require(HTML.attributes("data-remit-announced", in: html).first)
        let json = value.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
        return try JSONDecoder().decode([[String]].self, from: Data(json.utf8))
    }

    @Test func pagesCarryTheirAnnouncedChanges() async throws {
        let site = try FixtureSite(copying: "calendar")
        defer { site.remove() }
        #expect(await site.build(today: "2026-11-29").wroteSite)
        let rule = try site.page("finance/rules/three-quotes")
        #expect(rule.contains("<div class=\"notice notice--visit\" id=\"visit-notice\" data-remit-page=\"finance/rules/three-quotes/\""))
        #expect(rule.contains(" hidden></div>"), "nothing shows without the script")
        // Every change, also the one still to come: the reader's browser decides when it has arrived.
        #expect(try Self.announced(rule) == [
            ["finance/three-quotes/takes-effect/2026-12-07", "2026-12-07", "Took effect on 7 December 2026.", "finance/rules/three-quotes/#page-history"],
            ["finance/three-quotes/changed/2026-10-15", "2026-10-15", "Threshold raised from £3,000 to £5,000.", "finance/rules/three-quotes/#page-history"],
            ["finance/three-quotes/changed/2026-10-15/2", "2026-10-15", "Quotes may be sent by email, with a semicolon; and a comma, here.", "finance/rules/three-quotes/#page-history"],
        ])
        // A rule without `changes` entries still has a history: the day it takes effect.
        #expect(try Self.announced(site.page("finance/rules/po-before-invoice"))?.first?[3] == "finance/rules/po-before-invoice/#page-history")
        #expect(try site.page("finance/rules/po-before-invoice").contains("<time datetime=\"2026-12-08\">8 December 2026</time> — Takes effect.</li>"))
        // A service has the changes of the rules that apply to it, named.
        #expect(try Self.announced(site.page("finance/services/invoices")) == [
            ["finance/po-before-invoice/takes-effect/2026-12-08", "2026-12-08", "No purchase order, no pay took effect on 8 December 2026.", "finance/rules/po-before-invoice/#page-history"],
        ])
        #expect(try Self.announced(site.page("finance/services/budget-bids"))?.map { $0[2] }.last == "Three quotes over £5,000: Quotes may be sent by email, with a semicolon; and a comma, here.")
        // Pages without announced changes have no banner; the home page has the (empty, hidden) list.
        #expect(try Self.announced(site.page("people/services/onboarding")) == nil)
        #expect(try Self.announced(site.page("changes")) == nil)
        #expect(try site.page("").contains("data-remit-visit-list hidden>"))
    }

    @Test func theHomePageListComesFromOneScriptPerMonth() async throws {
        let site = try FixtureSite(copying: "calendar")
        defer { site.remove() }
        _ = await site.build(today: "2026-11-29")
        let folder = site.output.appendingPathComponent("changes/announced")
        let index = try String(contentsOf: folder.appendingPathComponent("index.js"), encoding: .utf8)
        // A superseded rule no longer takes effect (old-leave, 2020): the same calendar as the site.
        #expect(index.hasPrefix("window.REMIT_ANNOUNCED_INDEX={\"months\":[\"2025-01\",\"2026-05\",\"2026-09\",\"2026-10\",\"2026-12\"],\"version\":\""))
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(files == ["2025-01.js", "2026-05.js", "2026-09.js", "2026-10.js", "2026-12.js", "index.js"])
        let october = try String(contentsOf: folder.appendingPathComponent("2026-10.js"), encoding: .utf8)
        #expect(october == """
            window.REMIT_ANNOUNCED&&window.REMIT_ANNOUNCED("2026-10",[["finance/three-quotes/changed/2026-10-15","2026-10-15",\
            "Threshold raised from £3,000 to £5,000.","finance/rules/three-quotes/#page-history","Three quotes over £5,000"],\
            ["finance/three-quotes/changed/2026-10-15/2","2026-10-15","Quotes may be sent by email, with a semicolon; and a comma, here.",\
            "finance/rules/three-quotes/#page-history","Three quotes over £5,000"]]);

            """)
    }

    @Test func attachmentsMayNotSitAmongTheMonthlyScripts() async throws {
        let site = try FixtureSite(copying: "calendar", files: ["changes/announced/2026-10.js": "alert(1)"])
        defer { site.remove() }
        let report = await site.build()
        #expect(!report.wroteSite)
        #expect(report.diagnostics.contains { $0.message.contains("changes/announced/ folder is written by the build") })
    }
}
