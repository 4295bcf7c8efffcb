import Mustache

/// A value templates read, with the one table of the names it answers to.
///
/// The table serves twice: `child(named:)` looks names up in it while pages
/// render (swift-mustache would otherwise reflect with `Mirror` on every
/// lookup, half of a build), and `TemplateCheck` reads the static type behind
/// each key path to check every `{{name}}` of every template before anything
/// is rendered, so a misspelt name is an error instead of empty text.
protocol TemplateView: MustacheParent, Sendable {
    static var templateKeys: [String: PartialKeyPath<Self> & Sendable] { get }
}

extension TemplateView {
    func child(named name: String) -> Any? {
        guard let path = Self.templateKeys[name] else { return nil }
        return flattened(self[keyPath: path])
    }
}

/// A key path's value arrives as `Any`; an absent optional inside it must
/// reach Mustache as nil, or `{{#field}}` would show for a missing field.
func flattened(_ value: Any) -> Any? {
    guard let optional = value as? any OptionalValue else { return value }
    return optional.wrappedValue.flatMap(flattened)
}

protocol OptionalValue {
    var wrappedValue: Any? { get }
}

extension Optional: OptionalValue {
    var wrappedValue: Any? { self.map { $0 as Any } }
}
