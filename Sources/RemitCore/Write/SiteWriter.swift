import Foundation

/// Writes the whole site into a fresh folder beside the output and swaps it in
/// only when every file is written: a failed build leaves the previous site as it was.
public enum SiteWriter {
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    public static func write(_ files: [OutputFile], to output: URL) throws {
        let fileManager = FileManager.default
        let output = output.standardizedFileURL
        let parent = output.deletingLastPathComponent()
        try fileManager.createDirectory(at: parent, withIntermediateDirectories: true)
        let token = UUID().uuidString.prefix(8)
        let staging = parent.appendingPathComponent(".\(output.lastPathComponent).remit-new-\(token)")
        let retired = parent.appendingPathComponent(".\(output.lastPathComponent).remit-old-\(token)")
        do {
            try fileManager.createDirectory(at: staging, withIntermediateDirectories: false)
            var created: Set<String> = []
            for file in files {
                guard isSafeRelativePath(file.path) else {
                    throw Failure(description: "refusing to write outside the output folder: \(file.path)")
                }
                let destination = staging.appendingPathComponent(file.path)
                let folder = destination.deletingLastPathComponent().path
                if created.insert(folder).inserted {
                    try fileManager.createDirectory(atPath: folder, withIntermediateDirectories: true)
                }
                switch file.contents {
                case .data(let data): try data.write(to: destination)
                case .copy(let source): try fileManager.copyItem(at: source, to: destination)
                }
            }
        } catch {
            try? fileManager.removeItem(at: staging)
            throw error
        }
        if fileManager.fileExists(atPath: output.path) {
            try fileManager.moveItem(at: output, to: retired)
            do {
                try fileManager.moveItem(at: staging, to: output)
            } catch {
                try? fileManager.moveItem(at: retired, to: output)
                try? fileManager.removeItem(at: staging)
                throw error
            }
            try? fileManager.removeItem(at: retired)
        } else {
            try fileManager.moveItem(at: staging, to: output)
        }
    }

    /// For `remit serve`: writes, in place, only the files whose fingerprint
    /// differs from the last build's, and removes the files it no longer makes.
    /// Returns the new fingerprints and how many files changed. Not atomic, so
    /// a one-off build never uses it; a build with errors never gets here.
    static func update(_ files: [OutputFile], in output: URL, previous: [String: Int]) throws -> ([String: Int], Int) {
        let fileManager = FileManager.default
        var fingerprints: [String: Int] = [:]
        var changed = 0
        for file in files {
            guard isSafeRelativePath(file.path) else {
                throw Failure(description: "refusing to write outside the output folder: \(file.path)")
            }
            let fingerprint = file.fingerprint
            fingerprints[file.path] = fingerprint
            guard previous[file.path] != fingerprint else { continue }
            let destination = output.appendingPathComponent(file.path)
            try fileManager.createDirectory(at: destination.deletingLastPathComponent(), withIntermediateDirectories: true)
            switch file.contents {
            case .data(let data): try data.write(to: destination, options: .atomic)
            case .copy(let source):
                try? fileManager.removeItem(at: destination)
                try fileManager.copyItem(at: source, to: destination)
            }
            changed += 1
        }
        for path in previous.keys where fingerprints[path] == nil && isSafeRelativePath(path) {
            try? fileManager.removeItem(at: output.appendingPathComponent(path))
            changed += 1
        }
        return (fingerprints, changed)
    }

    /// Relative, no `..`, no empty or hidden components: stays inside the folder.
    static func isSafeRelativePath(_ path: String) -> Bool {
        guard !path.isEmpty, !path.hasPrefix("/"), !path.contains("\\"), !path.contains("\0") else { return false }
        return path.split(separator: "/", omittingEmptySubsequences: false).allSatisfy {
            !$0.isEmpty && $0 != "." && $0 != ".."
        }
    }
}
