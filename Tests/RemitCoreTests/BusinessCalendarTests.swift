import Foundation
import RemitCore
import Testing

/// The shared table in `Tests/Calendar/calendar-cases.json`, run against the
/// Swift calendar here and against the theme's script in node.
@Suite struct BusinessCalendarTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Calendar")

    struct Table: Decodable {
        struct CalendarSpec: Decodable {
            var business_days: [String]
            var holidays: [String]
        }

        enum Expectation: Decodable {
            case date(String), pair([String]), flag(Bool)
            init(from decoder: Decoder) throws {
                let value = try decoder.singleValueContainer()
                if let flag = try? value.decode(Bool.self) { self = .flag(flag) }
                else if let date = try? value.decode(String.self) { self = .date(date) }
                else { self = .pair(try value.decode([String].self)) }
            }
        }

        struct Case: Decodable {
            var name: String
            var op: String
            var calendar: CalendarSpec?
            var from: String?
            var date: String?
            var need_by: String?
            var finish_by: String?
            var duration: [Spec]?
            var turnaround: [Spec]?
            var input_by: [Spec]?
            var steps: [[Spec]]?
            var expect: Expectation
        }

        /// One element of `[3, 5, "business days"]`.
        enum Spec: Decodable {
            case number(Int), unit(String)
            init(from decoder: Decoder) throws {
                let value = try decoder.singleValueContainer()
                if let number = try? value.decode(Int.self) { self = .number(number) } else { self = .unit(try value.decode(String.self)) }
            }
        }

        var calendar: CalendarSpec
        var cases: [Case]
    }

    static func load() throws -> Table {
        try JSONDecoder().decode(Table.self, from: Data(contentsOf: folder.appendingPathComponent("calendar-cases.json")))
    }

    static func duration(_ spec: [Table.Spec]?) -> BusinessDuration? {
        guard let spec, spec.count == 3, case .number(let min) = spec[0], case .number(let max) = spec[1],
            case .unit(let name) = spec[2], let unit = BusinessDuration.Unit(rawValue: name)
        else { return nil }
        return BusinessDuration(minimum: min, maximum: max, unit: unit, text: "")
    }

    static func date(_ text: String?) -> LocalDate { LocalDate(iso: text ?? "")! }

    @Test func tableHasEnoughCases() throws {
        #expect(try Self.load().cases.count >= 30)
    }

    @Test func swiftCalendarAgreesWithEveryCase() throws {
        let table = try Self.load()
        for testCase in table.cases {
            let spec = testCase.calendar ?? table.calendar
            let calendar = BusinessCalendar(
                businessDays: Set(spec.business_days.compactMap(Weekday.init(rawValue:))),
                holidays: Set(spec.holidays.map { Self.date($0) }))
            let actual: Table.Expectation
            switch testCase.op {
            case "delivery":
                let (earliest, latest) = calendar.delivery(Self.duration(testCase.duration)!, sentOn: Self.date(testCase.from))
                actual = .pair([earliest.description, latest.description])
            case "send_by":
                actual = .date(calendar.sendBy(
                    needBy: Self.date(testCase.need_by), turnaround: Self.duration(testCase.turnaround)!,
                    inputBy: Self.duration(testCase.input_by)).description)
            case "finish":
                let (earliest, latest) = calendar.finish((testCase.steps ?? []).compactMap(Self.duration), startingOn: Self.date(testCase.from))
                actual = .pair([earliest.description, latest.description])
            case "start_by":
                actual = .date(calendar.startBy((testCase.steps ?? []).compactMap(Self.duration), finishBy: Self.date(testCase.finish_by)).description)
            case "is_business_day":
                actual = .flag(calendar.isBusinessDay(Self.date(testCase.date)))
            default:
                Issue.record("unknown op \(testCase.op)")
                continue
            }
            #expect("\(actual)" == "\(testCase.expect)", "\(testCase.name)")
        }
    }

    /// The same table through the theme's script, in a real JavaScript engine.
    @Test func plannerScriptAgreesWithEveryCase() throws {
        let (status, text) = try NodeScript.run(Self.folder.appendingPathComponent("check-calendar.js"))
        #expect(status == 0, "\(text)")
        #expect(text.contains("agree"))
    }

    @Test func sendingBackThenForwardNeverMissesTheDate() {
        let calendar = BusinessCalendar(holidays: [LocalDate(iso: "2026-12-25")!, LocalDate(iso: "2026-12-28")!])
        let need = LocalDate(iso: "2026-12-01")!
        for offset in 0..<60 {
            let needBy = need.adding(days: offset)
            for unit in [BusinessDuration.Unit.businessDays, .calendarDays, .weeks, .hours] {
                let start = calendar.subtracting(3, unit, from: needBy)
                #expect(calendar.adding(3, unit, to: start) <= needBy, "\(needBy) \(unit)")
            }
        }
    }
}
