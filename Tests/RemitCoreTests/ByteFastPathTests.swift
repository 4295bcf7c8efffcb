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

@Suite struct CalendarTextTests {
    /// Long ASCII lines are folded on bytes, exactly where folding character
    /// by character folded them; other lines still go by character.
    @Test func asciiLinesFoldAsCharactersDid() async {
        func characterFold(_ line: String) -> String {
            if line.utf8.count <= 75 { return line }
            var result = ""
            var octets = 0
            for character in line {
                let size = String(character).utf8.count
                if octets + size > 75 {
                    result += "\r\n "
                    octets = 1
                }
                result.append(character)
                octets += size
            }
            return result
        }
        let pieces = ["a", "word ", "x", "0123456789", String(repeating: "y", count: 74), "é", "e\u{301}", "😀"]
        await propertyCheck(count: 500, input: Gen.int(in: 0...(pieces.count - 1)).array(of: 0...40)) { choices in
            let line = "SUMMARY:" + choices.map { pieces[$0] }.joined()
            #expect(DeadlinesICS.fold(line) == characterFold(line), "\(line.debugDescription)")
        }
    }

    /// Text with nothing to escape is written as it is; the rest as before.
    @Test func textEscapesOnlyWhatNeedsIt() {
        #expect(DeadlinesICS.text("Budget bids (Finance)") == "Budget bids (Finance)")
        #expect(DeadlinesICS.text("a;b,c\\d\r\ne\nf") == "a\\;b\\,c\\\\d\\ne\\nf")
    }
}
