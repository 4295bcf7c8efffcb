import Foundation
@testable import RemitCore
import Testing

/// The word-level comparison of prose, and the Markdown comment's size limit.
@Suite struct DiffReportTests {
    @Test func rewrappingAndSpacingAreNoChange() {
        let old = "One two three\nfour five.\n\n  Six seven.\n"
        #expect(WordDiff(old: old, new: "One two\nthree four   five.\n\nSix\tseven.").isEmpty)
    }

    @Test func eachPlaceWithItsWordsAndTheLineItStartsOn() {
        let words = WordDiff(old: "Send the form\nwithin five working days.\nThanks.", new: "Send the form\nwithin ten business days.\nThanks, and sign it.")
        #expect(words.hunks.map { [$0.removed.joined(separator: " "), $0.inserted.joined(separator: " "), "\($0.line)"] } == [
            ["five working", "ten business", "1"],
            ["Thanks.", "Thanks, and sign it.", "2"],
        ])
        #expect(words.summary == "3 words removed and 6 added in 2 places")
        #expect(WordDiff(old: "a b", new: "a b c").summary == "1 word added in 1 place")
        #expect(WordDiff.phrase(Array(repeating: "w", count: 20)[...].map { Substring($0) }, limit: 3) == "w w w …")
    }

    @Test func durationsCompareForClientsNotAsWritten() {
        let days = { BusinessDuration(parsing: $0)! }
        #expect(CatalogueDiff.sameLength(days("3-5 business days"), days("3 to 5 business days")))
        #expect(CatalogueDiff.direction(days("3-5 business days"), days("3-6 business days")) == .longer)
        #expect(CatalogueDiff.direction(days("2 weeks"), days("8 business days")) == .shorter)
        #expect(CatalogueDiff.direction(days("5 business days"), days("1 week")) == .sameLength)
        // The longest time first, as the planner counts it.
        #expect(CatalogueDiff.direction(days("4-5 business days"), days("1-6 business days")) == .longer)
    }

    static func side() -> DiffSide {
        DiffSide(revision: "main", commit: String(repeating: "a", count: 40), errors: [], folder: ContentFolder(directory: URL(fileURLWithPath: "/c"), markdown: [], yaml: [], attachments: []))
    }

    /// Many functions, each with many services whose summaries are long.
    static func hugeDiff(functions: Int, services: Int) -> RevisionDiff {
        var diff = RevisionDiff(base: side(), head: side())
        for function in 0..<functions {
            diff.functionTitles["f\(function)"] = "Function \(function)"
            for service in 0..<services {
                let id = "f\(function)/service-\(service)"
                diff.changes.append(Change(
                    .summaryChanged, .service, id: id, function: "f\(function)", title: "Service \(service)", field: "summary",
                    old: .text(String(repeating: "An old sentence. ", count: 10)), new: .text(String(repeating: "A new sentence. ", count: 10)),
                    location: SourceLocation(path: "content/\(id).md", line: 3, column: 10), route: .service(ItemKey(function: "f\(function)", id: "service-\(service)"))))
            }
        }
        diff.filesChanged = (0..<5000).map { "page-\($0)/index.html" }
        return diff
    }

    @Test func theCommentStaysUnderGitHubsLimitBySummarising() {
        let report = DiffReport(Self.hugeDiff(functions: 12, services: 400), baseURL: BaseURL("https://preview.example.org/"))
        let markdown = report.markdown()
        #expect(markdown.utf16.count <= 65_536)
        #expect(markdown.hasPrefix("<!-- remit-diff -->\n**4800 services change in Function 0, Function 1,"))
        // The first function's table is there, and every function is at least named.
        #expect(markdown.contains("\n### Function 0\n"))
        for function in 0..<12 { #expect(markdown.contains("Function \(function)")) }
        #expect(markdown.contains("to keep this comment under GitHub's size limit"))
        #expect(markdown.contains("- …and 4975 more\n"))
    }

    @Test func aSmallDiffHasEverythingInItsDetails() {
        let markdown = DiffReport(Self.hugeDiff(functions: 2, services: 3)).markdown()
        #expect(!markdown.contains("size limit"))
        #expect(markdown.components(separatedBy: "<details><summary>Details: 3 changes</summary>").count == 3)
        #expect(markdown.contains("  - before: An old sentence."))
    }

    @Test func contentCannotAddMarkupOrMentionsToTheComment() {
        #expect(DiffReport.escape("<script> | *x* @team a@b.org") == "&lt;script&gt; \\| \\*x\\* @\u{2060}team a@b.org")
        #expect(DiffReport.code("a `b` c") == "`` a `b` c ``")
    }
}
