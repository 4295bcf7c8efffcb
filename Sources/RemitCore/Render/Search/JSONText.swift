/// JSON written by hand for the search index, byte for byte as `JSONEncoder`
/// writes it with `.sortedKeys` and `.withoutEscapingSlashes`
/// (`SearchTextTests` compares the two). The index is encoded again on every
/// rebuild that changes a title; through `JSONEncoder` that was a fifth of
/// the rebuild.
enum JSONText {
    /// `["…","…"]`
    static func append(_ strings: [String], to out: inout [UInt8]) {
        out.append(UInt8(ascii: "["))
        for (index, string) in strings.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            append(string, to: &out)
        }
        out.append(UInt8(ascii: "]"))
    }

    /// `[["…"],["…","…"]]`
    static func append(_ rows: [[String]], to out: inout [UInt8]) {
        out.append(UInt8(ascii: "["))
        for (index, row) in rows.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            append(row, to: &out)
        }
        out.append(UInt8(ascii: "]"))
    }

    static func append(_ numbers: [Int], to out: inout [UInt8]) {
        out.append(UInt8(ascii: "["))
        out.append(contentsOf: numbers.map(String.init).joined(separator: ",").utf8)
        out.append(UInt8(ascii: "]"))
    }

    /// A string: `"` and `\` escaped, control characters as `\n`, `\t`, … or `\u00XX`.
    static func append(_ string: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        for byte in string.utf8 {
            switch byte {
            case UInt8(ascii: "\""): out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
            case UInt8(ascii: "\\"): out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
            case 0x0A: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
            case 0x0D: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
            case 0x09: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
            case 0x08: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "b")])
            case 0x0C: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "f")])
            case 0x00..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                out.append(contentsOf: "\\u00".utf8)
                out.append(hex[Int(byte >> 4)])
                out.append(hex[Int(byte & 0x0F)])
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}
