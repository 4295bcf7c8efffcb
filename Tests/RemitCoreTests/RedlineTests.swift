import Foundation
import PropertyBased
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

/// The byte paths that comparing versions takes for speed read text as the character paths do.
@Suite struct VersionTextTests {
    /// ASCII, the five escaped, and scalars that fuse with them or are space.
    static let alphabet = Array("ab z\t\n\r.<>&\"'\u{00A0}\u{3000}\u{0301}é—\u{2028}\u{0600}")
    static let mixed = Gen.int(in: 0...(alphabet.count - 1)).array(of: 0...60).map { String($0.map { alphabet[$0] }) }

    @Test func escapingOnBytesIsEscapingEveryScalar() async {
        func byScalar(_ text: String) -> String {
            text.unicodeScalars.map { scalar in
                switch scalar {
                case "<": "&lt;"
                case ">": "&gt;"
                case "&": "&amp;"
                case "\"": "&quot;"
                case "'": "&#39;"
                default: String(scalar)
                }
            }.joined()
        }
        await propertyCheck(count: 400, input: Self.mixed) { text in
            #expect(HTMLEscaping.escape(text) == byScalar(text), "\(text.debugDescription)")
        }
        #expect(HTMLEscaping.escape("\"\u{0301}<b>") == "&quot;\u{0301}&lt;b&gt;")
    }

    @Test func asciiProseFoldsAsCharactersDo() async {
        await propertyCheck(count: 400, input: Gen.ascii.string(of: 0...60)) { text in
            #expect(Prose.normalised(text) == text.split(whereSeparator: \.isWhitespace).joined(separator: " "), "\(text.debugDescription)")
        }
    }

    @Test func frontMatterIsSplitAsTheDocumentSplitsIt() {
        let text = "--- \nsummary: a\n  more\nturnaround: 5 days\n# note\n\"quoted key\": x\n\t...\nBody\n"
        let split = PageVersions.Text(text)
        #expect(split.front == "--- \nsummary: a\n  more\nturnaround: 5 days\n# note\n\"quoted key\": x\n")
        #expect(split.body == "Body\n")
        #expect(PageVersions.Text.fields(split.front!) == [
            .init(name: "summary", text: "summary: a\n  more\n"),
            .init(name: "turnaround", text: "turnaround: 5 days\n# note\n"),
            .init(name: "quotedkey", text: "\"quoted key\": x\n"),
        ])
        #expect(PageVersions.Text("No front matter\n---\n").front == nil)
        #expect(PageVersions.Text("---\ntitle: never closed\n").front == nil)
        #expect(PageVersions.Text("---\n---").body == "")
    }
}
