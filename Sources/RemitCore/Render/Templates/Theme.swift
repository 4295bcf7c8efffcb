import DefaultTheme
import Foundation
import Mustache

/// The templates and static assets pages are rendered with: the built-in
/// default theme, with any file of the project's `templates/` folder replacing
/// the built-in one of the same name.
public struct Theme: Sendable {
    let library: MustacheLibrary
    /// Static files by path relative to the theme (`assets/remit.css`).
    let assets: [String: Data]
    /// Each template's text as written, by name (`service`, `partials/footer`), for `TemplateCheck`.
    let sources: [String: TemplateSource]
    /// Templates with syntax errors (already reported), so they are not also called missing.
    let failedTemplates: Set<String>
    /// Changes with any template: part of every page's fingerprint, so
    /// worked out once, not once per page.
    let fingerprint: Int
    /// The partials rendered once per build rather than on every page.
    let sitePartials: SitePartials

    struct TemplateSource: Sendable {
        var text: String
        /// `templates/service.mustache`, or `… (built in)`.
        var display: String
    }

    /// The layout every page template inherits from, and one template per kind of page.
    public static let requiredTemplates = ["layout"] + PageKind.allCases.map(\.template)

    public static func load(overrides directory: URL?, into diagnostics: inout [Diagnostic]) -> Theme {
        var files: [String: (data: Data, display: String)] = DefaultTheme.files.reduce(into: [:]) {
            $0[$1.key] = ($1.value, "templates/" + $1.key + " (built in)")
        }
        if let directory, FileManager.default.fileExists(atPath: directory.path) {
            let prefix = directory.standardizedFileURL.lastPathComponent
            for path in ContentFolder.listFiles(directory, into: &diagnostics, displayPrefix: prefix) {
                if let data = FileManager.default.contents(atPath: directory.appendingPathComponent(path).path) {
                    files[path] = (data, prefix + "/" + path)
                }
            }
        }
        HTMLEscaping.register()
        var library = MustacheLibrary()
        var assets: [String: Data] = [:]
        var sources: [String: TemplateSource] = [:]
        var failed: Set<String> = []
        for (path, file) in files.sorted(by: { $0.key < $1.key }) {
            if path.hasPrefix("assets/") {
                assets[path] = file.data
                continue
            }
            guard path.hasSuffix(".mustache") else { continue }
            let name = String(path.dropLast(".mustache".count))
            guard let text = String(data: file.data, encoding: .utf8) else {
                diagnostics.append(Diagnostic(.error, at: SourceLocation(path: file.display, line: 1, column: 1), "template is not valid UTF-8"))
                continue
            }
            do {
                library.register(try MustacheTemplate(string: HTMLEscaping.pragma + text), named: name)
                sources[name] = TemplateSource(text: text, display: file.display)
            } catch let error as MustacheTemplate.ParserError {
                failed.insert(name)
                diagnostics.append(Diagnostic(
                    .error, at: SourceLocation(
                        path: file.display, line: error.context.lineNumber,
                        // The pragma shares the first line; columns there are shifted by it.
                        column: error.context.columnNumber + 1 - (error.context.lineNumber == 1 ? HTMLEscaping.pragma.count : 0)),
                    "template syntax error: \(error.error)"))
            } catch {
                failed.insert(name)
                diagnostics.append(Diagnostic(.error, at: SourceLocation(path: file.display, line: 1, column: 1), "template error: \(error)"))
            }
        }
        var hasher = Hasher()
        for (name, source) in sources.sorted(by: { $0.key < $1.key }) {
            hasher.combine(name)
            hasher.combine(source.text)
        }
        // Each partial rendered once is kept under another name; its own name
        // gets its text from the context.
        let sitePartials = SitePartials(sources)
        for (name, key) in sitePartials.keys {
            if let original = library.getTemplate(named: name),
                let standIn = try? MustacheTemplate(string: "{{{\(SitePartials.contextKey).\(key)}}}") {
                library.register(original, named: SitePartials.originalName(key))
                library.register(standIn, named: name)
            }
        }
        return Theme(
            library: library, assets: assets, sources: sources, failedTemplates: failed, fingerprint: hasher.finalize(), sitePartials: sitePartials)
    }

    /// The partials that read only the site, rendered: once per build.
    func renderSitePartials(_ site: SiteView) -> SitePartials.Rendered {
        sitePartials.render(library, site: site)
    }

    func render<Content>(_ template: String, _ context: PageContext<Content>, partials: SitePartials.Rendered) -> String? {
        library.render(RenderContext(page: context, partials: partials), withTemplate: template)
    }
}
