import Foundation
import RemitCore
import Testing

/// What readers see from `requests.csv`: the figures on the service page, the
/// function page, `/performance/` and in catalogue.json; and nothing of any
/// single request anywhere in the site.
@Suite struct PerformancePagesTests {
    /// Repairs (promise 1-3 business days): twelve requests completed in the 90
    /// days to Sunday 29 November 2026, taking 1 1 2 2 2 3 3 3 4 5 6 9 business
    /// days (the same rows as `PerformanceCheckTests.repairs`), one completed
    /// before the window, one open for 9 business days and one for 1. Room
    /// booking (same day): 3 requests, too few to show.
    static let requests = """
        Ticket,Service,Requester,Received,Completed,Paused,Notes
        FAC-48213,repairs,Jane Smith-Harrow,2026-11-02,2026-11-03,,"Leak in the ""east"" stairwell, level 3
        second line of the note"
        FAC-48214,repairs,Oluwaseun Adeyemi-Clarke,2026-11-07,2026-11-10,,Weekend report
        FAC-48215,repairs,Marguerite Okonkwo,2026-11-09,2026-11-11,,
        FAC-48216,repairs,Tobias Lindqvist,2026-11-12,2026-11-16,,
        FAC-48217,repairs,Priya Raghunathan,2026-11-16,2026-11-20,2,Waited for access
        FAC-48218,repairs,Dmitri Vasquez-Holt,2026-11-17,2026-11-20,,
        FAC-48219,repairs,Aisling Ní Bhriain,2026-11-18T16:45:00Z,2026-11-23T09:10:00Z,,
        FAC-48220,repairs,Kwame Mensah-Boateng,2026-10-30,2026-11-04,,
        FAC-48221,repairs,Henrietta Vandersloot,2026-10-26,2026-10-30,,
        FAC-48222,repairs,Bartholomew Quayle,2026-10-19,2026-10-26,,
        FAC-48223,repairs,Saoirse Fitzgerald-Ng,2026-10-05,2026-10-13,,
        FAC-48224,repairs,Ignatius Oyelaran,2026-09-03,2026-09-16,,
        FAC-48225,repairs,Wilhelmina Achterberg,2026-08-03,2026-08-31,,Before the window
        FAC-48226,repairs,Caspian Thistlewood,2026-11-16,,,Still open
        FAC-48227,repairs,Rosalind Featherstonehaugh,2026-11-26,,,Still open
        FAC-48228,room-booking,Evangeline Marchetti,2026-11-02,2026-11-02,,
        FAC-48229,room-booking,Leopold Abernathy-Singh,2026-11-03,2026-11-03,,
        FAC-48230,room-booking,Genevieve Tshabalala,2026-11-04,2026-11-04,,

        """

    static let sensitive = requests.split(separator: "\n").dropFirst().flatMap { line -> [String] in
        let fields = line.split(separator: ",", omittingEmptySubsequences: false)
        return fields.count > 2 ? [String(fields[0]), String(fields[2])] : []
    }

    @Test func figuresOnTheServiceFunctionAndPerformancePagesAndInCatalogueJSON() async throws {
        let site = try FixtureSite(copying: "unseen", files: ["facilities/requests.csv": Self.requests])
        defer { site.remove() }
        let report = await site.build()
        #expect(report.wroteSite)

        let repairs = try site.page("facilities/services/repairs")
        #expect(repairs.contains("<h2 id=\"performance-heading\">How long it really takes</h2>"))
        #expect(repairs.contains("In the 90 days to 29 November 2026 we completed 12 requests: half within 3 business days, 9 in 10 within 6. 66% met the 3 business days we aim for."))
        #expect(repairs.contains("If you have not heard within 6 business days, <a href=\"/shared/facilities/#contact-heading\">contact us</a>."))
        #expect(repairs.contains("1 open request has already taken longer than we aim for."))
        #expect(repairs.contains("data-measured=\"6 90\""))
        let booking = try site.page("facilities/services/room-booking")
        #expect(booking.contains("There were not enough completed requests in the 90 days to 29 November 2026 to show how long this service really takes (we show figures from 10 requests)."))
        #expect(!booking.contains("data-measured"))
        // A function without requests.csv shows no section.
        #expect(try !site.page("security/services/access-badges").contains("performance-heading"))

        let function = try site.page("facilities")
        #expect(function.contains("Completed requests in the 90 days to 29 November 2026; times in business days."))
        #expect(function.contains("<th scope=\"row\"><a href=\"/shared/facilities/services/repairs/\">Repairs</a></th><td>3 business days</td><td>3</td><td>6 <span class=\"badge badge--missed\">longer than we aim for</span></td><td>66%</td><td>12</td></tr>"))
        #expect(function.contains("<th scope=\"row\"><a href=\"/shared/facilities/services/room-booking/\">Room booking</a></th><td>same day</td><td>—</td><td>—</td><td>—</td><td>fewer than 10</td></tr>"))

        let performance = try site.page("performance")
        #expect(performance.contains("requests completed in the 90 days from 1 September 2026 to 29 November 2026"))
        #expect(performance.contains("<td>Facilities</td><td>3 business days</td><td>3</td><td>6 <span class=\"badge badge--missed\">longer than we aim for</span></td><td>66%</td><td>12</td><td>1</td></tr>"))
        #expect(performance.contains("<li><a href=\"/shared/facilities/services/room-booking/\">Room booking</a></li>"))
        #expect(try site.page("").contains("href=\"/shared/performance/\""))
        #expect(repairs.contains("<li><a href=\"/shared/performance/\">How long services really take</a></li>"))

        let json = try JSONDecoder().decode(Catalogue.self, from: Data(contentsOf: site.output.appendingPathComponent("catalogue.json")))
        func figures(_ id: String) -> Performance? { json.services.first { $0.id == id }?.performance }
        let window = Performance.Window(days: 90, from: "2026-09-01", to: "2026-11-29")
        #expect(figures("repairs") == Performance(
            window: window, n: 12, median: 3, p90: 6, kept_percent: 66, promise: 3, open_past_promise: 1, min_requests: 10))
        #expect(figures("room-booking") == Performance(
            window: window, n: nil, median: nil, p90: nil, kept_percent: nil, promise: 0, open_past_promise: 0, min_requests: 10))
        #expect(figures("access-badges") == nil)
    }

    @Test func noRequestAppearsAnywhereInTheSiteAndNoCSVIsCopied() async throws {
        let site = try FixtureSite(copying: "unseen", files: ["facilities/requests.csv": Self.requests])
        defer { site.remove() }
        #expect(await site.build(baseURL: "https://intranet.northwind.example/shared/").wroteSite)
        let files = try site.snapshot()
        #expect(files.count > 20)
        #expect(!files.keys.contains { $0.lowercased().hasSuffix(".csv") })
        #expect(Self.sensitive.count == 36)
        for (path, data) in files {
            let text = String(decoding: data, as: UTF8.self)
            for value in Self.sensitive + ["stairwell", "Weekend report", "Waited for access"] {
                #expect(!text.contains(value), "\(value) appears in \(path)")
            }
        }
        // A link to the file is a broken link, like one to any file that is not published.
        try site.write(["facilities/services/repairs.md": "---\ntitle: Repairs\nsummary: s\nturnaround: 1-3 business days\n---\nSee [the log](../requests.csv).\n"])
        let report = await site.build()
        #expect(report.diagnostics.contains { $0.location.path.hasSuffix("repairs.md") && $0.message.contains("requests.csv") && $0.severity == .error })
    }

    /// catalogue.json's `performance`, as a consumer reads it.
    struct Performance: Decodable, Equatable {
        struct Window: Decodable, Equatable {
            var days: Int
            var from: String
            var to: String
        }

        var window: Window
        var n, median, p90, kept_percent: Int?
        var promise, open_past_promise, min_requests: Int
    }

    struct Catalogue: Decodable {
        struct Service: Decodable {
            var id: String
            var performance: Performance?
        }

        var services: [Service]
    }
}
