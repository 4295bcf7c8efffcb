import Foundation
import Testing
@testable import RemitCore

/// catalogue.json is assembled from each entry's JSON, reused between
/// builds in `remit serve`: the bytes are JSONEncoder's for the whole
/// document, whichever entries came from the memo.
@Suite struct CatalogueJSONTests {
    static func factory(_ fixture: String, edit: ((inout Catalogue) -> Void)? = nil) async -> ViewFactory {
        let options = BuildOptions(
            contentDirectory: TemplateLookupTests.fixtures.appendingPathComponent("\(fixture)/content"),
            outputDirectory: FileManager.default.temporaryDirectory.appendingPathComponent("unused"),
            today: LocalDate(iso: "2026-11-29")!)
        let checked = await Pipeline.check(options)
        var catalogue = checked.catalogue
        edit?(&catalogue)
        return ViewFactory(catalogue: catalogue, siteMap: checked.siteMap, bodies: checked.bodies, today: options.today)
    }

    static func whole(_ factory: ViewFactory) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(CatalogueJSON.document(factory)), as: UTF8.self) + "\n"
    }

    @Test(arguments: ["calendar", "handbook", "unseen", "diff"])
    func theAssembledDocumentIsJSONEncodersBytes(fixture: String) async throws {
        let factory = await Self.factory(fixture)
        #expect(CatalogueJSON.render(factory) == (try Self.whole(factory)))
    }

    /// No functions, services, rules or journeys: the empty arrays as JSONEncoder writes them.
    @Test func anEmptyCatalogue() async throws {
        let factory = await Self.factory("calendar") { catalogue in
            catalogue.functions = []
            catalogue.services = [:]
            catalogue.rules = [:]
            catalogue.journeys = []
        }
        #expect(CatalogueJSON.render(factory) == (try Self.whole(factory)))
    }

    @Test func anEntryFromTheMemoIsReusedOnlyWhileItIsTheSame() async throws {
        let memo = CatalogueJSON.Memo()
        let before = await Self.factory("calendar")
        #expect(CatalogueJSON.render(before, memo: memo) == (try Self.whole(before)))
        let after = await Self.factory("calendar") { catalogue in
            let key = catalogue.services.keys.sorted()[0]
            catalogue.services[key]!.title = "Retitled, with \"quotes\" / and a slash"
        }
        let rendered = CatalogueJSON.render(after, memo: memo)
        #expect(rendered == (try Self.whole(after)))
        #expect(rendered.contains("Retitled, with \\\"quotes\\\" / and a slash"))
        #expect(memo.fragments.withLock { $0.services.json.count } == after.catalogue.services.count)
    }
}
