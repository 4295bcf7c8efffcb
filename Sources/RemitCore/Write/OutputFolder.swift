import Foundation

/// Where a build may write, decided before anything is rendered. A build
/// replaces its output folder whole, so a wrong `--output` would delete an
/// editor's work: the output may never be, contain or sit inside the content
/// or templates folder, nor be the current folder or one of its ancestors, nor
/// a file; and a non-empty folder is replaced only if Remit wrote it (it holds
/// `markerName`), unless the user says `--force`.
public struct OutputFolder: Sendable, Equatable {
    /// The folder as the user named it.
    public var requested: URL
    /// Where the site really goes: a symbolic link is followed, so a deployment
    /// link (`public -> /var/www/site`) keeps pointing at the new site.
    public var real: URL

    /// Written into every site's root: how a later build knows it may replace the folder.
    public static let markerName = ".remit-site"
    static let markerText = "This folder was written by `remit build`; the next build replaces it whole.\n"

    public struct Refusal: Error, Sendable, CustomStringConvertible {
        public var description: String
    }

    public static func resolve(
        output: URL, content: URL, templates: URL?, workingDirectory: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath),
        force: Bool = false
    ) -> Result<OutputFolder, Refusal> {
        let fileManager = FileManager.default
        let real = realPath(output)
        let shown = output.relativePath
        var isDirectory: ObjCBool = false
        if fileManager.fileExists(atPath: real.path, isDirectory: &isDirectory), !isDirectory.boolValue {
            return .failure(Refusal(description: "the output '\(shown)' is a file, not a folder; name a folder for the site"))
        }
        var protected: [(String, URL)] = [("content folder", content)]
        if let templates, fileManager.fileExists(atPath: templates.path) { protected.append(("templates folder", templates)) }
        for (name, folder) in protected {
            let folderReal = realPath(folder)
            if real == folderReal {
                return .failure(Refusal(description: "the output '\(shown)' is the \(name) '\(folder.relativePath)'; the build would replace it"))
            }
            if isInside(real, folderReal) {
                return .failure(Refusal(description: "the output '\(shown)' is inside the \(name) '\(folder.relativePath)'; the site would be read back as content on the next build"))
            }
            if isInside(folderReal, real) {
                return .failure(Refusal(description: "the output '\(shown)' contains the \(name) '\(folder.relativePath)'; the build would replace it"))
            }
        }
        let here = realPath(workingDirectory)
        if real == here || isInside(here, real) {
            return .failure(Refusal(description: "the output '\(shown)' is the current folder or holds it; name a folder of its own, such as public"))
        }
        if !force, let entries = try? fileManager.contentsOfDirectory(atPath: real.path), !entries.isEmpty,
            !entries.contains(markerName)
        {
            return .failure(Refusal(description: "the output '\(shown)' is a folder Remit did not write (it has no \(markerName)), and the build would replace it; empty it, name another folder, or pass --force"))
        }
        return .success(OutputFolder(requested: output, real: real))
    }

    /// The path with every symbolic link resolved, for a path that may not exist
    /// yet (or a link whose target does not): the longest existing ancestor is
    /// resolved and the rest appended.
    static func realPath(_ url: URL) -> URL {
        var current = url.standardizedFileURL
        // A link to a folder that is not there yet still says where the site goes.
        for _ in 0..<40 {
            guard let destination = try? FileManager.default.destinationOfSymbolicLink(atPath: current.path) else { break }
            current = URL(fileURLWithPath: destination, relativeTo: current.deletingLastPathComponent()).standardizedFileURL
        }
        var existing = current
        var missing: [String] = []
        while !FileManager.default.fileExists(atPath: existing.path), existing.path != "/" {
            missing.insert(existing.lastPathComponent, at: 0)
            existing.deleteLastPathComponent()
        }
        var result = existing.resolvingSymlinksInPath()
        for component in missing { result.appendPathComponent(component) }
        return result.standardizedFileURL
    }

    /// Whether `path` is strictly below `folder`.
    static func isInside(_ path: URL, _ folder: URL) -> Bool {
        let base = folder.path.hasSuffix("/") ? folder.path : folder.path + "/"
        return path.path.hasPrefix(base)
    }
}
