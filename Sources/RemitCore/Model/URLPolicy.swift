/// The one policy every URL a page emits goes through: `request`,
/// `contact.channel`, `contact.email`, `full_policy`, `edit_url`, `feedback`,
/// `base_url` and links in bodies.
///
/// Browsers parse a URL as the WHATWG URL Standard says: they strip leading and
/// trailing C0 controls and spaces, and drop tabs and newlines anywhere, before
/// they look for a scheme. So `"\u{1}javascript:…"` and `"java\tscript:…"` run
/// script although they do not start with `javascript:`. This type does the same
/// clean-up first, so that the scheme it checks is the scheme a browser sees.
public enum URLPolicy {
    /// Schemes that cannot run code or load content in the page.
    public static let allowedSchemes: Set<String> = ["http", "https", "mailto", "tel"]

    public struct Refusal: Error, Sendable, Equatable, CustomStringConvertible {
        public var reason: String
        public var description: String { reason }
    }

    /// A URL that passed the policy, percent-encoded where a URL may not hold a
    /// character as written (a pattern's literal space, `"`, `<`, `\`…).
    public struct Checked: Sendable, Equatable {
        public var url: String
        /// Lowercased, or nil for a relative reference.
        public var scheme: String?
    }

    public static func check(_ raw: String) -> Result<Checked, Refusal> {
        let text = whatwgCleaned(raw)
        if let control = text.unicodeScalars.first(where: isControl) {
            return .failure(Refusal(reason: "contains the control character U+\(hex(control.value)), which browsers drop or misread"))
        }
        let scheme = Self.scheme(of: text)
        if let scheme, !allowedSchemes.contains(scheme) {
            return .failure(Refusal(reason: "'\(scheme):' URLs are not allowed; use http(s), mailto or tel"))
        }
        if let scheme, scheme == "http" || scheme == "https" {
            let rest = text.dropFirst(scheme.count + 1)
            guard rest.hasPrefix("//"), rest.dropFirst(2).first.map({ $0 != "/" && $0 != "\\" }) ?? false else {
                return .failure(Refusal(reason: "'\(scheme):' URLs need a host: \(scheme)://host/…"))
            }
        }
        return .success(Checked(url: percentEncodeDisallowed(text), scheme: scheme))
    }

    /// The checked URL, or nil: for values that were already validated with a
    /// location, and must still never reach an `href` unchecked.
    public static func href(_ raw: String?) -> String? {
        guard let raw, case .success(let checked) = check(raw), !checked.url.isEmpty else { return nil }
        return checked.url
    }

    /// An email address for a `mailto:` link: no scheme of its own, one `@`,
    /// nothing a URL or a header could be split on.
    public static func mailto(_ address: String) -> Result<String, Refusal> {
        let text = whatwgCleaned(address)
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty,
            !text.unicodeScalars.contains(where: { isControl($0) || " <>\"'\\,;:?&=/".unicodeScalars.contains($0) })
        else {
            return .failure(Refusal(reason: "'\(address)' is not an email address such as team@example.org"))
        }
        return .success("mailto:" + text)
    }

    /// The URL Standard's pre-processing: leading and trailing C0 controls and
    /// spaces stripped, ASCII tabs and newlines removed.
    static func whatwgCleaned(_ raw: String) -> String {
        // Most URLs need no cleaning: say so from their bytes, without copying them.
        let utf8 = raw.utf8
        if let first = utf8.first, first > 0x20, let last = utf8.last, last > 0x20,
            !utf8.contains(where: { $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) {
            return raw
        }
        var scalars = Substring(raw).unicodeScalars
        while let first = scalars.first, first.value <= 0x20 { scalars.removeFirst() }
        while let last = scalars.last, last.value <= 0x20 { scalars.removeLast() }
        var result = String.UnicodeScalarView()
        for scalar in scalars where scalar != "\t" && scalar != "\n" && scalar != "\r" {
            result.append(scalar)
        }
        return String(result)
    }

    /// C0 controls, DEL and C1 controls.
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }

    /// The WHATWG scheme: an ASCII letter, then letters, digits, `+`, `-`, `.`,
    /// then `:`. Anything else before the first `:` makes the URL relative.
    static func scheme(of text: String) -> String? {
        var scheme = ""
        for (index, scalar) in text.unicodeScalars.enumerated() {
            if scalar == ":" { return index == 0 ? nil : scheme.lowercased() }
            let isAlpha = ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
            let isOther = ("0"..."9").contains(scalar) || scalar == "+" || scalar == "-" || scalar == "."
            guard isAlpha || (index > 0 && isOther) else { return nil }
            scheme.unicodeScalars.append(scalar)
        }
        return nil
    }

    /// Characters that are never valid as written in a URL: space, `"`, `<`,
    /// `>`, `` ` ``, `{`, `}`, `|`, `\`, `^`. `%` is left alone, so an
    /// already-encoded URL is not encoded twice.
    static func percentEncodeDisallowed(_ text: String) -> String {
        // A switch, not a set: every link of every page comes through here.
        func disallowed(_ scalar: Unicode.Scalar) -> Bool {
            switch scalar {
            case " ", "\"", "<", ">", "`", "{", "}", "|", "\\", "^": true
            default: false
            }
        }
        guard text.unicodeScalars.contains(where: disallowed) else { return text }
        var result = ""
        for scalar in text.unicodeScalars {
            if disallowed(scalar) {
                result += "%" + hex(scalar.value, width: 2)
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    static func hex(_ value: UInt32, width: Int = 4) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
