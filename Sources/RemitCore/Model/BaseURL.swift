import Foundation

/// Where the site is served. Only its path matters for links inside the site;
/// the full URL (when given) makes the sitemap's and feeds' addresses absolute.
public struct BaseURL: Sendable, Hashable {
    /// Always starts and ends with `/`: `/` or `/services/`.
    public var path: String
    /// `https://intranet.example.org` without the path, or nil for a bare path.
    public var origin: String?

    public init?(_ raw: String) {
        guard case .success(let base) = Self.parse(raw) else { return nil }
        self = base
    }

    /// `base_url` ends up in every page's links, the stylesheet's and scripts'
    /// addresses, the sitemap and the iCalendar file, so it is stricter than a
    /// link: an http(s) origin of plain host characters, then a path that does
    /// not start with `//` (which a browser reads as another host).
    public static func parse(_ raw: String) -> Result<BaseURL, URLPolicy.Refusal> {
        func refuse(_ reason: String) -> Result<BaseURL, URLPolicy.Refusal> {
            .failure(URLPolicy.Refusal(reason: "must be a path such as /services/ or an http(s) URL such as https://intranet.example.org/services/; \(reason), in '\(raw)'"))
        }
        if raw.unicodeScalars.contains(where: URLPolicy.isControl) { return refuse("it contains a control character") }
        var text = raw.trimmingCharacters(in: .whitespaces)
        var origin: String?
        let lower = text.lowercased()
        if lower.hasPrefix("http://") || lower.hasPrefix("https://") {
            let schemeEnd = text.range(of: "://")!.upperBound
            let rest = text[schemeEnd...]
            let slash = rest.firstIndex(of: "/") ?? rest.endIndex
            let host = rest[..<slash]
            let hostCharacters = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-:[]")
            guard !host.isEmpty, host.allSatisfy(hostCharacters.contains) else { return refuse("its host may hold only letters, digits, '.', '-' and a :port") }
            origin = text[..<schemeEnd].lowercased() + host
            text = String(rest[slash...])
        } else if URLPolicy.scheme(of: text) != nil {
            return refuse("only http and https are allowed")
        }
        if text.isEmpty { text = "/" }
        guard text.hasPrefix("/") else { return refuse("a path starts with '/'") }
        guard !text.hasPrefix("//") else { return refuse("a path starting with '//' names another host") }
        let pathCharacters = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~/%!$&()*+,;=:@")
        guard text.allSatisfy(pathCharacters.contains) else {
            return refuse("its path may hold only letters, digits and - . _ ~ / % and URL punctuation, no spaces, quotes, '?' or '#'")
        }
        guard !text.split(separator: "/").contains(where: { $0 == "." || $0 == ".." }) else { return refuse("its path may not contain '.' or '..' segments") }
        return .success(BaseURL(path: text.hasSuffix("/") ? text : text + "/", origin: origin))
    }

    init(path: String, origin: String?) {
        self.path = path
        self.origin = origin
    }

    /// `intranet.example.org` (no scheme, no port), or nil for a bare path.
    public var host: String? {
        origin.flatMap { $0.split(separator: "/").last?.split(separator: ":").first.map(String.init) }
    }

    /// A path inside the site (`hr/services/x/`) as a link.
    public func link(_ route: String) -> String { path + route }

    /// The absolute URL, for sitemaps and feeds; a bare path stays root-relative.
    public func absolute(_ route: String) -> String { (origin ?? "") + path + route }
}
