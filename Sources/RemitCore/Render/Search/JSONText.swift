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
    /// The bytes between two that need escaping are copied as one run
    /// (byte by byte, this was most of encoding the index).
    static func append(_ string: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var string = string
        string.withUTF8 { bytes in
            var start = 0
            for index in bytes.indices {
                let byte = bytes[index]
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
                escape(byte, to: &out)
                start = index + 1
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...]))
        }
        out.append(UInt8(ascii: "\""))
    }

    private static func escape(_ byte: UInt8, to out: inout [UInt8]) {
        switch byte {
        case UInt8(ascii: "\""): out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
        case UInt8(ascii: "\\"): out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
        case 0x0A: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
        case 0x0D: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
        case 0x09: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
        case 0x08: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "b")])
        case 0x0C: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "f")])
        default:
            let hex = Array("0123456789abcdef".utf8)
            out.append(contentsOf: "\\u00".utf8)
            out.append(hex[Int(byte >> 4)])
            out.append(hex[Int(byte & 0x0F)])
        }
    }
}
