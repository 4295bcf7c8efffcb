/// `sitemap.xml`: every page of the site, absolute under `base_url`.
enum SitemapXML {
    static func render(_ factory: ViewFactory, routes: [Route]) -> String {
        let sources = Dictionary(factory.siteMap.entries.map { ($0.route, $0.source.file.relativePath) }, uniquingKeysWith: { a, _ in a })
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for route in routes.sorted() {
            xml += "  <url><loc>\(XMLText.escape(factory.base.absolute(route.path)))</loc>"
            if let date = sources[route].flatMap({ factory.history.lastUpdated[$0] }) { xml += "<lastmod>\(date)</lastmod>" }
            xml += "</url>\n"
        }
        return xml + "</urlset>\n"
    }
}
