import Testing
@testable import RemitCore

/// The measure of "How long it really takes", each figure worked out by hand
/// on the calendar of December 2026: Tuesday 1 December is today; Friday 25
/// and Monday 28 December are holidays.
@Suite struct ServicePerformanceTests {
    static let calendar = BusinessCalendar(holidays: [LocalDate(iso: "2026-12-25")!, LocalDate(iso: "2026-12-28")!])
    static let today = LocalDate(iso: "2026-12-01")!

    static func day(_ text: String) -> LocalDate { LocalDate(iso: text)! }

    static func elapsed(_ received: String, _ completed: String, paused: Int = 0) -> Int {
        ServicePerformance.elapsed(received: day(received), end: day(completed), paused: paused, calendar: calendar)
    }

    static func request(_ received: String, _ completed: String?, paused: Int = 0) -> ServiceRequest {
        ServiceRequest(
            service: Located("s", at: SourceLocation(path: "x", line: 1, column: 1)),
            received: day(received), completed: completed.map(day), paused: paused)
    }

    @Test func elapsedBusinessDays() {
        // Same day: nothing after the start.
        #expect(Self.elapsed("2026-12-02", "2026-12-02") == 0)
        // Saturday to Monday: it starts on the Monday, so 0.
        #expect(Self.elapsed("2026-11-28", "2026-11-30") == 0)
        // Friday to Monday: the Monday.
        #expect(Self.elapsed("2026-11-27", "2026-11-30") == 1)
        // Wednesday to the next Wednesday: Thu, Fri, Mon, Tue, Wed.
        #expect(Self.elapsed("2026-12-02", "2026-12-09") == 5)
        // Christmas: Thursday 24 to Tuesday 29 skips Fri 25, the weekend and Mon 28.
        #expect(Self.elapsed("2026-12-24", "2026-12-29") == 1)
        // Received on a holiday (Fri 25): it starts on Tue 29; done on Wed 30 is 1.
        #expect(Self.elapsed("2026-12-25", "2026-12-30") == 1)
        // Received Sunday 27, done on the holiday Monday 28, before its start: 0.
        #expect(Self.elapsed("2026-12-27", "2026-12-28") == 0)
        // Paused 2 of the 5 days: 3; paused longer than it took: never below 0.
        #expect(Self.elapsed("2026-12-02", "2026-12-09", paused: 2) == 3)
        #expect(Self.elapsed("2026-12-02", "2026-12-09", paused: 9) == 0)
        // Years open: whole weeks counted at once, the same answer as day by day.
        let start = Self.day("2019-03-06"), end = Self.day("2026-12-01")
        var byDay = 0
        var day = start.adding(days: 1)
        while day <= end {
            if Self.calendar.isBusinessDay(day) { byDay += 1 }
            day = day.adding(days: 1)
        }
        #expect(Self.calendar.businessDays(after: start, through: end) == byDay)
    }

    @Test func promiseIsTheLongestTurnaroundInBusinessDays() {
        func promise(_ text: String) -> Int { ServicePerformance.promise(of: BusinessDuration(parsing: text)!) }
        #expect(promise("same day") == 0)
        #expect(promise("next business day") == 1)
        #expect(promise("3-5 business days") == 5)
        #expect(promise("2 to 3 weeks") == 15)
        #expect(promise("1 week") == 5)
        #expect(promise("8 hours") == 1)
        #expect(promise("2-4 hours") == 1)
        #expect(promise("24 hours") == 3)
        #expect(promise("7 calendar days") == 5)
        #expect(promise("10 calendar days") == 8)  // 50/7 = 7.14, rounded up
        #expect(promise("20-25 calendar days") == 18)  // 125/7 = 17.9
    }

    /// Ten requests completed with these elapsed times: 0 1 1 2 3 3 4 5 8 12.
    static let ten: [ServiceRequest] = [
        request("2026-11-30", "2026-11-30"),  // 0
        request("2026-11-27", "2026-11-30"),  // 1 (Fri → Mon)
        request("2026-11-28", "2026-12-01"),  // 1 (Sat, starts Mon 30)
        request("2026-11-25", "2026-11-27"),  // 2
        request("2026-11-20", "2026-11-25"),  // 3 (Fri → Wed)
        request("2026-11-23", "2026-12-01", paused: 3),  // 6 − 3 = 3
        request("2026-11-16", "2026-11-20"),  // 4
        request("2026-11-13", "2026-11-20"),  // 5
        request("2026-11-10", "2026-11-20"),  // 8
        request("2026-11-04", "2026-11-20"),  // 12
    ]

    @Test func medianNineInTenAndKept() {
        let window = PerformanceWindow(days: 90, endingOn: Self.today)
        let performance = ServicePerformance(Self.ten, promise: 5, window: window, minimum: 10, calendar: Self.calendar)
        #expect(performance.completed == 10)
        // Rank ⌈5⌉ = 5th value 3; rank ⌈9⌉ = 9th value 8; 8 of 10 within 5 business days.
        #expect(performance.figures == .init(median: 3, ninetyPercent: 8, keptPercent: 80))
        #expect(performance.chaseAfter == 8)
        #expect(performance.breaksPromise)
        // Kept to a promise of 8 or more: the 9-in-10 figure is within it, and the chase line says the promise.
        let generous = ServicePerformance(Self.ten, promise: 10, window: window, minimum: 10, calendar: Self.calendar)
        #expect(!generous.breaksPromise)
        #expect(generous.chaseAfter == 10)
        #expect(generous.figures?.keptPercent == 90)
    }

    @Test func ranksOfAnOddCountAndRoundingDown() {
        // Seven requests, 1 2 2 3 4 6 9: ranks ⌈3.5⌉ = 4 and ⌈6.3⌉ = 7; 4 of 7 within 3 = 57.1 → 57%.
        let seven = [
            Self.request("2026-11-26", "2026-11-27"), Self.request("2026-11-25", "2026-11-27"),
            Self.request("2026-11-24", "2026-11-26"), Self.request("2026-11-24", "2026-11-27"),
            Self.request("2026-11-23", "2026-11-27"), Self.request("2026-11-19", "2026-11-27"),
            Self.request("2026-11-16", "2026-11-27"),
        ]
        let performance = ServicePerformance(
            seven, promise: 3, window: PerformanceWindow(days: 90, endingOn: Self.today), minimum: 5, calendar: Self.calendar)
        #expect(performance.figures == .init(median: 3, ninetyPercent: 9, keptPercent: 57))
    }

    @Test func justUnderTheMinimumShowsNoFigures() {
        let window = PerformanceWindow(days: 90, endingOn: Self.today)
        let nine = ServicePerformance(Self.ten.dropLast(), promise: 5, window: window, minimum: 10, calendar: Self.calendar)
        #expect(nine.completed == 9)
        #expect(nine.figures == nil)
        #expect(nine.chaseAfter == nil)
        #expect(!nine.breaksPromise)
    }

    @Test func bothEdgesOfTheWindow() {
        // 90 days to Tuesday 1 December: from Thursday 3 September, both included.
        let window = PerformanceWindow(days: 90, endingOn: Self.today)
        #expect(window.from == Self.day("2026-09-03"))
        let requests = [
            Self.request("2026-09-01", "2026-09-02"),  // a day too early
            Self.request("2026-09-01", "2026-09-03"),  // the first day: counts
            Self.request("2026-11-30", "2026-12-01"),  // today: counts
            Self.request("2026-11-30", "2026-12-02"),  // after today: not yet
        ]
        let performance = ServicePerformance(requests, promise: 5, window: window, minimum: 10, calendar: Self.calendar)
        #expect(performance.completed == 2)
        let week = ServicePerformance(requests, promise: 5, window: PerformanceWindow(days: 1, endingOn: Self.today), minimum: 10, calendar: Self.calendar)
        #expect(week.completed == 1)
    }

    @Test func openRequestsPastThePromise() {
        let requests = [
            Self.request("2026-11-23", nil),  // Mon 23 → today: 6 business days > 5
            Self.request("2026-11-24", nil),  // 5: not past it yet
            Self.request("2026-11-23", nil, paused: 2),  // 6 − 2 = 4
            Self.request("2026-10-01", nil),  // long forgotten: past it
            Self.request("2026-12-01", nil),  // received today: not counted
        ]
        let performance = ServicePerformance(
            requests, promise: 5, window: PerformanceWindow(days: 90, endingOn: Self.today), minimum: 10, calendar: Self.calendar)
        #expect(performance.openPastPromise == 2)
        #expect(performance.completed == 0)
    }

    @Test func dateTimesCountByTheirDate() {
        #expect(LocalDate(dateOrDateTime: "2026-11-03") == Self.day("2026-11-03"))
        #expect(LocalDate(dateOrDateTime: "2026-11-03T14:05:00Z") == Self.day("2026-11-03"))
        #expect(LocalDate(dateOrDateTime: "2026-11-03T23:59:59.123+01:00") == Self.day("2026-11-03"))
        #expect(LocalDate(dateOrDateTime: "2026-11-03 09:15") == Self.day("2026-11-03"))
        #expect(LocalDate(dateOrDateTime: "2026-11-03T09:15-0500") == Self.day("2026-11-03"))
        for bad in ["03/11/2026", "2026-11-3", "2026-02-30", "2026-11-03T25:00", "2026-11-03 soon", "2026-11-03T09:15Zx", ""] {
            #expect(LocalDate(dateOrDateTime: bad) == nil, "\(bad)")
        }
    }
}
