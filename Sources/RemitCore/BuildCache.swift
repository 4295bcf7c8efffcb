import Foundation

/// What one build leaves for the next in a long-running process (`remit
/// serve`), so a rebuild redoes only what an edit affects:
/// - a page body is parsed again only if its Markdown changed, or if any
///   page's address or the site's path did (links resolve through the site map);
/// - only files whose bytes changed are written, in place, and files no longer
///   produced are removed.
/// A one-off `remit build` starts with an empty cache and writes atomically.
public struct BuildCache: Sendable {
    struct CachedBody: Sendable {
        var source: Substring
        var firstLine: Int
        var siteMap: Int
        var rendered: RenderedBody
    }

    var bodies: [String: CachedBody] = [:]
    /// Each Markdown file's front matter as last parsed, by relative path, with the text it was parsed from.
    var documents: [String: (text: String, parsed: (FrontMatterDocument, [Diagnostic]))] = [:]
    /// Markdown files whose text changed since the last build (none on the first), for the log.
    public internal(set) var sourcesChanged: [String] = []
    /// Output path → fingerprint of what was written there; nil before the first write.
    var written: [String: Int]?
    /// Bodies parsed and files written by the last build, for the log and tests.
    public internal(set) var bodiesRendered = 0
    /// Pages whose view changed, so their template ran again.
    public internal(set) var pagesRendered = 0
    public internal(set) var filesChanged = 0
    /// The last build took the short way of a body edit (`BodyEdit`).
    public internal(set) var rebuiltBodiesOnly = false
    /// How many pages showed what the last build's edit changed, when only
    /// they were looked at (`FrontMatterEdit`); nil when every page was.
    public internal(set) var pagesReached: Int?
    /// The output paths of the pages and feeds it reached, for tests.
    public internal(set) var pathsReached: Set<String>?
    /// The last build's dates and versions from git, kept while the commits are the same.
    var git: GitRecord?
    /// The last build's search index (its entries by the hash of what each is made from).
    var search: SearchIndex?
    /// Each Markdown file as the last build decoded it into the catalogue.
    var decoded = CatalogueBuilder.DecodedFiles()
    /// Each page's own findings from the last check (`Validator.pageFindings`).
    var pageFindings: PageFindingsMemo?
    /// The templates' findings, for as long as the templates are the same.
    var templateFindings: TemplateCheck.Memo?
    /// catalogue.json's entries as the last build encoded them.
    let catalogueJSON = CatalogueJSON.Memo()
    /// The last build's search index files, by the hash of its entries.
    var searchFiles: SearchIndex.Files?
    /// The site on disk as the last successful build made it, for the next
    /// to start from if it can (`BodyEdit`).
    var site: BodyEdit.BuiltSite?
    /// The absolute paths the watcher saw change since that build; nil when
    /// it could not say.
    var unbuilt: Set<String>?

    /// The content folder as the last build read it, when reading it raised
    /// no problem, and the paths changed since (nil: unknown).
    var folder: ContentFolder?
    var unread: Set<String>?

    /// Adds the paths changed since the last call (nil: unknown).
    mutating func noteChanged(_ paths: [String]?) {
        unbuilt = paths.flatMap { paths in unbuilt.map { $0.union(paths) } }
        unread = paths.flatMap { paths in unread.map { $0.union(paths) } }
    }

    /// False for a one-off `remit build` or `remit check`: no next build
    /// will read the memos, so each is let go once the build is past the
    /// stage that fills it (`dropMemos`). At 100,000 pages the front matter
    /// memo alone was a tenth of the build's peak memory.
    let keepsForNextBuild: Bool

    public init() { keepsForNextBuild = true }

    init(keepsForNextBuild: Bool) { self.keepsForNextBuild = keepsForNextBuild }

    /// The stages whose memos a one-off build lets go as soon as it is past them.
    enum MemoStage {
        /// The content folder as read, its front matter as parsed, and its files as decoded.
        case catalogue
        /// The bodies as rendered, with the Markdown each was rendered from.
        case bodies
        /// Each page's own findings.
        case pageFindings
    }

    mutating func dropMemos(_ stage: MemoStage) {
        guard !keepsForNextBuild else { return }
        switch stage {
        case .catalogue:
            documents = [:]
            decoded = CatalogueBuilder.DecodedFiles()
            folder = nil
        case .bodies: bodies = [:]
        case .pageFindings: pageFindings = nil
        }
    }

    /// The cached body for a source, if nothing it depends on changed.
    func body(for source: PageSource, siteMap: Int) -> RenderedBody? {
        guard let cached = bodies[source.file.relativePath], cached.siteMap == siteMap,
            cached.firstLine == source.bodyFirstLine, cached.source == source.body
        else { return nil }
        return cached.rendered
    }
}

extension FrontMatterDocument {
    /// `parseAll`, parsing again only the files whose text changed since the
    /// build that filled `cache` (YAML is most of loading).
    /// Returns only the files parsed now: the rest are decoded as the last
    /// build decoded them (`CatalogueBuilder`), which parses any it needs.
    /// The cache is updated in place (made anew, ten thousand entries were
    /// copied twice after every save).
    static func parseAll(_ files: [SourceFile], cache: inout BuildCache) async -> [String: (FrontMatterDocument, [Diagnostic])] {
        let stale = files.filter { cache.documents[$0.relativePath]?.text != $0.text }
        let parsed = await parseAll(stale)
        let firstBuild = cache.documents.isEmpty
        for file in stale { cache.documents[file.relativePath] = (file.text, parsed[file.relativePath]!) }
        let removed = cache.documents.removeFilesGone(files)
        cache.sourcesChanged = firstBuild ? [] : (stale.map(\.displayPath) + removed.sorted()).sorted()
        return parsed
    }
}

extension SiteMap {
    /// Changes whenever any page's address, the set of attachments, or the
    /// site's path (`base_url`), does: all of them end up in a body's links.
    func fingerprint(basePath: String) -> Int {
        var hasher = Hasher()
        hasher.combine(basePath)
        hasher.combine(addresses)
        return hasher.finalize()
    }
}

extension OutputFile {
    /// Equal for equal contents (or the same attachment, unchanged on disk).
    var fingerprint: Int {
        if let knownFingerprint { return knownFingerprint }
        var hasher = Hasher()
        switch contents {
        case .unchanged:
            preconditionFailure("an unchanged file always carries its fingerprint")
        case .data, .text, .pieces:
            // Not `hasher.combine(data)`: Foundation hashes only a Data's first
            // bytes, so a same-length edit past them (a title in
            // catalogue.json) looked unchanged and was never written.
            // Hasher takes bytes as a stream: pieces hash as their join does.
            contents.forEachChunk { hasher.combine(bytes: $0) }
        case .copy(let url):
            let attributes = try? FileManager.default.attributesOfItem(atPath: url.path)
            hasher.combine(url.path)
            hasher.combine((attributes?[.modificationDate] as? Date)?.timeIntervalSince1970)
            hasher.combine((attributes?[.size] as? NSNumber)?.intValue)
        }
        return hasher.finalize()
    }
}
