import Foundation

/// Writes the whole site into a fresh folder beside the output and swaps it in
/// only when every file is written: a failed build leaves the previous site as it was.
public enum SiteWriter {
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// A site being written into a fresh folder beside the output, a file at
    /// a time (a build writes each page as soon as it is rendered, so the
    /// whole site is never held in memory); `finish` swaps it in, `abandon`
    /// removes it. Interrupted (SIGINT, SIGTERM), the folder is removed. Make
    /// one only for an `OutputFolder` that `OutputFolder.resolve` allowed.
    struct Staged {
        let target: URL
        let staging: URL
        let retired: URL
        private var created: Set<String> = []

        init(_ output: OutputFolder) throws {
            let fileManager = FileManager.default
            target = output.real
            let parent = target.deletingLastPathComponent()
            try fileManager.createDirectory(at: parent, withIntermediateDirectories: true)
            removeStaleStaging(beside: target)
            // The process id lets a later build tell a killed build's leftovers
            // from a build that is still running.
            let token = "\(getpid())-\(UUID().uuidString.prefix(8))"
            staging = parent.appendingPathComponent(".\(target.lastPathComponent).remit-new-\(token)")
            retired = parent.appendingPathComponent(".\(target.lastPathComponent).remit-old-\(token)")
            Staging.shared.add(staging)
            do {
                try fileManager.createDirectory(at: staging, withIntermediateDirectories: false)
                try Data(OutputFolder.markerText.utf8).writeWithoutSync(to: staging.appendingPathComponent(OutputFolder.markerName))
            } catch {
                try? fileManager.removeItem(at: staging)
                Staging.shared.remove(staging)
                throw error
            }
        }

        mutating func write(_ file: OutputFile) throws {
            guard isSafeRelativePath(file.path) else {
                throw Failure(description: "refusing to write outside the output folder: \(file.path)")
            }
            let destination = staging.appendingPathComponent(file.path)
            let folder = destination.deletingLastPathComponent().path
            let fileManager = FileManager.default
            let isNew = !created.contains(folder)
            try Staging.shared.writing {
                if isNew { try fileManager.createDirectory(atPath: folder, withIntermediateDirectories: true) }
                switch file.contents {
                case .data, .text, .pieces: try file.contents.writeWithoutSync(to: destination)
                case .copy(let source): try fileManager.copyItem(at: source, to: destination)
                case .unchanged: throw Failure(description: "internal error: \(file.path) was not rendered for a full write")
                }
            }
            if isNew { created.insert(folder) }
        }

        /// Swaps the staging folder in for the output; on failure the previous site stays.
        func finish() throws {
            let fileManager = FileManager.default
            defer { Staging.shared.remove(staging) }
            do {
                try Staging.shared.writing {
                    if fileManager.fileExists(atPath: target.path) {
                        try fileManager.moveItem(at: target, to: retired)
                        do {
                            try fileManager.moveItem(at: staging, to: target)
                        } catch {
                            try? fileManager.moveItem(at: retired, to: target)
                            throw error
                        }
                    } else {
                        try fileManager.moveItem(at: staging, to: target)
                    }
                }
            } catch {
                try? fileManager.removeItem(at: staging)
                throw error
            }
            try? fileManager.removeItem(at: retired)
        }

        func abandon() {
            try? FileManager.default.removeItem(at: staging)
            Staging.shared.remove(staging)
        }
    }

    /// Takes each file as the renderer makes it and writes it into a
    /// `Staged` site at once, keeping only its fingerprint: the first failure
    /// (disk full) is kept, later files are dropped, and `finish` reports it.
    final class Sink {
        private var staged: Staged
        private var failure: Error?

        init(_ output: OutputFolder) throws { staged = try Staged(output) }

        /// The file as the build keeps it: written, its bytes let go.
        func take(_ file: OutputFile) -> OutputFile {
            if failure == nil {
                do { try staged.write(file) } catch { failure = error }
            }
            var kept = OutputFile(path: file.path, contents: .unchanged)
            kept.knownFingerprint = file.fingerprint
            return kept
        }

        func finish() throws {
            if let failure {
                staged.abandon()
                throw failure
            }
            try staged.finish()
        }

        func abandon() { staged.abandon() }
    }

    /// Removes the staging and retired folders that builds killed before they
    /// could clean up left beside `target`: only folders named as this writer
    /// names them, whose process is gone.
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
            // A retired site may be half removed, marker included; a staging
            // folder holds the marker from its first moment on, or nothing.
            let isOurs = prefix.hasSuffix("-old-")
                || fileManager.fileExists(atPath: folder.appendingPathComponent(OutputFolder.markerName).path)
                || (try? fileManager.contentsOfDirectory(atPath: folder.path))?.isEmpty == true
            if isOurs { try? fileManager.removeItem(at: folder) }
        }
    }

    /// The folders a build in this process is writing now, so that an
    /// interrupted build (SIGINT, SIGTERM) can remove them before it exits.
    /// Each file is written under the lock, so a signal handler that takes it
    /// stops the writer between two files: nothing is recreated after removal.
    final class Staging: @unchecked Sendable {
        static let shared = Staging()
        private let lock = NSLock()
        private var folders: Set<URL> = []

        func add(_ folder: URL) { lock.withLock { _ = folders.insert(folder) } }
        func remove(_ folder: URL) { lock.withLock { _ = folders.remove(folder) } }
        func all() -> [URL] { lock.withLock { Array(folders) } }
        func writing<T>(_ body: () throws -> T) rethrows -> T { try lock.withLock(body) }

        /// Takes the lock for good, removes this process's staging folders, and exits.
        func abandon(exitCode: Int32) -> Never {
            lock.lock()
            let fileManager = FileManager.default
            for folder in folders where folder.lastPathComponent.contains(".remit-new-") {
                try? fileManager.removeItem(at: folder)
            }
            exit(exitCode)
        }
    }

    /// Removes this process's half-written staging folder and exits; for a
    /// signal handler. The previous site is untouched: it is only moved once
    /// the new one is complete, under the same lock.
    public static func abandonStaging(exitCode: Int32) -> Never {
        Staging.shared.abandon(exitCode: exitCode)
    }

    /// For `remit serve`: writes, in place, only the files whose fingerprint
    /// differs from the last build's, and removes the files it no longer makes.
    /// Returns the new fingerprints and how many files changed. Not atomic, so
    /// a one-off build never uses it; a build with errors never gets here.
    static func update(_ files: [OutputFile], in output: URL, previous: [String: Int]) throws -> ([String: Int], Int) {
        try update(files, in: output, previous: previous, removing: nil)
    }

    /// Writes `files` whose fingerprint is not `previous`'s, and removes the
    /// files of `stale` (nil: of `previous`) not among them.
    private static func update(_ files: [OutputFile], in output: URL, previous: [String: Int], removing stale: Set<String>?) throws -> ([String: Int], Int) {
        let fileManager = FileManager.default
        var fingerprints: [String: Int] = [:]
        fingerprints.reserveCapacity(files.count)
        var changed = 0
        for file in files {
            let fingerprint = file.fingerprint
            fingerprints[file.path] = fingerprint
            // A file that stands is not touched, so its path needs no check
            // (it had one when it was written).
            guard previous[file.path] != fingerprint else { continue }
            guard isSafeRelativePath(file.path) else {
                throw Failure(description: "refusing to write outside the output folder: \(file.path)")
            }
            let destination = output.appendingPathComponent(file.path)
            try fileManager.createDirectory(at: destination.deletingLastPathComponent(), withIntermediateDirectories: true)
            switch file.contents {
            case .data, .text, .pieces: try file.contents.data?.write(to: destination, options: .atomic)
            case .copy(let source):
                try? fileManager.removeItem(at: destination)
                try fileManager.copyItem(at: source, to: destination)
            case .unchanged:
                continue
            }
            changed += 1
        }
        for path in stale.map(Array.init) ?? Array(previous.keys) where fingerprints[path] == nil && isSafeRelativePath(path) {
            try? fileManager.removeItem(at: output.appendingPathComponent(path))
            changed += 1
        }
        return (fingerprints, changed)
    }

    /// For `remit serve` after a body edit (`BodyEdit`): writes `files` in
    /// place, and removes the files of `replaced` it no longer makes (a
    /// search index made again may have fewer parts); every other file stands.
    static func replace(_ files: [OutputFile], replacing replaced: Set<String>, in output: URL, previous: [String: Int]) throws -> ([String: Int], Int) {
        var fingerprints = previous
        for path in replaced { fingerprints[path] = nil }
        let (written, changed) = try update(files, in: output, previous: previous, removing: replaced.subtracting(files.map(\.path)))
        fingerprints.merge(written) { $1 }
        return (fingerprints, changed)
    }

    /// Relative, no `..`, no empty or hidden components: stays inside the folder.
    /// On bytes: every file of the site is checked before each write.
    static func isSafeRelativePath(_ path: String) -> Bool {
        guard !path.isEmpty else { return false }
        return path.utf8.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false).allSatisfy { component in
            !component.isEmpty && !component.elementsEqual(".".utf8) && !component.elementsEqual("..".utf8)
                && !component.contains(UInt8(ascii: "\\")) && !component.contains(0)
        }
    }
}
