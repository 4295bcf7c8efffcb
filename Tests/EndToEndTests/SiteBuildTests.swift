import Foundation
import RemitCore
import Testing

@Suite struct SiteBuildTests {
    @Test func buildsEveryPageOfAnUnseenCatalogue() async throws {
        let site = try FixtureSite(copying: "unseen")
        defer { site.remove() }
        let report = await site.build()
        #expect(report.diagnostics.isEmpty, "\(report.diagnostics)")
        #expect(report.wroteSite)
        for route in ["", "facilities/", "facilities/services/room-booking/", "facilities/rules/bookings-end-on-time/",
                      "security/rules/badge-return/", "journeys/joining/", "about/", "glossary/", "a-z/"] {
            #expect(FileManager.default.fileExists(atPath: site.output.appendingPathComponent(route + "index.html").path), "\(route)")
        }
        #expect(FileManager.default.fileExists(atPath: site.output.appendingPathComponent("404.html").path))
        #expect(FileManager.default.fileExists(atPath: site.output.appendingPathComponent("assets/remit.css").path))
        #expect(FileManager.default.fileExists(atPath: site.output.appendingPathComponent("facilities/forms/room-request.txt").path))

        let service = try site.page("facilities/services/room-booking")
        #expect(service.contains("<dd>same day</dd>"))
        #expect(service.contains("2 business days before the meeting"))
        #expect(service.contains("href=\"mailto:rooms@northwind.example\""))
        #expect(service.contains("<li>Number of attendees</li>"))
        #expect(try site.page("facilities/services/repairs").contains(
            "href=\"https://desk.northwind.example/repairs\">Request this service online</a>"))
        let journey = try site.page("journeys/joining")
        #expect(journey.contains("<dd>2–3 business days</dd>"))
        let function = try site.page("facilities")
        #expect(function.contains("Door access badges — <a href=\"/shared/security/services/access-badges/\">Access badges</a>"))
    }

    @Test(arguments: ["/", "/services/", "https://intranet.example.org/deep/path/"])
    func everyInternalLinkAndAnchorResolves(base: String) async throws {
        let site = try FixtureSite(copying: "unseen")
        defer { site.remove() }
        let report = await site.build(baseURL: base)
        #expect(report.wroteSite, "\(report.diagnostics)")
        let basePath = BaseURL(base)!.path
        let files = try site.snapshot()
        var checked = 0
        for (path, data) in files where path.hasSuffix(".html") {
            let html = String(decoding: data, as: UTF8.self)
            for link in HTML.attributes("href", in: html) + HTML.attributes("src", in: html) {
                guard !link.contains("://"), !link.hasPrefix("mailto:"), !link.hasPrefix("tel:") else { continue }
                if link.hasPrefix("#") { continue }
                #expect(link.hasPrefix(basePath), "\(path): \(link) is not under \(basePath)")
                let parts = link.dropFirst(basePath.count).split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
                var target = "/" + (parts.first ?? "")
                if target.hasSuffix("/") { target += "index.html" }
                guard let targetData = files[target] else {
                    Issue.record("\(path): broken link \(link)")
                    continue
                }
                if parts.count == 2 {
                    let ids = HTML.attributes("id", in: String(decoding: targetData, as: UTF8.self))
                    #expect(ids.contains(parts[1]), "\(path): missing anchor \(link)")
                }
                checked += 1
            }
        }
        #expect(checked > 100)
        let function = try String(decoding: files["/facilities/index.html"]!, as: UTF8.self)
        #expect(function.contains("href=\"\(basePath)facilities/rules/bookings-end-on-time/#why-this-rule-exists\""))
        #expect(function.contains("href=\"\(basePath)assets/remit.css\""))
    }

    @Test func linksRunBothWaysBetweenServicesAndRules() async throws {
        let site = try FixtureSite(copying: "unseen")
        defer { site.remove() }
        #expect(await site.build().wroteSite)
        // Only the rule names the service (applies_to): the service still lists the rule.
        #expect(try site.page("facilities/services/room-booking").contains("/shared/facilities/rules/bookings-end-on-time/"))
        // Only the service names the rule (rules): the rule still lists the service.
        #expect(try site.page("facilities/rules/bookings-end-on-time").contains("/shared/facilities/services/repairs/"))
        #expect(try site.page("facilities/rules/bookings-end-on-time").contains("/shared/security/services/access-badges/"))
        // supersedes ↔ superseded by
        #expect(try site.page("security/rules/badge-return").contains("<dt>Replaces</dt><dd><a href=\"/shared/security/rules/old-badge-rule/\">"))
        #expect(try site.page("security/rules/old-badge-rule").contains("<dt>Replaced by</dt><dd><a href=\"/shared/security/rules/badge-return/\">"))
    }

    @Test func draftsLeaveNoTrace() async throws {
        let site = try FixtureSite(copying: "unseen")
        defer { site.remove() }
        #expect(await site.build().wroteSite)
        for (path, data) in try site.snapshot() {
            let text = String(decoding: data, as: UTF8.self)
            #expect(!text.contains("pigeons"), "\(path) mentions the draft")
            #expect(!text.contains("secret-draft"), "\(path) links the draft")
        }
        #expect(!FileManager.default.fileExists(atPath: site.output.appendingPathComponent("security/rules/secret-draft").path))
    }

    @Test func referencingADraftIsAnError() async throws {
        let site = try FixtureSite(copying: "unseen", files: [
            "security/services/access-badges.md": "---\ntitle: Access badges\nsummary: s\nturnaround: 1 week\nrules: [secret-draft]\n---\n",
        ])
        defer { site.remove() }
        let report = await site.build()
        #expect(!report.wroteSite)
        #expect(report.diagnostics.map(\.description).contains(
            "content/security/services/access-badges.md:5:9: error: rule 'security/secret-draft' is a draft and is not published; remove the reference or publish the rule"))
    }

    @Test func rebuildingGivesByteIdenticalOutput() async throws {
        let site = try FixtureSite(copying: "unseen")
        defer { site.remove() }
        #expect(await site.build().wroteSite)
        let first = try site.snapshot()
        #expect(await site.build().wroteSite)
        #expect(try site.snapshot() == first)
    }

    @Test func theBuiltInThemeCanBeOverriddenTemplateByTemplate() async throws {
        let site = try FixtureSite(copying: "unseen")
        defer { site.remove() }
        let templates = site.root.appendingPathComponent("templates")
        try FileManager.default.createDirectory(at: templates, withIntermediateDirectories: true)
        try "{{<layout}}{{$content}}<h1>Custom lost page</h1>{{/content}}{{/layout}}"
            .write(to: templates.appendingPathComponent("404.mustache"), atomically: true, encoding: .utf8)
        let report = await site.build()
        #expect(report.wroteSite)
        let notFound = try String(contentsOf: site.output.appendingPathComponent("404.html"), encoding: .utf8)
        #expect(notFound.contains("<h1>Custom lost page</h1>"))
        #expect(notFound.contains("class=\"skip-link\""))  // the built-in layout still wraps it
        #expect(try site.page("").contains("Facilities"))
    }
}
