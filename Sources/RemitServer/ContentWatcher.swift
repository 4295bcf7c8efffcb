import Foundation

/// Notices changes under the watched folders by comparing, a few times a
/// second, every file's path, size and modification time. Polling is portable,
/// needs no system watcher API, and costs one `stat` per file per poll.
struct ContentWatcher: Sendable {
    let folders: [URL]

    /// Path → (size, modification time).
    typealias Snapshot = [String: [Double]]

    func snapshot() -> Snapshot {
        var result: Snapshot = [:]
        let keys: [URLResourceKey] = [.contentModificationDateKey, .fileSizeKey, .isRegularFileKey]
        for folder in folders {
            guard let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: keys) else { continue }
            for case let url as URL in enumerator {
                guard let values = try? url.resourceValues(forKeys: Set(keys)), values.isRegularFile == true else { continue }
                result[url.path] = [Double(values.fileSize ?? 0), values.contentModificationDate?.timeIntervalSince1970 ?? 0]
            }
        }
        return result
    }

    /// Calls `onChange` with the changed paths whenever the folders change, until cancelled.
    func watch(every interval: Duration = .milliseconds(300), onChange: @Sendable ([String]) async -> Void) async {
        var last = snapshot()
        while !Task.isCancelled {
            try? await Task.sleep(for: interval)
            let now = snapshot()
            guard now != last else { continue }
            let changed = Set(now.keys).union(last.keys).filter { now[$0] != last[$0] }.sorted()
            last = now
            await onChange(changed)
        }
    }
}
