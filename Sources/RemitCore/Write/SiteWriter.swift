import Foundation

/// Writes the whole site into a fresh folder beside the output and swaps it in
/// only when every file is written: a failed build leaves the previous site as it was.
public enum SiteWriter {
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// Writes the site into `output.real`, replacing what is there. Call only
    /// with an `OutputFolder` that `OutputFolder.resolve` allowed.
    public static func write(_ files: [OutputFile], to output: OutputFolder) throws {
        let fileManager = FileManager.default
        let target = output.real
        let parent = target.deletingLastPathComponent()
        try fileManager.createDirectory(at: parent, withIntermediateDirectories: true)
        removeStaleStaging(beside: target)
        // The process id lets a later build tell a killed build's leftovers
        // from a build that is still running.
        let token = "\(getpid())-\(UUID().uuidString.prefix(8))"
        let staging = parent.appendingPathComponent(".\(target.lastPathComponent).remit-new-\(token)")
        let retired = parent.appendingPathComponent(".\(target.lastPathComponent).remit-old-\(token)")
        Staging.shared.add(staging)
        defer { Staging.shared.remove(staging) }
        do {
            try fileManager.createDirectory(at: staging, withIntermediateDirectories: false)
            try Data(OutputFolder.markerText.utf8).write(to: staging.appendingPathComponent(OutputFolder.markerName))
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
        if fileManager.fileExists(atPath: target.path) {
            Staging.shared.add(retired)
            defer { Staging.shared.remove(retired) }
            try fileManager.moveItem(at: target, to: retired)
            do {
                try fileManager.moveItem(at: staging, to: target)
            } catch {
                try? fileManager.moveItem(at: retired, to: target)
                try? fileManager.removeItem(at: staging)
                throw error
            }
            try? fileManager.removeItem(at: retired)
        } else {
            try fileManager.moveItem(at: staging, to: target)
        }
    }

    /// Removes the staging and retired folders that builds killed before they
    /// could clean up left beside `target`: only folders named as this writer
    /// names them, holding its marker, whose process is gone.
    static func removeStaleStaging(beside target: URL) {
        let fileManager = FileManager.default
        let parent = target.deletingLastPathComponent()
        let prefixes = [".\(target.lastPathComponent).remit-new-", ".\(target.lastPathComponent).remit-old-"]
        guard let names = try? fileManager.contentsOfDirectory(atPath: parent.path) else { return }
        let ours = Set(Staging.shared.all().map(\.lastPathComponent))
        for name in names where !ours.contains(name) {
            guard let prefix = prefixes.first(where: name.hasPrefix) else { continue }
            let folder = parent.appendingPathComponent(name)
            let pid = name.dropFirst(prefix.count).split(separator: "-").first.flatMap { pid_t($0) }
            if let pid, pid != getpid(), kill(pid, 0) == 0 || errno == EPERM { continue }  // still running
            guard fileManager.fileExists(atPath: folder.appendingPathComponent(OutputFolder.markerName).path) else { continue }
            try? fileManager.removeItem(at: folder)
        }
    }

    /// The folders a build in this process is writing now, so that an
    /// interrupted build (SIGINT, SIGTERM) can remove them before it exits.
    final class Staging: @unchecked Sendable {
        static let shared = Staging()
        private let lock = NSLock()
        private var folders: Set<URL> = []

        func add(_ folder: URL) { lock.withLock { _ = folders.insert(folder) } }
        func remove(_ folder: URL) { lock.withLock { _ = folders.remove(folder) } }
        func all() -> [URL] { lock.withLock { Array(folders) } }
    }

    /// Removes this process's half-written folders; for a signal handler.
    /// A retired site is moved back first, so the previous site survives.
    public static func abandonStaging() {
        let fileManager = FileManager.default
        for folder in Staging.shared.all() {
            let name = folder.lastPathComponent
            if let range = name.range(of: ".remit-old-") {
                let original = folder.deletingLastPathComponent().appendingPathComponent(String(name[name.index(after: name.startIndex)..<range.lowerBound]))
                if !fileManager.fileExists(atPath: original.path) {
                    try? fileManager.moveItem(at: folder, to: original)
                    continue
                }
            }
            try? fileManager.removeItem(at: folder)
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
