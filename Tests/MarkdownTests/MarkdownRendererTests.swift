import Testing
@testable import Markdown

@Suite struct MarkdownRendererTests {
    let renderer = MarkdownRenderer()

    @Test func rendersGFMExtensions() {
        let source = """
            | a | b |
            |---|---|
            | 1 | 2 |

            ~~gone~~ and www.example.org

            - [x] done
            - [ ] todo
            """
        let html = renderer.render(source).html
        #expect(html.contains("<table>"))
        #expect(html.contains("<del>gone</del>"))
        #expect(html.contains("<a href=\"http://www.example.org\">www.example.org</a>"))
        // Labelled, so screen readers do not announce an unnamed form control.
        #expect(html.contains("<input type=\"checkbox\" checked=\"\" disabled=\"\" aria-label=\"done\" />"))
        #expect(html.contains("<input type=\"checkbox\" disabled=\"\" aria-label=\"to do\" />"))
    }

    @Test func rawHTMLIsNeverPassedThrough() {
        let html = renderer.render("<script>alert(1)</script>\n\nHi <img src=x onerror=alert(1)>").html
        #expect(!html.contains("<script"))
        #expect(!html.contains("<img"))
    }

    @Test func dangerousURLsAreDroppedByTheRenderer() {
        let html = renderer.render("[x](javascript:alert(1)) [y](JAVASCRIPT:alert(1)) [z](data:text/html,hi)").html
        #expect(!html.lowercased().contains("javascript:"))
        #expect(!html.contains("data:text/html"))
    }

    @Test func headingsGetUniqueGitHubStyleIDs() {
        let rendered = renderer.render("# Why this rule exists\n\n## Why this rule exists\n\n## `Code` & *more*!", reservedIDs: ["main"])
        #expect(rendered.headings.map(\.id) == ["why-this-rule-exists", "why-this-rule-exists-1", "code--more"])
        #expect(rendered.html.contains("<h1 id=\"why-this-rule-exists\">Why this rule exists</h1>"))
        #expect(rendered.html.contains("<h2 id=\"code--more\">"))
    }

    @Test func reservedIDsAreAvoided() {
        let rendered = renderer.render("## Main", reservedIDs: ["main"])
        #expect(rendered.headings.first?.id == "main-1")
    }

    @Test func linksAreLocatedAndRewritten() {
        let source = "Intro line\n\nSee [the rule](../rules/x.md#why) and ![logo](img.png)."
        let rendered = renderer.render(source) { link in
            link.destination.hasSuffix(".md#why") ? "/site/rules/x/#why" : nil
        }
        #expect(rendered.links.count == 2)
        #expect(rendered.links[0].destination == "../rules/x.md#why")
        #expect(rendered.links[0].line == 3)
        #expect(rendered.links[0].column == 5)
        #expect(rendered.links[1].kind == .image)
        #expect(rendered.links[1].column == 39)
        #expect(rendered.html.contains("href=\"/site/rules/x/#why\""))
        #expect(rendered.html.contains("src=\"img.png\""))
    }

    @Test func parallelParsesKeepEveryExtension() async {
        // Table cells go through the same inline pass as paragraphs, and
        // lose their extensions to the same race.
        let source = "~~struck~~ www.example.org\n\n| a | b |\n|---|---|\n| ~~x~~ | www.example.com |\n"
        let results = await withTaskGroup(of: String.self) { group in
            for _ in 0..<200 {
                group.addTask { MarkdownRenderer().render(source).html }
            }
            return await group.reduce(into: [String]()) { $0.append($1) }
        }
        // Two of each: the paragraph's and the table cell's.
        #expect(results.allSatisfy { $0.components(separatedBy: "<del>").count - 1 == 2 && $0.components(separatedBy: "<a href").count - 1 == 2 })
    }
}
