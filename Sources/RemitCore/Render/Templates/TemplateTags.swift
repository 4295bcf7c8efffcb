/// The tags of a Mustache template with their places, for `TemplateCheck`.
/// swift-mustache keeps its parsed tokens to itself, so this is a small
/// scanner of its own; templates with syntax errors never get here (the
/// library's parser reports them first).
struct TemplateTag: Equatable {
    enum Kind: Equatable {
        case variable, section, invertedSection, close, partial, parent, block, comment, pragma
    }

    var kind: Kind
    /// As written inside the braces, without the sigil: `page.title`, `empty(tags)`.
    var name: String
    /// 1-based, of the tag's opening braces.
    var line: Int
    var column: Int

    /// Every tag of `text`; nil if the template changes its delimiters, which
    /// this scanner does not follow (such a template is not checked).
    static func scan(_ text: String) -> [TemplateTag]? {
        var tags: [TemplateTag] = []
        let bytes = Array(text.utf8)
        var index = 0
        var line = 1
        var lineStart = 0
        while index < bytes.count {
            if bytes[index] == 0x0A {
                line += 1
                lineStart = index + 1
                index += 1
                continue
            }
            guard bytes[index] == UInt8(ascii: "{"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "{") else {
                index += 1
                continue
            }
            let start = index
            let triple = index + 2 < bytes.count && bytes[index + 2] == UInt8(ascii: "{")
            let closer: [UInt8] = triple ? Array("}}}".utf8) : Array("}}".utf8)
            var end = index + (triple ? 3 : 2)
            while end + closer.count <= bytes.count, Array(bytes[end..<end + closer.count]) != closer {
                if bytes[end] == 0x0A { line += 1; lineStart = end + 1 }
                end += 1
            }
            let inner = String(decoding: bytes[(start + (triple ? 3 : 2))..<min(end, bytes.count)], as: UTF8.self)
            let tagLine = line - inner.filter { $0 == "\n" }.count
            let column = start - (tagLine == line ? lineStart : start) + 1
            index = end + closer.count
            var body = Substring(inner.trimmingCharacters(in: .whitespaces))
            var kind = Kind.variable
            if !triple, let sigil = body.first {
                switch sigil {
                case "#": kind = .section
                case "^": kind = .invertedSection
                case "/": kind = .close
                case ">": kind = .partial
                case "<": kind = .parent
                case "$": kind = .block
                case "!": kind = .comment
                case "%": kind = .pragma
                case "&": kind = .variable
                case "=": return nil
                default: break
                }
                if kind != .variable || sigil == "&" { body = body.dropFirst() }
            }
            tags.append(TemplateTag(kind: kind, name: body.trimmingCharacters(in: .whitespaces), line: tagLine, column: column))
        }
        return tags
    }
}
