import Foundation
import Testing

/// "Changed since your last visit" is decided in the reader's browser, by the
/// theme's `remit-visits.js`: its rules, case by case, in node.
@Suite struct VisitRulesTests {
    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Visits/check-visits.js")

    @Test func theScriptFollowsTheCases() throws {
        let (status, output) = try NodeScript.run(Self.script)
        #expect(status == 0, "\(output)")
        #expect(output.contains("15 of 15 visit cases pass"))
    }
}
