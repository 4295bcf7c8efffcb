import Foundation
import Markdown

/// What the libFuzzer harnesses in `Fuzz/` call, and what
/// `Tests/RemitCoreTests/FuzzRegressionTests.swift` replays on every input they
/// found: the steps of `Pipeline.check`, synchronously and in memory, on a
/// content folder read once with one file's bytes replaced. Each call returns
/// the properties its input broke (empty when all hold); a harness aborts on
/// any, so libFuzzer saves the input. Remit itself never calls these.
public struct FuzzEntryPoints: Sendable {
    /// The files the front-matter target's first input byte chooses between.
    public static let frontMatterFiles = [
        "hr/services/new-starter-setup.md", "hr/rules/pre-employment-checks.md", "hr/index.md",
        "journeys/hiring-a-new-starter.md", "pages/about.md", "catalogue.yml", "glossary.yml",
    ]
    /// The page whose body the Markdown target replaces (front matter kept).
    public static let markdownFile = "hr/services/new-starter-setup.md"
    public static let today = LocalDate(year: 2026, month: 6, day: 1)!
    /// The slice of the content folder the targets work on (paths or folder
    /// prefixes): two functions, a journey and a page keep one check to
    /// milliseconds; references to the functions left out are reported.
    public static let slice = ["catalogue.yml", "glossary.yml", "hr/", "it/", "journeys/hiring-a-new-starter.md", "pages/about.md"]

    let folder: ContentFolder
    let documents: [String: (FrontMatterDocument, [Diagnostic])]
    let bodies: [String: RenderedBody]
    let siteMapFingerprint: Int
    let resolver: LinkResolver
    /// How diagnostics name the folder: `content/`.
    let displayPrefix: String

    /// - Parameter content: the sample `content/`, of which `slice` is used.
    public init(content: URL) {
        var diagnostics: [Diagnostic] = []
        var folder = ContentFolder.load(content, into: &diagnostics)
        let inSlice: (String) -> Bool = { path in Self.slice.contains { $0.hasSuffix("/") ? path.hasPrefix($0) : path == $0 } }
        folder.markdown.removeAll { !inSlice($0.relativePath) }
        folder.yaml.removeAll { !inSlice($0.relativePath) }
        folder.attachments.removeAll { !inSlice($0.relativePath) }
        self.folder = folder
        var documents: [String: (FrontMatterDocument, [Diagnostic])] = [:]
        for file in folder.markdown {
            var problems: [Diagnostic] = []
            documents[file.relativePath] = (FrontMatterDocument.parse(file, into: &problems), problems)
        }
        self.documents = documents
        let catalogue = CatalogueBuilder.build(folder, documents: documents, into: &diagnostics)
        let siteMap = SiteMap(catalogue, into: &diagnostics)
        let resolver = LinkResolver(siteMap: siteMap, base: catalogue.config.baseURL)
        self.resolver = resolver
        bodies = Dictionary(uniqueKeysWithValues: siteMap.entries.map {
            ($0.source.file.relativePath, BodyRenderer.render($0.source, resolver: resolver))
        })
        siteMapFingerprint = siteMap.fingerprint(basePath: catalogue.config.baseURL.path)
        displayPrefix = folder.markdown.first.map { String($0.displayPath.dropLast($0.relativePath.count)) } ?? "content/"
    }

    /// Input: one byte choosing a file of `frontMatterFiles`, then that file's
    /// new bytes. Load, model (ids resolved) and validate the whole folder.
    /// Property: every problem reported in the file points at one of its lines.
    public func frontMatter(_ input: [UInt8]) -> [String] {
        guard let selector = input.first else { return [] }
        let path = Self.frontMatterFiles[Int(selector) % Self.frontMatterFiles.count]
        let bytes = Array(input.dropFirst())
        // Lines as the loader sees them: `\n`, `\r\n` and a lone `\r` each end one.
        let lines = 1 + bytes.indices.count { bytes[$0] == 0x0A || (bytes[$0] == 0x0D && bytes.dropFirst($0 + 1).first != 0x0A) }
        return check(path, bytes)
            .filter { $0.location.path == displayPrefix + path && !((1...lines + 1).contains($0.location.line) && $0.location.column >= 1) }
            .map { "problem reported outside the file's \(lines) lines: \($0)" }
    }

    /// Input: the body of `markdownFile`, its front matter and every other
    /// page unchanged. Complexity guard, cmark-gfm, link rewriting, then the
    /// link and anchor checks. Properties: every `href` and `src` has a scheme
    /// `URLPolicy` allows (as a browser reads it, entities decoded), no raw
    /// HTML tag gets through, heading ids are unique and never the theme's.
    public func markdown(_ input: [UInt8]) -> [String] {
        guard let (document, _) = documents[Self.markdownFile] else { return ["\(Self.markdownFile) is missing"] }
        var diagnostics: [Diagnostic] = []
        guard let text = read(input, as: Self.markdownFile, into: &diagnostics) else { return [] }
        // The body a slice of its file's text, as `FrontMatterDocument` makes it.
        let frontMatter = document.file.text.split(separator: "\n", omittingEmptySubsequences: false)
            .prefix(document.bodyFirstLine - 1).joined(separator: "\n") + "\n"
        var file = document.file
        file.text = frontMatter + text
        let bodyStart = file.text.utf8.index(file.text.startIndex, offsetBy: frontMatter.utf8.count)
        let source = PageSource(file: file, body: file.text[bodyStart...], bodyFirstLine: document.bodyFirstLine)
        let body = BodyRenderer.render(source, resolver: resolver)
        var bodies = bodies
        bodies[Self.markdownFile] = body
        LinkChecks.check(bodies, into: &diagnostics)
        var broken: [String] = []
        for value in Self.attributeValues(body.html, names: ["href", "src"]) {
            if let scheme = Self.browserScheme(value), !URLPolicy.allowedSchemes.contains(scheme) {
                broken.append("emitted a '\(scheme):' URL: \(value)")
            }
        }
        let lower = body.html.lowercased()
        for tag in ["<script", "<iframe", "<object", "<embed", "<style", "<form", "<svg", "<math", "<base", "<meta"] where lower.contains(tag) {
            broken.append("raw HTML reached the page: \(tag)")
        }
        let ids = body.headings.map(\.id)
        if Set(ids).count != ids.count { broken.append("heading ids repeat: \(ids)") }
        for id in ids where BodyRenderer.themeIDs.contains(id) { broken.append("heading took the theme's id '\(id)'") }
        return broken
    }

    /// Input: a URL as an editor writes it. Properties: what `URLPolicy` lets
    /// through has an allowed scheme as a browser reads it, no control
    /// characters and, for http(s), a host; `mailto` and `BaseURL` likewise.
    public static func urlPolicy(_ input: [UInt8]) -> [String] {
        let raw = String(decoding: input, as: UTF8.self)
        var broken: [String] = []
        let hasControl: (String) -> Bool = { $0.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) } }
        if case .success(let checked) = URLPolicy.check(raw) {
            let scheme = browserScheme(checked.url)
            if let scheme, !URLPolicy.allowedSchemes.contains(scheme) { broken.append("check passed '\(scheme):'") }
            if scheme != checked.scheme { broken.append("check says scheme \(checked.scheme ?? "nil"), a browser reads \(scheme ?? "nil")") }
            if hasControl(checked.url) { broken.append("check passed a control character") }
            if scheme == "http" || scheme == "https" {
                let rest = checked.url.unicodeScalars.dropFirst(scheme!.count + 1)
                if !(rest.starts(with: "//".unicodeScalars)) || rest.dropFirst(2).first.map({ $0 == "/" || $0 == "\\" }) ?? true {
                    broken.append("check passed an http(s) URL without a host")
                }
            }
            if URLPolicy.href(raw) != (checked.url.isEmpty ? nil : checked.url) { broken.append("href disagrees with check") }
        } else if URLPolicy.href(raw) != nil {
            broken.append("href passed what check refused")
        }
        if case .success(let href) = URLPolicy.mailto(raw) {
            if browserScheme(href) != "mailto" || hasControl(href) { broken.append("mailto made \(href)") }
        }
        if case .success(let base) = BaseURL.parse(raw) {
            let link = base.link("hr/")
            if !base.path.hasPrefix("/") || !base.path.hasSuffix("/") || base.path.hasPrefix("//") || base.path.contains("\\")
                || browserScheme(link) != nil || hasControl(link)
            {
                broken.append("base_url gave path \(base.path)")
            }
            if let origin = base.origin, !["http", "https"].contains(browserScheme(origin) ?? "") { broken.append("base_url gave origin \(origin)") }
        }
        return broken
    }

    /// Input: lines `duration`, `input_by`, `date`, business days (`mon,sat`),
    /// then holidays. Properties: parsed values round-trip and stay in range;
    /// delivery falls on business days after sending; counting back from a
    /// date and forward again never passes it (README, "Dates").
    public static func durations(_ input: [UInt8]) -> [String] {
        let lines = String(decoding: input, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        func line(_ index: Int) -> String { index < lines.count ? lines[index] : "" }
        var broken: [String] = []
        let duration = BusinessDuration(parsing: line(0))
        if let duration, !(0 <= duration.minimum && duration.minimum <= duration.maximum && duration.maximum <= 10_000) {
            broken.append("duration out of range: \(duration.minimum)-\(duration.maximum)")
        }
        let inputBy = InputBy(parsing: line(1))
        if let inputBy, inputBy.event.isEmpty { broken.append("input_by without an event") }
        let date = LocalDate(iso: line(2))
        if let date {
            if date.description != line(2) { broken.append("date \(line(2)) printed as \(date.description)") }
            if LocalDate(dayNumber: date.dayNumber) != date { broken.append("day number of \(date) does not round-trip") }
            let week = date.isoWeek.week
            if !(1...53).contains(week) { broken.append("ISO week \(week) of \(date)") }
            _ = date.longDescription
        }
        let days = Set(line(3).split(separator: ",").compactMap { Weekday(rawValue: String($0)) })
        let holidays = Set(lines.dropFirst(4).compactMap { LocalDate(iso: $0) })
        let calendar = BusinessCalendar(businessDays: days, holidays: holidays)
        guard let date else { return broken }
        for step in [duration, inputBy?.duration].compactMap({ $0 }) {
            let (earliest, latest) = calendar.delivery(step, sentOn: date)
            if earliest > latest || earliest < date || !calendar.isBusinessDay(earliest) || !calendar.isBusinessDay(latest) {
                broken.append("delivery of \(step) sent \(date): \(earliest)–\(latest)")
            }
            let start = calendar.sendBy(needBy: date, turnaround: step, inputBy: nil)
            if calendar.adding(step.maximum, step.unit, to: start) > date {
                broken.append("sending by \(start) for \(step) misses \(date)")
            }
        }
        if let duration, let inputBy {
            let start = calendar.sendBy(needBy: date, turnaround: duration, inputBy: inputBy.duration)
            let ready = calendar.adding(inputBy.duration.maximum, inputBy.duration.unit, to: start)
            if calendar.adding(duration.maximum, duration.unit, to: ready) > date {
                broken.append("sending by \(start) for \(duration) after \(inputBy.duration) misses \(date)")
            }
            if calendar.startBy([duration, inputBy.duration], finishBy: date) > date { broken.append("startBy after the finish") }
        }
        return broken
    }

    /// The bytes as the loader reads a file: through a temporary file and
    /// `ContentFolder.readText`, so UTF-8 checks, BOM and line endings are its own.
    private func read(_ bytes: [UInt8], as path: String, into diagnostics: inout [Diagnostic]) -> String? {
        let scratchFile = FileManager.default.temporaryDirectory.appendingPathComponent("remit-fuzz-\(UUID().uuidString)")
        // Plain open/write/close: Data.write(to:) syncs the disk, which made
        // fsync most of each run.
        let descriptor = open(scratchFile.path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        guard descriptor >= 0 else { return nil }
        _ = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        close(descriptor)
        defer { unlink(scratchFile.path) }
        return ContentFolder.readText(scratchFile, display: displayPrefix + path, into: &diagnostics)
    }

    /// `Pipeline.check` with `path` read from `bytes`: every problem found.
    private func check(_ path: String, _ bytes: [UInt8]) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var folder = folder
        var documents = documents
        documents[path] = nil
        let isYAML = !path.hasSuffix(".md")
        if isYAML { folder.yaml.removeAll { $0.relativePath == path } } else { folder.markdown.removeAll { $0.relativePath == path } }
        if let text = read(bytes, as: path, into: &diagnostics) {
            let file = SourceFile(relativePath: path, displayPath: displayPrefix + path, text: text)
            if isYAML { folder.yaml.append(file) } else { folder.markdown.append(file) }
        }
        let catalogue = CatalogueBuilder.build(folder, documents: documents, into: &diagnostics)
        let siteMap = SiteMap(catalogue, into: &diagnostics)
        let resolver = LinkResolver(siteMap: siteMap, base: catalogue.config.baseURL)
        let unchanged = siteMap.fingerprint(basePath: catalogue.config.baseURL.path) == siteMapFingerprint
        var rendered: [String: RenderedBody] = [:]
        for entry in siteMap.entries {
            let source = entry.source.file.relativePath
            rendered[source] = unchanged && source != path ? bodies[source] : BodyRenderer.render(entry.source, resolver: resolver)
        }
        diagnostics += Validator.validate(catalogue, bodies: rendered, resolver: resolver, today: Self.today)
        return diagnostics
    }

    /// The values of `name="…"` attributes in cmark's HTML, entities decoded,
    /// in document order. One pass over the bytes: searching the rest of the
    /// page again for each attribute made a page of 40,000 links quadratic.
    static func attributeValues(_ html: String, names: [String]) -> [String] {
        let bytes = Array(html.utf8)
        let patterns = names.map { Array(" \($0)=\"".utf8) }
        var values: [String] = []
        var index = 0
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: " "), let pattern = patterns.first(where: { bytes[index...].starts(with: $0) }) else {
                index += 1
                continue
            }
            let start = index + pattern.count
            var end = start
            while end < bytes.count, bytes[end] != UInt8(ascii: "\"") { end += 1 }
            values.append(decodeEntities(String(decoding: bytes[start..<end], as: UTF8.self)))
            index = end
        }
        return values
    }

    /// `&amp;`, `&lt;`, `&gt;`, `&quot;` and numeric references; any other
    /// named reference is kept as written, with a `&` a browser could not misread.
    static func decodeEntities(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var result = ""
        var rest = text[...]
        while let amp = rest.firstIndex(of: "&") {
            result += rest[..<amp]
            let tail = rest[rest.index(after: amp)...]
            let name = tail.prefix { $0 != ";" && $0 != "&" }
            guard name.endIndex < tail.endIndex, tail[name.endIndex] == ";" else {
                result += "&"
                rest = tail
                continue
            }
            let named = ["amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'"]
            if let plain = named[String(name)] {
                result += plain
            } else if name.hasPrefix("#x") || name.hasPrefix("#X"), let value = UInt32(name.dropFirst(2), radix: 16), let scalar = Unicode.Scalar(value) {
                result.unicodeScalars.append(scalar)
            } else if name.hasPrefix("#"), let value = UInt32(name.dropFirst()), let scalar = Unicode.Scalar(value) {
                result.unicodeScalars.append(scalar)
            } else {
                result += "&" + name + ";"
            }
            rest = tail[tail.index(after: name.endIndex)...]
        }
        return result + rest
    }

    /// The scheme a browser finds (WHATWG URL Standard: leading and trailing
    /// C0 controls and spaces stripped, tabs and newlines dropped), lowercased;
    /// nil for a relative reference. Written apart from `URLPolicy` on purpose.
    static func browserScheme(_ url: String) -> String? {
        var scalars = Array(url.unicodeScalars)
        while let first = scalars.first, first.value <= 0x20 { scalars.removeFirst() }
        while let last = scalars.last, last.value <= 0x20 { scalars.removeLast() }
        scalars.removeAll { $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard let first = scalars.first, first.isASCII, first.properties.isAlphabetic else { return nil }
        var scheme = ""
        for scalar in scalars {
            if scalar == ":" { return scheme.lowercased() }
            guard scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "+-.".unicodeScalars.contains(scalar) else { return nil }
            scheme.unicodeScalars.append(scalar)
        }
        return nil
    }
}
