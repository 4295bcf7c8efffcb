import Foundation
import RemitCore
import Testing

/// Every URL field goes through `URLPolicy`: each hostile vector, written into
/// each field of a real catalogue, is an error at that field, and nothing is built.
@Suite struct URLFieldTests {
    /// YAML double-quoted spellings, so control characters survive the file.
    static let vectors = [
        #"\u0001javascript:alert(document.domain)"#, #"java\tscript:alert(1)"#, #"JavaScript:alert(1)"#,
        #"\x7Fjavascript:alert(1)"#, #"data:text/html,<script>alert(1)</script>"#, #"vbscript:msgbox(1)"#,
    ]

    enum Field: String, CaseIterable, Sendable {
        case request, channel = "contact.channel", email = "contact.email", fullPolicy = "full_policy"
        case editURL = "edit_url", feedback, baseURL = "base_url", bodyLink = "body link"
    }

    static let cases: [(Field, String)] = Field.allCases.flatMap { field in vectors.map { (field, $0) } }

    /// The file the vector goes into, and its new text.
    func plant(_ vector: String, in field: Field) -> (path: String, text: String) {
        let catalogue = "title: T\norganisation: O\n"
        switch field {
        case .request:
            return ("facilities/services/repairs.md", "---\ntitle: Repairs\nsummary: s\nturnaround: 1 week\nrequest: \"\(vector)\"\n---\nBody.\n")
        case .channel, .email:
            let key = field == .channel ? "channel" : "email"
            return ("facilities/index.md", "---\ntitle: Facilities\nsummary: s\nprovides: [x]\ncontact:\n  \(key): \"\(vector)\"\n---\nBody.\n")
        case .fullPolicy:
            return ("facilities/rules/bookings-end-on-time.md", "---\ntitle: B\nsummary: s\nfull_policy: \"\(vector)\"\n---\n## Why this rule exists\n\nx\n")
        case .editURL:
            return ("catalogue.yml", catalogue + "edit_url: \"\(vector){path}\"\n")
        case .feedback:
            return ("catalogue.yml", catalogue + "feedback: \"\(vector)?subject={title}\"\n")
        case .baseURL:
            return ("catalogue.yml", catalogue + "base_url: \"\(vector)\"\n")
        case .bodyLink:
            // Markdown has no escapes for controls; character references decode to them.
            let markdown = vector.replacingOccurrences(of: #"\u0001"#, with: "&#1;").replacingOccurrences(of: #"\t"#, with: "&#9;")
                .replacingOccurrences(of: #"\x7F"#, with: "&#127;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
            return ("pages/about.md", "---\ntitle: About\n---\nSee [this](<\(markdown)>).\n")
        }
    }

    @Test(arguments: cases)
    func everyVectorIsRefusedInEveryField(field: Field, vector: String) async throws {
        let planted = plant(vector, in: field)
        let site = try FixtureSite(copying: "unseen", files: [planted.path: planted.text])
        defer { site.remove() }
        let report = await site.build()
        #expect(!report.wroteSite, "\(field) accepted \(vector)")
        let errors = report.diagnostics.filter { $0.severity == .error }
        #expect(errors.contains { $0.location.path == "content/" + planted.path && $0.location.line > 1 }, "\(field): \(report.diagnostics)")
        #expect(!FileManager.default.fileExists(atPath: site.output.path))
    }

    @Test func aFeedbackPatternWithSpacesGivesValidLinks() async throws {
        let site = try FixtureSite(copying: "unseen", files: [
            "catalogue.yml": "title: T\norganisation: O\nbase_url: https://intranet.example/\nfeedback: \"mailto:rules@northwind.example?subject=Feedback on {title}&body=About {url}\"\nedit_url: \"https://git.example/edit/main/{path} now\"\n",
        ])
        defer { site.remove() }
        let report = await site.build()
        #expect(report.wroteSite, "\(report.diagnostics)")
        let page = try site.page("facilities/rules/bookings-end-on-time")
        let hrefs = HTML.attributes("href", in: page)
        #expect(hrefs.contains("mailto:rules@northwind.example?subject=Feedback%20on%20Bookings%20end%20on%20time&body=About%20https%3A%2F%2Fintranet.example%2Ffacilities%2Frules%2Fbookings-end-on-time%2F"))
        #expect(hrefs.contains("https://git.example/edit/main/content/facilities/rules/bookings-end-on-time.md%20now"))
        #expect(!hrefs.contains { $0.contains(" ") })
    }

    @Test func anEmptyLinkIsAWarningAndGoesNowhere() async throws {
        let site = try FixtureSite(copying: "unseen", files: ["pages/about.md": "---\ntitle: About\n---\nSee [#18f-site]() here.\n"])
        defer { site.remove() }
        let report = await site.build()
        #expect(report.wroteSite)
        #expect(report.diagnostics.map(\.description) == ["content/pages/about.md:4:5: warning: link has no destination, so it goes nowhere; give it one or remove the brackets"])
        #expect(try site.page("about").contains("#18f-site"))
    }
}
