import Foundation
import RemitCore
import Testing

/// The search index a build writes, queried by the theme's own script in node.
@Suite struct SearchIndexTests {
    static let script = FixtureSite.fixtures.deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Search/check-search.js")

    static func node(_ arguments: [String]) throws -> (Int32, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["node", script.path] + arguments
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, text)
    }

    @Test func rankingPrefixesTyposAndSynonyms() async throws {
        let site = try FixtureSite(copying: "unseen")
        defer { site.remove() }
        _ = await site.build()
        let (status, output) = try Self.node([
            site.output.path,
            "room booking", "Room booking",       // title words
            "boo", "Room booking",                // a prefix
            "badgs", "Access badges",             // one letter missing
            "acess", "Access badges",             // one typo
            "FM", "FM",                           // a glossary term
        ])
        #expect(status == 0, "\(output)")
        // Drafts are not indexed.
        let (_, pigeons) = try Self.node([site.output.path, "pigeons", "(nothing)"])
        #expect(pigeons.hasPrefix("ok"), "\(pigeons)")
    }

    @Test func indexIsShardedAndHoldsNoMarkup() async throws {
        let site = try FixtureSite(copying: "unseen", files: [
            "facilities/services/repairs.md": "---\ntitle: 'Repairs </script><b>'\nsummary: Fix things.\nturnaround: 2 days\n---\nBody.\n",
        ])
        defer { site.remove() }
        let report = await site.build()
        #expect(report.searchIndexBytes > 0)
        let folder = site.output.appendingPathComponent("search")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(names == ["index.html", "index.js", "summaries-0.js", "terms-0.js"])
        for name in names where name.hasSuffix(".js") {
            let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            #expect(!text.contains("</script"), "\(name)")
        }
    }
}
