import Foundation

/// Everything under `content/`, read once: text files by kind, request data, and attachments.
public struct ContentFolder: Sendable {
    public var directory: URL
    public var markdown: [SourceFile]
    public var yaml: [SourceFile]
    public var attachments: [Attachment]
    /// `<function>/requests.csv`: the service desk's exports. Data, measured
    /// and never copied into the site.
    public var requests: [SourceFile] = []
    /// Every file's relative path, when none was reached through a symbolic
    /// link: then a file's path says which file an edit changed (`BodyEdit`).
    var paths: Set<String>?

    /// `<folder>/requests.csv`, and only there: a CSV elsewhere is an attachment.
    static func isRequestData(_ relativePath: String) -> Bool {
        let components = relativePath.split(separator: "/")
        return components.count == 2 && components[1] == "requests.csv"
    }

    /// Markdown and YAML: read as text, never copied into the site.
    static func isTextFile(_ relativePath: String) -> Bool {
        let name = relativePath.split(separator: "/").last ?? ""
        let ext = name.lastIndex(of: ".").map { name[name.index(after: $0)...].lowercased() } ?? ""
        return ["md", "yml", "yaml"].contains(ext)
    }

    /// Reads every file below `directory`; problems are reported, never skipped silently.
    public static func load(_ directory: URL, into diagnostics: inout [Diagnostic]) -> ContentFolder {
        let root = directory.standardizedFileURL.resolvingSymlinksInPath()
        let prefix = directory.standardizedFileURL.lastPathComponent
        var followedLinks = false
        let paths = listFiles(root, into: &diagnostics, displayPrefix: prefix, followedLinks: &followedLinks)
        // The text files are read here, on every core; attachments are copied when the site is written.
        let urls = paths.map { root.appendingPathComponent($0) }
        let isText = paths.map { isRequestData($0) || isTextFile($0) }
        let texts = readAll(zip(urls, isText).compactMap { $1 ? $0 : nil })
        var nextText = texts.makeIterator()
        let files = zip(paths, urls).enumerated().map { index, file in
            // A text that could not be read is read again, to report why.
            let bytes = isText[index] ? (nextText.next()!).map(Attachment.Bytes.data) ?? .file(file.1) : .file(file.1)
            return (relativePath: file.0, bytes: bytes)
        }
        var folder = assemble(directory: root, displayPrefix: prefix, files: files, into: &diagnostics)
        folder.paths = followedLinks ? nil : Set(files.map(\.relativePath))
        return folder
    }

    /// This folder after the files at `paths` (absolute, as the watcher of
    /// `remit serve` names them) changed, reading only those again; nil when
    /// that cannot be told (a file added, removed or unreadable, a symbolic
    /// link, unknown paths): then the whole folder is read.
    func rereading(_ paths: Set<String>?, given: URL) -> ContentFolder? {
        guard let paths, let known = self.paths else { return nil }
        let roots = [directory.path, given.standardizedFileURL.path]
        let prefix = given.standardizedFileURL.lastPathComponent
        var folder = self
        for path in paths {
            if roots.contains(path) { return nil }
            // Outside the content folder: the templates' folder, loaded by every build.
            guard let relative = roots.lazy.compactMap({ Self.relative(path, to: $0) }).first else { continue }
            if relative.split(separator: "/").contains(where: { $0.hasPrefix(".") }) { continue }
            guard let attributes = try? FileManager.default.attributesOfItem(atPath: directory.appendingPathComponent(relative).path) else {
                if known.contains(relative) { return nil }
                continue
            }
            guard attributes[.type] as? FileAttributeType == .typeRegular, known.contains(relative) else { return nil }
            // An attachment's bytes are read when the site is written.
            guard Self.isTextFile(relative) || Self.isRequestData(relative) else { continue }
            var problems: [Diagnostic] = []
            guard let data = try? Data(contentsOf: directory.appendingPathComponent(relative)),
                let text = Self.decodeText(data, display: prefix + "/" + relative, into: &problems), problems.isEmpty
            else { return nil }
            let file = SourceFile(relativePath: relative, displayPath: prefix + "/" + relative, text: text)
            if let index = folder.markdown.firstIndex(where: { $0.relativePath == relative }) {
                folder.markdown[index] = file
            } else if let index = folder.yaml.firstIndex(where: { $0.relativePath == relative }) {
                folder.yaml[index] = file
            } else if let index = folder.requests.firstIndex(where: { $0.relativePath == relative }) {
                folder.requests[index] = file
            } else {
                return nil
            }
        }
        return folder
    }

    /// The watcher's absolute `paths` relative to the content folder `given`,
    /// sorted, hidden files left out (they are never read, like an editor's
    /// swap file); nil if one is the folder itself or outside it.
    static func relativePaths(_ paths: Set<String>, given: URL) -> [String]? {
        let standard = given.standardizedFileURL
        let roots = [standard.resolvingSymlinksInPath().path, standard.path]
        var relative: [String] = []
        for path in paths.sorted() {
            guard let inside = roots.lazy.compactMap({ Self.relative(path, to: $0) }).first else { return nil }
            if !inside.split(separator: "/").contains(where: { $0.hasPrefix(".") }) { relative.append(inside) }
        }
        return relative
    }

    /// `path` relative to `root`, if it is below it.
    static func relative(_ path: String, to root: String) -> String? {
        guard path.hasPrefix(root + "/") else { return nil }
        let relative = String(path.dropFirst(root.count + 1))
        return relative.isEmpty ? nil : relative
    }

    /// The one way files become a content folder, whether they are read from
    /// disk or from a git revision: sorted by kind, text checked and normalised.
    /// - Parameter files: relative paths (sorted, hidden files already left out) and where each one's bytes are.
    static func assemble(
        directory: URL, displayPrefix prefix: String, files: [(relativePath: String, bytes: Attachment.Bytes)],
        into diagnostics: inout [Diagnostic]
    ) -> ContentFolder {
        var folder = ContentFolder(directory: directory, markdown: [], yaml: [], attachments: [])
        for (relative, bytes) in files {
            let display = prefix + "/" + relative
            if isRequestData(relative) {
                let hint = "; save the export as UTF-8 (in Excel: CSV UTF-8)"
                if let text = readText(bytes, display: display, hint: hint, into: &diagnostics) {
                    folder.requests.append(SourceFile(relativePath: relative, displayPath: display, text: text))
                }
                continue
            }
            guard isTextFile(relative) else {
                folder.attachments.append(Attachment(relativePath: relative, bytes: bytes))
                continue
            }
            guard let text = readText(bytes, display: display, into: &diagnostics) else { continue }
            let file = SourceFile(relativePath: relative, displayPath: display, text: text)
            if relative.lowercased().hasSuffix(".md") { folder.markdown.append(file) } else { folder.yaml.append(file) }
        }
        return folder
    }

    static func readText(_ bytes: Attachment.Bytes, display: String, hint: String = "", into diagnostics: inout [Diagnostic]) -> String? {
        switch bytes {
        case .file(let url): readText(url, display: display, hint: hint, into: &diagnostics)
        case .data(let data): decodeText(data, display: display, hint: hint, into: &diagnostics)
        }
    }

    static func readText(_ url: URL, display: String, hint: String = "", into diagnostics: inout [Diagnostic]) -> String? {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            diagnostics.append(Diagnostic(.error, at: SourceLocation(path: display, line: 1, column: 1), "cannot read file: \(error.localizedDescription)"))
            return nil
        }
        return decodeText(data, display: display, hint: hint, into: &diagnostics)
    }

    /// UTF-8 only; a byte-order mark is dropped and line endings become `\n`.
    static func decodeText(_ data: Data, display: String, hint: String = "", into diagnostics: inout [Diagnostic]) -> String? {
        guard var text = String(data: data, encoding: .utf8) else {
            diagnostics.append(Diagnostic(.error, at: firstInvalidUTF8(data, path: display), "file is not valid UTF-8 text" + hint))
            return nil
        }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        if text.utf8.contains(UInt8(ascii: "\r")) { text = normalisingLineEnds(text) }
        return text
    }

    /// CRLF and a lone CR become LF, byte by byte: Foundation's
    /// `replacingOccurrences` bridges to NSString, which took a third of the
    /// time to read a 100,000-row requests.csv exported on Windows.
    static func normalisingLineEnds(_ text: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var afterCR = false
        for byte in text.utf8 {
            if byte == 0x0D {
                bytes.append(0x0A)
                afterCR = true
                continue
            }
            if byte != 0x0A || !afterCR { bytes.append(byte) }
            afterCR = false
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Where decoding fails, so the editor can find the stray byte.
    static func firstInvalidUTF8(_ data: Data, path: String) -> SourceLocation {
        var line = 1
        var lineStart = 0
        let bytes = [UInt8](data)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            let length = byte < 0x80 ? 1 : byte >> 5 == 0b110 ? 2 : byte >> 4 == 0b1110 ? 3 : byte >> 3 == 0b11110 ? 4 : 0
            let valid = length > 0 && index + length <= bytes.count
                && bytes[index + 1 ..< index + length].allSatisfy { $0 >> 6 == 0b10 }
            if !valid { break }
            if byte == 0x0A { line += 1; lineStart = index + 1 }
            index += length
        }
        return SourceLocation(path: path, line: line, column: index - lineStart + 1)
    }
}
