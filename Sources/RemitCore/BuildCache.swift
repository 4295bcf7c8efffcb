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
        var source: String
        var firstLine: Int
        var siteMap: Int
        var rendered: RenderedBody
    }

    var bodies: [String: CachedBody] = [:]
    /// Output path → fingerprint of what was written there; nil before the first write.
    var written: [String: Int]?
    /// Bodies parsed and files written by the last build, for the log and tests.
    public internal(set) var bodiesRendered = 0
    public internal(set) var filesChanged = 0

    public init() {}

    /// The cached body for a source, if nothing it depends on changed.
    func body(for source: PageSource, siteMap: Int) -> RenderedBody? {
        guard let cached = bodies[source.file.relativePath], cached.siteMap == siteMap,
            cached.firstLine == source.bodyFirstLine, cached.source == source.body
        else { return nil }
        return cached.rendered
    }
}

extension SiteMap {
    /// Changes whenever any page's address, the set of attachments, or the
    /// site's path (`base_url`), does: all of them end up in a body's links.
    func fingerprint(basePath: String) -> Int {
        var hasher = Hasher()
        hasher.combine(basePath)
        for entry in entries {
            hasher.combine(entry.source.file.relativePath)
            hasher.combine(entry.route)
        }
        hasher.combine(attachmentPaths.sorted())
        return hasher.finalize()
    }
}

extension OutputFile {
    /// Equal for equal contents (or the same attachment, unchanged on disk).
    var fingerprint: Int {
        var hasher = Hasher()
        switch contents {
        case .data(let data):
            hasher.combine(data)
        case .copy(let url):
            let attributes = try? FileManager.default.attributesOfItem(atPath: url.path)
            hasher.combine(url.path)
            hasher.combine((attributes?[.modificationDate] as? Date)?.timeIntervalSince1970)
            hasher.combine((attributes?[.size] as? NSNumber)?.intValue)
        }
        return hasher.finalize()
    }
}
