import Foundation

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
        Findings(catalogue: catalogueFindings(catalogue, resolver: resolver, today: today), pages: pageFindings(catalogue, bodies: bodies)).all
    }

    /// The checks that read no body, so a build runs them while the bodies are parsed.
    static func catalogueFindings(_ catalogue: Catalogue, resolver: LinkResolver, today: LocalDate) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        ContentChecks.check(catalogue, resolver: resolver, into: &diagnostics)
        EditorialChecks.check(catalogue, today: today, into: &diagnostics)
        RequestChecks.check(catalogue, today: today, into: &diagnostics)
        return diagnostics
    }

    /// Each page's own checks, by source path, on every core.
    static func pageFindings(_ catalogue: Catalogue, bodies: [String: RenderedBody]) -> [String: [Diagnostic]] {
        let checks = PageChecks(catalogue, bodies: bodies)
        let sources = catalogue.pageSources
        var found = [[Diagnostic]](repeating: [], count: sources.count)
        found.withUnsafeMutableBufferPointer { buffer in
            // Each lane writes only its own indices.
            nonisolated(unsafe) let slots = buffer
            let lanes = max(ProcessInfo.processInfo.activeProcessorCount, 1)
            DispatchQueue.concurrentPerform(iterations: lanes) { lane in
                for index in stride(from: lane, to: sources.count, by: lanes) {
                    slots[index] = checks.check(sources[index], body: bodies[sources[index].source.file.relativePath])
                }
            }
        }
        var pages: [String: [Diagnostic]] = [:]
        for (page, findings) in zip(sources, found) { pages[page.source.file.relativePath] = findings }
        return pages
    }
}
