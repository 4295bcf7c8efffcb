/// Decides what a link in a Markdown body points at. Editors link to source
/// files (`../rules/x.md#why`), which also work on the git host; the site gets
/// the page's address.
public struct LinkResolver: Sendable {
    public enum Target: Sendable, Equatable {
        /// http(s), mailto, tel: left as written.
        case external(String)
        /// A page of the site, by source path, with an optional fragment.
        case page(sourcePath: String, fragment: String?)
        /// A file copied from the content folder.
        case attachment(path: String, fragment: String?)
        /// `#fragment` on the same page.
        case sameDocument(fragment: String)
        /// A page the site makes itself (`../glossary/`), by its address.
        case sitePage(route: Route, fragment: String?)
        /// `[text]()`: common in real handbooks and harmless; emitted without a target.
        case empty
        case broken(String)
        case forbidden(String)
    }

    let siteMap: SiteMap
    let base: BaseURL

    public init(siteMap: SiteMap, base: BaseURL) {
        self.siteMap = siteMap
        self.base = base
    }

    public func resolve(_ destination: String, from sourcePath: String) -> Target {
        let checked: URLPolicy.Checked
        switch URLPolicy.check(destination) {
        case .failure(let refusal): return .forbidden("link refused: \(refusal.reason)")
        case .success(let result): checked = result
        }
        if checked.url.isEmpty { return .empty }
        if checked.scheme != nil || checked.url.hasPrefix("//") { return .external(checked.url) }
        var pathPart = checked.url
        var fragment: String?
        if let hash = pathPart.firstIndex(of: "#") {
            fragment = Self.percentDecoded(String(pathPart[pathPart.index(after: hash)...])) ?? ""
            pathPart = String(pathPart[..<hash])
        }
        if let query = pathPart.firstIndex(of: "?") { pathPart = String(pathPart[..<query]) }
        if pathPart.isEmpty {
            return .sameDocument(fragment: fragment ?? "")
        }
        let decoded = Self.percentDecoded(pathPart) ?? pathPart
        guard let target = Self.join(sourcePath, decoded) else {
            return .broken("link '\(destination)' points outside the content folder")
        }
        if target.hasSuffix(".md") {
            return siteMap.bySourcePath[target] != nil
                ? .page(sourcePath: target, fragment: fragment)
                : .broken("link target '\(destination)' not found: there is no published page \(target)")
        }
        if siteMap.attachmentPaths.contains(target) { return .attachment(path: target, fragment: fragment) }
        let index = target.isEmpty ? "index.md" : (target.hasSuffix("/") ? target : target + "/") + "index.md"
        if siteMap.bySourcePath[index] != nil { return .page(sourcePath: index, fragment: fragment) }
        if let address = resolveAddress(decoded, from: sourcePath, fragment: fragment) { return address }
        if destination.contains("{{") || destination.contains("{%") {
            return .broken("link '\(destination)' holds template syntax, which Remit does not expand; link the page's source file (../x.md) instead")
        }
        return .broken("link target '\(destination)' not found in the content folder")
    }

    /// A link written as an address the site shows (`../records/`, `emoji/`,
    /// `/glossary/`), as handbooks moved from other generators have them:
    /// relative to the linking page's own address, or to the site's root.
    func resolveAddress(_ address: String, from sourcePath: String, fragment: String?) -> Target? {
        guard let page = siteMap.bySourcePath[sourcePath],
            var path = Self.join(page.route.path + "index.html", address)
        else { return nil }
        if path.hasSuffix("index.html") { path.removeLast("index.html".count) }
        if !path.isEmpty, !path.hasSuffix("/") { path += "/" }
        let route = Route(path)
        if let source = siteMap.sourcePath(at: route) { return .page(sourcePath: source, fragment: fragment) }
        if PageKind.allCases.contains(where: { $0.fixedRoute == route }) { return .sitePage(route: route, fragment: fragment) }
        return nil
    }

    /// The address to emit for a resolved target.
    public func href(_ target: Target) -> String {
        switch target {
        case .external(let url): return url
        case .page(let source, let fragment):
            return base.link(siteMap.bySourcePath[source]!.route.path) + Self.fragmentSuffix(fragment)
        case .attachment(let path, let fragment):
            return base.link(path.split(separator: "/").map { Self.percentEncode(String($0)) }.joined(separator: "/"))
                + Self.fragmentSuffix(fragment)
        case .sameDocument(let fragment): return "#" + fragment
        case .sitePage(let route, let fragment): return base.link(route.path) + Self.fragmentSuffix(fragment)
        case .empty, .broken, .forbidden: return ""
        }
    }

    static func fragmentSuffix(_ fragment: String?) -> String {
        guard let fragment, !fragment.isEmpty else { return "" }
        return "#" + percentEncode(fragment)
    }

    static func percentEncode(_ text: String) -> String {
        // Heading ids and file names are mostly letters, digits and `-_.~`,
        // which need no encoding: Foundation is asked only about the rest.
        let plain = text.utf8.allSatisfy { byte in
            switch byte {
            case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "~"): true
            default: false
            }
        }
        return plain ? text : text.addingPercentEncoding(withAllowedCharacters: pathSegmentAllowed) ?? text
    }

    /// Made once: building a character set took longer than encoding with it.
    private static let pathSegmentAllowed = CharacterSet.urlPathAllowed.subtracting(["#", "?", "/"])

    /// Foundation's decoding, asked only of text that has something to decode.
    static func percentDecoded(_ text: String) -> String? {
        text.utf8.contains(UInt8(ascii: "%")) ? text.removingPercentEncoding : text
    }

    /// Resolves `relative` against the folder of `sourcePath`; nil if it climbs out.
    static func join(_ sourcePath: String, _ relative: String) -> String? {
        var parts: [Substring] = relative.hasPrefix("/") ? [] : sourcePath.split(separator: "/").dropLast()
        for component in relative.split(separator: "/", omittingEmptySubsequences: true) {
            switch component {
            case ".": continue
            case "..":
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
            default: parts.append(component)
            }
        }
        let joined = parts.joined(separator: "/")
        return relative.hasSuffix("/") && !joined.isEmpty ? joined + "/" : joined
    }
}

import Foundation
