import Foundation
@testable import RemitCore
import Testing

/// The output rules on the library level; `scripts/check-output-safety.sh`
/// drives the same cases through the binary, with exit codes and signals.
@Suite struct OutputFolderTests {
    @Test func everyFolderAnEditorOwnsIsRefusedAndLeftAsItWas() async throws {
        let site = try FixtureSite(copying: "unseen")
        defer { site.remove() }
        let templates = site.root.appendingPathComponent("templates")
        try FileManager.default.createDirectory(at: templates, withIntermediateDirectories: true)
        try "<p>x</p>".write(to: templates.appendingPathComponent("404.mustache"), atomically: true, encoding: .utf8)
        let before = try FixtureTree.hash(site.root)
        let outputs = [site.root, site.content, templates, site.content.appendingPathComponent("public"),
                       site.content.appendingPathComponent("facilities/index.md"), site.root.deletingLastPathComponent()]
        for output in outputs {
            let report = await Pipeline.build(BuildOptions(
                contentDirectory: site.content, templatesDirectory: templates, outputDirectory: output, today: LocalDate(iso: "2026-11-29")!))
            #expect(!report.wroteSite && report.environmentError != nil, "\(output.path)")
        }
        let workingDirectory = site.root.appendingPathComponent("elsewhere")
        try FileManager.default.createDirectory(at: workingDirectory, withIntermediateDirectories: true)
        #expect(throws: OutputFolder.Refusal.self) {
            try OutputFolder.resolve(output: site.root, content: site.root.appendingPathComponent("x"), templates: nil, workingDirectory: workingDirectory).get()
        }
        try FileManager.default.removeItem(at: workingDirectory)
        #expect(try FixtureTree.hash(site.root) == before)
    }

    @Test func aForeignFolderNeedsForceAndRemitsOwnDoesNot() async throws {
        let site = try FixtureSite(copying: "unseen")
        defer { site.remove() }
        try FileManager.default.createDirectory(at: site.output, withIntermediateDirectories: true)
        try "draft".write(to: site.output.appendingPathComponent("thesis.docx"), atomically: true, encoding: .utf8)
        let refused = await site.build()
        #expect(refused.environmentError?.contains("--force") == true)
        #expect(FileManager.default.fileExists(atPath: site.output.appendingPathComponent("thesis.docx").path))
        var options = BuildOptions(contentDirectory: site.content, outputDirectory: site.output, today: LocalDate(iso: "2026-11-29")!)
        options.force = true
        #expect(await Pipeline.build(options).wroteSite)
        #expect(FileManager.default.fileExists(atPath: site.output.appendingPathComponent(OutputFolder.markerName).path))
        #expect(await site.build().wroteSite)
    }

    @Test func aSymlinkedOutputIsWrittenThrough() async throws {
        let site = try FixtureSite(copying: "unseen")
        defer { site.remove() }
        let deployed = site.root.appendingPathComponent("www/site")
        try FileManager.default.createDirectory(at: deployed.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: site.output, withDestinationURL: deployed)
        #expect(await site.build().wroteSite)
        #expect(await site.build().wroteSite)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: site.output.path) == deployed.path)
        #expect(FileManager.default.fileExists(atPath: deployed.appendingPathComponent("index.html").path))
        #expect(try FileManager.default.contentsOfDirectory(atPath: deployed.deletingLastPathComponent().path) == ["site"])
    }

    /// Leftovers of a killed build (a dead process id in the name) go; a live
    /// build's staging folder, and folders Remit did not name, stay.
    @Test func staleStagingFoldersAreRemovedAndNothingElse() async throws {
        let site = try FixtureSite(copying: "unseen")
        defer { site.remove() }
        let fileManager = FileManager.default
        func folder(_ name: String, marker: Bool, file: Bool = false) throws -> URL {
            let url = site.root.appendingPathComponent(name)
            try fileManager.createDirectory(at: url, withIntermediateDirectories: true)
            if marker { try Data().write(to: url.appendingPathComponent(OutputFolder.markerName)) }
            if file { try Data("x".utf8).write(to: url.appendingPathComponent("notes.txt")) }
            return url
        }
        let dead: pid_t = 999_999
        let killedNew = try folder(".public.remit-new-\(dead)-abcd1234", marker: true)
        let killedOld = try folder(".public.remit-old-\(dead)-abcd1234", marker: false, file: true)
        let running = try folder(".public.remit-new-1-abcd1234", marker: true)  // pid 1 is alive
        let foreign = try folder(".public.remit-new-\(dead)-notours", marker: false, file: true)
        let unrelated = try folder(".public.backup", marker: true)
        #expect(await site.build().wroteSite)
        #expect(!fileManager.fileExists(atPath: killedNew.path))
        #expect(!fileManager.fileExists(atPath: killedOld.path))
        for kept in [running, foreign, unrelated] { #expect(fileManager.fileExists(atPath: kept.path), "\(kept.lastPathComponent)") }
    }
}

enum FixtureTree {
    /// Every path below `root` with its bytes, as one comparable value.
    static func hash(_ root: URL) throws -> [String: Data] {
        var result: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey])!
        for case let url as URL in enumerator {
            let isFile = (try url.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true
            result[String(url.path.dropFirst(root.path.count))] = isFile ? try Data(contentsOf: url) : Data()
        }
        return result
    }
}
