/// Reads one YAML map against its schema: unknown and missing fields are
/// reported once, up front, and each typed accessor reports a wrong value at
/// the value's own location.
struct FieldReader {
    private(set) var diagnostics: [Diagnostic] = []
    private var entries: [String: YAMLEntry] = [:]
    let location: SourceLocation

    init(_ node: YAMLNode, fields: [FieldSchema], context: String) {
        location = node.location
        guard case .mapping(let list) = node.value else {
            diagnostics.append(Diagnostic(.error, at: node.location, "\(context) must be a map of fields, found \(node.kindDescription)"))
            return
        }
        let names = fields.map(\.name)
        for entry in list {
            guard names.contains(entry.key) else {
                var message = "unknown field '\(entry.key)' in \(context)"
                if let suggestion = Spelling.closest(to: entry.key, among: names) {
                    message += "; did you mean '\(suggestion)'?"
                }
                diagnostics.append(Diagnostic(.error, at: entry.keyLocation, message))
                continue
            }
            if entries[entry.key] != nil {
                diagnostics.append(Diagnostic(.error, at: entry.keyLocation, "field '\(entry.key)' is given twice"))
            }
            entries[entry.key] = entry
        }
        for field in fields where field.required {
            if let entry = entries[field.name], case .null = entry.value.value {
                diagnostics.append(Diagnostic(.error, at: entry.keyLocation, "required field '\(field.name)' is empty"))
            } else if entries[field.name] == nil {
                diagnostics.append(Diagnostic(.error, at: location, "missing required field '\(field.name)' in \(context)"))
            }
        }
    }

    /// The value node, or nil when absent or explicitly empty.
    func node(_ name: String) -> YAMLNode? {
        guard let node = entries[name]?.value else { return nil }
        if case .null = node.value { return nil }
        return node
    }

    func keyLocation(_ name: String) -> SourceLocation? { entries[name]?.keyLocation }

    mutating func report(_ location: SourceLocation, _ message: String, _ severity: Diagnostic.Severity = .error) {
        diagnostics.append(Diagnostic(severity, at: location, message))
    }

    mutating func text(_ name: String) -> Located<String>? {
        guard let node = node(name) else { return nil }
        return text(node, name)
    }

    /// The longest text a front-matter field may hold. Summaries and notes are
    /// sentences; anything longer belongs in the Markdown body, and a huge value
    /// would be copied onto every page that lists it.
    static let maxTextBytes = 10_000

    mutating func text(_ node: YAMLNode, _ name: String) -> Located<String>? {
        guard let value = node.scalar else {
            report(node.location, "'\(name)' must be text, found \(node.kindDescription)")
            return nil
        }
        guard value.utf8.count <= Self.maxTextBytes else {
            report(node.location, "'\(name)' is \(value.utf8.count / 1024) KiB long; a field holds at most \(Self.maxTextBytes / 1000) kB: put long text in the page body")
            return nil
        }
        return Located(value, at: node.location)
    }

    /// A URL, checked by `URLPolicy` and returned as it will be emitted.
    /// `absolute` also refuses relative references.
    mutating func url(_ name: String, absolute: Bool = false) -> Located<String>? {
        guard let raw = text(name) else { return nil }
        return checkedURL(raw, name, absolute: absolute)
    }

    mutating func checkedURL(_ raw: Located<String>, _ name: String, absolute: Bool) -> Located<String>? {
        switch URLPolicy.check(raw.value) {
        case .failure(let refusal):
            report(raw.location, "'\(name)' is refused: \(refusal.reason)")
            return nil
        case .success(let checked) where checked.url.isEmpty || (absolute && checked.scheme == nil):
            report(raw.location, "'\(name)' must be a full URL such as https://example.org/…, found '\(raw.value)'")
            return nil
        case .success(let checked):
            return Located(checked.url, at: raw.location)
        }
    }

    /// A link pattern such as `edit_url`: checked with each placeholder filled
    /// in, so the pattern can never produce a refused URL. Returned as written.
    mutating func urlPattern(_ name: String, placeholders: [String]) -> Located<String>? {
        guard let raw = text(name) else { return nil }
        let sample = placeholders.reduce(raw.value) { $0.replacingOccurrences(of: $1, with: "x") }
        guard checkedURL(Located(sample, at: raw.location), name, absolute: true) != nil else { return nil }
        return raw
    }

    /// An email address, returned as its `mailto:` link.
    mutating func mailto(_ name: String) -> Located<String>? {
        guard let raw = text(name) else { return nil }
        switch URLPolicy.mailto(raw.value) {
        case .failure(let refusal):
            report(raw.location, "'\(name)': \(refusal.reason)")
            return nil
        case .success(let href):
            return Located(href, at: raw.location)
        }
    }

    mutating func list(_ name: String) -> [YAMLNode] {
        guard let node = node(name) else { return [] }
        guard case .sequence(let items) = node.value else {
            report(node.location, "'\(name)' must be a list, found \(node.kindDescription)")
            return []
        }
        return items
    }

    mutating func texts(_ name: String) -> [Located<String>] {
        list(name).compactMap { text($0, name) }
    }

    /// A text value turned into `T` by `parse`; `expected` explains a value it rejects.
    mutating func parsed<T: Sendable>(
        _ node: YAMLNode, _ name: String, _ parse: (String) -> T?, expected: (String) -> String
    ) -> Located<T>? {
        guard let raw = text(node, name) else { return nil }
        guard let value = parse(raw.value) else {
            report(raw.location, expected(raw.value))
            return nil
        }
        return Located(value, at: raw.location)
    }

    mutating func date(_ name: String) -> Located<LocalDate>? {
        node(name).flatMap { date($0, name) }
    }

    mutating func date(_ node: YAMLNode, _ name: String) -> Located<LocalDate>? {
        parsed(node, name, LocalDate.init(iso:)) { "'\(name)' is not a valid date: '\($0)' (expected YYYY-MM-DD)" }
    }

    mutating func integer(_ name: String) -> Located<Int>? {
        node(name).flatMap { node in
            parsed(node, name, { Int($0).flatMap { $0 >= 0 ? $0 : nil } }) { "'\(name)' must be a whole number, found '\($0)'" }
        }
    }

    mutating func duration(_ name: String) -> Located<BusinessDuration>? {
        node(name).flatMap { node in
            parsed(node, name, BusinessDuration.init(parsing:)) {
                "'\(name)' is not a valid duration: '\($0)'; accepted forms: \(BusinessDuration.acceptedForms)"
            }
        }
    }

    mutating func inputBy(_ name: String) -> Located<InputBy>? {
        node(name).flatMap { node in
            parsed(node, name, InputBy.init(parsing:)) {
                "'\(name)' must be '<duration> before <event>', e.g. '10 business days before the start date', found '\($0)'; accepted durations: \(BusinessDuration.acceptedForms)"
            }
        }
    }

    /// Nested objects (list items), each read against its own fields.
    mutating func objects(_ name: String, fields: [FieldSchema]) -> [FieldReader] {
        list(name).map { item in
            let reader = FieldReader(item, fields: fields, context: "an item of '\(name)'")
            diagnostics += reader.diagnostics
            return reader.withoutDiagnostics
        }
    }

    mutating func object(_ name: String, fields: [FieldSchema]) -> FieldReader? {
        guard let node = node(name) else { return nil }
        let reader = FieldReader(node, fields: fields, context: "'\(name)'")
        diagnostics += reader.diagnostics
        return reader.withoutDiagnostics
    }

    /// Merge a nested reader's findings into this one.
    mutating func absorb(_ other: FieldReader) {
        diagnostics += other.diagnostics
    }

    var withoutDiagnostics: FieldReader {
        var copy = self
        copy.diagnostics = []
        return copy
    }
}
