import Foundation
import PropertyBased
import Testing
@testable import RemitCore

/// The search index's files after some pages change are made from the last
/// build's postings with only those pages' words replaced: they must be byte
/// for byte the files an index made from scratch has.
@Suite struct SearchPostingsTests {
    static let words = ["leave", "payroll", "invoice", "po", "purchase", "order", "sick", "pay", "audit", "risk", "a1", "zeta"]
    static let field = Gen.int(in: 0...(words.count - 1)).array(of: 0...5).map { $0.map { words[$0] } }
    static let page = zip(field, field, field, field, Gen.int(in: 0...3)).map { title, tags, summary, body, route in
        SearchIndex.Page(title: title.joined(separator: " "), route: "r\(route)/", kind: "Service", summary: summary.joined(separator: " "), fields: [title, tags, summary, body])
    }
    /// An edit: which page (modulo the count), and what it becomes.
    static let edit = zip(Gen.int(in: 0...20), page)

    static func bytes(_ files: SearchIndex.Files) -> [String: Data] {
        Dictionary(uniqueKeysWithValues: files.files.map { file in
            (file.path, file.contents.data ?? Data())
        })
    }

    @Test func filesMadeFromKeptPostingsAreFilesMadeFromScratch() async {
        await propertyCheck(count: 300, input: Self.page.array(of: 1...12), Self.edit.array(of: 0...5)) { pages, edits in
            // Routes unique, as in a site: the number keeps them apart.
            let numbered = pages.enumerated().map { number, page in
                var page = page
                page.route = "\(number)/" + page.route
                return page
            }
            let before = SearchIndex(pages: numbered).files(reusing: nil)
            var edited = numbered
            for (at, page) in edits {
                let number = at % edited.count
                // Mostly the same page with other words; now and then another page there.
                edited[number] = page.route == "r0/" ? page : SearchIndex.Page(
                    title: page.title, route: edited[number].route, kind: page.kind, summary: page.summary, fields: page.fields)
            }
            let kept = SearchIndex(pages: edited).files(reusing: before)
            let scratch = SearchIndex(pages: edited).files(reusing: nil)
            #expect(Self.bytes(kept) == Self.bytes(scratch))
            #expect(kept.postings == scratch.postings)
            #expect(kept.version == scratch.version)
            #expect((kept.version == before.version) == (Self.bytes(kept) == Self.bytes(before)))
        }
    }

    /// "Café" composed and decomposed are equal as Swift strings, and have the
    /// same words, but the index must hold the bytes the page has now.
    @Test func aTitleRespeltInAnotherNormalFormIsWrittenAsItIsNow() {
        func page(_ title: String) -> SearchIndex.Page {
            SearchIndex.Page(title: title, route: "a/", kind: "Page", summary: "", fields: [SearchText.words(title), [], [], []])
        }
        let composed = "Caf\u{E9} opening hours"
        let decomposed = "Cafe\u{301} opening hours"
        #expect(composed == decomposed)
        let before = SearchIndex(pages: [page(composed)]).files(reusing: nil)
        let now = SearchIndex(pages: [page(decomposed)])
        let after = now.files(reusing: before)
        #expect(Self.bytes(after) == Self.bytes(now.files(reusing: nil)))
        #expect(after.version != before.version)
    }

    @Test func aPageRetitledChangesItsWordsPostingsAlone() {
        let pages = [
            SearchIndex.Page(title: "Sick pay", route: "hr/a/", kind: "Service", summary: "", fields: [["sick", "pay"], [], [], []]),
            SearchIndex.Page(title: "Payroll", route: "hr/b/", kind: "Service", summary: "", fields: [["payroll"], [], [], ["pay"]]),
        ]
        let before = SearchIndex(pages: pages).files(reusing: nil)
        var retitled = pages
        retitled[0].title = "Leave pay"
        retitled[0].fields[0] = ["leave", "pay"]
        let after = SearchIndex(pages: retitled).files(reusing: before)
        #expect(after.postings.byWord["sick"] == nil)
        #expect(after.postings.byWord["leave"] == [0])
        // Page 0's title (field 0) then page 1's body (field 3): 0*4+0, 1*4+3.
        #expect(after.postings.byWord["pay"] == [0, 7])
        #expect(after.postings.encoded["pay"] == "0,7")
        #expect(after.postings.vocabulary == ["leave", "pay", "payroll"])
        #expect(after.version != before.version)
    }
}
