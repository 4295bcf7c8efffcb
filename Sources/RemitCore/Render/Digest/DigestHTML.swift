/// The digest as one HTML document that pastes into an email client: every
/// style inline (clients drop `<style>` and stylesheets), no scripts, no
/// images, nothing fetched; the only links are to the catalogue's pages.
enum DigestHTML {
    static let body = "margin:0;padding:16px;background:#ffffff;color:#1b1f24;font-family:Arial,Helvetica,sans-serif;font-size:15px;line-height:1.45"
    static let heading1 = "margin:0 0 8px;font-size:22px;line-height:1.25"
    static let heading2 = "margin:24px 0 8px;padding-bottom:4px;border-bottom:1px solid #d0d7de;font-size:17px"
    static let paragraph = "margin:0 0 8px"
    static let list = "margin:0;padding:0 0 0 20px"
    static let item = "margin:0 0 10px"
    static let link = "color:#0b5cad"
    static let quiet = "color:#57606a"

    static func render(_ document: DigestDocument) -> String {
        var html = """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <title>\(escape(document.title))</title>
        </head>
        <body style="\(body)">
        <div style="max-width:640px">
        <h1 style="\(heading1)">\(escape(document.title))</h1>
        <p style="\(paragraph)">\(escape(document.intro))</p>
        <p style="\(paragraph)">\(document.more.map { anchor($0.label, $0.url) }.joined(separator: " · "))</p>

        """
        if let nothing = document.nothing { html += "<p style=\"\(paragraph)\">\(escape(nothing))</p>\n" }
        for section in document.sections {
            html += "<h2 style=\"\(heading2)\">\(escape(section.heading))</h2>\n"
            if section.lines.isEmpty, let empty = section.empty { html += "<p style=\"\(paragraph)\">\(escape(empty))</p>\n" }
            guard !section.lines.isEmpty else { continue }
            html += "<ul style=\"\(list)\">\n"
            for line in section.lines {
                html += "<li style=\"\(item)\"><strong>\(escape(line.when))</strong>, \(escape(line.label)): "
                html += "\(anchor(line.title, line.url)) <span style=\"\(quiet)\">(\(escape(line.function)))</span><br>\(escape(line.summary))</li>\n"
            }
            html += "</ul>\n"
        }
        return html + "</div>\n</body>\n</html>\n"
    }

    static func anchor(_ text: String, _ url: String) -> String {
        "<a href=\"\(escape(url))\" style=\"\(link)\">\(escape(text))</a>"
    }

    /// Escaped scalar by scalar, as the theme's templates are.
    static func escape(_ text: String) -> String { HTMLEscaping.escape(text) }
}
