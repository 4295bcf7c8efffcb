// Fast paths on bytes agree with the character-by-character rules they replaced.
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

@Suite struct XMLTextTests {
    /// The feeds' escaping, on bytes, is the scalar-by-scalar rule it replaced.
    @Test func bytesEscapeAsScalarsDid() async {
        func scalarEscape(_ text: String) -> String {
            var result = ""
            for scalar in text.unicodeScalars {
                switch scalar {
                case "&": result += "&amp;"
                case "<": result += "&lt;"
                case ">": result += "&gt;"
                case "\"": result += "&quot;"
                case "'": result += "&apos;"
                case "\t", "\n", "\r": result.unicodeScalars.append(scalar)
                default:
                    if scalar.value >= 0x20 && scalar.value != 0xFFFE && scalar.value != 0xFFFF { result.unicodeScalars.append(scalar) }
                }
            }
            return result
        }
        let pieces = ["a", "&", "<", ">", "\"", "'", "\t", "\n", "\r", "\u{0}", "\u{1F}", "\u{7F}", "é", "\u{FFFE}", "\u{FFFF}", "\u{FFFD}", "\u{EFFF}", "😀"]
        await propertyCheck(count: 500, input: Gen.int(in: 0...(pieces.count - 1)).array(of: 0...20)) { choices in
            let text = choices.map { pieces[$0] }.joined()
            #expect(XMLText.escape(text) == scalarEscape(text), "\(text.debugDescription)")
        }
    }
}
