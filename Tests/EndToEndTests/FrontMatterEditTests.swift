import Foundation
import RemitCore
import Testing

/// `remit serve` after an edit to pages' front matter (`FrontMatterEdit`):
/// only the pages showing the edited page have their views made again, and
/// the site is what a clean build gives.
@Suite struct FrontMatterEditTests {
    let invoices = "finance/services/invoices.md"
    let threeQuotes = "finance/rules/three-quotes.md"

    func build(_ site: FixtureSite, _ cache: inout BuildCache, changed: [String]?) async -> BuildReport {
        await Pipeline.build(
            BuildOptions(contentDirectory: site.content, outputDirectory: site.output, today: BodyEditTests.today), cache: &cache, changed: changed)
    }

    func edit(_ path: String, in site: FixtureSite, _ change: (String) -> String) throws -> String {
        let url = site.content.appendingPathComponent(path)
        try change(try String(contentsOf: url, encoding: .utf8)).write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    func page(_ path: String, in site: FixtureSite) throws -> String {
        try String(contentsOf: site.output.appendingPathComponent(path), encoding: .utf8)
    }

    @Test func aRetitledServiceRemakesOnlyThePagesShowingIt() async throws {
        let site = try FixtureSite(copying: "calendar")
        defer { site.remove() }
        var cache = BuildCache()
        let first = await build(site, &cache, changed: nil)
        #expect(first.wroteSite)
        let changed = try edit(invoices, in: site) { $0.replacingOccurrences(of: "title: Paying an invoice", with: "title: Settling a bill") }
        let report = await build(site, &cache, changed: [changed])
        #expect(report.wroteSite)
        let reached = try #require(cache.pagesReached, "a title edit takes the short way")
        #expect(reached < report.pagesWritten)
        // The function, the journey and the rule that applies to it list it; the other team's rule does not.
        for shown in ["finance/services/invoices/index.html", "finance/index.html", "journeys/joining/index.html", "finance/rules/po-before-invoice/index.html"] {
            #expect(try page(shown, in: site).contains("Settling a bill"), "\(shown)")
        }
        #expect(try !page("people/rules/dress-code/index.html", in: site).contains("Settling a bill"))
        #expect(cache.pagesRendered <= reached)
        let clean = try await BodyEditTests.cleanBuild(of: site)
        #expect(try site.snapshot() == clean.files)
        #expect(report.diagnostics == clean.diagnostics)
    }

    /// A rule that starts applying to a service: the service's page did not
    /// show it before the edit, and must after.
    @Test func aReferenceAddedReachesThePageItNames() async throws {
        let site = try FixtureSite(copying: "calendar")
        defer { site.remove() }
        var cache = BuildCache()
        #expect(await build(site, &cache, changed: nil).wroteSite)
        let changed = try edit(threeQuotes, in: site) { $0.replacingOccurrences(of: "status: active\n", with: "status: active\napplies_to: [budget-bids]\n") }
        let report = await build(site, &cache, changed: [changed])
        #expect(report.wroteSite)
        #expect(cache.pagesReached != nil)
        #expect(try page("finance/services/budget-bids/index.html", in: site).contains("Three quotes over"))
        #expect(try site.snapshot() == (try await BodyEditTests.cleanBuild(of: site)).files)
    }

    /// A service's edit leaves the rules' feed, calendars and announced
    /// changes as they were written, and makes again the service pages'
    /// calendar, the tag pages that list it, and its catalogue.json entry.
    @Test func aServiceEditMakesOnlyWhatListsServices() async throws {
        let site = try FixtureSite(copying: "calendar")
        defer { site.remove() }
        var cache = BuildCache()
        #expect(await build(site, &cache, changed: nil).wroteSite)
        let rulesOnly = ["changes.atom", "changes/index.html", "review/index.html", "glossary/index.html"]
        // A tag dropped and a deadline moved: the tag's page loses the
        // service, the deadlines page and calendar move it. A new tag is a
        // new page, in the sitemap too.
        let changed = try edit(invoices, in: site) {
            $0.replacingOccurrences(of: "tags: [Budget, payments]", with: "tags: [payments, Novel]")
                .replacingOccurrences(of: "date: 2026-12-18", with: "date: 2026-12-21")
                .replacingOccurrences(of: "title: Paying an invoice", with: "title: Settling a bill")
        }
        let report = await build(site, &cache, changed: [changed])
        #expect(report.wroteSite)
        #expect(cache.pagesReached != nil, "a service's front matter takes the short way")
        let reached = try #require(cache.pathsReached)
        #expect(rulesOnly.allSatisfy { !reached.contains($0) }, "files made from rules alone stand: \(reached.sorted())")
        #expect(["deadlines.ics", "deadlines/index.html", "tags/budget/index.html", "catalogue.json"].allSatisfy(reached.contains))
        #expect(try !page("tags/budget/index.html", in: site).contains("Settling a bill"))
        #expect(try page("tags/payments/index.html", in: site).contains("Settling a bill"))
        #expect(try page("deadlines.ics", in: site).contains("DTSTART;VALUE=DATE:20261221"))
        #expect(try page("sitemap.xml", in: site).contains("/tags/novel/</loc>"))
        #expect(try page("catalogue.json", in: site).contains("\"title\" : \"Settling a bill\""))
        let clean = try await BodyEditTests.cleanBuild(of: site)
        #expect(try site.snapshot() == clean.files)
        #expect(report.diagnostics == clean.diagnostics)
    }

    /// The deadlines page and calendar list the services with deadlines:
    /// another service's title edit leaves them standing; the service's first
    /// deadline makes them again.
    @Test func onlyServicesWithDeadlinesReachTheDeadlines() async throws {
        let site = try FixtureSite(copying: "calendar")
        defer { site.remove() }
        var cache = BuildCache()
        #expect(await build(site, &cache, changed: nil).wroteSite)
        let deadlines = ["deadlines.ics", "deadlines/index.html"]
        let onboarding = "people/services/onboarding.md"
        let retitled = try edit(onboarding, in: site) { $0.replacingOccurrences(of: "title: Onboarding a new starter", with: "title: Welcoming a starter") }
        #expect(await build(site, &cache, changed: [retitled]).wroteSite)
        #expect(cache.pagesReached != nil)
        let reached = try #require(cache.pathsReached)
        #expect(reached.contains("people/services/onboarding/index.html"))
        #expect(deadlines.allSatisfy { !reached.contains($0) }, "a service without deadlines is not on them: \(reached.sorted())")
        let dated = try edit(onboarding, in: site) {
            $0.replacingOccurrences(of: "tags: [starters]", with: "tags: [starters]\ndeadlines:\n  - date: 2026-12-16\n    what: Last start date before the break")
        }
        #expect(await build(site, &cache, changed: [dated]).wroteSite)
        #expect(deadlines.allSatisfy(try #require(cache.pathsReached).contains))
        #expect(try page("deadlines.ics", in: site).contains("Last start date before the break (Welcoming a starter)"))
        #expect(try page("deadlines/index.html", in: site).contains("Last start date before the break"))
        #expect(try site.snapshot() == (try await BodyEditTests.cleanBuild(of: site)).files)
    }

    /// A rule's edit makes its feed, calendars and announced changes again.
    @Test func aRuleEditMakesWhatListsRules() async throws {
        let site = try FixtureSite(copying: "calendar")
        defer { site.remove() }
        var cache = BuildCache()
        #expect(await build(site, &cache, changed: nil).wroteSite)
        let changed = try edit("finance/rules/po-before-invoice.md", in: site) { $0.replacing(#/title: .*/#, with: "title: Order before you pay") }
        #expect(await build(site, &cache, changed: [changed]).wroteSite)
        #expect(cache.pagesReached != nil)
        for path in ["changes.atom", "changes/index.html", "review/index.html"] {
            #expect(try page(path, in: site).contains("Order before you pay"), "\(path)")
        }
        #expect(try site.snapshot() == (try await BodyEditTests.cleanBuild(of: site)).files)
    }

    /// The templates' findings are kept while the templates are the same:
    /// a template misspelt while `remit serve` runs is found at the next
    /// save, and is gone once it is mended.
    @Test func aTemplateBrokenAndMendedWhileServing() async throws {
        let site = try FixtureSite(copying: "calendar")
        defer { site.remove() }
        let templates = site.root.appendingPathComponent("templates")
        try FileManager.default.createDirectory(at: templates, withIntermediateDirectories: true)
        let options = BuildOptions(contentDirectory: site.content, templatesDirectory: templates, outputDirectory: site.output, today: BodyEditTests.today)
        var cache = BuildCache()
        #expect(await Pipeline.build(options, cache: &cache).wroteSite)
        let service = templates.appendingPathComponent("service.mustache")
        try "{{<layout}}{{$content}}\n<h1>{{page.titel}}</h1>\n{{/content}}{{/layout}}\n".write(to: service, atomically: true, encoding: .utf8)
        let broken = await Pipeline.build(options, cache: &cache, changed: [service.path])
        #expect(!broken.wroteSite)
        #expect(broken.diagnostics.map(\.description).contains { $0.hasPrefix("templates/service.mustache:2:5: error:") && $0.contains("'page.titel'") })
        try "{{<layout}}{{$content}}\n<h1>{{page.title}}</h1>\n{{/content}}{{/layout}}\n".write(to: service, atomically: true, encoding: .utf8)
        let mended = await Pipeline.build(options, cache: &cache, changed: [service.path])
        #expect(mended.wroteSite)
        #expect(!mended.diagnostics.contains { $0.location.path.hasPrefix("templates/") })
    }

    /// What every page shows changed, or the watcher could not say: every page's view is made.
    @Test func editsBeyondPagesMakeEveryView() async throws {
        let site = try FixtureSite(copying: "calendar")
        defer { site.remove() }
        var cache = BuildCache()
        #expect(await build(site, &cache, changed: nil).wroteSite)
        let function = try edit("finance/index.md", in: site) { $0.replacingOccurrences(of: "title: Finance", with: "title: Money") }
        #expect(await build(site, &cache, changed: [function]).wroteSite)
        #expect(cache.pagesReached == nil, "the header lists every function")
        let settings = try edit("catalogue.yml", in: site) { $0 + "\n" }
        #expect(await build(site, &cache, changed: [settings]).wroteSite)
        #expect(cache.pagesReached == nil)
        _ = try edit(invoices, in: site) { $0.replacingOccurrences(of: "title: Paying an invoice", with: "title: Paying") }
        #expect(await build(site, &cache, changed: nil).wroteSite)
        #expect(cache.pagesReached == nil, "the watcher named no paths")
        #expect(try site.snapshot() == (try await BodyEditTests.cleanBuild(of: site)).files)
    }

    /// A page's findings are kept from the last check unless its file, or the
    /// anchors of a page it links into, changed: a heading dropped from a rule
    /// edited in its front matter too breaks the link on a page not edited.
    @Test func aDroppedAnchorIsFoundOnTheUneditedPageLinkingToIt() async throws {
        let site = try FixtureSite(copying: "calendar")
        defer { site.remove() }
        _ = try edit("people/rules/dress-code.md", in: site) { $0 + "\n## Step 1\n\nShow your badge.\n" }
        _ = try edit("people/services/onboarding.md", in: site) { $0 + "\nSee [the badge step](../rules/dress-code.md#step-1).\n" }
        var cache = BuildCache()
        let first = await build(site, &cache, changed: nil)
        #expect(first.wroteSite && !first.diagnostics.contains { $0.message.contains("step-1") })
        let changed = try edit("people/rules/dress-code.md", in: site) {
            $0.replacingOccurrences(of: "title: Dress for your day", with: "title: What to wear").replacingOccurrences(of: "## Step 1", with: "## Step one")
        }
        let report = await build(site, &cache, changed: [changed])
        #expect(report.diagnostics.contains { $0.location.path.hasSuffix("onboarding.md") && $0.message.contains("step-1") }, "\(report.diagnostics)")
        #expect(report.diagnostics == (try await BodyEditTests.cleanBuild(of: site)).diagnostics)
    }
}
