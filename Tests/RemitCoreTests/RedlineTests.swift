import Foundation
import Testing
@testable import RemitCore

/// The word-level comparison behind "Previous versions".
@Suite struct RedlineTests {
    static func html(_ redline: Redline) -> String {
        redline.segments.map { segment in
            switch segment {
            case .kept(let text): text
            case .removed(let text): "[-\(text)-]"
            case .inserted(let text): "{+\(text)+}"
            }
        }.joined(separator: " ")
    }

    @Test func wordsTakenOutAndPutIn() {
        #expect(Self.html(Redline(old: "Allow 5 business days.", new: "Allow 10 business days, or more.")) == "Allow [-5-] {+10+} business [-days.-] {+days, or more.+}")
        #expect(Redline(old: "a  b\nc", new: "a b c").marksNothing)
    }

    @Test func onlyChangedParagraphsAreRedlined() {
        let old = "# Title\n\nFirst paragraph\nwrapped here.\n\nSecond one stays.\n\nThird goes.\n"
        let new = "# Title\n\nFirst paragraph wrapped\nhere.\n\nSecond one stays.\n\nThird has changed.\n\nA fourth.\n"
        let changed = Redline.paragraphChanges(old: old, new: new)
        #expect(changed.map { Self.html($0.redline) } == ["Third [-goes.-] {+has changed.+}", "{+A fourth.+}"])
        #expect(WordDiff(hunks: changed.flatMap(\.hunks)).summary == WordDiff(old: old, new: new).summary)
        #expect(Redline.paragraphChanges(old: old, new: old.replacingOccurrences(of: "First paragraph\n", with: "First paragraph ")).isEmpty)
    }

    @Test func theMiddlesHoldWholeParagraphs() {
        let (old, new) = Redline.middles("A.\n\nB b b.\nB.\n\nC.\n", "A.\n\nB b x.\nB.\n\nC.\n")
        #expect(old == "B b b.\nB.\n" && new == "B b x.\nB.\n")
        let (first, _) = Redline.middles("One two.\n", "One three.\n")
        #expect(first == "One two.\n")
    }

    @Test func wordsSplitAtUnicodeWhiteSpaceAsWordDiffDoes() {
        let text = "a\u{00A0}b\u{3000}c\td\r\ne  f"
        #expect(Redline.words(text) == WordDiff.words(text).map(\.text))
        // ASCII text takes the byte path: the same words.
        let ascii = " Allow\t5 business\u{0B}days,\u{0C}or\r\n\nmore. "
        #expect(Redline.words(ascii) == WordDiff.words(ascii).map(\.text))
        #expect(Redline.words(ascii) == ["Allow", "5", "business", "days,", "or", "more."])
    }
}
