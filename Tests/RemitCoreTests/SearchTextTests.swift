import Foundation
import PropertyBased
import Testing
@testable import RemitCore

/// The index and the search script must split text into the same words, or a
/// query typed in the browser cannot match what the build indexed.
@Suite struct SearchTextTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Search")

    struct Table: Decodable {
        struct Case: Decodable {
            var text: String
            var words: [String]
        }
        var cases: [Case]
    }

    @Test func swiftSplitsEveryCaseAsTheTableSays() throws {
        let table = try JSONDecoder().decode(Table.self, from: Data(contentsOf: Self.folder.appendingPathComponent("word-cases.json")))
        #expect(table.cases.count >= 10)
        for testCase in table.cases {
            // Compared scalar by scalar: String equality would accept other normal forms.
            let actual = SearchText.words(testCase.text).map { Array($0.unicodeScalars) }
            #expect(actual == testCase.words.map { Array($0.unicodeScalars) }, "\(testCase.text)")
        }
    }

    /// ASCII text is split on its bytes, for speed: into the same words as the scalar path.
    @Test func asciiTextSplitsAsTheScalarPathSplitsIt() async {
        await propertyCheck(count: 500, input: Gen.ascii.string(of: 0...80)) { text in
            #expect(SearchText.asciiWords(text) == SearchText.scalarWords(text), "\(text.debugDescription)")
        }
    }

    /// Text with non-ASCII is decomposed a stretch at a time: into the words
    /// decomposing it whole gives, marks reordered across stretches included.
    @Test func stretchesSplitAsTheWholeTextSplits() async {
        let pieces = ["a", "Z", "9", " ", "-", ".", "é", "e\u{301}", "\u{301}", "\u{323}\u{301}", "\u{5B4}", "ς", "Σ", "ﬁ", "Å", "한", "\u{2013}", "\u{A0}", "ǅ", "x\u{20DD}"]
        await propertyCheck(count: 500, input: Gen.int(in: 0...(pieces.count - 1)).array(of: 0...30)) { choices in
            let text = choices.map { pieces[$0] }.joined()
            let whole = SearchText.scalarWords(text.decomposedStringWithCanonicalMapping).map { Array($0.unicodeScalars) }
            #expect(SearchText.stretchWords(text).map { Array($0.unicodeScalars) } == whole, "\(text.debugDescription)")
        }
    }

    /// The index's JSON, written by hand, is what `JSONEncoder` writes.
    @Test func handWrittenJSONIsJSONEncoders() async throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let pieces = ["a", "\"", "\\", "/", "\n", "\r", "\t", "\u{8}", "\u{C}", "\u{0}", "\u{1F}", "\u{7F}", "é", "\u{2028}", "😀", "<", "&"]
        let text = Gen.int(in: 0...(pieces.count - 1)).array(of: 0...12).map { $0.map { pieces[$0] }.joined() }
        await propertyCheck(count: 300, input: text.array(of: 0...5)) { strings in
            #expect(SearchIndex.json(strings) == SearchIndex.scriptSafe(Array(try! encoder.encode(strings))))
            let core = SearchIndex.Core(pages: [strings, strings.reversed()], words: strings, starts: [0, strings.count], chunk: 500, version: strings.first ?? "")
            #expect(SearchIndex.json(core) == SearchIndex.scriptSafe(Array(try! encoder.encode(core))))
            let rows = [strings, [], strings.reversed()]
            #expect(SearchIndex.json(rows) == SearchIndex.scriptSafe(Array(try! encoder.encode(rows))))
        }
    }

    @Test func theScriptSplitsEveryCaseTheSameWay() throws {
        let (status, text) = try NodeScript.run(Self.folder.appendingPathComponent("check-words.js"))
        #expect(status == 0, "\(text)")
    }
}
