import Foundation
import RemitCore
import Testing

/// "Last updated" dates come from one `git log` over the content folder.
@Suite struct GitHistoryTests {
    @discardableResult
    static func git(_ arguments: [String], in folder: URL, date: String? = nil) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-c", "user.name=Editor", "-c", "user.email=editor@example.org", "-c", "init.defaultBranch=main"] + arguments
        process.currentDirectoryURL = folder
        var environment = ProcessInfo.processInfo.environment
        if let date {
            environment["GIT_AUTHOR_DATE"] = date
            environment["GIT_COMMITTER_DATE"] = date
        }
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw CocoaError(.fileReadUnknown) }
        return String(decoding: data, as: UTF8.self)
    }

    /// The unseen fixture in a repository: everything committed on 10 January
    /// 2026, then one file changed on 5 March 2026.
    static func repository() throws -> FixtureSite {
        let site = try FixtureSite(copying: "unseen")
        try git(["init", "-q"], in: site.root)
        try git(["add", "content"], in: site.root)
        try git(["commit", "-q", "-m", "First"], in: site.root, date: "2026-01-10T10:00:00Z")
        let file = site.content.appendingPathComponent("facilities/index.md")
        try (try String(contentsOf: file, encoding: .utf8) + "\nOne more line.\n").write(to: file, atomically: true, encoding: .utf8)
        try git(["commit", "-q", "-am", "Second"], in: site.root, date: "2026-03-05T16:30:00Z")
        return site
    }

    @Test func pagesShowTheDateOfTheirFilesLastCommit() async throws {
        let site = try Self.repository()
        defer { site.remove() }
        let report = await site.build()
        #expect(report.notes.isEmpty)
        #expect(try site.page("facilities").contains("Last updated <time datetime=\"2026-03-05\">5 March 2026</time>"))
        #expect(try site.page("security").contains("Last updated <time datetime=\"2026-01-10\">10 January 2026</time>"))
        // Pages without a source file of their own carry no date.
        #expect(!(try site.page("changes").contains("Last updated")))
    }

    @Test func historyComesFromOneGitInvocation() throws {
        let site = try Self.repository()
        defer { site.remove() }
        let git = try CountingGit(in: site.root)
        let history = GitHistory.load(site.content, git: git.executable.path)
        let calls = try git.calls()
        #expect(calls.count == 1)
        #expect(calls.first?.contains(" log ") == true)
        #expect(history.status == .available)
        #expect(history.lastUpdated["facilities/index.md"]?.description == "2026-03-05")
        #expect(history.lastUpdated["security/index.md"]?.description == "2026-01-10")
        #expect(history.lastUpdated.count == (try Self.git(["ls-files", "content"], in: site.root)).split(separator: "\n").count)
    }

    @Test func aShallowCloneSaysSoOnceAndShowsNoDates() async throws {
        let site = try Self.repository()
        defer { site.remove() }
        let clone = site.root.appendingPathComponent("clone")
        try Self.git(["clone", "-q", "--depth", "1", "file://" + site.root.path, clone.path], in: site.root)
        #expect(GitHistory.load(clone.appendingPathComponent("content")).status == .shallow)
        let report = await Pipeline.build(BuildOptions(
            contentDirectory: clone.appendingPathComponent("content"), outputDirectory: clone.appendingPathComponent("public"),
            today: LocalDate(iso: "2026-11-29")!))
        #expect(report.notes.filter { $0.contains("git fetch --unshallow") }.count == 1)
        let page = try String(contentsOf: clone.appendingPathComponent("public/facilities/index.html"), encoding: .utf8)
        #expect(!page.contains("Last updated"))
    }

    @Test func outsideGitThereIsNoDate() async throws {
        let site = try FixtureSite(copying: "unseen")
        defer { site.remove() }
        #expect(GitHistory.load(site.content).status == .unavailable)
        _ = await site.build()
        #expect(!(try site.page("facilities").contains("Last updated")))
    }
}

/// A `git` that writes each call's arguments to a log before running git, so
/// a test can count the processes a build starts (`BuildOptions.git`).
struct CountingGit {
    let executable: URL
    let log: URL

    init(in folder: URL) throws {
        executable = folder.appendingPathComponent("counting-git")
        log = folder.appendingPathComponent("git-calls.log")
        try "#!/bin/sh\necho \"$@\" >> '\(log.path)'\nexec git \"$@\"\n".write(to: executable, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: executable.path)
    }

    /// Every call so far, one line of arguments each.
    func calls() throws -> [Substring] { try String(contentsOf: log, encoding: .utf8).split(separator: "\n") }
}
