import Foundation
import RemitCore
import Testing

/// "Every test input of up to 1 MB finishes in under 2 s", measured alone:
/// `make test` runs this suite by itself, one test at a time, after the rest
/// (`--filter TimeBoundTests --no-parallel`), so the bound is not a race with
/// other suites for the two cores.
@Suite(.serialized) struct TimeBoundTests {
    static func inputs() -> [(String, String)] {
        CheckTests.hostileInputs().filter { $0.1.utf8.count <= 1_000_000 } + [("many headings", CheckTests.manyHeadings)]
    }

    @Test(arguments: inputs())
    func everyInputUpTo1MBIsCheckedInUnder2Seconds(name: String, text: String) async throws {
        let site = try FixtureSite(copying: "unseen", files: ["pages/hostile.md": text])
        defer { site.remove() }
        let options = BuildOptions(contentDirectory: site.content, outputDirectory: site.output, today: LocalDate(iso: "2026-11-29")!)
        let clock = ContinuousClock()
        let elapsed = await clock.measure { _ = await Pipeline.check(options) }
        #expect(elapsed < .seconds(2), "\(name) took \(elapsed)")
    }
}
