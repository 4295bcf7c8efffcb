import Foundation

/// Maps a request path to a file of the built site, refusing every way out of
/// it: `..` and `.` segments (also percent-encoded, `%2e%2e`, or with
/// backslashes), NUL bytes, and symbolic links that lead outside the folder.
public struct SiteFiles: Sendable {
    public enum Resolution: Equatable, Sendable {
        case file(URL)
        /// A folder asked for without its trailing slash, or the root outside `base`.
        case redirect(String)
        case notFound
        /// A path that tries to leave the site or cannot be decoded.
        case refused
    }

    /// The output folder, symlinks resolved.
    public let root: URL
    /// `base_url`'s path: `/` or `/services/`.
    public let basePath: String

    public init(root: URL, basePath: String) {
        self.root = root.standardizedFileURL.resolvingSymlinksInPath()
        self.basePath = basePath
    }

    public func resolve(_ rawPath: String) -> Resolution {
        let pathOnly = String(rawPath.prefix { $0 != "?" && $0 != "#" })
        guard let path = pathOnly.removingPercentEncoding, !path.contains("\0"), !path.contains("\\") else { return .refused }
        let segments = path.split(separator: "/", omittingEmptySubsequences: false)
        guard !segments.contains(where: { $0 == ".." || $0 == "." }) else { return .refused }
        // `//host/…` would redirect the browser to another host.
        guard !path.contains("//") else { return .refused }
        guard path.hasPrefix(basePath) else {
            return path == "/" || path == "" || basePath.hasPrefix(path + "/") ? .redirect(basePath) : .notFound
        }
        let inside = String(path.dropFirst(basePath.count))
        var url = inside.isEmpty ? root : root.appendingPathComponent(inside)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else { return .notFound }
        if isDirectory.boolValue {
            guard path.hasSuffix("/") else { return .redirect(pathOnly + "/") }
            url = url.appendingPathComponent("index.html")
            guard FileManager.default.fileExists(atPath: url.path) else { return .notFound }
        }
        // The last line of defence: wherever links point, the file must be inside the site.
        let real = url.resolvingSymlinksInPath().path
        guard real.hasPrefix(root.path + "/") else { return .refused }
        return .file(URL(fileURLWithPath: real))
    }
}
