import Foundation
import RemitCore
import Testing

/// `remit diff`: two revisions of a real git repository, each read from git's
/// objects and loaded through the pipeline `remit build` runs.
@Suite struct DiffTests {
    /// (kind, id, field, old, new): every change the `everything` commit makes, in report order.
    static let expected: [(String, String, String, String?, String?)] = [
        ("provides-added", "finance", "provides", nil, "Payment runs"),
        ("provides-removed", "finance", "provides", "Supplier payments", nil),
        ("does-not-provide-added", "finance", "does_not_provide", nil, "Payroll queries → people"),
        ("does-not-provide-removed", "finance", "does_not_provide", "Personal expense claims", nil),
        ("contact-changed", "finance", "contact.email", "finance@testing.example", "accounts@testing.example"),
        ("deadline-added", "finance/budget-bids", "deadlines", nil, "2027-02-01 Bids confirmed"),
        ("deadline-moved", "finance/budget-bids", "deadlines", "2026-12-11 Budget bids due", "2026-12-14 Budget bids due"),
        ("deadline-removed", "finance/budget-bids", "deadlines", "2026-10-01 Q3 forecasts due", nil),
        ("request-changed", "finance/budget-bids", "request", "budgets@testing.example", "https://forms.testing.example/budget"),
        ("you-provide-added", "finance/budget-bids", "you_provide", nil, "Savings plan"),
        ("you-provide-removed", "finance/budget-bids", "you_provide", "Cost centre code", nil),
        ("input-by-changed", "finance/invoices", "input_by", "5 business days before the payment date", "3 business days before the payment date"),
        ("title-changed", "finance/invoices", "title", "Paying an invoice", "Paying a supplier invoice"),
        ("service-removed", "finance/petty-cash", "", "2 business days", nil),
        ("rule-added", "finance/card-payments", "", nil, "Use the purchasing card for purchases under £500."),
        ("rule-removed", "finance/cash-limits", "", "No petty cash purchase may be over £50.", nil),
        ("effective-moved", "finance/three-quotes", "effective", "2026-11-02", "2027-01-11"),
        ("applies-to-changed", "finance/three-quotes", "applies_to", "finance/invoices", "finance/budget-bids, finance/invoices"),
        ("turnaround-changed", "people/onboarding", "turnaround", "2 weeks", "3 weeks"),
        ("service-added", "people/payslips", "", nil, "2 business days"),
        ("summary-changed", "people/dress-code", "summary", "Wear what suits your work that day.", "Wear what suits your work that day, and your badge on site."),
        ("consultation-extended", "people/flexi-time", "consult_until", "2026-12-01", "2026-12-04"),
        ("consultation-opened", "people/hybrid-working", "consult_until", nil, "2026-12-18"),
        ("status-changed", "people/leave-carry-over", "status", "proposed", "active"),
        ("consultation-closed", "people/leave-carry-over", "consult_until", "2026-12-04", nil),
        ("status-changed", "people/old-leave", "status", "active", "superseded"),
        ("journey-total-changed", "journeys/joining", "total", "11 business days", "16 business days"),
        ("wording-changed", "pages/about", "body", "catalogue", "web"),
        ("term-removed", "glossary/BACS", "term", "Bankers' Automated Clearing Services, how suppliers are paid.", nil),
        ("term-added", "glossary/VAT", "term", nil, "Value added tax."),
        ("business-days-changed", "catalogue/business_days", "business_days", "mon, tue, wed, thu, fri", "mon, tue, wed, thu"),
        ("holidays-changed", "catalogue/holidays", "holidays", "2026-12-25, 2027-01-01", "2026-12-25, 2026-12-28, 2027-01-01"),
    ]

    @Test func everyKindOfChangeWithItsOldAndNewValues() async throws {
        let repository = try DiffRepository()
        defer { repository.remove() }
        let head = try repository.commit(DiffRepository.everything, "Everything")
        let diff = try await repository.compared("HEAD~1", head)
        #expect(diff.compared)
        let found = diff.changes.map { change -> (String, String, String, String?, String?) in
            // A wording change's first place stands for it.
            if case .list(let out)? = change.old, case .list(let into)? = change.new, change.kind == .wordingChanged {
                return (change.kind.rawValue, change.id, change.field, out.first, into.first)
            }
            return (change.kind.rawValue, change.id, change.field, change.old?.description, change.new?.description)
        }
        #expect(found.count == Self.expected.count)
        for (index, want) in Self.expected.enumerated() where index < found.count {
            #expect(found[index] == want, "change \(index)")
        }
        #expect(Set(diff.changes.map(\.kind)) == Set(Change.Kind.allCases).subtracting([
            .functionAdded, .functionRemoved, .journeyAdded, .journeyRemoved, .journeyStepsChanged, .pageAdded, .pageRemoved,
            .consultationShortened,
        ]))
        let byKind = Dictionary(grouping: diff.changes, by: \.kind)
        #expect(byKind[.turnaroundChanged]?.first?.direction == .longer)
        #expect(byKind[.inputByChanged]?.first?.direction == .shorter)
        // The journey nobody edited: its total moved with its first step's turnaround, reported with that step.
        let journey = try #require(byKind[.journeyTotalChanged]?.first)
        #expect(journey.direction == .longer)
        #expect(journey.location == SourceLocation(path: "content/journeys/joining.md", line: 5, column: 14))
        #expect(journey.causes.map(\.id) == ["people/onboarding"])
        #expect(journey.causes.first?.location?.line == 4)
        #expect(journey.note == "the turnaround of step 1 (people/onboarding) changed")
        // Each at its line in HEAD's file (BASE's, for something removed).
        #expect(byKind[.deadlineMoved]?.first?.location?.line == 7)
        #expect(byKind[.youProvideAdded]?.first?.location?.line == 16)
        #expect(byKind[.contactChanged]?.first?.location == SourceLocation(path: "content/finance/index.md", line: 6, column: 10))
        #expect(byKind[.holidaysChanged]?.first?.location?.path == "content/catalogue.yml")
        #expect(byKind[.holidaysChanged]?.first?.note?.contains("2026-12-28 added") == true)
        #expect(byKind[.termAdded]?.first?.location?.line == 3)
        #expect(byKind[.ruleRemoved]?.first?.location?.path == "content/finance/rules/cash-limits.md")
        #expect(byKind[.wordingChanged]?.first?.location?.line == 6)

        // A title shown on other pages: those pages are affected too.
        #expect(diff.pagesAffected.contains("finance/services/invoices/"))
        #expect(diff.pagesAffected.contains("journeys/joining/"))
        #expect(diff.pagesAffected.contains("finance/rules/card-payments/"))
        #expect(diff.pagesAffected.contains("catalogue.json"))
        #expect(!diff.pagesAffected.contains { $0.hasPrefix("search/") })
    }

    @Test func warningsForReviewersAtTheirLines() async throws {
        let repository = try DiffRepository()
        defer { repository.remove() }
        try repository.commit(DiffRepository.everything, "Everything")
        let diff = try await repository.compared("HEAD~1")
        #expect(diff.warnings.map(\.location) == [
            SourceLocation(path: "content/finance/rules/card-payments.md", line: 4, column: 12),
            SourceLocation(path: "content/people/rules/dress-code.md", line: 3, column: 10),
            SourceLocation(path: "content/people/services/onboarding.md", line: 4, column: 13),
        ])
        #expect(diff.warnings.allSatisfy { $0.severity == .warning })
        #expect(diff.warnings[0].message.contains("newly takes effect in ISO week 2026-W50, which is already over change_limit_per_week (2)"))
        #expect(diff.warnings[1].message.hasSuffix(ReviewWarnings.untold))
        #expect(diff.warnings[2].message.contains("\(ReviewWarnings.untold) to a rule that applies to this service (people/dress-code)"))
        // The effective date of three-quotes moved with a new `changes` entry: no warning.
        #expect(!diff.warnings.contains { $0.message.contains("three-quotes") })
    }

    @Test func rewrappingTextIsNoChange() async throws {
        let repository = try DiffRepository()
        defer { repository.remove() }
        try repository.commit([
            "pages/about.md": """
                ---
                title: About this catalogue
                summary: >-
                  What the catalogue is for
                  and who keeps it.
                ---
                This catalogue tells you what the corporate teams do for you,
                how long it takes and what they need from you.   The catalogue team
                keeps it up to date.

                """,
            "people/rules/dress-code.md": """
                ---
                title:   Dress for your day
                summary: "Wear what suits
                  your work that day."
                effective: 2025-01-01
                review_by: 2027-11-30
                ---
                ## Why this rule exists

                Clients and visitors need to see
                who works here.

                """,
        ], "Rewrap")
        let diff = try await repository.compared("HEAD~1")
        #expect(diff.compared)
        #expect(diff.changes.isEmpty)
        #expect(diff.warnings.isEmpty)
        #expect(diff.pagesAffected == [])
        #expect(DiffReport(diff).summary == "Nothing changes for clients")
    }

    @Test func aLongerTurnaroundWithoutAChangesEntryIsWarnedAtItsLine() async throws {
        let repository = try DiffRepository()
        defer { repository.remove() }
        let onboarding = """
            ---
            title: Onboarding a new starter
            summary: We prepare the contract and first-day set-up.
            turnaround: 15-20 business days
            rules: [dress-code]
            ---
            Tell us as soon as the offer is accepted.

            """
        try repository.commit(["people/services/onboarding.md": onboarding], "Slower onboarding")
        let diff = try await repository.compared("HEAD~1")
        #expect(diff.changes.first?.kind == .turnaroundChanged)
        #expect(diff.changes.first?.direction == .longer)
        let warning = try #require(diff.warnings.first)
        #expect(diff.warnings.count == 1)
        #expect(warning.location == SourceLocation(path: "content/people/services/onboarding.md", line: 4, column: 13))
        #expect(warning.description.hasPrefix("content/people/services/onboarding.md:4:13: warning: turnaround of 'people/onboarding' made longer (2 weeks → 15-20 business days)"))

        // Told in a rule that applies to it: no warning.
        try repository.commit(["people/rules/dress-code.md": """
            ---
            title: Dress for your day
            summary: Wear what suits your work that day.
            effective: 2025-01-01
            review_by: 2027-11-30
            changes:
              - date: 2026-11-20
                summary: Onboarding now takes 15 to 20 business days, so the badge is ready on the first day.
            ---
            ## Why this rule exists

            Clients and visitors need to see who works here.

            """], "Tell clients")
        #expect(try await repository.compared("HEAD~2").warnings.isEmpty)
    }

    @Test func anUnknownRevisionIsAFailureNotAnEmptyDiff() async throws {
        let repository = try DiffRepository()
        defer { repository.remove() }
        guard case .failure(let failure) = await repository.diff("no-such-branch") else {
            Issue.record("an unknown revision was compared")
            return
        }
        #expect(failure == .unknownRevision("no-such-branch"))
        #expect(failure.description.contains("unknown revision 'no-such-branch'"))
        guard case .failure(.unknownRevision("--output=x")) = await repository.diff("HEAD", "--output=x") else {
            Issue.record("an option given as a revision was not refused")
            return
        }
    }

    @Test func aSideWithErrorsReportsThemAsThatSidesErrors() async throws {
        let repository = try DiffRepository()
        defer { repository.remove() }
        try repository.site.write(["people/services/onboarding.md": """
            ---
            title: Onboarding a new starter
            summary: We prepare the contract and first-day set-up.
            turnaround: soonish
            ---
            Tell us.

            """])
        let diff = try await repository.compared("HEAD")
        #expect(!diff.compared)
        #expect(diff.base.errors.isEmpty)
        #expect(diff.head.revision == nil)
        #expect(diff.head.errors.map(\.location) == [SourceLocation(path: "content/people/services/onboarding.md", line: 4, column: 13)])
        #expect(diff.changes.isEmpty)
        let report = DiffReport(diff)
        #expect(report.summary == "HEAD, the working tree, has 1 error; nothing was compared")
        // The text report shows the working tree's line under its error.
        #expect(report.text().contains("    turnaround: soonish\n"))

        // Committed, the broken file is BASE's error, shown with BASE's own line,
        // while the working tree has moved on.
        try repository.commit([:], "Broken")
        try repository.site.write(["people/services/onboarding.md": "---\ntitle: Onboarding\nsummary: s\nturnaround: 2 weeks\n---\n"])
        let fixed = try await repository.compared("HEAD")
        #expect(fixed.head.errors.isEmpty)
        #expect(fixed.base.errors.map(\.location.line) == [4])
        #expect(DiffReport(fixed).text().contains("    turnaround: soonish\n"))
    }

    @Test func aRevisionIsReadFromGitNotFromTheWorkTree() async throws {
        let repository = try DiffRepository()
        defer { repository.remove() }
        let base = try repository.commit(["finance/services/invoices.md": """
            ---
            title: Paying an invoice
            summary: We pay approved supplier invoices.
            turnaround: 2 business days
            ---
            Approve it.

            """], "Slower invoices")
        // The work tree has something else entirely, and a file git does not know.
        try repository.site.write(["finance/services/invoices.md": "not even front matter", "finance/forms/x.txt": "attachment"])
        let diff = try await repository.compared("HEAD~1", base)
        #expect(diff.compared)
        #expect(diff.changes.map(\.kind).contains(.turnaroundChanged))
        #expect(diff.base.commit != nil && diff.head.commit == base)
        // Nothing was checked out: the work tree is as the editor left it.
        #expect(try String(contentsOf: repository.site.content.appendingPathComponent("finance/services/invoices.md"), encoding: .utf8) == "not even front matter")
    }

    @Test func theJSONShape() async throws {
        let repository = try DiffRepository()
        defer { repository.remove() }
        try repository.commit(DiffRepository.everything, "Everything")
        let diff = try await repository.compared("HEAD~1", "HEAD")
        let json = DiffReport(diff, baseURL: BaseURL("https://preview.testing.example/pr-7/")).json()
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(Set(object.keys) == ["version", "summary", "compared", "base", "head", "changes", "warnings", "pages_affected"])
        #expect(object["version"] as? Int == 1)
        #expect(object["summary"] as? String == "5 services, 8 rules, 1 function page, 1 journey, 1 page, 2 glossary terms and the working calendar change in Finance and People; 3 warnings")
        let base = try #require(object["base"] as? [String: Any])
        #expect(Set(base.keys) == ["revision", "commit", "errors"])
        #expect(base["revision"] as? String == "HEAD~1")
        let changes = try #require(object["changes"] as? [[String: Any]])
        #expect(changes.count == Self.expected.count)
        let keys: Set<String> = ["kind", "subject", "id", "function", "title", "field", "old", "new", "direction", "note", "file", "line", "url", "causes"]
        #expect(changes.allSatisfy { Set($0.keys) == keys })
        let turnaround = try #require(changes.first { $0["kind"] as? String == "turnaround-changed" })
        #expect(turnaround["id"] as? String == "people/onboarding")
        #expect(turnaround["old"] as? String == "2 weeks")
        #expect(turnaround["new"] as? String == "3 weeks")
        #expect(turnaround["direction"] as? String == "longer")
        #expect(turnaround["file"] as? String == "content/people/services/onboarding.md")
        #expect(turnaround["line"] as? Int == 4)
        #expect(turnaround["url"] as? String == "https://preview.testing.example/pr-7/people/services/onboarding/")
        let holidays = try #require(changes.first { $0["kind"] as? String == "holidays-changed" })
        #expect(holidays["new"] as? [String] == ["2026-12-25", "2026-12-28", "2027-01-01"])
        #expect(holidays["function"] is NSNull)
        let warnings = try #require(object["warnings"] as? [[String: Any]])
        #expect(warnings.allSatisfy { Set($0.keys) == ["file", "line", "column", "severity", "message"] })
        let pages = try #require(object["pages_affected"] as? [String: Any])
        let urls = try #require(pages["urls"] as? [String])
        #expect(pages["count"] as? Int == urls.count)
        #expect(urls.contains("https://preview.testing.example/pr-7/journeys/joining/"))
    }

    @Test func theMarkdownComment() async throws {
        let repository = try DiffRepository()
        defer { repository.remove() }
        try repository.commit(DiffRepository.everything, "Everything")
        let markdown = DiffReport(try await repository.compared("HEAD~1"), baseURL: BaseURL("https://preview.testing.example/")).markdown()
        let lines = markdown.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[0] == "<!-- remit-diff -->")
        #expect(lines[1] == "**5 services, 8 rules, 1 function page, 1 journey, 1 page, 2 glossary terms and the working calendar change in Finance and People; 3 warnings**")
        #expect(markdown.contains("\n### Finance\n\n| | page | what changes for clients |\n|---|---|---|\n"))
        #expect(markdown.contains("| service | [Onboarding a new starter](https://preview.testing.example/people/services/onboarding/) | turnaround 2 weeks → 3 weeks (longer) |"))
        #expect(markdown.contains("<details><summary>Details: "))
        #expect(markdown.contains("  - before: Wear what suits your work that day."))
        #expect(markdown.contains("- ⚠️ `content/people/services/onboarding.md:4:13`: turnaround of 'people/onboarding' made longer"))
        #expect(markdown.contains("- <https://preview.testing.example/journeys/joining/>"))
    }
}
