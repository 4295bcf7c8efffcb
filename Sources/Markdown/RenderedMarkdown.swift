/// What rendering one Markdown body produces: the HTML plus the facts later
/// stages need (headings for anchors and tables of contents, links for checking).
public struct RenderedMarkdown: Sendable, Equatable {
    public var html: String
    public var headings: [Heading]
    public var links: [Link]
    /// The document's words without markup, for search and excerpts.
    public var plainText: String

    public init(html: String, headings: [Heading], links: [Link], plainText: String) {
        self.html = html
        self.headings = headings
        self.links = links
        self.plainText = plainText
    }
}

public struct Heading: Sendable, Equatable {
    public var level: Int
    public var text: String
    /// Unique within the document: the value of the `id` attribute.
    public var id: String
    /// 1-based line within the Markdown source given to the renderer.
    public var line: Int
}

public struct Link: Sendable, Equatable {
    public enum Kind: Sendable, Equatable { case link, image }
    public var kind: Kind
    /// The destination as written by the author, before rewriting.
    public var destination: String
    /// 1-based line and column of the link within the Markdown source.
    public var line: Int
    public var column: Int
}
