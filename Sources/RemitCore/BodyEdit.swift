import Foundation

/// The short way through the pipeline for the commonest edit in `remit
/// serve`: text changed below the front matter of pages already in the site.
/// Nothing the catalogue is modelled from changed, so the last build's
/// catalogue, site map, checks and feeds stand; only those pages' bodies are
/// parsed, their own checks run, their pages and the search index made again.
///
/// It is taken only when the watcher named every changed path and each is
/// such a page, its front matter byte for byte as the last written site had
/// it, and its rule's "why" heading where it was (rule summaries on other
/// pages link to it). When its headings changed, the pages linking to their
/// anchors are checked again too. Anything else, or any doubt, is the full
/// build; `IncrementalPropertyTests` checks that both give the same site.
enum BodyEdit {
    /// The site on disk as the last successful build left it.
    struct BuiltSite: Sendable {
        var checked: CheckedSite
        /// The views' factory the site was rendered with, bodies and git included.
        var factory: ViewFactory
        /// What each page showed, by output path (`FrontMatterEdit`): a body edit leaves it as it was.
        var pageInputs: [String: PageInputs]
        var report: BuildReport
        var today: LocalDate
        /// The git record the site was rendered with.
        var git: GitRecord
    }

    /// An edited page: its new source and body.
    struct EditedPage {
        var page: Catalogue.PageSourceRef
        var route: Route
        var body: RenderedBody
        var parsed: (FrontMatterDocument, [Diagnostic])
        /// Its headings' ids are not what they were: links to them are checked again.
        var headingsChanged: Bool
    }

    /// The rebuild, or nil when this edit needs the full build.
    static func rebuild(_ options: BuildOptions, output: OutputFolder, cache: inout BuildCache) async -> BuildReport? {
        guard let built = cache.site, cache.search != nil, let unbuilt = cache.unbuilt, !unbuilt.isEmpty, built.today == options.today,
            let known = built.checked.contentPaths, let edited = editedPages(unbuilt, options, built: built, known: known)
        else { return nil }
        // Git's record is read as a full build reads it: a checkout changes it
        // and the pages' bodies alike.
        let git = await GitRecord.load(options.contentDirectory, today: options.today, git: options.git, reusing: cache.git)
        guard git.history == built.git.history else { return nil }
        // Only files the site does not read changed (an editor's swap file): the site stands.
        guard !edited.isEmpty else {
            cache.unbuilt = []
            (cache.sourcesChanged, cache.bodiesRendered, cache.pagesRendered, cache.filesChanged, cache.rebuiltBodiesOnly, cache.pagesReached) = ([], 0, 0, 0, true, nil)
            cache.pathsReached = nil
            return built.report
        }

        var checked = built.checked
        var factory = built.factory
        for edit in edited {
            let path = edit.page.source.file.relativePath
            checked.catalogue.replaceSource(edit.page.source)
            checked.siteMap.replaceSource(edit.page.source)
            checked.bodies[path] = edit.body
            cache.documents[path] = (edit.page.source.file.text, edit.parsed)
            if let memo = cache.bodies[path] {
                cache.bodies[path] = .init(source: edit.page.source.body, firstLine: edit.page.source.bodyFirstLine, siteMap: memo.siteMap, rendered: edit.body)
            }
        }
        // The edited pages are checked again, and so, where an edit changed
        // the headings, is every page linking to one of its anchors.
        let checks = PageChecks(checked.catalogue, bodies: checked.bodies)
        var pageFindings = checked.pageFindings
        var rechecked = edited.map(\.page)
        let reheaded = Set(edited.filter(\.headingsChanged).map(\.page.source.file.relativePath))
        if !reheaded.isEmpty {
            for (path, body) in checked.bodies where !reheaded.contains(path) && body.linksToAnchors(in: reheaded) {
                if let page = checked.pageSource(at: path) { rechecked.append(page) }
            }
        }
        for page in rechecked {
            pageFindings[page.source.file.relativePath] = checks.check(page, body: checked.bodies[page.source.file.relativePath])
        }
        // Most edits change no page's findings: then the list stands as it was.
        if rechecked.contains(where: { pageFindings[$0.source.file.relativePath] != checked.pageFindings[$0.source.file.relativePath] }) {
            checked.diagnostics = CheckedSite.merged(checked.otherFindings, pageFindings)
        }
        checked.pageFindings = pageFindings
        cache.sourcesChanged = edited.map(\.page.source.file.displayPath)
        cache.bodiesRendered = edited.count
        cache.rebuiltBodiesOnly = true
        cache.pagesReached = nil
        cache.pathsReached = nil
        var report = built.report
        report.diagnostics = checked.diagnostics
        report.wroteSite = false
        guard !BuildReport.fails(checked.diagnostics, strict: options.strict) else { return report }

        factory.replacePages(catalogue: checked.catalogue, siteMap: checked.siteMap, bodies: checked.bodies)
        let pages = SiteRenderer.renderPages(factory, theme: checked.theme, at: Set(edited.map(\.route.outputPath)), previous: cache.written ?? [:])
        let search = cache.search.flatMap { $0.replacingEntries(at: Set(edited.map(\.route)), from: factory) }
        let searchFiles = search?.files(reusing: cache.searchFiles) ?? cache.searchFiles
        do {
            let searchChanged = searchFiles?.version != cache.searchFiles?.version
            let files = pages + (searchChanged ? searchFiles?.files ?? [] : [])
            let replaced = searchChanged ? Set(cache.searchFiles?.files.map(\.path) ?? []) : []
            (cache.written, cache.filesChanged) = try SiteWriter.replace(files, replacing: replaced, in: output.real, previous: cache.written ?? [:])
        } catch {
            cache = BuildCache(keepsForNextBuild: cache.keepsForNextBuild)
            report.environmentError = "cannot write the site into '\(options.outputDirectory.path)': \(EnvironmentFailure.describe(error))"
            return report
        }
        cache.pagesRendered = pages.filter { if case .unchanged = $0.contents { false } else { true } }.count
        if let search { cache.search = search }
        cache.searchFiles = searchFiles
        report.filesWritten = cache.written?.count ?? report.filesWritten
        report.searchIndexBytes = searchFiles?.files.filter { $0.path.hasSuffix(".js") }.reduce(0) { $0 + $1.byteCount } ?? 0
        report.wroteSite = true
        cache.site = BuiltSite(checked: checked, factory: factory, pageInputs: built.pageInputs, report: report, today: options.today, git: git)
        cache.unbuilt = []
        return report
    }

    /// The pages `paths` changed, read and parsed; nil if any change is not a
    /// body edit of a page the site has (or cannot be told to be one).
    static func editedPages(_ paths: Set<String>, _ options: BuildOptions, built: BuiltSite, known: Set<String>) -> [EditedPage]? {
        let given = options.contentDirectory.standardizedFileURL
        let root = given.resolvingSymlinksInPath()
        let prefix = given.lastPathComponent
        var edited: [EditedPage] = []
        guard let relativePaths = ContentFolder.relativePaths(paths, given: given) else { return nil }
        for relative in relativePaths {
            let url = root.appendingPathComponent(relative)
            guard let attributes = try? FileManager.default.attributesOfItem(atPath: url.path) else {
                // Gone, and not in the site (an editor's temporary file): nothing to do.
                if known.contains(relative) { return nil }
                continue
            }
            guard attributes[.type] as? FileAttributeType == .typeRegular, known.contains(relative),
                let entry = built.checked.siteMap.bySourcePath[relative], let before = built.checked.bodies[relative]
            else { return nil }
            var problems: [Diagnostic] = []
            guard let text = ContentFolder.readText(url, display: prefix + "/" + relative, into: &problems) else { return nil }
            let file = SourceFile(relativePath: relative, displayPath: prefix + "/" + relative, text: text)
            let document = FrontMatterDocument.parse(file, into: &problems)
            let old = entry.source
            guard document.fields != nil, document.bodyFirstLine == old.bodyFirstLine,
                frontMatter(text, body: document.body).elementsEqual(frontMatter(old.file.text, body: old.body))
            else { return nil }
            let source = PageSource(file: file, body: document.body, bodyFirstLine: document.bodyFirstLine)
            let body = BodyRenderer.render(source, resolver: built.factory.resolver)
            // Rule summaries on other pages link a rule's "why" section.
            guard body.whyHeading?.id == before.whyHeading?.id else { return nil }
            let rule = built.checked.catalogue.rules.values.first { $0.source.file.relativePath == relative }?.key
            edited.append(EditedPage(
                page: .init(source: source, rule: rule), route: entry.route, body: body, parsed: (document, problems),
                headingsChanged: body.anchors != before.anchors))
        }
        return edited
    }

    /// The file's text before its body: the front matter and its `---` lines.
    static func frontMatter(_ text: String, body: Substring) -> Substring.UTF8View {
        text.utf8.dropLast(body.utf8.count)
    }
}
