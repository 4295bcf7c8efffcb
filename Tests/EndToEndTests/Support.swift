import Foundation
import RemitCore
import Testing

/// A catalogue written to a temporary folder, built with the real pipeline.
struct FixtureSite {
    let root: URL
    var content: URL { root.appendingPathComponent("content") }
    var output: URL { root.appendingPathComponent("public") }

    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    /// A copy of `Fixtures/<name>/content`, changed by `files` (nil deletes a file).
    init(copying name: String? = nil, files: [String: String?] = [:]) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("remit-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        if let name {
            try FileManager.default.copyItem(at: Self.fixtures.appendingPathComponent(name).appendingPathComponent("content"), to: content)
        } else {
            try FileManager.default.createDirectory(at: content, withIntermediateDirectories: true)
        }
        try write(files)
    }

    func write(_ files: [String: String?]) throws {
        for (path, text) in files {
            let url = content.appendingPathComponent(path)
            if let text {
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try text.write(to: url, atomically: true, encoding: .utf8)
            } else {
                try? FileManager.default.removeItem(at: url)
            }
        }
    }

    func build(baseURL: String? = nil, today: String = "2026-11-29") async -> BuildReport {
        await Pipeline.build(BuildOptions(
            contentDirectory: content, templatesDirectory: root.appendingPathComponent("templates"),
            outputDirectory: output, baseURL: baseURL, today: LocalDate(iso: today)!))
    }

    func page(_ route: String) throws -> String {
        try String(contentsOf: output.appendingPathComponent(route).appendingPathComponent("index.html"), encoding: .utf8)
    }

    /// Every file of the output with its bytes.
    func snapshot() throws -> [String: Data] {
        var result: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(at: output, includingPropertiesForKeys: [.isRegularFileKey])!
        for case let url as URL in enumerator where (try url.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true {
            result[String(url.path.dropFirst(output.path.count))] = try Data(contentsOf: url)
        }
        return result
    }

    func remove() { try? FileManager.default.removeItem(at: root) }
}

/// Every `href`/`src` in a page, and every `id`.
enum HTML {
    static func attributes(_ name: String, in html: String) -> [String] {
        let regex = try! Regex("\(name)=\"([^\"]*)\"")
        return html.matches(of: regex).map { match in
            let text = String(html[match.range])
            return String(text.dropFirst(name.count + 2).dropLast())
                .replacingOccurrences(of: "&amp;", with: "&")
        }
    }
}

extension HTML {
    /// Attribute names starting with `on` in real tags. Quoted values are removed
    /// first: escaped text such as `content="&quot;&gt;&lt;img onerror=…"` is harmless.
    static func eventHandlerAttributes(in html: String) -> [String] {
        let tag = try! Regex(#"<[a-zA-Z][^>]*>"#)
        let quoted = try! Regex(#""[^"]*"|'[^']*'"#)
        let handler = try! Regex(#"\son[a-z]+\s*="#)
        return html.matches(of: tag).flatMap { match in
            let bare = String(html[match.range]).replacing(quoted, with: "\"\"")
            return bare.matches(of: handler).map { String(bare[$0.range]) }
        }
    }
}
