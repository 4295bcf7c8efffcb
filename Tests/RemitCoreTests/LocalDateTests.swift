import Foundation
import Testing
@testable import RemitCore

@Suite struct LocalDateTests {
    @Test(arguments: ["2026-02-30", "2026-13-01", "2026-00-10", "2025-02-29", "26-01-01", "2026-1-5", "2026-01-05T00:00", "tomorrow"])
    func rejectsInvalidDates(text: String) {
        #expect(LocalDate(iso: text) == nil)
    }

    @Test func acceptsLeapDays() throws {
        let date = try #require(LocalDate(iso: "2028-02-29"))
        #expect(date.description == "2028-02-29")
        #expect(date.longDescription == "29 February 2028")
    }

    @Test func arithmeticCrossesMonthsAndYears() {
        let date = LocalDate(iso: "2026-12-30")!
        #expect(date.adding(days: 3).description == "2027-01-02")
        #expect(LocalDate(dayNumber: date.dayNumber) == date)
        #expect(LocalDate(iso: "1970-01-01")!.dayNumber == 0)
        #expect(LocalDate(iso: "2026-11-29")!.weekday == .sun)
        #expect(LocalDate(iso: "2026-11-30")!.weekday == .mon)
    }

    @Test func isoWeeksFollowISO8601() {
        #expect(LocalDate(iso: "2027-01-01")!.isoWeek == (2026, 53))
        #expect(LocalDate(iso: "2026-01-01")!.isoWeek == (2026, 1))
        #expect(LocalDate(iso: "2024-12-30")!.isoWeek == (2025, 1))
    }

    @Test func todayComesFromTheOptionThenTheEnvironmentThenTheClock() throws {
        let now = Date(timeIntervalSince1970: 1_800_000_000)  // 2027-01-15
        #expect(try Today.resolve(option: "2026-05-01", environment: ["SOURCE_DATE_EPOCH": "0"], now: now).description == "2026-05-01")
        #expect(try Today.resolve(option: nil, environment: ["SOURCE_DATE_EPOCH": "86400"], now: now).description == "1970-01-02")
        #expect(try Today.resolve(option: nil, environment: [:], now: now).description == "2027-01-15")
        #expect(throws: Today.Invalid.self) { try Today.resolve(option: "2026-02-30", environment: [:], now: now) }
    }
}
