import PropertyBased
import Testing
@testable import RemitCore

@Suite struct EditorialChecksTests {
    /// ASCII summaries are counted on their bytes: into as many words as
    /// splitting on `Character.isWhitespace` gives, CRLF and tabs included.
    @Test func asciiWordCountIsTheCharacterSplit() async {
        let pieces = ["word", "a", " ", "  ", "\t", "\n", "\r\n", "\u{B}", "\u{C}", "-", "x.y", "é", "\u{A0}"]
        await propertyCheck(count: 500, input: Gen.int(in: 0...(pieces.count - 1)).array(of: 0...20)) { choices in
            let text = choices.map { pieces[$0] }.joined()
            #expect(EditorialChecks.wordCount(text) == text.split(whereSeparator: { $0.isWhitespace }).count, "\(text.debugDescription)")
        }
    }
}
