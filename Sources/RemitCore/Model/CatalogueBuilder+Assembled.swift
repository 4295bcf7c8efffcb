extension CatalogueBuilder {
    /// The decoded files put together, before cross-references are resolved.
    /// `remit serve` keeps it, and after an edit to services' or rules' front
    /// matter puts the edited ones in place of what they were, instead of
    /// putting ten thousand files together again.
    struct Assembled: Sendable {
        /// Sorted by id.
        var functions: [Function] = []
        var services: [ItemKey: Service] = [:]
        /// The published rules; the others are drafts.
        var rules: [ItemKey: Rule] = [:]
        var drafts: Set<ItemKey> = []
        /// Sorted by id.
        var journeys: [Journey] = []
        /// Sorted by id.
        var pages: [FreePage] = []
        var functionIDs: Set<String> = []
        /// `<function>/services/…` and `<function>/rules/…` need `<function>/index.md`.
        var functionIDsWithoutIndex: Set<String> = []
        /// Each file's own problems, by path, for the files that have any.
        var problems: [String: [Diagnostic]] = [:]

        /// The files, in order (`path` names each).
        init(_ files: [(path: String, decoded: Parts.Decoded)]) {
            var referencedFunctionFolders: Set<String> = []
            for (path, decoded) in files {
                if !decoded.diagnostics.isEmpty { problems[path] = decoded.diagnostics }
                if let folder = decoded.functionFolder { referencedFunctionFolders.insert(folder) }
                switch decoded.page {
                case .function(let function):
                    functionIDs.insert(function.id)
                    functions.append(function)
                case .service(let service): services[service.key] = services[service.key] ?? service
                case .rule(let rule): add(rule)
                case .journey(let journey): journeys.append(journey)
                case .page(let page): pages.append(page)
                case nil: break
                }
            }
            functions.sort { $0.id < $1.id }
            journeys.sort { $0.id < $1.id }
            pages.sort { $0.id < $1.id }
            functionIDsWithoutIndex = referencedFunctionFolders.subtracting(functionIDs)
        }

        private mutating func add(_ rule: Rule) {
            guard rules[rule.key] == nil, !drafts.contains(rule.key) else { return }
            if rule.status.isPublished { rules[rule.key] = rule } else { drafts.insert(rule.key) }
        }

        /// With the files that changed put in place, when each is a service
        /// or a rule that was one before, by the same key; nil otherwise
        /// (the files are put together again).
        func patched(with changes: [Parts.Decoding.Change]) -> Assembled? {
            var patched = self
            for change in changes {
                switch (change.before?.page, change.now.page) {
                case (.service(let before), .service(let now)) where before.key == now.key:
                    patched.services[now.key] = now
                case (.rule(let before), .rule(let now)) where before.key == now.key:
                    patched.rules[now.key] = nil
                    patched.drafts.remove(now.key)
                    patched.add(now)
                default:
                    return nil
                }
                patched.problems[change.path] = change.now.diagnostics.isEmpty ? nil : change.now.diagnostics
            }
            return patched
        }
    }
}
