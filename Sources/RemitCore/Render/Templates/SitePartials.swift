import Mustache

/// Partials that read nothing but `site` come out the same on every page, so
/// each is rendered once per build and pasted in, as Hugo's `partialCached`
/// does; but found by reading the templates, not asked for. The built-in
/// header is one: its list of every function was a fifth of a 10,000-page
/// build when rendered again for each page.
///
/// A partial qualifies when the page's context cannot reach it:
/// - it is included only by page templates and the layout, outside any
///   section (a section would put its own value under the partial's names)
///   and at the start of a line (a partial included indented is indented);
/// - it includes no partial, inherits no layout and has no blocks;
/// - outside its own sections it names only `site…`; inside them, nothing
///   that starts with another name of the page's context (`meta`, `page`),
///   which a name not found in the section's value falls back to.
/// Anything else is rendered on every page, as written.
struct SitePartials: Sendable {
    /// The partials that qualify, by name, with the key their text is pasted in under.
    let keys: [String: String]

    /// What a qualifying partial is registered as in the library: its text, from the context.
    static let contextKey = "remitSitePartials"
    /// The name each original is registered under, to be rendered once.
    static func originalName(_ key: String) -> String { "remit-site-partial/" + key }

    init(_ sources: [String: Theme.TemplateSource]) {
        var scanned: [String: [TemplateTag]] = [:]
        for (name, source) in sources {
            // A template this scanner cannot follow (changed delimiters) could include anything anywhere.
            guard let tags = TemplateTag.scan(source.text) else {
                keys = [:]
                return
            }
            scanned[name] = tags
        }
        let roots = Set(Theme.requiredTemplates)
        var included: Set<String> = []
        var refused: Set<String> = roots
        for (name, tags) in scanned {
            // What each open tag is: a section pushes a value, a parent or block does not.
            var open: [Bool] = []
            for tag in tags {
                switch tag.kind {
                case .section, .invertedSection: open.append(true)
                case .block: open.append(false)
                case .parent:
                    open.append(false)
                    refused.insert(tag.name)
                case .close: _ = open.popLast()
                case .partial:
                    included.insert(tag.name)
                    if !roots.contains(name) || open.contains(true) || tag.column != 1 { refused.insert(tag.name) }
                case .variable, .comment, .pragma: break
                }
            }
        }
        let candidates = included.subtracting(refused).filter { scanned[$0].map(Self.readsOnlySite) ?? false }
        keys = Dictionary(uniqueKeysWithValues: candidates.sorted().enumerated().map { ($1, "p\($0)") })
    }

    private static func readsOnlySite(_ tags: [TemplateTag]) -> Bool {
        let otherRoots = Set(PageContext<Int>.templateKeys.keys).subtracting(["site"])
        var depth = 0
        for tag in tags {
            switch tag.kind {
            case .comment, .pragma: continue
            case .partial, .parent, .block: return false
            case .close:
                depth -= 1
                continue
            case .variable, .section, .invertedSection: break
            }
            var name = tag.name
            // A transform, `empty(site.functions)`, reads its argument.
            if let open = name.firstIndex(of: "("), name.hasSuffix(")") {
                name = String(name[name.index(after: open)..<name.index(before: name.endIndex)])
            }
            let first = String(name.prefix { $0 != "." })
            if depth == 0 ? first != "site" : (name != "." && otherRoots.contains(first)) { return false }
            if tag.kind != .variable { depth += 1 }
        }
        return true
    }

    /// Each qualifying partial rendered with the site alone, by key.
    func render(_ library: MustacheLibrary, site: SiteView) -> Rendered {
        Rendered(texts: keys.values.reduce(into: [:]) { texts, key in
            texts[key] = library.render(SiteOnly(site: site), withTemplate: Self.originalName(key)) ?? ""
        })
    }

    struct Rendered: Sendable, MustacheParent {
        var texts: [String: String]
        func child(named name: String) -> Any? { texts[name] }
    }

    private struct SiteOnly: MustacheParent {
        var site: SiteView
        func child(named name: String) -> Any? { name == "site" ? site : nil }
    }
}

/// A page's context with the site's partials beside it.
struct RenderContext<Content: Sendable & Hashable>: MustacheParent {
    var page: PageContext<Content>
    var partials: SitePartials.Rendered

    func child(named name: String) -> Any? {
        name == SitePartials.contextKey ? partials : page.child(named: name)
    }
}
