import Foundation

/// The one "today" a build judges dates against: `--today`, else
/// `SOURCE_DATE_EPOCH` (reproducible builds), else the clock, in UTC.
public enum Today {
    public struct Invalid: Error {
        public var message: String
    }

    public static func resolve(option: String?, environment: [String: String], now: Date) throws -> LocalDate {
        if let option {
            guard let date = LocalDate(iso: option) else { throw Invalid(message: "--today must be a date YYYY-MM-DD, found '\(option)'") }
            return date
        }
        if let epoch = environment["SOURCE_DATE_EPOCH"], !epoch.isEmpty {
            guard let seconds = Int(epoch), seconds >= 0 else {
                throw Invalid(message: "SOURCE_DATE_EPOCH must be whole seconds since 1970, found '\(epoch)'")
            }
            let date = LocalDate(dayNumber: seconds / 86_400)
            guard LocalDate(year: date.year, month: date.month, day: date.day) != nil else {
                throw Invalid(message: "SOURCE_DATE_EPOCH \(epoch) is not a date between 1970 and 9999")
            }
            return date
        }
        return LocalDate(dayNumber: Int((now.timeIntervalSince1970 / 86_400).rounded(.down)))
    }
}
