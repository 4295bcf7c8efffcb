import Foundation
import Testing
@testable import RemitCore

/// Every input with which a fuzzer (`make fuzz`, scripts/fuzz.sh) found a
/// crash, a timeout or a broken property is kept in
/// `Tests/Fuzz/regressions/<target>/` and replayed here through the entry point
/// its harness calls: each must finish within 2 s (the fuzzers' `-timeout`)
/// and break none of the properties `FuzzEntryPoints` checks.
@Suite struct FuzzRegressionTests {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let regressions = root.appendingPathComponent("Tests/Fuzz/regressions")
    static let entry = FuzzEntryPoints(content: root.appendingPathComponent("content"))

    /// The targets whose entry points RemitCore holds (site-files is
    /// RemitServer's: its findings become arguments of SiteFilesTests'
    /// `refusesEveryWayOut`, see Tests/Fuzz/README.md).
    static let targets: [String: @Sendable ([UInt8]) -> [String]] = [
        "front-matter": { entry.frontMatter($0) },
        "markdown": { entry.markdown($0) },
        "durations": { FuzzEntryPoints.durations($0) },
        "url-policy": { FuzzEntryPoints.urlPolicy($0) },
    ]

    /// The fuzzers' 2 s, times `REMIT_TEST_TIME_SCALE` (10 under `make sanitize`,
    /// where instrumented code runs several times slower).
    static let timeLimit = Duration.seconds(2) * (ProcessInfo.processInfo.environment["REMIT_TEST_TIME_SCALE"].flatMap(Int.init) ?? 1)

    static func inputs(_ target: String) -> [URL] {
        let folder = regressions.appendingPathComponent(target)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { !$0.hasPrefix(".") }.sorted().map { folder.appendingPathComponent($0) }
    }

    @Test(arguments: ["front-matter", "markdown", "durations", "url-policy"])
    func everySavedInputFinishesInTimeAndBreaksNothing(target: String) throws {
        let run = try #require(Self.targets[target])
        for file in Self.inputs(target) {
            let input = [UInt8](try Data(contentsOf: file))
            let start = ContinuousClock.now
            let broken = run(input)
            let elapsed = ContinuousClock.now - start
            #expect(broken.isEmpty, "\(target)/\(file.lastPathComponent): \(broken)")
            #expect(elapsed < Self.timeLimit, "\(target)/\(file.lastPathComponent) took \(elapsed)")
        }
    }

    @Test func everyRegressionFolderIsATarget() throws {
        let folders = try FileManager.default.contentsOfDirectory(atPath: Self.regressions.path).filter { !$0.hasPrefix(".") }
        for folder in folders {
            #expect(Self.targets[folder] != nil || folder == "site-files", "Tests/Fuzz/regressions/\(folder) is not a fuzz target")
        }
    }

    /// Ordinary inputs break nothing (or every fuzz run would fail at once).
    @Test func sampleInputsBreakNothing() {
        #expect(FuzzEntryPoints.durations(Array("3-5 business days\n10 business days before the start date\n2026-12-24\nmon,tue,wed,thu,fri\n2026-12-25".utf8)) == [])
        #expect(FuzzEntryPoints.urlPolicy(Array("https://intranet.example.org/a b".utf8)) == [])
        #expect(Self.entry.markdown(Array("# Title\n\n[ok](../rules/vacancy-control.md) <script>x</script>\n".utf8)) == [])
        #expect(Self.entry.frontMatter([0] + Array("---\ntitle: [unclosed\n---\n".utf8)) == [])
    }

    /// The markdown and url-policy properties read URLs as a browser does, or
    /// they would pass what a browser runs.
    @Test func propertiesReadURLsAsABrowserDoes() {
        #expect(FuzzEntryPoints.browserScheme(" \u{1}Java\tScript:alert(1)") == "javascript")
        #expect(FuzzEntryPoints.browserScheme("/path:with-colon") == nil)
        #expect(FuzzEntryPoints.browserScheme("1http://x") == nil)
        #expect(FuzzEntryPoints.attributeValues(#"<a href="java&#x09;script&amp;:x">a</a><img src="data&#58;x" />"#, names: ["href", "src"])
            == ["java\tscript&:x", "data:x"])
    }
}
