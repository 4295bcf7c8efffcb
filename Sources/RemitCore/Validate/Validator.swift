/// Every check that needs the whole catalogue, run after the model is built
/// and the Markdown bodies are parsed (anchors are known only then).
public enum Validator {
    /// What the checks found, in two parts: a rebuild after a body edit
    /// (`BodyEdit`) checks that page again and keeps the rest.
    struct Findings: Sendable {
        /// From front matter, data files and request logs: no body is read.
        var catalogue: [Diagnostic]
        /// Each page's own checks (`PageChecks`), by source path.
        var pages: [String: [Diagnostic]]

        var all: [Diagnostic] { catalogue + pages.keys.sorted().flatMap { pages[$0]! } }
    }

    public static func validate(_ catalogue: Catalogue, bodies: [String: RenderedBody], resolver: LinkResolver, today: LocalDate) -> [Diagnostic] {
        findings(catalogue, bodies: bodies, resolver: resolver, today: today).all
    }

    static func findings(_ catalogue: Catalogue, bodies: [String: RenderedBody], resolver: LinkResolver, today: LocalDate) -> Findings {
        var diagnostics: [Diagnostic] = []
        ContentChecks.check(catalogue, resolver: resolver, into: &diagnostics)
        EditorialChecks.check(catalogue, today: today, into: &diagnostics)
        RequestChecks.check(catalogue, today: today, into: &diagnostics)
        let checks = PageChecks(catalogue, bodies: bodies)
        var pages: [String: [Diagnostic]] = [:]
        for page in catalogue.pageSources {
            pages[page.source.file.relativePath] = checks.check(page, body: bodies[page.source.file.relativePath])
        }
        return Findings(catalogue: diagnostics, pages: pages)
    }
}
