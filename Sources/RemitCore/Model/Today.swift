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
            guard let seconds = Int(epoch) else { throw Invalid(message: "SOURCE_DATE_EPOCH must be whole seconds, found '\(epoch)'") }
            return LocalDate(dayNumber: Int((Double(seconds) / 86_400).rounded(.down)))
        }
        return LocalDate(dayNumber: Int((now.timeIntervalSince1970 / 86_400).rounded(.down)))
    }
}
