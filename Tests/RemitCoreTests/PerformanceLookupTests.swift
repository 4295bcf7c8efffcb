import Foundation
import Testing
@testable import RemitCore

/// The views of "How long it really takes" answer every property by name, as
/// `TemplateLookupTests` checks for the fixtures (which have no requests.csv).
@Suite struct PerformanceLookupTests {
    @Test func everyPerformanceViewPropertyAnswersByName() async throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("remit-lookup-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let content = root.appendingPathComponent("content")
        try FileManager.default.copyItem(at: TemplateLookupTests.fixtures.appendingPathComponent("unseen/content"), to: content)
        // Repairs: 12 requests, 2 of them over the promise of 3; room booking: too few; one open past the promise.
        var rows = ["service,received,completed"]
        rows += (1...10).map { "repairs,2026-11-\(String(format: "%02d", $0 + 10)),2026-11-\(String(format: "%02d", $0 + 11))" }
        rows += ["repairs,2026-10-01,2026-10-20", "repairs,2026-10-01,2026-10-21", "repairs,2026-11-02,", "room-booking,2026-11-02,2026-11-02"]
        try rows.joined(separator: "\n").write(to: content.appendingPathComponent("facilities/requests.csv"), atomically: true, encoding: .utf8)
        let options = BuildOptions(contentDirectory: content, outputDirectory: root.appendingPathComponent("public"), today: LocalDate(iso: "2026-11-29")!)
        let checked = await Pipeline.check(options)
        #expect(!checked.diagnostics.hasErrors)
        let catalogue = checked.catalogue
        let factory = ViewFactory(catalogue: catalogue, siteMap: checked.siteMap, bodies: checked.bodies, today: options.today)
        let repairs = try #require(catalogue.services[ItemKey(function: "facilities", id: "repairs")])
        let booking = try #require(catalogue.services[ItemKey(function: "facilities", id: "room-booking")])
        let views: [Any] = [
            factory.servicePage(repairs), factory.servicePage(booking), factory.functionPage(catalogue.function("facilities")!),
            factory.performancePage(),
        ]
        #expect(factory.servicePage(repairs).page.performance?.summary != nil)
        #expect(factory.servicePage(repairs).page.performance?.openPastPromise != nil)
        #expect(factory.servicePage(booking).page.performance?.notEnough != nil)
        let checkedCount = views.enumerated().reduce(0) { $0 + TemplateLookupTests.walk($1.element, path: "view \($1.offset)") }
        #expect(checkedCount > 100)
    }
}
