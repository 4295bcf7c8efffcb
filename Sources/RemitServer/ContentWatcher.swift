import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Tells `remit serve` when files under the watched folders change.
///
/// On Linux it listens to inotify, so a save is seen within milliseconds and
/// an idle catalogue costs nothing; elsewhere (and if inotify cannot be set
/// up, e.g. out of watches) it compares every file's size and modification
/// time a few times a second.
struct ContentWatcher: Sendable {
    let folders: [URL]
    /// Changes arriving within this long of each other make one rebuild (an
    /// editor's save is often a write, a rename and an attribute change).
    var settle: Duration = .milliseconds(15)

    /// The watches, set up before the first build so that nothing saved while
    /// it runs, or just after the server starts, is missed: a save made then
    /// is delivered once watching begins.
    enum Started: Sendable {
        #if canImport(Glibc)
        case inotify(InotifyEvents)
        #endif
        case polling(Snapshot)
    }

    func start() -> Started {
        #if canImport(Glibc)
        if let events = InotifyEvents(folders: folders) { return .inotify(events) }
        #endif
        return .polling(snapshot())
    }

    /// Calls `onChange` with the changed paths whenever the folders change,
    /// from the watches `start` set up, until cancelled. The paths are nil
    /// when some were lost (the kernel's event queue overflowed).
    func watch(_ started: Started, onChange: @Sendable ([String]?) async -> Void) async {
        switch started {
        #if canImport(Glibc)
        case .inotify(let events): await watch(events, onChange: onChange)
        #endif
        case .polling(let snapshot): await poll(from: snapshot, onChange: onChange)
        }
    }

    #if canImport(Glibc)
    private func watch(_ events: InotifyEvents, onChange: @Sendable ([String]?) async -> Void) async {
        let settleMilliseconds = Int32(settle.components.seconds * 1000 + settle.components.attoseconds / 1_000_000_000_000_000)
        await withTaskCancellationHandler {
            for await changed in events.batches(settleMilliseconds: settleMilliseconds) {
                await onChange(changed)
            }
        } onCancel: {
            events.close()
        }
    }
    #endif

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

    func poll(every interval: Duration = .milliseconds(300), from start: Snapshot, onChange: @Sendable ([String]?) async -> Void) async {
        var last = start
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

#if canImport(Glibc)
/// inotify watches on every folder below the watched ones (inotify is not
/// recursive; folders created later get a watch when they appear). One
/// thread blocks in `read` and hands over batches of changed paths.
final class InotifyEvents: @unchecked Sendable {
    private let descriptor: Int32
    private let lock = NSLock()
    /// Watch descriptor → folder path.
    private var folders: [Int32: String] = [:]
    private static let mask = UInt32(IN_CREATE | IN_DELETE | IN_MODIFY | IN_CLOSE_WRITE | IN_MOVED_FROM | IN_MOVED_TO | IN_ATTRIB | IN_DELETE_SELF)

    init?(folders roots: [URL]) {
        descriptor = inotify_init1(Int32(IN_CLOEXEC))
        guard descriptor >= 0 else { return nil }
        for root in roots where FileManager.default.fileExists(atPath: root.path) {
            guard addTree(root.standardizedFileURL.path) else {
                Glibc.close(descriptor)
                return nil
            }
        }
    }

    /// Watches `path` and every folder below it; false if the kernel refuses.
    private func addTree(_ path: String) -> Bool {
        let watch = inotify_add_watch(descriptor, path, Self.mask)
        guard watch >= 0 else { return false }
        lock.withLock { folders[watch] = path }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        for name in names {
            var isDirectory: ObjCBool = false
            let child = path + "/" + name
            if FileManager.default.fileExists(atPath: child, isDirectory: &isDirectory), isDirectory.boolValue, !addTree(child) { return false }
        }
        return true
    }

    func close() { Glibc.close(descriptor) }

    /// Changed paths, each batch holding what arrived until `settleMilliseconds`
    /// passed quietly; nil for a batch in which events were lost.
    func batches(settleMilliseconds: Int32) -> AsyncStream<[String]?> {
        AsyncStream { continuation in
            let thread = Thread { [self] in
                var buffer = [UInt8](repeating: 0, count: 64 * 1024)
                var pending: Set<String> = []
                var lost = false
                while true {
                    // Block for the first event, then wait a moment for the rest of a save.
                    var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
                    let ready = poll(&poller, 1, pending.isEmpty && !lost ? -1 : settleMilliseconds)
                    if ready < 0, errno == EINTR { continue }
                    if ready == 0 {
                        continuation.yield(lost ? nil : pending.sorted())
                        pending.removeAll()
                        lost = false
                        continue
                    }
                    let count = read(descriptor, &buffer, buffer.count)
                    guard count > 0 else { break }
                    let events = parse(buffer, count: count)
                    pending.formUnion(events.paths)
                    lost = lost || events.lost
                }
                continuation.finish()
            }
            thread.start()
        }
    }

    /// The paths named by the events in `buffer`, and whether the queue
    /// overflowed before them; new folders get watches.
    private func parse(_ buffer: [UInt8], count: Int) -> (paths: [String], lost: Bool) {
        var paths: [String] = []
        var lost = false
        var offset = 0
        let headerSize = MemoryLayout<inotify_event>.size
        while offset + headerSize <= count {
            let (watch, mask, nameLength) = buffer.withUnsafeBytes { raw -> (Int32, UInt32, Int) in
                let event = raw.loadUnaligned(fromByteOffset: offset, as: inotify_event.self)
                return (event.wd, event.mask, Int(event.len))
            }
            let nameBytes = buffer[(offset + headerSize)..<min(count, offset + headerSize + nameLength)].prefix { $0 != 0 }
            if mask & UInt32(IN_Q_OVERFLOW) != 0 { lost = true }
            let folder = lock.withLock { folders[watch] }
            if let folder {
                let path = nameBytes.isEmpty ? folder : folder + "/" + String(decoding: nameBytes, as: UTF8.self)
                paths.append(path)
                if mask & UInt32(IN_ISDIR) != 0, mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 { _ = addTree(path) }
            }
            offset += headerSize + nameLength
        }
        return (paths, lost)
    }
}
#endif
