/// The shortest and longest time a sequence of steps takes. Steps in one unit
/// add up in that unit; mixed units are counted in business days (a business
/// day is 8 working hours, a week 5 business days, 7 calendar days 5 business days).
public struct DurationTotal: Sendable, Equatable {
    public var minimum: Int
    public var maximum: Int
    public var unit: BusinessDuration.Unit

    public init(_ durations: [BusinessDuration]) {
        let units = Set(durations.map(\.unit))
        if units.count == 1, let unit = units.first {
            self.unit = unit
            minimum = durations.reduce(0) { $0 + $1.minimum }
            maximum = durations.reduce(0) { $0 + $1.maximum }
        } else {
            unit = .businessDays
            minimum = durations.reduce(0) { $0 + Self.businessDays($1.minimum, $1.unit) }
            maximum = durations.reduce(0) { $0 + Self.businessDays($1.maximum, $1.unit) }
        }
    }

    static func businessDays(_ amount: Int, _ unit: BusinessDuration.Unit) -> Int {
        switch unit {
        case .businessDays: amount
        case .hours: BusinessCalendar.wholeBusinessDays(amount, .hours)
        case .calendarDays: (amount * 5 + 6) / 7
        case .weeks: amount * 5
        }
    }

    /// "8–14 business days", "3 weeks", "same day".
    public var text: String {
        if maximum == 0 { return "same day" }
        let amount = minimum == maximum ? "\(minimum)" : "\(minimum)–\(maximum)"
        let singular = maximum == 1
        let name: String = switch unit {
        case .hours: singular ? "hour" : "hours"
        case .businessDays: singular ? "business day" : "business days"
        case .calendarDays: singular ? "calendar day" : "calendar days"
        case .weeks: singular ? "week" : "weeks"
        }
        return "\(amount) \(name)"
    }
}
