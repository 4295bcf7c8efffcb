import Foundation
import RemitCore

/// A git repository holding `Fixtures/diff`, committed as it is ("base"),
/// and the edits of a second commit that make every kind of change
/// `remit diff` reports.
struct DiffRepository {
    let site: FixtureSite
    static let today = LocalDate(iso: "2026-11-29")!

    init() throws {
        site = try FixtureSite(copying: "diff")
        try GitHistoryTests.git(["init", "-q"], in: site.root)
        try commit([:], "Base")
    }

    /// Writes `files` (nil deletes one), commits everything under content/, and returns the commit id.
    @discardableResult
    func commit(_ files: [String: String?], _ message: String) throws -> String {
        try site.write(files)
        try GitHistoryTests.git(["add", "-A", "content"], in: site.root)
        try GitHistoryTests.git(["commit", "-q", "--allow-empty", "-m", message], in: site.root, date: "2026-11-20T10:00:00Z")
        return try GitHistoryTests.git(["rev-parse", "HEAD"], in: site.root).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    func diff(_ base: String, _ head: String? = nil) async -> Result<RevisionDiff, GitRevision.Failure> {
        await RevisionDiff.compare(DiffOptions(
            contentDirectory: site.content, templatesDirectory: site.root.appendingPathComponent("templates"),
            base: base, head: head, today: Self.today))
    }

    func compared(_ base: String, _ head: String? = nil) async throws -> RevisionDiff {
        try await diff(base, head).get()
    }

    func remove() { site.remove() }

    /// Every kind of change, in one commit.
    static let everything: [String: String?] = [
        "catalogue.yml": """
            title: Diff Test Services
            organisation: Testing Ltd
            base_url: https://intranet.testing.example/services/
            business_days: [mon, tue, wed, thu]
            holidays: [2026-12-25, 2026-12-28, 2027-01-01]
            change_limit_per_week: 2

            """,
        "glossary.yml": """
            - term: PO
              meaning: Purchase order.
            - term: VAT
              meaning: Value added tax.

            """,
        "finance/index.md": """
            ---
            title: Finance
            summary: Budgets, payments and purchasing advice.
            owner: Head of Finance
            contact:
              email: accounts@testing.example
              phone: "0100 000 0000"
            provides:
              - Budget setting support
              - Payment runs
            does_not_provide:
              - what: Payroll queries
                go_to: people
            ---
            Finance looks after the money.

            """,
        "finance/services/budget-bids.md": """
            ---
            title: Budget bids
            summary: We help you cost and submit your budget bids.
            turnaround: 3-5 business days
            input_by: 10 business days before the budget meeting
            deadlines:
              - date: 2026-12-14
                what: Budget bids due
              - date: 2027-01-15
                what: Final budget bids due
              - date: 2027-02-01
                what: Bids confirmed
            request: https://forms.testing.example/budget
            you_provide:
              - Draft bid
              - Savings plan
            rules: [three-quotes]
            ---
            Send us your draft bid.

            """,
        "finance/services/invoices.md": """
            ---
            title: Paying a supplier invoice
            summary: We pay approved supplier invoices.
            turnaround: next business day
            input_by: 3 business days before the payment date
            ---
            Approve the invoice in the finance system.

            """,
        "finance/services/petty-cash.md": nil,
        "finance/rules/cash-limits.md": nil,
        "finance/rules/card-payments.md": """
            ---
            title: Pay by card under £500
            summary: Use the purchasing card for purchases under £500.
            effective: 2026-12-08
            review_by: 2027-12-08
            applies_to: [invoices]
            ---
            ## Why this rule exists

            Cards cost less to process than invoices.

            """,
        "finance/rules/three-quotes.md": """
            ---
            title: Three quotes over £5,000
            summary: Get three written quotes for any purchase over £5,000.
            effective: 2027-01-11
            review_by: 2027-06-30
            applies_to: [invoices, budget-bids]
            changes:
              - date: 2026-10-15
                summary: Threshold raised from £3,000 to £5,000.
              - date: 2026-11-20
                summary: Now applies to budget bids, from January.
            ---
            ## Why this rule exists

            Quotes show we spend public money well.

            """,
        "people/services/onboarding.md": """
            ---
            title: Onboarding a new starter
            summary: We prepare the contract and first-day set-up.
            turnaround: 3 weeks
            rules: [dress-code]
            ---
            Tell us as soon as the offer is accepted.

            """,
        "people/services/payslips.md": """
            ---
            title: Payslip questions
            summary: We explain your payslip.
            turnaround: 2 business days
            ---
            Ask us anything about your pay.

            """,
        "people/rules/dress-code.md": """
            ---
            title: Dress for your day
            summary: Wear what suits your work that day, and your badge on site.
            effective: 2025-01-01
            review_by: 2027-11-30
            ---
            ## Why this rule exists

            Clients and visitors need to see who works here.

            """,
        "people/rules/leave-carry-over.md": """
            ---
            title: Carrying over annual leave
            summary: Up to five days of leave may be carried over into the next year.
            status: active
            effective: 2026-12-09
            review_by: 2027-05-01
            supersedes: old-leave
            ---
            ## Why this rule exists

            Staff asked for flexibility when workloads peak in December.

            """,
        "people/rules/old-leave.md": """
            ---
            title: Use it or lose it
            summary: Annual leave not taken by 31 December is lost.
            status: superseded
            effective: 2020-01-01
            review_by: 2027-01-31
            ---
            ## Why this rule exists

            It kept leave balances simple.

            """,
        "people/rules/flexi-time.md": """
            ---
            title: Flexible hours
            summary: Start between 7 and 10, as long as you cover the core hours.
            status: proposed
            consult_until: 2026-12-04
            effective: 2026-12-10
            review_by: 2027-12-01
            ---
            ## Why this rule exists

            Staff asked to fit work around the school run.

            """,
        "people/rules/hybrid-working.md": """
            ---
            title: Hybrid working
            summary: Work from home up to two days a week.
            status: proposed
            consult_until: 2026-12-18
            effective: 2027-02-01
            review_by: 2028-02-01
            ---
            ## Why this rule exists

            Fewer desks, less travel.

            """,
        "pages/about.md": """
            ---
            title: About this catalogue
            summary: What the catalogue is for and who keeps it.
            ---
            This catalogue tells you what the corporate teams do for you, how long it
            takes and what they need from you. The web team keeps it up to date
            every week.

            """,
    ]
}
