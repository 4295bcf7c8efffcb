import Foundation

/// `remit serve` after an edit to pages' front matter (a title, a
/// turnaround, a rule's status). The catalogue is checked whole, as any
/// build checks it, and the feeds and search index are made again; but of
/// the pages, only those showing an edited page (`PageInputs`), before the
/// edit or after it, have their views made and compared with what was
/// written. The rest stand.
///
/// It is taken when the watcher named every changed path and each is a page
/// the site had and still has, and nothing every page shows changed: the
/// header's functions, the settings, the addresses, today, git's record and
/// the theme. Anything else makes every page's view, as a build does;
/// `IncrementalPropertyTests` checks that both give the same site.
struct FrontMatterEdit: Sendable {
    /// The pages whose files changed.
    var edited: [CataloguePage]
    /// What each page showed when the site was last written, by output path.
    var before: [String: PageInputs]

    /// Whether the page at `outputPath`, now showing `now`, showed or shows an edited page.
    func reaches(_ outputPath: String, showing now: PageInputs) -> Bool {
        now.isReached(by: edited) || (before[outputPath]?.isReached(by: edited) ?? true)
    }

    /// The edit since the site was last written, if it is one.
    static func since(_ built: BodyEdit.BuiltSite?, _ options: BuildOptions, cache: BuildCache, checked: CheckedSite, factory: ViewFactory, git: GitRecord)
        -> FrontMatterEdit?
    {
        guard let built, let unbuilt = cache.unbuilt, built.today == options.today, git.history == built.git.history,
            let known = built.checked.contentPaths, let now = checked.contentPaths,
            let paths = ContentFolder.relativePaths(unbuilt, given: options.contentDirectory)
        else { return nil }
        var edited: [CataloguePage] = []
        for path in paths {
            // A file that came and went between two builds (an editor's temporary file).
            if !known.contains(path) && !now.contains(path) { continue }
            guard let before = built.checked.siteMap.bySourcePath[path]?.page, let after = checked.siteMap.bySourcePath[path]?.page, before == after
            else { return nil }
            edited.append(after)
        }
        let basePath = checked.catalogue.config.baseURL.path
        guard built.factory.site == factory.site, built.checked.theme.fingerprint == checked.theme.fingerprint,
            built.checked.siteMap.fingerprint(basePath: built.checked.catalogue.config.baseURL.path) == checked.siteMap.fingerprint(basePath: basePath)
        else { return nil }
        return FrontMatterEdit(edited: edited, before: built.pageInputs)
    }
}
