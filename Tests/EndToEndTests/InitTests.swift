import Foundation
import RemitCore
import Testing

/// `remit init`: the starter catalogue passes `check --strict`, builds, never
/// overwrites, and writes each CI recipe exactly as examples/ci/ has it.
@Suite struct InitTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("remit-init-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test(arguments: ["2026-11-30", "2028-02-29"])
    func theStarterPassesStrictCheckAndBuilds(today: String) async throws {
        let root = try folder()
        defer { try? FileManager.default.removeItem(at: root) }
        let date = LocalDate(iso: today)!
        let outcome = try CatalogueStarter.write(CatalogueStarter.files(today: date), into: root)
        #expect(outcome.skipped.isEmpty)
        #expect(outcome.written.contains("content/catalogue.yml"))
        #expect(outcome.written.contains(".gitignore"))
        let options = BuildOptions(
            contentDirectory: root.appendingPathComponent("content"), outputDirectory: root.appendingPathComponent("public"),
            strict: true, today: date)
        let diagnostics = await Pipeline.check(options).diagnostics
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.description))")
        // Judged a little less than a year later, the rule is still not overdue.
        var later = options
        later.today = date.adding(days: 360)
        #expect(await Pipeline.check(later).diagnostics.isEmpty)
        let report = await Pipeline.build(options)
        #expect(report.wroteSite)
        for page in ["it", "it/services/laptop-request", "it/rules/encrypted-laptops", "journeys/new-starter", "glossary"] {
            #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent("public/\(page)/index.html").path), "\(page)")
        }
    }

    func starter(_ path: String) -> String {
        let file = CatalogueStarter.files(today: LocalDate(iso: "2026-11-30")!).first { $0.path == path }
        return String(decoding: file?.contents ?? Data(), as: UTF8.self)
    }

    @Test func everyCatalogueSettingIsThereWithItsHelp() throws {
        let text = starter("content/catalogue.yml")
        for field in KindSchema.catalogue.fields {
            #expect(text.contains("# \(field.help)"), "\(field.name)")
            #expect(text.contains("\(field.name):"), "\(field.name)")
        }
        let rule = starter("content/it/rules/encrypted-laptops.md")
        for field in KindSchema.rule.fields { #expect(rule.contains("\(field.name):"), "\(field.name)") }
        #expect(rule.contains("## Why this rule exists"))
    }

    @Test func itNeverOverwritesAndSaysWhatItSkipped() throws {
        let root = try folder()
        defer { try? FileManager.default.removeItem(at: root) }
        let mine = root.appendingPathComponent("content/catalogue.yml")
        try FileManager.default.createDirectory(at: mine.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("title: Mine\n".utf8).write(to: mine)
        let files = CatalogueStarter.files(today: LocalDate(iso: "2026-11-30")!, ci: .shell)
        let first = try CatalogueStarter.write(files, into: root)
        #expect(first.skipped == ["content/catalogue.yml"])
        #expect(try String(contentsOf: mine, encoding: .utf8) == "title: Mine\n")
        let second = try CatalogueStarter.write(files, into: root)
        #expect(second.written.isEmpty)
        #expect(Set(second.skipped) == Set(files.map(\.path)))
        let mode = try FileManager.default.attributesOfItem(atPath: root.appendingPathComponent("publish.sh").path)[.posixPermissions] as? Int
        #expect(mode == 0o755)
    }

    @Test(arguments: CIRecipe.allCases)
    func eachRecipeIsTheOneInExamples(recipe: CIRecipe) throws {
        let example = try Data(contentsOf: Self.repository.appendingPathComponent("examples/ci/\(recipe.exampleFile)"))
        #expect(recipe.contents == example)
        #expect(CatalogueStarter.files(today: LocalDate(iso: "2026-11-30")!, ci: recipe).contains { $0.path == recipe.destination })
    }
}
