import Foundation

/// A content folder as a git commit holds it, read from git's objects into
/// memory (one `ls-tree`, one `cat-file --batch`), never checked out over the
/// editor's work tree. It becomes a `ContentFolder` exactly as a folder on disk
/// does (`ContentFolder.assemble`), so it loads through the same pipeline.
public struct GitRevision: Sendable {
    /// As the user wrote it: `main`, `HEAD~1`, `origin/main`.
    public var name: String
    /// The full commit id it names.
    public var commit: String
    /// The content folder's path inside the repository, with a trailing `/`
    /// (`content/`), or empty when the folder is the repository's root.
    var prefix: String
    var command: GitCommand

    public enum Failure: Error, Sendable, Equatable, CustomStringConvertible {
        case gitUnavailable
        case notARepository(String)
        case unknownRevision(String)
        case unreadable(String)

        public var description: String {
            switch self {
            case .gitUnavailable: "git is not installed (or not on PATH), so revisions cannot be read"
            case .notARepository(let folder): "'\(folder)' is not inside a git repository, so it has no revisions to compare"
            case .unknownRevision(let name): "unknown revision '\(name)': git has no commit of that name (try a branch, a tag or a commit id; `git log --oneline` lists commits)"
            case .unreadable(let detail): "cannot read the revision from git: \(detail)"
            }
        }
    }

    /// Finds the commit `name` names, for the repository holding `contentDirectory`.
    public static func resolve(_ name: String, contentDirectory: URL, git: String = "git") -> Result<GitRevision, Failure> {
        let command = GitCommand(git: git, directory: contentDirectory)
        guard let prefix = command.run(["rev-parse", "--show-prefix"]) else { return .failure(.gitUnavailable) }
        guard prefix.succeeded else { return .failure(.notARepository(contentDirectory.path)) }
        // A name starting with '-' would be read as an option.
        guard !name.isEmpty, !name.hasPrefix("-"),
            let commit = command.run(["rev-parse", "--verify", "--quiet", "--end-of-options", name + "^{commit}"]), commit.succeeded
        else { return .failure(.unknownRevision(name)) }
        return .success(GitRevision(
            name: name, commit: commit.text.trimmingCharacters(in: .whitespacesAndNewlines),
            prefix: prefix.text.trimmingCharacters(in: .newlines), command: command))
    }

    /// The files of the content folder in this commit; non-UTF-8 text and
    /// symbolic links leading out are reported as they are on disk.
    public func contentFolder(_ contentDirectory: URL, into diagnostics: inout [Diagnostic]) -> Result<ContentFolder, Failure> {
        let displayPrefix = contentDirectory.standardizedFileURL.lastPathComponent
        guard let listing = command.run(["ls-tree", "-r", "-z", "--full-tree", commit] + (prefix.isEmpty ? [] : ["--", prefix])),
            listing.succeeded
        else { return .failure(.unreadable("git ls-tree \(commit) failed")) }
        // Submodules (mode 160000) are not part of the catalogue.
        let tree = Self.parseTree(listing.standardOutput, prefix: prefix).filter { $0.value.mode != "160000" }
        let blobs: [String: Data]
        switch readBlobs(Array(Set(tree.values.map(\.object))).sorted()) {
        case .success(let read): blobs = read
        case .failure(let failure): return .failure(failure)
        }
        var files: [(relativePath: String, bytes: Attachment.Bytes)] = []
        for path in tree.keys.sorted() where !path.split(separator: "/").contains(where: { $0.hasPrefix(".") }) {
            let location = SourceLocation(path: displayPrefix + "/" + path, line: 1, column: 1)
            switch Self.follow(path, in: tree, blobs: blobs) {
            case .files(let found): files += found.map { ($0.path, .data($0.data)) }
            case .outside: diagnostics.append(Diagnostic(.error, at: location, "symbolic link points outside the content folder"))
            case .broken: diagnostics.append(Diagnostic(.error, at: location, "broken symbolic link"))
            }
        }
        files.sort { $0.relativePath < $1.relativePath }
        return .success(ContentFolder.assemble(directory: contentDirectory.standardizedFileURL, displayPrefix: displayPrefix, files: files, into: &diagnostics))
    }

    struct TreeEntry: Equatable {
        var mode: String
        var object: String
        var isLink: Bool { mode == "120000" }
    }

    /// `ls-tree -z` records, `<mode> <type> <object>\t<path>`, by path relative to the content folder.
    static func parseTree(_ data: Data, prefix: String) -> [String: TreeEntry] {
        var tree: [String: TreeEntry] = [:]
        for record in data.split(separator: 0) {
            guard let tab = record.firstIndex(of: 0x09) else { continue }
            let header = String(decoding: record[record.startIndex..<tab], as: UTF8.self).split(separator: " ")
            let path = String(decoding: record[record.index(after: tab)...], as: UTF8.self)
            guard header.count == 3, path.hasPrefix(prefix) else { continue }
            tree[String(path.dropFirst(prefix.count))] = TreeEntry(mode: String(header[0]), object: String(header[2]))
        }
        return tree
    }

    enum Followed {
        case files([(path: String, data: Data)])
        case outside, broken
    }

    /// A regular file is itself. A symbolic link is followed, as the folder on
    /// disk would be, while it stays inside the folder: to a file (a few hops at
    /// most), or to a folder, whose files then appear under the link's path.
    static func follow(_ path: String, in tree: [String: TreeEntry], blobs: [String: Data], hops: Int = 0) -> Followed {
        guard let entry = tree[path], let data = blobs[entry.object] else { return .broken }
        guard entry.isLink else { return .files([(path, data)]) }
        let target = String(decoding: data, as: UTF8.self)
        guard hops < 8 else { return .broken }
        guard !target.hasPrefix("/") else { return .outside }
        var parts = path.split(separator: "/").dropLast().map(String.init)
        for part in target.split(separator: "/") {
            switch part {
            case ".": continue
            case "..":
                guard !parts.isEmpty else { return .outside }
                parts.removeLast()
            default: parts.append(String(part))
            }
        }
        let resolved = parts.joined(separator: "/")
        if tree[resolved] != nil {
            let followed = follow(resolved, in: tree, blobs: blobs, hops: hops + 1)
            guard case .files(let found) = followed else { return followed }
            return .files(found.map { (path, $0.data) })
        }
        let inside = tree.keys.filter { $0.hasPrefix(resolved + "/") }.sorted()
        guard !inside.isEmpty, !resolved.isEmpty else { return .broken }
        var found: [(path: String, data: Data)] = []
        for file in inside where !(tree[file]?.isLink ?? true) {
            if let data = tree[file].flatMap({ blobs[$0.object] }) {
                found.append((path + file.dropFirst(resolved.count), data))
            }
        }
        return .files(found)
    }

    /// Every object's bytes from one `git cat-file --batch` (`GitCommand.objects`).
    func readBlobs(_ objects: [String]) -> Result<[String: Data], Failure> {
        guard let blobs = command.objects(objects) else { return .failure(.unreadable("git cat-file --batch failed")) }
        if let missing = objects.first(where: { blobs[$0] == nil }) { return .failure(.unreadable("git cat-file answered '\(missing) missing'")) }
        return .success(blobs)
    }
}
