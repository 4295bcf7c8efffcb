import Foundation
import Testing
@testable import RemitServer

/// The watcher behind `remit serve`'s rebuilds.
@Suite struct ContentWatcherTests {
    /// Saves made after the watches are set up but before watching begins (while
    /// the first build runs, or as the server starts listening) still arrive.
    /// Before, the watches were set up only once the server was listening, so
    /// a save made at once could be missed and the preview never updated.
    @Test(arguments: [false, true])
    func aSaveBeforeWatchingBeginsIsNotMissed(polling: Bool) async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("remit-watch-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("hr/services"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("hr/services/payroll.md")
        try Data("---\ntitle: Payroll\n---\n".utf8).write(to: file)
        let watcher = ContentWatcher(folders: [folder])
        let started = polling ? .polling(watcher.snapshot()) : watcher.start()
        // Saved between setting up and watching, with a different size so polling sees it too.
        try Data("---\ntitle: Payroll runs\n---\n".utf8).write(to: file)
        let seen = Seen()
        let watching = Task { await watcher.watch(started) { paths in await seen.add(paths) } }
        defer { watching.cancel() }
        let deadline = ContinuousClock.now + .seconds(10)
        while await seen.paths.isEmpty, ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(20)) }
        #expect(await seen.paths.contains { $0.hasSuffix("hr/services/payroll.md") })
    }

    actor Seen {
        var paths: [String] = []
        func add(_ new: [String]?) { paths += new ?? [] }
    }
}
