import Testing
@testable import RemitCore

@Suite struct BusinessDurationTests {
    @Test(arguments: [
        ("same day", 0, 0, BusinessDuration.Unit.businessDays),
        ("next business day", 1, 1, .businessDays),
        ("4 hours", 4, 4, .hours),
        ("1 hour", 1, 1, .hours),
        ("5 business days", 5, 5, .businessDays),
        ("1 business day", 1, 1, .businessDays),
        ("10 calendar days", 10, 10, .calendarDays),
        ("7 days", 7, 7, .calendarDays),
        ("2 weeks", 2, 2, .weeks),
        ("1 week", 1, 1, .weeks),
        ("3-5 business days", 3, 5, .businessDays),
        ("3 - 5 business days", 3, 5, .businessDays),
        ("2 to 4 weeks", 2, 4, .weeks),
        ("Same Day", 0, 0, .businessDays),
    ])
    func acceptsTheGrammar(text: String, minimum: Int, maximum: Int, unit: BusinessDuration.Unit) throws {
        let duration = try #require(BusinessDuration(parsing: text))
        #expect(duration.minimum == minimum)
        #expect(duration.maximum == maximum)
        #expect(duration.unit == unit)
        #expect(duration.text == text)
    }

    @Test(arguments: ["", "soon", "about a week", "5", "5 fortnights", "5-3 business days", "-2 days", "3 to business days", "1.5 days", "same week"])
    func rejectsEverythingElse(text: String) {
        #expect(BusinessDuration(parsing: text) == nil)
    }

    @Test func inputByNeedsADurationAndAnEvent() throws {
        let input = try #require(InputBy(parsing: "10 business days before the start date"))
        #expect(input.duration.maximum == 10)
        #expect(input.event == "the start date")
        #expect(InputBy(parsing: "10 business days") == nil)
        #expect(InputBy(parsing: "ages before the start date") == nil)
        #expect(InputBy(parsing: "2 weeks before ") == nil)
    }

    @Test func journeyTotalsAddInOneUnitOrInBusinessDays() {
        let same = DurationTotal([BusinessDuration(parsing: "3-5 business days")!, BusinessDuration(parsing: "2 business days")!])
        #expect(same.text == "5–7 business days")
        let mixed = DurationTotal([BusinessDuration(parsing: "1 week")!, BusinessDuration(parsing: "4 hours")!, BusinessDuration(parsing: "1-2 weeks")!])
        #expect(mixed.text == "11–16 business days")
        #expect(DurationTotal([BusinessDuration(parsing: "same day")!]).text == "same day")
    }
}
