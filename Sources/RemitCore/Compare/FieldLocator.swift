/// Where a field is written in a file, found again from the file's text: the
/// model keeps a location only for the fields that checks point at, and a
/// change can be in any of them. Only files that changed are read again.
struct FieldLocator {
    private let root: YAMLNode?
    private let start: SourceLocation

    /// - Parameter frontMatter: false for a whole YAML file (`catalogue.yml`, `glossary.yml`).
    init(_ file: SourceFile, frontMatter: Bool = true) {
        var ignored: [Diagnostic] = []
        root = frontMatter ? FrontMatterDocument.parse(file, into: &ignored).fields : FrontMatterDocument.decodeYAMLFile(file, into: &ignored)
        start = file.start
    }

    /// The value of a top-level field (its key, when the value is empty); the
    /// file's first line when the field is not there (it was removed).
    func field(_ name: String) -> SourceLocation {
        guard let entry = entry(name, in: root) else { return start }
        if case .null = entry.value.value { return entry.keyLocation }
        return entry.value.location
    }

    /// A field inside a map field: `contact.email`.
    func field(_ name: String, _ subfield: String) -> SourceLocation {
        guard let outer = entry(name, in: root) else { return start }
        return entry(subfield, in: outer.value)?.value.location ?? outer.keyLocation
    }

    /// The item of a list field that `matches`: its text, or a map whose
    /// `key` has that text. Else the list itself.
    func item(_ name: String, text: String, key: String? = nil) -> SourceLocation {
        guard let list = entry(name, in: root) else { return start }
        guard case .sequence(let items) = list.value.value else { return list.keyLocation }
        let normalised = Prose.normalised(text)
        for item in items {
            let value = key.flatMap { entry($0, in: item)?.value } ?? item
            if let scalar = value.scalar, Prose.normalised(scalar) == normalised { return item.location }
        }
        return list.keyLocation
    }

    /// The `index`th item of a list field.
    func item(_ name: String, at index: Int) -> SourceLocation {
        guard let list = entry(name, in: root) else { return start }
        guard case .sequence(let items) = list.value.value, items.indices.contains(index) else { return list.keyLocation }
        return items[index].location
    }

    /// In a file that is one list (`glossary.yml`): the item whose `key` has that text.
    func rootItem(key: String, text: String) -> SourceLocation? {
        guard case .sequence(let items) = root?.value else { return nil }
        let normalised = Prose.normalised(text)
        return items.first { item in entry(key, in: item)?.value.scalar.map(Prose.normalised) == normalised }?.location
    }

    private func entry(_ name: String, in node: YAMLNode?) -> YAMLEntry? {
        guard case .mapping(let entries) = node?.value else { return nil }
        return entries.last { $0.key == name }
    }
}

/// Text compared as readers see it: runs of spaces and line breaks are one space.
enum Prose {
    static func normalised(_ text: String) -> String {
        // ASCII text is folded on its bytes: the same words, without looking up
        // each character's Unicode properties (comparing versions does this often).
        guard text.utf8.allSatisfy({ $0 < 0x80 }) else {
            return text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        }
        var folded: [UInt8] = []
        folded.reserveCapacity(text.utf8.count)
        var space = false
        for byte in text.utf8 {
            if byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) {
                space = !folded.isEmpty
            } else {
                if space { folded.append(0x20) }
                space = false
                folded.append(byte)
            }
        }
        return String(decoding: folded, as: UTF8.self)
    }
}
