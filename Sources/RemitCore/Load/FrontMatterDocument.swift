/// A Markdown file split into its YAML front matter and its body, with the
/// front matter decoded and the body's first line known (for link locations).
public struct FrontMatterDocument: Sendable {
    public var file: SourceFile
    /// The front matter mapping; `nil` when it was missing or broken (already reported).
    public var fields: YAMLNode?
    /// The rest of the file's text after the front matter, sharing its storage.
    public var body: Substring
    /// File line on which the body starts.
    public var bodyFirstLine: Int

    /// Every file split and decoded in parallel (YAML is most of loading),
    /// with each file's own problems, by relative path.
    public static func parseAll(_ files: [SourceFile]) async -> [String: (FrontMatterDocument, [Diagnostic])] {
        await withTaskGroup(of: (String, FrontMatterDocument, [Diagnostic]).self) { group in
            for file in files {
                group.addTask {
                    var diagnostics: [Diagnostic] = []
                    let document = parse(file, into: &diagnostics)
                    return (file.relativePath, document, diagnostics)
                }
            }
            return await group.reduce(into: [:]) { $0[$1.0] = ($1.1, $1.2) }
        }
    }

    /// Splits and decodes `file`; every problem goes to `diagnostics`.
    public static func parse(_ file: SourceFile, into diagnostics: inout [Diagnostic]) -> FrontMatterDocument {
        let text = file.text
        if text.allSatisfy(\.isWhitespace) {
            diagnostics.append(Diagnostic(.error, at: file.start, "file is empty; it needs front matter between '---' lines"))
            return FrontMatterDocument(file: file, fields: nil, body: "", bodyFirstLine: 1)
        }
        // Lines are found one at a time up to the closing `---`: the body is
        // the rest of the text as it is, never split into lines and joined again.
        var lineStart = text.startIndex
        var lineNumber = 0
        var yamlStart = text.startIndex
        while true {
            let lineEnd = text.utf8[lineStart...].firstIndex(of: UInt8(ascii: "\n")) ?? text.endIndex
            let line = trimmed(text[lineStart..<lineEnd])
            let next = lineEnd == text.endIndex ? text.endIndex : text.utf8.index(after: lineEnd)
            if lineNumber == 0 {
                guard line == "---" else {
                    diagnostics.append(Diagnostic(.error, at: file.start, "file has no front matter: it must start with a '---' line"))
                    return FrontMatterDocument(file: file, fields: nil, body: text[...], bodyFirstLine: 1)
                }
                yamlStart = next
            } else if line == "---" || line == "..." {
                // The YAML ends before the newline that precedes the closing line.
                let yamlEnd = lineNumber == 1 ? yamlStart : text.utf8.index(before: lineStart)
                let fields = decode(String(text[yamlStart..<yamlEnd]), of: file, firstLine: 2, into: &diagnostics)
                return FrontMatterDocument(file: file, fields: fields, body: text[next...], bodyFirstLine: lineNumber + 2)
            }
            lineNumber += 1
            if lineEnd == text.endIndex { break }
            lineStart = next
        }
        diagnostics.append(Diagnostic(.error, at: file.start, "front matter is not closed: add a '---' line after it"))
        return FrontMatterDocument(file: file, fields: nil, body: "", bodyFirstLine: lineNumber + 1)
    }

    /// A line without surrounding spaces and tabs (Foundation's trimming bridges
    /// to NSString, which showed in profiles of large catalogues).
    static func trimmed(_ line: Substring) -> Substring {
        let isBlank: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        guard let start = line.firstIndex(where: { !isBlank($0) }), let end = line.lastIndex(where: { !isBlank($0) }) else { return "" }
        return line[start...end]
    }

    /// Decodes a whole-file YAML document (catalogue.yml, glossary.yml).
    public static func decodeYAMLFile(_ file: SourceFile, into diagnostics: inout [Diagnostic]) -> YAMLNode? {
        decode(file.text, of: file, firstLine: 1, into: &diagnostics)
    }

    static func decode(_ yaml: String, of file: SourceFile, firstLine: Int, into diagnostics: inout [Diagnostic]) -> YAMLNode? {
        switch YAMLReader(file: file, firstLine: firstLine).read(yaml) {
        case .success(let node):
            // Empty front matter is a map without fields: the model reports what is missing.
            if let node, case .null = node.value {} else if let node { return node }
            return YAMLNode(value: .mapping([]), location: file.location(line: firstLine, column: 1))
        case .failure(.syntax(let location, let message)):
            diagnostics.append(Diagnostic(.error, at: location, message))
            return nil
        }
    }
}
