/// Checks every name every template uses against the view it will receive,
/// before anything is rendered: Mustache renders a misspelt `{{page.titel}}`
/// as empty text, silently, so without this a project's override could drop a
/// field from every page and nothing would say so.
///
/// Each page kind's template is walked with its context (`PageKind.contextType`);
/// sections push the type they open (a list's element, an optional's value),
/// partials and the layout it inherits are walked in the context they are
/// used in. Names resolve as Mustache resolves them: the first part from the
/// innermost context that has it, each further part on the value before it.
struct TemplateCheck {
    let theme: Theme
    private(set) var diagnostics: [Diagnostic] = []
    /// (template, context) pairs already walked: each partial once per context.
    private var walked: Set<String> = []

    static func check(_ theme: Theme) -> [Diagnostic] {
        var check = TemplateCheck(theme: theme)
        for name in Theme.requiredTemplates where theme.sources[name] == nil && !theme.failedTemplates.contains(name) {
            check.diagnostics.append(Diagnostic(.error, at: SourceLocation(path: "templates/\(name).mustache", line: 1, column: 1), "template '\(name)' is missing"))
        }
        for kind in PageKind.allCases {
            check.walk(kind.template, stack: [Shape(kind.contextType)])
        }
        return check.diagnostics
    }

    /// What a name can hold, for lookups: a view's keys, a list's elements, or a plain value.
    struct Shape {
        let type: Any.Type

        init(_ type: Any.Type) { self.type = type }

        /// An optional's value, or the type itself.
        var unwrapped: Shape {
            (type as? any OptionalShape.Type).map { Shape($0.wrappedShape).unwrapped } ?? self
        }

        /// What a section over this value pushes: a list's element, an optional's value.
        var opened: Shape {
            let value = unwrapped
            return (value.type as? any SequenceShape.Type).map { Shape($0.elementShape).unwrapped } ?? value
        }

        var keys: [String: Any.Type] {
            guard let view = unwrapped.type as? any TemplateView.Type else { return [:] }
            return view.templateKeyTypes
        }
    }

    private mutating func walk(_ template: String, stack: [Shape]) {
        guard let source = theme.sources[template], let tags = TemplateTag.scan(source.text) else { return }
        let key = template + "|" + stack.map { String(reflecting: $0.type) }.joined(separator: ",")
        guard walked.insert(key).inserted else { return }
        var stack = stack
        // What each open section pushed, so its close pops the same.
        var pushed: [Bool] = []
        for tag in tags {
            let location = SourceLocation(path: source.display, line: tag.line, column: tag.column)
            switch tag.kind {
            case .comment, .pragma:
                break
            case .variable:
                _ = resolve(tag.name, in: stack, at: location, template: template)
            case .section, .invertedSection:
                let shape = resolve(tag.name, in: stack, at: location, template: template)
                let pushes = tag.kind == .section && shape != nil && !tag.name.contains("(")
                if pushes, let shape { stack.append(shape.opened) }
                pushed.append(pushes)
            case .block, .parent:
                pushed.append(false)
                if tag.kind == .parent { walk(tag.name, stack: stack) }
            case .close:
                if pushed.popLast() == true { stack.removeLast() }
            case .partial:
                walk(tag.name, stack: stack)
            }
        }
    }

    /// The shape `name` resolves to, or nil (reported) if a part is unknown.
    private mutating func resolve(_ written: String, in stack: [Shape], at location: SourceLocation, template: String) -> Shape? {
        // A transform, `empty(tags)`, names its argument.
        var name = written
        if let open = name.firstIndex(of: "("), name.hasSuffix(")") {
            name = String(name[name.index(after: open)..<name.index(before: name.endIndex)])
        }
        if name == "." || name.isEmpty { return stack.last }
        let parts = name.split(separator: ".").map(String.init)
        guard let owner = stack.reversed().first(where: { $0.keys[parts[0]] != nil }), let first = owner.keys[parts[0]] else {
            let known = Set(stack.flatMap { $0.keys.keys }).sorted()
            report(parts[0], written: written, known: known, at: location, template: template)
            return nil
        }
        var shape = Shape(first)
        for part in parts.dropFirst() {
            guard let next = shape.keys[part] else {
                let prefix = name.prefix(while: { $0 != "." }) + "."
                report(part, written: written, known: shape.keys.keys.sorted(), prefix: String(prefix), at: location, template: template)
                return nil
            }
            shape = Shape(next)
        }
        return shape
    }

    private mutating func report(_ part: String, written: String, known: [String], prefix: String = "", at location: SourceLocation, template: String) {
        var message = "template '\(template)' uses '\(written)', but its view has no '\(part)'"
        if let suggestion = Spelling.closest(to: part, among: known) {
            message += "; did you mean '\(written.replacingOccurrences(of: part, with: suggestion))'?"
        }
        diagnostics.append(Diagnostic(.error, at: location, message))
    }
}

extension TemplateView {
    /// Each key's static type, read from its key path.
    static var templateKeyTypes: [String: Any.Type] {
        templateKeys.mapValues { type(of: $0).valueType }
    }
}

protocol OptionalShape { static var wrappedShape: Any.Type { get } }
extension Optional: OptionalShape { static var wrappedShape: Any.Type { Wrapped.self } }

protocol SequenceShape { static var elementShape: Any.Type { get } }
extension Array: SequenceShape { static var elementShape: Any.Type { Element.self } }

extension TemplateCheck {
    /// A theme's findings, kept while its templates are what they were:
    /// `remit serve` checks them once, not after every save.
    struct Memo: Sendable {
        var fingerprint: Int
        var diagnostics: [Diagnostic]
    }

    static func check(_ theme: Theme, reusing memo: Memo?) -> Memo {
        if let memo, memo.fingerprint == theme.fingerprint { return memo }
        return Memo(fingerprint: theme.fingerprint, diagnostics: check(theme))
    }
}
