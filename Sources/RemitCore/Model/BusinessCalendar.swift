/// The organisation's working calendar: which weekdays are worked and which
/// dates are holidays. Every date Remit computes for readers goes through it,
/// and the theme's planner script (`assets/remit-planner.js`) follows the same
/// rules; both are tested against one table of cases (`Tests/calendar-cases.json`).
///
/// The rules, chosen so that a reader is never promised too much:
/// - a request sent on a day off counts from the next business day;
/// - `N business days` after a business day is the Nth business day after it;
///   `same day` is that day;
/// - `N hours` count as whole business days of 8 working hours, rounded up;
/// - calendar days and weeks are counted on the calendar, and a result that
///   falls on a day off moves to the next business day;
/// - counting back from a date, the date first moves to the business day on
///   or before it, so that counting forward again never overshoots it.
public struct BusinessCalendar: Sendable, Hashable {
    public var businessDays: Set<Weekday>
    public var holidays: Set<LocalDate>

    public init(businessDays: Set<Weekday> = [.mon, .tue, .wed, .thu, .fri], holidays: Set<LocalDate> = []) {
        // An empty week would make every search below endless.
        self.businessDays = businessDays.isEmpty ? [.mon, .tue, .wed, .thu, .fri] : businessDays
        self.holidays = holidays
    }

    /// The working weekdays, Monday first.
    public var workingWeekdays: [Weekday] { Weekday.allCases.filter(businessDays.contains) }

    public func isBusinessDay(_ date: LocalDate) -> Bool {
        businessDays.contains(date.weekday) && !holidays.contains(date)
    }

    /// The first business day on or after `date`.
    public func businessDay(onOrAfter date: LocalDate) -> LocalDate {
        var day = date
        while !isBusinessDay(day) { day = day.adding(days: 1) }
        return day
    }

    /// The last business day on or before `date`.
    public func businessDay(onOrBefore date: LocalDate) -> LocalDate {
        var day = date
        while !isBusinessDay(day) { day = day.adding(days: -1) }
        return day
    }

    /// How many business days d there are with `start` < d ≤ `end` (0 when
    /// `end` is not after `start`). Whole weeks are counted at once, so a
    /// request open for years costs no more than one open for a day.
    public func businessDays(after start: LocalDate, through end: LocalDate) -> Int {
        let first = start.dayNumber + 1
        let last = end.dayNumber
        guard last >= first else { return 0 }
        let weeks = (last - first + 1) / 7
        var count = weeks * businessDays.count
        var day = first + weeks * 7
        while day <= last {
            if businessDays.contains(LocalDate(dayNumber: day).weekday) { count += 1 }
            day += 1
        }
        for holiday in holidays where (first...last).contains(holiday.dayNumber) && businessDays.contains(holiday.weekday) {
            count -= 1
        }
        return count
    }

    /// The business day `amount` units after `start`.
    public func adding(_ amount: Int, _ unit: BusinessDuration.Unit, to start: LocalDate) -> LocalDate {
        switch unit {
        case .businessDays, .hours:
            var day = businessDay(onOrAfter: start)
            for _ in 0..<Self.wholeBusinessDays(amount, unit) {
                day = businessDay(onOrAfter: day.adding(days: 1))
            }
            return day
        case .calendarDays, .weeks:
            return businessDay(onOrAfter: start.adding(days: Self.calendarDays(amount, unit)))
        }
    }

    /// The latest business day from which `amount` units still end by `end`.
    public func subtracting(_ amount: Int, _ unit: BusinessDuration.Unit, from end: LocalDate) -> LocalDate {
        switch unit {
        case .businessDays, .hours:
            var day = businessDay(onOrBefore: end)
            for _ in 0..<Self.wholeBusinessDays(amount, unit) {
                day = businessDay(onOrBefore: day.adding(days: -1))
            }
            return day
        case .calendarDays, .weeks:
            return businessDay(onOrBefore: businessDay(onOrBefore: end).adding(days: -Self.calendarDays(amount, unit)))
        }
    }

    /// Sent on `start`: the earliest and latest day to expect the result.
    public func delivery(_ duration: BusinessDuration, sentOn start: LocalDate) -> (earliest: LocalDate, latest: LocalDate) {
        (adding(duration.minimum, duration.unit, to: start), adding(duration.maximum, duration.unit, to: start))
    }

    /// The last day to send a request that must be done by `needBy`: the
    /// longest turnaround, then the team's `input_by` notice, counted back.
    public func sendBy(needBy: LocalDate, turnaround: BusinessDuration, inputBy: BusinessDuration?) -> LocalDate {
        let afterTurnaround = subtracting(turnaround.maximum, turnaround.unit, from: needBy)
        guard let inputBy else { return afterTurnaround }
        return subtracting(inputBy.maximum, inputBy.unit, from: afterTurnaround)
    }

    /// Steps done one after another, starting on `start`: the earliest and latest finish.
    public func finish(_ steps: [BusinessDuration], startingOn start: LocalDate) -> (earliest: LocalDate, latest: LocalDate) {
        var earliest = start
        var latest = start
        for step in steps {
            earliest = adding(step.minimum, step.unit, to: earliest)
            latest = adding(step.maximum, step.unit, to: latest)
        }
        return (earliest, latest)
    }

    /// The last day to start steps done one after another so that all are done by `finishBy`.
    public func startBy(_ steps: [BusinessDuration], finishBy: LocalDate) -> LocalDate {
        steps.reversed().reduce(finishBy) { end, step in subtracting(step.maximum, step.unit, from: end) }
    }

    /// Hours count as business days of 8 working hours, rounded up.
    static func wholeBusinessDays(_ amount: Int, _ unit: BusinessDuration.Unit) -> Int {
        unit == .hours ? (amount + 7) / 8 : amount
    }

    static func calendarDays(_ amount: Int, _ unit: BusinessDuration.Unit) -> Int {
        unit == .weeks ? amount * 7 : amount
    }
}
