import Foundation

/// The published versions of every rule's and service's page, from git: each
/// commit that changed its file, newest first, with what it changed against
/// the version before. Fields are compared by `CatalogueDiff`, the engine
/// `remit diff` reports with, on catalogues holding just that page; the body
/// paragraph by paragraph, word by word (`Redline`, `WordDiff`'s words), and
/// YAML is read only for versions whose front matter changed. So a
/// reader and a reviewer see one account of what changed. Old files are read
/// with a single `git cat-file --batch` beside the build's one `git log`.
public struct PageVersions: Sendable {
    public struct Version: Sendable, Hashable {
        public var date: LocalDate
        public var commit: String
        /// False for the file's first commit: there is nothing before it.
        public var hasPrevious: Bool
        /// What it changed, in `CatalogueDiff`'s order; the body's wording is
        /// one `.wordingChanged` change, its paragraphs in `paragraphs`.
        public var changes: [Change]
        var paragraphs: [Redline]
        /// The `changes` entries it added: what it announced to clients, as
        /// against the edits every commit makes.
        public var announced: [ChangeEntry] = []
        /// It, or the version before it, could not be read as a page (its YAML was broken).
        public var unreadable: Bool
    }

    public struct Page: Sendable, Hashable {
        /// Newest first.
        public var versions: [Version]
        /// Older versions exist than those shown.
        public var olderNotShown: Bool
    }

    /// By source file (`hr/rules/x.md`); pages without versions are not in it.
    public var pages: [String: Page]

    public static let none = PageVersions(pages: [:])
    /// At most this many versions are shown…
    public static let limit = 10
    /// …and none older than this many years.
    public static let years = 2

    /// The first day versions are shown from: `years` before today.
    public static func start(_ today: LocalDate) -> LocalDate {
        LocalDate(year: today.year - years, month: today.month, day: today.day) ?? LocalDate(year: today.year - years, month: 2, day: 28)!
    }

    enum Subject: Sendable {
        case rule(ItemKey), service(ItemKey)
    }

    struct Plan: Sendable {
        var path: String
        var subject: Subject
        var shown: [GitHistory.FileVersion]
        /// The version before the oldest shown, to compare it with.
        var previous: GitHistory.FileVersion?
        var olderNotShown: Bool
    }

    /// Each rule's and service's versions to show, found by where their files
    /// are (`<function>/rules/<id>.md`, `<function>/services/<id>.md`); a page
    /// the catalogue does not publish (a draft) is never asked for.
    static func plans(_ history: GitHistory, today: LocalDate) -> [Plan] {
        guard history.status == .available else { return [] }
        let start = start(today)
        var plans: [Plan] = []
        for (path, all) in history.versions {
            let parts = path.split(separator: "/")
            guard parts.count == 3, parts[2].hasSuffix(".md"), parts[1] == "rules" || parts[1] == "services" else { continue }
            let key = ItemKey(function: String(parts[0]), id: String(parts[2].dropLast(3)))
            let shown = Array(all.prefix { $0.date >= start }.prefix(limit))
            guard !shown.isEmpty else { continue }
            let previous = all.count > shown.count ? all[shown.count] : nil
            plans.append(Plan(
                path: path, subject: parts[1] == "rules" ? .rule(key) : .service(key), shown: shown, previous: previous,
                olderNotShown: previous != nil))
        }
        return plans
    }

    /// The blobs the plans need: every version shown and the one before. The
    /// newest is read from git too, not from the work tree: a page shows what
    /// was committed, and an uncommitted edit is not a version. A file's
    /// versions are asked for together, newest first, as git packs them (each
    /// a delta on the one after): git reads them a sixth faster than in the
    /// order of their names.
    static func wanted(_ plans: [Plan]) -> [String] {
        var seen = Set<String>()
        return plans.sorted { $0.path < $1.path }
            .flatMap { plan in plan.shown.map(\.blob) + (plan.previous.map { [$0.blob] } ?? []) }
            .filter { seen.insert($0).inserted }
    }

    /// Every page's versions, compared in parallel.
    static func compare(_ plans: [Plan], blobs: [String: Data]) async -> PageVersions {
        guard !plans.isEmpty else { return .none }
        // The diff engine compares pages, not settings: any configuration will do.
        let config = SiteConfig(title: "", organisation: "")
        let chunks = stride(from: 0, to: plans.count, by: 64).map { Array(plans[$0..<min($0 + 64, plans.count)]) }
        let pages = await withTaskGroup(of: [(String, Page)].self) { group in
            for chunk in chunks {
                group.addTask { chunk.map { ($0.path, Self.page($0, blobs: blobs, config: config)) } }
            }
            return await group.reduce(into: [String: Page]()) { result, found in
                for (path, page) in found { result[path] = page }
            }
        }
        return PageVersions(pages: pages)
    }

    /// One page's versions, each against the one before it.
    static func page(_ plan: Plan, blobs: [String: Data], config: SiteConfig) -> Page {
        var texts: [String: Text?] = [:]
        func text(_ version: GitHistory.FileVersion) -> Text? {
            if let known = texts[version.blob] { return known }
            let made = blobs[version.blob].flatMap { Self.text($0, path: plan.path) }.map(Text.init)
            texts[version.blob] = made
            return made
        }
        var versions: [Version] = []
        for (index, version) in plan.shown.enumerated() {
            let before = index + 1 < plan.shown.count ? plan.shown[index + 1] : plan.previous
            var entry = Version(date: version.date, commit: version.commit, hasPrevious: before != nil, changes: [], paragraphs: [], unreadable: false)
            if let before {
                if let old = text(before), let new = text(version), old.front != nil, new.front != nil {
                    // YAML is read only when the front matter differs: most commits change the body alone.
                    if old.front != new.front {
                        if let (changes, announced) = fields(old, new, plan: plan, config: config) {
                            (entry.changes, entry.announced) = (changes, announced)
                        } else {
                            entry.unreadable = true
                        }
                    }
                    let (wording, paragraphs) = body(old, new, path: plan.path)
                    entry.changes += wording.map { [$0] } ?? []
                    entry.paragraphs = paragraphs
                } else {
                    entry.unreadable = true
                }
            }
            versions.append(entry)
        }
        return Page(versions: versions, olderNotShown: plan.olderNotShown)
    }

    /// A blob as the catalogue would read its file (`ContentFolder.decodeText`),
    /// without looking at every byte twice for the common case: no carriage
    /// return, no byte order mark.
    static func text(_ data: Data, path: String) -> String? {
        let plain = data.withUnsafeBytes { bytes in
            bytes.isEmpty || (memchr(bytes.baseAddress!, 0x0D, bytes.count) == nil && !bytes.starts(with: [0xEF, 0xBB, 0xBF]))
        }
        if plain { return String(validating: data, as: UTF8.self) }
        var ignored: [Diagnostic] = []
        return ContentFolder.decodeText(data, display: path, into: &ignored)
    }

    /// What the front matter's change means, by `CatalogueDiff`, and the
    /// `changes` entries it added. Only the fields that differ are decoded (with
    /// the required ones, so each side reads as a page): a field left out of
    /// both reads the same on both. When that does not read (YAML anchors across
    /// fields), both whole files are decoded. nil when a side does not read.
    static func fields(_ oldText: Text, _ newText: Text, plan: Plan, config: SiteConfig) -> ([Change], [ChangeEntry])? {
        let schema: KindSchema
        switch plan.subject {
        case .rule: schema = .rule
        case .service: schema = .service
        }
        let oldFields = Text.fields(oldText.front!)
        let newFields = Text.fields(newText.front!)
        let changed = Set(oldFields.map(\.name) + newFields.map(\.name)).filter { name in
            oldFields.first { $0.name == name }?.text != newFields.first { $0.name == name }?.text
        }
        // Required fields that did not change read the same on both sides: a placeholder will do.
        let placeholders = schema.fields.filter { $0.required && !changed.contains($0.name) }
            .map { field -> Text.Field in
                let placeholder = if case .duration = field.type { "1 day" } else { "x" }
                return Text.Field(name: field.name, text: Substring("\(field.name): \(placeholder)\n"))
            }
        func reduced(_ fields: [Text.Field]) -> [Text.Field] {
            placeholders + fields.filter { changed.contains($0.name) }
        }
        var old = catalogue(holding: plan, fields: reduced(oldFields), config: config)
        var new = catalogue(holding: plan, fields: reduced(newFields), config: config)
        if old == nil || new == nil {
            (old, new) = (catalogue(holding: plan, text: oldText.whole, config: config), catalogue(holding: plan, text: newText.whole, config: config))
        }
        guard let old, let new else { return nil }
        let changes = CatalogueDiff(old: old, new: new).changes.filter { $0.kind != .wordingChanged }
        let announced = new.rules.values.first.map { CatalogueDiff.newHistory(old.rules.values.first, $0) } ?? []
        return (changes, announced)
    }

    /// A catalogue holding only the page with just `fields`: read without
    /// YAML when each is one line of plain text (`effective: 2026-06-01`,
    /// `turnaround: 10 business days`, a summary), as most edits are.
    static func catalogue(holding plan: Plan, fields: [Text.Field], config: SiteConfig) -> Catalogue? {
        // `CatalogueDiff` compares pages whose text differs: the fields' text is theirs.
        let file = SourceFile(relativePath: plan.path, displayPath: plan.path, text: fields.map(\.text).joined())
        var entries: [YAMLEntry] = []
        for field in fields {
            guard let value = plainValue(field.text) else {
                return catalogue(holding: plan, text: "---\n" + fields.map(\.text).joined() + "---\n", config: config)
            }
            entries.append(YAMLEntry(key: field.name, keyLocation: file.start, value: YAMLNode(value: .scalar(value), location: file.start)))
        }
        let document = FrontMatterDocument(file: file, fields: YAMLNode(value: .mapping(entries), location: file.start), body: "", bodyFirstLine: 1)
        return catalogue(holding: plan, document: document, config: config)
    }

    /// `key: value` on one line, whose value YAML reads as the same text: no
    /// quotes, flow, block, anchor, tag, comment or `: ` inside; nil otherwise.
    static func plainValue(_ line: Substring) -> String? {
        let utf8 = line.utf8
        guard let colon = utf8.firstIndex(of: UInt8(ascii: ":")), let last = utf8.last, last == 0x0A,
            utf8[utf8.index(after: colon)...].dropLast().firstIndex(of: 0x0A) == nil
        else { return nil }
        var value = utf8[utf8.index(after: colon)..<utf8.index(before: utf8.endIndex)]
        while let first = value.first, first == 0x20 { value = value.dropFirst() }
        while let end = value.last, end == 0x20 || end == 0x0D { value = value.dropLast() }
        guard let first = value.first, !"-?:,[]{}#&*!|>'\"%@`~".utf8.contains(first) else { return nil }
        // `: ` or ` #` inside would make YAML read something else; looked for on bytes, not by Foundation.
        let pairs = zip(value, value.dropFirst())
        guard !pairs.contains(where: { ($0 == 0x3A && $1 == 0x20) || ($0 == 0x20 && $1 == 0x23) }), value.last != 0x3A else { return nil }
        let text = String(decoding: value, as: UTF8.self)
        guard text != "null", text != "Null", text != "NULL" else { return nil }
        return text
    }

    /// A catalogue holding only the page as `text` has it, so `CatalogueDiff`
    /// compares just that page; nil when the text does not read as one.
    static func catalogue(holding plan: Plan, text: String, config: SiteConfig) -> Catalogue? {
        var diagnostics: [Diagnostic] = []
        let file = SourceFile(relativePath: plan.path, displayPath: plan.path, text: text)
        let document = FrontMatterDocument.parse(file, into: &diagnostics)
        guard document.fields != nil, !diagnostics.hasErrors else { return nil }
        return catalogue(holding: plan, document: document, config: config)
    }

    static func catalogue(holding plan: Plan, document: FrontMatterDocument, config: SiteConfig) -> Catalogue? {
        var diagnostics: [Diagnostic] = []
        var catalogue = Catalogue(
            config: config, functions: [], services: [:], rules: [:], journeys: [], pages: [], glossary: [], attachments: [],
            relations: Relations())
        switch plan.subject {
        case .rule(let key): catalogue.rules[key] = Rule.decode(key: key, document, into: &diagnostics)
        case .service(let key): catalogue.services[key] = Service.decode(key: key, document, into: &diagnostics)
        }
        return diagnostics.hasErrors ? nil : catalogue
    }

    /// The body paragraph by paragraph, so only changed paragraphs are
    /// compared word by word; the wording change reads as `remit diff` says it
    /// (`WordDiff`'s summary of the same places).
    static func body(_ old: Text, _ new: Text, path: String) -> (Change?, [Redline]) {
        guard old.body != new.body else { return (nil, []) }
        let changed = Redline.paragraphChanges(old: old.body, new: new.body)
        guard !changed.isEmpty else { return (nil, []) }
        let words = WordDiff(hunks: changed.flatMap(\.hunks))
        let wording = Change(
            .wordingChanged, .page, id: "", function: nil, title: "", field: "body",
            old: .list(words.hunks.map { WordDiff.phrase($0.removed) }), new: .list(words.hunks.map { WordDiff.phrase($0.inserted) }),
            note: words.summary)
        return (wording, changed.map(\.redline))
    }
}

extension WordDiff {
    /// Places already found (by `Redline`, on the paragraphs that changed).
    init(hunks: [Hunk]) { self.hunks = hunks }
}
