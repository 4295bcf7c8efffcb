internal import CCmarkGFM
import Foundation

/// Renders GitHub-flavoured Markdown with cmark-gfm: tables, strikethrough,
/// autolinks, tag filter and task lists; raw HTML is never passed through.
///
/// All C lives in this file: the tree is walked, facts are copied into Swift
/// values, and every C allocation is freed before `render` returns.
public struct MarkdownRenderer: Sendable {
    public init() {}

    /// The cmark-gfm library this binary is linked with, e.g. "0.29.0.gfm.6".
    public static var libraryVersion: String { String(cString: cmark_version_string()) }

    /// - Parameters:
    ///   - reservedIDs: ids the surrounding page already uses; headings avoid them.
    ///   - rewriteLink: given a link destination as written, returns the one to emit
    ///     (or `nil` to keep it). Returning `""` neutralises the link.
    public func render(
        _ source: String,
        reservedIDs: Set<String> = [],
        rewriteLink: (Link) -> String? = { _ in nil }
    ) -> RenderedMarkdown {
        render(source[...], reservedIDs: reservedIDs, rewriteLink: rewriteLink)
    }

    /// The same on part of a text: a page's body is the rest of its file,
    /// shared with it, not copied out of it.
    public func render(
        _ source: Substring,
        reservedIDs: Set<String> = [],
        rewriteLink: (Link) -> String? = { _ in nil }
    ) -> RenderedMarkdown {
        Self.registerExtensions
        guard let parser = cmark_parser_new(Self.parseOptions) else {
            preconditionFailure("cmark_parser_new failed: out of memory")
        }
        defer { cmark_parser_free(parser) }
        for name in Self.extensionNames {
            if let ext = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, ext)
            }
        }
        var text = source
        text.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { chars in
                cmark_parser_feed(parser, chars.baseAddress, chars.count)
            }
        }
        // cmark-gfm 0.29 sets a process-wide table of its extensions'
        // characters (`~`, `:`…) when a parse's inline pass begins and clears
        // it when the pass ends: concurrent inline passes silently lose
        // strikethrough and autolinks, so they run one at a time. Feeding
        // (the block structure) touches no such table and runs in parallel.
        // Setting the table once and emptying the extensions' lists does not
        // work: strikethrough finds its `~` delimiters through its list, and
        // without it the inline pass never ends (tried, with cmark-gfm.6).
        Self.parseLock.lock()
        let root = cmark_parser_finish(parser)
        Self.parseLock.unlock()
        guard let root else { preconditionFailure("cmark_parser_finish failed: out of memory") }
        defer { cmark_node_free(root) }

        var walk = TreeWalk(reservedIDs: reservedIDs)
        walk.visit(root, rewriteLink: rewriteLink)

        guard let rendered = cmark_render_html(root, Self.renderOptions, cmark_parser_get_syntax_extensions(parser)) else {
            preconditionFailure("cmark_render_html failed: out of memory")
        }
        defer { free(rendered) }
        let html = Self.labelTaskCheckboxes(Self.addHeadingIDs(String(cString: rendered), walk.headings))
        return RenderedMarkdown(
            html: html,
            headings: walk.headings,
            links: walk.links,
            plainText: walk.plainText.joined(separator: " ")
        )
    }

    private static let extensionNames = ["table", "strikethrough", "autolink", "tagfilter", "tasklist"]
    // Source positions are needed on the tree (for link locations), never in the HTML.
    private static let parseOptions = CMARK_OPT_SOURCEPOS | CMARK_OPT_VALIDATE_UTF8
    private static let renderOptions = CMARK_OPT_DEFAULT
    private static let parseLock = NSLock()
    // Not thread-safe either: run exactly once.
    private static let registerExtensions: Void = cmark_gfm_core_extensions_ensure_registered()

    /// Task list checkboxes are read-only, but a screen reader still announces
    /// an unlabelled form control; cmark's own markup is the only input here.
    static func labelTaskCheckboxes(_ html: String) -> String {
        let checked = Array(#"<input type="checkbox" checked="" disabled="" />"#.utf8)
        let unchecked = Array(#"<input type="checkbox" disabled="" />"#.utf8)
        return rewrite(html) { bytes, index in
            if bytes.starts(with: checked, at: index) {
                return (checked.count, Array(#"<input type="checkbox" checked="" disabled="" aria-label="done" />"#.utf8))
            }
            if bytes.starts(with: unchecked, at: index) {
                return (unchecked.count, Array(#"<input type="checkbox" disabled="" aria-label="to do" />"#.utf8))
            }
            return nil
        }
    }

    /// cmark writes headings as bare `<hN>` tags and escapes any raw HTML, so the
    /// n-th bare heading tag in the output is the n-th heading of the tree.
    static func addHeadingIDs(_ html: String, _ headings: [Heading]) -> String {
        guard !headings.isEmpty else { return html }
        var next = headings.makeIterator()
        var pending = next.next()
        return rewrite(html) { bytes, index in
            guard let heading = pending, index + 3 < bytes.count, bytes[index + 1] == UInt8(ascii: "h"),
                bytes[index + 2] == UInt8(ascii: "0") + UInt8(heading.level), bytes[index + 3] == UInt8(ascii: ">")
            else { return nil }
            pending = next.next()
            return (4, Array("<h\(heading.level) id=\"\(heading.id)\">".utf8))
        }
    }

    /// One pass over the HTML's bytes: at each `<`, `replace` may say how many
    /// bytes to drop and what to write instead. Foundation's string search
    /// bridged the page to UTF-16 on every call, a quarter of a build.
    static func rewrite(_ html: String, _ replace: ([UInt8], Int) -> (Int, [UInt8])?) -> String {
        let bytes = Array(html.utf8)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + 256)
        var index = 0
        var copied = 0
        while let open = bytes[index...].firstIndex(of: UInt8(ascii: "<")) {
            if let (length, replacement) = replace(bytes, open) {
                output += bytes[copied..<open]
                output += replacement
                index = open + length
                copied = index
            } else {
                index = open + 1
            }
        }
        guard copied > 0 else { return html }
        output += bytes[copied...]
        return String(decoding: output, as: UTF8.self)
    }
}

extension Array where Element == UInt8 {
    func starts(with prefix: [UInt8], at index: Int) -> Bool {
        index + prefix.count <= count && self[index..<index + prefix.count].elementsEqual(prefix)
    }
}

/// One pass over the parsed tree collecting headings, links and text, and
/// rewriting link destinations in place.
private struct TreeWalk {
    var slugger: HeadingSlugger
    var headings: [Heading] = []
    var links: [Link] = []
    var plainText: [String] = []

    init(reservedIDs: Set<String>) {
        slugger = HeadingSlugger(reserved: reservedIDs)
    }

    mutating func visit(_ root: OpaquePointer, rewriteLink: (Link) -> String?) {
        guard let iterator = cmark_iter_new(root) else { return }
        defer { cmark_iter_free(iterator) }
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            switch cmark_node_get_type(node) {
            case CMARK_NODE_HEADING:
                let text = Self.text(of: node)
                headings.append(
                    Heading(
                        level: Int(cmark_node_get_heading_level(node)),
                        text: text,
                        id: slugger.uniqueSlug(text),
                        line: Int(cmark_node_get_start_line(node))
                    ))
            case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
                visitLink(node, rewriteLink: rewriteLink)
            case CMARK_NODE_TEXT, CMARK_NODE_CODE, CMARK_NODE_CODE_BLOCK:
                if let literal = cmark_node_get_literal(node) {
                    plainText.append(String(cString: literal))
                }
            default:
                break
            }
        }
    }

    private mutating func visitLink(_ node: OpaquePointer, rewriteLink: (Link) -> String?) {
        let destination = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
        // The autolink extension gives its links no source position (line 0):
        // such a link is located at the nearest enclosing node that has one.
        var positioned = node
        while cmark_node_get_start_line(positioned) == 0, let parent = cmark_node_parent(positioned) { positioned = parent }
        let link = Link(
            kind: cmark_node_get_type(node) == CMARK_NODE_IMAGE ? .image : .link,
            destination: destination,
            line: Int(cmark_node_get_start_line(positioned)),
            column: Int(cmark_node_get_start_column(positioned))
        )
        links.append(link)
        if let replacement = rewriteLink(link) {
            cmark_node_set_url(node, replacement)
        }
    }

    /// The heading's words, as a reader sees them.
    private static func text(of node: OpaquePointer) -> String {
        guard let iterator = cmark_iter_new(node) else { return "" }
        defer { cmark_iter_free(iterator) }
        var parts = ""
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard event == CMARK_EVENT_ENTER, let child = cmark_iter_get_node(iterator) else { continue }
            switch cmark_node_get_type(child) {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                if let literal = cmark_node_get_literal(child) { parts += String(cString: literal) }
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                parts += " "
            default:
                break
            }
        }
        return parts.trimmingCharacters(in: .whitespaces)
    }
}
