import Foundation
import RemitCore
import Testing

/// "Previous versions" from git: the `calendar` fixture in a repository where
/// one rule and one service were committed several times, its History section
/// against golden files (`REMIT_UPDATE_GOLDEN=1` rewrites them; read the diff).
@Suite struct VersionsTests {
    static let golden = FixtureSite.fixtures.appendingPathComponent("calendar/golden")
    static let rule = "finance/rules/three-quotes.md"
    static let service = "finance/services/budget-bids.md"

    static func rule(effective: String, summary: String, extra: String = "", body: String) -> String {
        "---\ntitle: Three quotes over £5,000\nsummary: \(summary)\nstatus: active\neffective: \(effective)\nreview_by: 2026-06-30\nowner: Head of Finance\n\(extra)---\n\(body)"
    }

    static let why = "## Why this rule exists\n\n"

    /// The fixture as it is, reached through five commits to the rule and two to the service.
    static func repository() throws -> FixtureSite {
        let site = try FixtureSite(copying: "calendar")
        let finalRule = try String(contentsOf: site.content.appendingPathComponent(rule), encoding: .utf8)
        let finalService = try String(contentsOf: site.content.appendingPathComponent(service), encoding: .utf8)
        func git(_ arguments: [String], date: String? = nil) throws { try GitHistoryTests.git(arguments, in: site.root, date: date) }
        func commit(_ files: [String: String], _ message: String, _ date: String) throws {
            try site.write(files)
            try git(["add", "content"])
            try git(["commit", "-q", "-m", message], date: date + "T10:00:00Z")
        }
        try git(["init", "-q"])
        // Three years ago: before the two years shown, so the oldest shown version is compared with it.
        try commit([
            rule: Self.rule(effective: "2024-01-01", summary: "Get three written quotes for any purchase over £2,000.",
                            body: why + "Quotes show we spend money well.\n"),
            service: finalService.replacingOccurrences(of: "turnaround: 3-5 business days", with: "turnaround: 5 business days"),
        ], "First", "2023-09-01")
        try commit([
            rule: Self.rule(effective: "2026-04-01", summary: "Get three written quotes for any purchase over £3,000.",
                            body: why + "Quotes show we spend money well.\n"),
        ], "Threshold to £3,000", "2025-03-03")
        try commit([
            rule: Self.rule(effective: "2026-06-01", summary: "Get three written quotes for any purchase over £3,000.",
                            body: why + "Quotes show we spend money well.\n"),
        ], "Later start", "2026-02-02")
        try commit([
            rule: Self.rule(effective: "2026-06-01", summary: "Get three written quotes for any purchase over £5,000.",
                            extra: "applies_to: [invoices, budget-bids]\n",
                            body: why + "Quotes show we spend public money well.\n\nAsk the finance team which suppliers to ask.\n"),
            service: finalService.replacingOccurrences(of: "turnaround: 3-5 business days", with: "turnaround: 10 business days"),
        ], "Threshold to £5,000", "2026-05-04")
        // Rewrapped only: a commit, but nothing a reader would see.
        try commit([
            rule: Self.rule(effective: "2026-06-01", summary: "Get three written quotes for any purchase over £5,000.",
                            extra: "applies_to: [invoices, budget-bids]\n",
                            body: why + "Quotes show we spend public\nmoney well.\n\nAsk the finance team which suppliers to ask.\n"),
        ], "Rewrap", "2026-06-15")
        try commit([rule: finalRule, service: finalService], "Announced", "2026-10-15")
        return site
    }

    static func history(_ html: String) -> String {
        guard let start = html.range(of: "<section aria-labelledby=\"page-history\""),
            let end = html.range(of: "</section>", range: start.upperBound..<html.endIndex)
        else { return "(no history section)\n" }
        return String(html[start.lowerBound..<end.upperBound]) + "\n"
    }

    @Test func eachVersionShowsItsFieldChangesAndItsRedline() async throws {
        let site = try Self.repository()
        defer { site.remove() }
        let report = await site.build(today: "2026-11-29")
        #expect(report.wroteSite && report.notes.isEmpty, "\(report.notes)")
        let update = ProcessInfo.processInfo.environment["REMIT_UPDATE_GOLDEN"] == "1"
        for (page, name) in [("finance/rules/three-quotes", "versions-rule.html"), ("finance/services/budget-bids", "versions-service.html")] {
            // Commit ids differ from run to run: compare without them.
            let actual = Self.history(try site.page(page)).replacing(#/commit [0-9a-f]{8}/#, with: "commit …")
            let url = Self.golden.appendingPathComponent(name)
            if update {
                try actual.write(to: url, atomically: true, encoding: .utf8)
                continue
            }
            #expect(actual == (try String(contentsOf: url, encoding: .utf8)), "\(name) differs; rerun with REMIT_UPDATE_GOLDEN=1 and review the diff")
        }
        let rule = try site.page("finance/rules/three-quotes")
        // Five versions in the last two years, the oldest compared with the one before them.
        #expect(rule.contains("<summary>Previous versions (5)</summary>"))
        #expect(rule.contains("<dd><del>2026-04-01</del> → <ins>2026-06-01</ins></dd>"))
        #expect(rule.contains("Get three written quotes for any purchase over <del>£3,000.</del> <ins>£5,000.</ins>"))
        #expect(rule.contains("Versions of the last 2 years; older ones are in the catalogue"))
        #expect(!rule.contains("First published."))
        let service = try site.page("finance/services/budget-bids")
        #expect(service.contains("<dd><del>5</del> → <ins>10</ins> business days</dd>"))
        #expect(service.contains("<dd><del>10</del> → <ins>3-5</ins> business days</dd>"))
    }

    /// A build of the repository whose git processes `git` counts.
    static func options(_ site: FixtureSite, git: CountingGit) -> BuildOptions {
        var options = BuildOptions(contentDirectory: site.content, outputDirectory: site.output, today: LocalDate(iso: "2026-11-29")!)
        options.git = git.executable.path
        return options
    }

    @Test func aBuildRunsAtMostTwoGitProcesses() async throws {
        let site = try Self.repository()
        defer { site.remove() }
        let git = try CountingGit(in: site.root)
        let options = Self.options(site, git: git)
        let report = await Pipeline.build(options)
        #expect(report.wroteSite)
        let calls = try git.calls()
        #expect(calls.count == 2, "\(calls)")
        #expect(calls.first?.contains(" log ") == true)
        #expect(calls.last?.contains("cat-file --batch") == true)
        #expect(try site.page("finance/rules/three-quotes").contains("Previous versions (5)"))
    }

    /// `remit serve` rebuilds after every save; until a commit, the versions it showed are still true.
    @Test func aRebuildWithTheSameCommitsKeepsItsVersionsWithoutReadingThemAgain() async throws {
        let site = try Self.repository()
        defer { site.remove() }
        let git = try CountingGit(in: site.root)
        let options = Self.options(site, git: git)
        var cache = BuildCache()
        #expect(await Pipeline.build(options, cache: &cache).wroteSite)
        let first = try site.page("finance/rules/three-quotes")
        // An edit not yet committed: the log is the same, so only `git log` runs.
        let rule = site.content.appendingPathComponent(Self.rule)
        try (try String(contentsOf: rule, encoding: .utf8) + "\nAn edit in the preview.\n").write(to: rule, atomically: true, encoding: .utf8)
        #expect(await Pipeline.build(options, cache: &cache).wroteSite)
        var calls = try git.calls()
        #expect(calls.count == 3 && calls[2].contains(" log "), "\(calls)")
        let second = try site.page("finance/rules/three-quotes")
        #expect(second.contains("An edit in the preview.") && Self.history(second) == Self.history(first))
        // A commit: the versions are read again and the new one is listed.
        _ = try GitHistoryTests.git(["commit", "-qam", "Preview edit"], in: site.root, date: "2026-11-20T10:00:00Z")
        #expect(await Pipeline.build(options, cache: &cache).wroteSite)
        calls = try git.calls()
        #expect(calls.count == 5 && calls[4].contains("cat-file --batch"), "\(calls)")
        let third = try site.page("finance/rules/three-quotes")
        #expect(third.contains("<summary>Previous versions (6)</summary>") && third.contains("<ins>An edit in the preview.</ins>"))
    }

    @Test func aShallowCloneShowsNoVersionsAndSaysSoOnce() async throws {
        let site = try Self.repository()
        defer { site.remove() }
        let clone = site.root.appendingPathComponent("clone")
        try GitHistoryTests.git(["clone", "-q", "--depth", "2", "file://" + site.root.path, clone.path], in: site.root)
        let report = await Pipeline.build(BuildOptions(
            contentDirectory: clone.appendingPathComponent("content"), outputDirectory: clone.appendingPathComponent("public"),
            today: LocalDate(iso: "2026-11-29")!))
        #expect(report.notes.filter { $0.contains("no previous versions") && $0.contains("git fetch --unshallow") }.count == 1)
        let page = try String(contentsOf: clone.appendingPathComponent("public/finance/rules/three-quotes/index.html"), encoding: .utf8)
        #expect(!page.contains("Previous versions") && !page.contains("Last updated"))
        // The announced history is still there: it is the content's, not git's.
        #expect(page.contains("Threshold raised from £3,000 to £5,000."))
    }
}
