import Foundation

/// Renders every page with the theme, in parallel, plus the theme's assets and
/// the content's attachments: the complete list of files of the site.
public enum SiteRenderer {
    static func render(_ factory: ViewFactory, theme: Theme, into diagnostics: inout [Diagnostic]) async -> [OutputFile] {
        let catalogue = factory.catalogue
        var jobs: [@Sendable () -> (String, String, String?)] = []
        var routes: [Route] = []
        func page<Content: Sendable>(_ outputPath: String, _ template: String, _ view: @escaping @Sendable () -> PageContext<Content>) {
            jobs.append {
                let html = theme.render(template, view())
                guard factory.site.offline, let html else { return (outputPath, template, html) }
                return (outputPath, template, RelativeLinks.rewrite(html, outputPath: outputPath, base: factory.base.path))
            }
        }
        func add<Content: Sendable>(_ route: Route, _ template: String, _ view: @escaping @Sendable () -> PageContext<Content>) {
            routes.append(route)
            page(route.outputPath, template, view)
        }
        add(.home, "home") { factory.homePage() }
        for function in catalogue.functions {
            add(.function(function.id), "function") { factory.functionPage(function) }
        }
        for service in catalogue.services.values {
            add(.service(service.key), "service") { factory.servicePage(service) }
        }
        for rule in catalogue.rules.values {
            add(.rule(rule.key), "rule") { factory.rulePage(rule) }
        }
        for journey in catalogue.journeys {
            add(.journey(journey.id), "journey") { factory.journeyPage(journey) }
        }
        for page in catalogue.pages {
            add(.page(page.id), "page") { factory.freePage(page) }
        }
        add(.glossary, "glossary") { factory.glossaryPage() }
        add(.atoZ, "a-z") { factory.aToZPage() }
        add(.deadlines, "deadlines") { factory.deadlinesPage() }
        add(.changes, "changes") { factory.changesPage() }
        add(.review, "review") { factory.reviewPage() }
        add(.tags, "tags") { factory.tagsPage() }
        add(.search, "search") { factory.searchPage() }
        for tag in factory.tagIndex.tags {
            add(.tag(tag.slug), "tag") { factory.tagPage(tag) }
        }
        // Not a route: no sitemap entry, but the same rendering, offline links included.
        page("404.html", "404") { factory.notFoundPage() }
        let pageRoutes = routes
        jobs.append { ("sitemap.xml", "", SitemapXML.render(factory, routes: pageRoutes)) }
        jobs.append { ("catalogue.json", "", CatalogueJSON.render(factory)) }
        jobs.append { ("changes.atom", "", ChangesAtom.render(factory)) }
        jobs.append { ("deadlines.ics", "", DeadlinesICS.render(factory)) }

        let pages = await withTaskGroup(of: (String, String, String?).self) { group in
            for job in jobs { group.addTask(operation: job) }
            return await group.reduce(into: [(String, String, String?)]()) { $0.append($1) }
        }
        var files: [OutputFile] = []
        var missing: Set<String> = []
        for (path, template, html) in pages {
            if let html {
                files.append(.text(path, html))
            } else {
                missing.insert(template)
            }
        }
        for template in missing.sorted() {
            diagnostics.append(Diagnostic(.error, at: SourceLocation(path: "templates/\(template).mustache", line: 1, column: 1), "template '\(template)' is missing"))
        }
        files += SearchIndex(factory).files()
        for (path, data) in theme.assets {
            files.append(OutputFile(path: path, contents: .data(data)))
        }
        for attachment in catalogue.attachments {
            files.append(OutputFile(path: attachment.relativePath, contents: .copy(attachment.url)))
        }
        return files.sorted { $0.path < $1.path }
    }
}
