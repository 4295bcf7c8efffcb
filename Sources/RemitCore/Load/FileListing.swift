import Foundation
#if canImport(Glibc)
import Glibc
#endif

extension ContentFolder {
    /// Regular files below `root`, relative and sorted; hidden files are skipped
    /// and symbolic links followed only while they stay inside the folder.
    static func listFiles(_ root: URL, into diagnostics: inout [Diagnostic], displayPrefix: String) -> [String] {
        var followedLinks = false
        return listFiles(root, into: &diagnostics, displayPrefix: displayPrefix, followedLinks: &followedLinks)
    }

    /// The same, saying whether any symbolic link was followed. Each entry
    /// costs one `lstat`; only a link is resolved (resolving every path, a
    /// `stat` per component, was half of reading a 10,000-page catalogue).
    static func listFiles(_ root: URL, into diagnostics: inout [Diagnostic], displayPrefix: String, followedLinks: inout Bool) -> [String] {
        let rootPath = root.standardizedFileURL.path
        let realRoot = root.resolvingSymlinksInPath().path
        var result: [String] = []
        var visited: Set<String> = []
        func problem(_ path: String, _ message: String) {
            diagnostics.append(Diagnostic(.error, at: SourceLocation(path: displayPrefix + "/" + path, line: 1, column: 1), message))
        }
        func walk(_ directory: String, _ relative: String, real: String) {
            guard visited.insert(real).inserted else { return }
            let names: [String]
            do {
                names = try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
            } catch {
                problem(relative, "cannot read folder: \(error.localizedDescription)")
                return
            }
            for name in names where !name.hasPrefix(".") {
                let full = directory + "/" + name
                let path = relative.isEmpty ? name : relative + "/" + name
                var info = stat()
                let type = lstat(full, &info) == 0 ? info.st_mode & S_IFMT : S_IFLNK
                if type == S_IFDIR {
                    walk(full, path, real: real + "/" + name)
                    continue
                }
                guard type == S_IFLNK else {
                    result.append(path)
                    continue
                }
                followedLinks = true
                let target = URL(fileURLWithPath: full).resolvingSymlinksInPath().path
                guard target == realRoot || target.hasPrefix(realRoot + "/") else {
                    problem(path, "symbolic link points outside the content folder")
                    continue
                }
                var isDirectory: ObjCBool = false
                guard FileManager.default.fileExists(atPath: target, isDirectory: &isDirectory) else {
                    problem(path, "broken symbolic link")
                    continue
                }
                if isDirectory.boolValue { walk(full, path, real: target) } else { result.append(path) }
            }
        }
        walk(rootPath, "", real: realRoot)
        return result.sorted()
    }

    /// Each file's bytes, in order, read on every core; nil where a read
    /// failed (the caller reads it again to say why).
    static func readAll(_ urls: [URL]) -> [Data?] {
        urls.mapOnEveryCore { try? Data(contentsOf: $0) }
    }
}
