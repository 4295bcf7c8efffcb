import Foundation
import RemitCore
import Testing

/// What editors see from `requests.csv`: problems at `requests.csv:line:column`
/// and a promise the requests do not keep at the service's `turnaround`.
@Suite struct PerformanceCheckTests {
    func check(_ site: FixtureSite, strict: Bool = false, today: String = "2026-11-29") async -> [String] {
        let options = BuildOptions(contentDirectory: site.content, outputDirectory: site.output, strict: strict, today: LocalDate(iso: today)!)
        return await Pipeline.check(options).diagnostics.map(\.description)
    }

    /// Repairs promises 1-3 business days; these twelve took 1 1 2 2 2 3 3 3 4 5 6 9.
    static let repairs = """
        service,received,completed,paused
        repairs,2026-11-02,2026-11-03,
        repairs,2026-11-07,2026-11-10,
        repairs,2026-11-09,2026-11-11,
        repairs,2026-11-12,2026-11-16,
        repairs,2026-11-16,2026-11-20,2
        repairs,2026-11-17,2026-11-20,
        repairs,2026-11-18,2026-11-23,
        repairs,2026-10-30,2026-11-04,
        repairs,2026-10-26,2026-10-30,
        repairs,2026-10-19,2026-10-26,
        repairs,2026-10-05,2026-10-13,
        repairs,2026-09-03,2026-09-16,

        """

    @Test func aBrokenPromiseIsAWarningAtTheTurnaroundAndAnErrorWhenStrict() async throws {
        let site = try FixtureSite(copying: "unseen", files: ["facilities/requests.csv": Self.repairs])
        defer { site.remove() }
        let warning = "content/facilities/services/repairs.md:4:13: warning: 'turnaround' promises 3 business days, but 9 in 10 of the last 12 requests took up to 6: change the promise or the service"
        #expect(await check(site) == [warning])
        #expect(await check(site, strict: true) == [warning])
        var report = await site.build()
        #expect(report.wroteSite && report.diagnostics.map(\.description) == [warning])
        report = await Pipeline.build(BuildOptions(
            contentDirectory: site.content, outputDirectory: site.output.appendingPathComponent("strict"), strict: true,
            today: LocalDate(iso: "2026-11-29")!))
        #expect(!report.wroteSite)
        // Ten weeks on, 4 of them are in the window: no figure, so no warning.
        #expect(await check(site, today: "2027-02-10") == [])
    }

    @Test func rowsNamingNoServiceOfTheFunctionAndAFileOutsideAFunction() async throws {
        let site = try FixtureSite(copying: "unseen", files: [
            "facilities/requests.csv": "Service,Received,Completed\nrepair,2026-11-02,2026-11-03\nRoom booking,2026-11-02,2026-11-02\nboilers,2026-11-02,\n",
            "security/requests.csv": "service,received,completed\naccess-badges,2026-11-02,2026-11-03\n",
            "journeys/requests.csv": "service,received,completed\n",
        ])
        defer { site.remove() }
        #expect(await check(site) == [
            "content/facilities/requests.csv:2:1: error: unknown service 'repair' in facilities; did you mean 'repairs'?",
            "content/facilities/requests.csv:3:1: error: unknown service 'Room booking' in facilities; did you mean 'room-booking'?",
            "content/facilities/requests.csv:4:1: error: unknown service 'boilers' in facilities; its services are repairs, room-booking",
            "content/journeys/requests.csv:1:1: error: requests.csv belongs in a function's folder, beside its index.md, and 'journeys' has no index.md",
        ])
    }

    @Test func catalogueSettingsForTheMeasure() async throws {
        let site = try FixtureSite(copying: "unseen", files: [
            "catalogue.yml": """
                title: T
                organisation: O
                request_columns: {service: Category, recieved: Opened}
                performance_window_days: 0
                performance_min_requests: 2
                """,
            "performance/index.md": "---\ntitle: P\nsummary: s\nprovides: [x]\n---\n",
        ])
        defer { site.remove() }
        #expect(await check(site) == [
            "content/catalogue.yml:3:38: error: unknown field 'recieved' in 'request_columns'; did you mean 'received'?",
            "content/catalogue.yml:4:26: error: 'performance_window_days' must be at least 1",
            "content/catalogue.yml:5:27: error: 'performance_min_requests' must be at least 5, so that no figure describes one or two requests",
            "content/performance/index.md:1:1: error: function id 'performance' is reserved for the site's own pages",
        ])
    }
}
