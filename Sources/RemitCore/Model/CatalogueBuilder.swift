/// Turns the loaded content folder into a `Catalogue`: classifies files by
/// where they sit, decodes each, then resolves every id across functions.
public enum CatalogueBuilder {
    /// - Parameter documents: the Markdown files already split and decoded
    ///   (`FrontMatterDocument.parseAll`); a file missing from it is parsed here.
    public static func build(_ folder: ContentFolder, documents: [String: (FrontMatterDocument, [Diagnostic])] = [:], into diagnostics: inout [Diagnostic]) -> Catalogue {
        var memo = DecodedFiles()
        return build(folder, documents: documents, reusing: &memo, into: &diagnostics)
    }

    /// Each Markdown file as the last build decoded it (`remit serve`): a
    /// file's entity depends on its text alone, so an unchanged file is not
    /// decoded again.
    struct DecodedFiles: Sendable {
        fileprivate var byPath: [String: (file: SourceFile, decoded: Parts.Decoded)] = [:]
        /// What the services' and rules' references resolved to in that build.
        fileprivate var references: ReferenceResolver.Resolved?
        /// The files put together in that build.
        fileprivate var assembled: Assembled?

        var isEmpty: Bool { byPath.isEmpty && references == nil && assembled == nil }
    }

    static func build(
        _ folder: ContentFolder, documents: [String: (FrontMatterDocument, [Diagnostic])], reusing memo: inout DecodedFiles,
        into diagnostics: inout [Diagnostic]
    ) -> Catalogue {
        var config = SiteConfig(title: "", organisation: "")
        var glossary: [GlossaryEntry] = []
        var sawCatalogue = false
        for file in folder.yaml {
            switch file.relativePath {
            case "catalogue.yml", "catalogue.yaml":
                sawCatalogue = true
                if let node = FrontMatterDocument.decodeYAMLFile(file, into: &diagnostics) {
                    config = SiteConfig.decode(node, into: &diagnostics)
                }
            case "glossary.yml", "glossary.yaml":
                if let node = FrontMatterDocument.decodeYAMLFile(file, into: &diagnostics) {
                    glossary = GlossaryEntry.decodeList(node, into: &diagnostics)
                }
            default:
                diagnostics.append(Diagnostic(.error, at: file.start, "unexpected YAML file: only catalogue.yml and glossary.yml are read"))
            }
        }
        if !sawCatalogue {
            let path = folder.directory.lastPathComponent + "/catalogue.yml"
            diagnostics.append(Diagnostic(.error, at: SourceLocation(path: path, line: 1, column: 1), "missing catalogue.yml with the site's title and organisation"))
        }
        let decoding = Parts.decodeAll(folder.markdown, documents: documents, reusing: &memo)
        let previous = decoding.sameFiles ? memo.assembled : nil
        let assembled = previous.flatMap { $0.patched(with: decoding.changes) }
            ?? Assembled(folder.markdown.map { ($0.relativePath, memo.byPath[$0.relativePath]!.decoded) })
        memo.assembled = assembled
        if !assembled.problems.isEmpty {
            for file in folder.markdown { diagnostics += assembled.problems[file.relativePath] ?? [] }
        }
        for function in assembled.functionIDsWithoutIndex.sorted() {
            let location = SourceLocation(path: folder.directory.lastPathComponent + "/" + function + "/index.md", line: 1, column: 1)
            diagnostics.append(Diagnostic(.error, at: location, "function folder '\(function)' has services or rules but no index.md"))
        }
        var catalogue = Catalogue(
            config: config, functions: assembled.functions, services: assembled.services, rules: assembled.rules,
            journeys: assembled.journeys, pages: assembled.pages,
            glossary: glossary.sorted { $0.term.lowercased() < $1.term.lowercased() },
            attachments: folder.attachments,
            relations: Relations(),
            requests: requestLogs(folder, functions: assembled.functionIDs, columns: config.requestColumns, into: &diagnostics))
        catalogue.dataFiles = folder.yaml
        let drafts = assembled.drafts
        memo.references = ReferenceResolver(catalogue: catalogue, drafts: drafts)
            .resolve(&catalogue, reusing: decoding.referencesAsBefore ? memo.references : nil, into: &diagnostics)
        return catalogue
    }

    /// Each function's `requests.csv`, decoded with the export's column names.
    private static func requestLogs(
        _ folder: ContentFolder, functions: Set<String>, columns: RequestColumns, into diagnostics: inout [Diagnostic]
    ) -> [RequestLog] {
        folder.requests.sorted { $0.relativePath < $1.relativePath }.compactMap { file in
            let function = String(file.relativePath.split(separator: "/")[0])
            guard functions.contains(function) else {
                diagnostics.append(Diagnostic(
                    .error, at: file.start,
                    "requests.csv belongs in a function's folder, beside its index.md, and '\(function)' has no index.md"))
                return nil
            }
            return RequestLog.decode(file, function: function, columns: columns, into: &diagnostics)
        }
    }

    /// Each Markdown file decoded on its own, before the files are put together.
    enum Parts {
        /// One Markdown file as the catalogue takes it.
        struct Decoded: Sendable {
            enum Page: Sendable { case function(Function), service(Service), rule(Rule), journey(Journey), page(FreePage) }
            var page: Page?
            /// `<function>/services/…` and `<function>/rules/…` need `<function>/index.md`.
            var functionFolder: String?
            var diagnostics: [Diagnostic] = []

            /// What `ReferenceResolver` reads of the file beside every key.
            enum References: Equatable {
                case service(ItemKey, rules: [Located<String>])
                case rule(ItemKey, published: Bool, appliesTo: [Located<String>], supersedes: Located<String>?)
                case function(String)
                case none
            }

            var references: References {
                switch page {
                case .service(let service): .service(service.key, rules: service.ruleReferences)
                case .rule(let rule):
                    .rule(rule.key, published: rule.status.isPublished, appliesTo: rule.appliesToReferences, supersedes: rule.supersedesReference)
                case .function(let function): .function(function.id)
                case .journey, .page, nil: .none
                }
            }
        }

        /// The files whose text changed, decoded again on every core
        /// (decoding was most of modelling, which nothing else overlaps).
        struct Decoding {
            /// One file decoded again.
            struct Change {
                var path: String
                /// Nil for a new file.
                var before: Decoded?
                var now: Decoded
            }
            var changes: [Change]
            /// The same files as in `memo`'s build.
            var sameFiles: Bool
            /// The same files, and no service's or rule's key, publication or
            /// references changed, nor which files are functions: the
            /// references resolve as they did then.
            var referencesAsBefore: Bool
        }

        /// `memo` is left holding these files alone, each as now decoded:
        /// updated in place for the few an edit changed (made anew, ten
        /// thousand entries were copied after every save).
        static func decodeAll(_ files: [SourceFile], documents: [String: (FrontMatterDocument, [Diagnostic])], reusing memo: inout DecodedFiles) -> Decoding {
            let knewAll = memo.byPath.count == files.count
            let stale = files.indices.filter { index in
                let file = files[index]
                guard let last = memo.byPath[file.relativePath] else { return true }
                return last.file.displayPath != file.displayPath || last.file.text != file.text
            }
            var changes: [Decoding.Change] = []
            for (index, decoded) in zip(stale, stale.mapOnEveryCore { decode(files[$0], documents: documents) }) {
                let path = files[index].relativePath
                changes.append(Decoding.Change(path: path, before: memo.byPath[path]?.decoded, now: decoded))
                memo.byPath[path] = (files[index], decoded)
            }
            memo.byPath.removeFilesGone(files)
            let sameFiles = knewAll && memo.byPath.count == files.count
            return Decoding(
                changes: changes, sameFiles: sameFiles,
                referencesAsBefore: sameFiles && changes.allSatisfy { $0.before?.references == $0.now.references })
        }

        static func decode(_ file: SourceFile, documents: [String: (FrontMatterDocument, [Diagnostic])]) -> Decoded {
            var decoded = Decoded()
            let components = file.relativePath.split(separator: "/").map(String.init)
            let name = components.last!.dropLast(3)  // ".md"
            let id = String(name)
            func document(_ id: String) -> FrontMatterDocument? { Self.document(file, id: id, documents: documents, into: &decoded.diagnostics) }
            switch components.count {
            case 2 where components[0] == "journeys":
                guard let document = document(id) else { break }
                decoded.page = .journey(Journey.decode(id: id, document, into: &decoded.diagnostics))
            case 2 where components[0] == "pages":
                if Identifier.reserved.contains(id) {
                    decoded.diagnostics.append(Diagnostic(.error, at: file.start, "free page id '\(id)' is reserved for the site's own pages"))
                }
                guard let document = document(id) else { break }
                decoded.page = .page(FreePage.decode(id: id, document, into: &decoded.diagnostics))
            case 2 where components[1] == "index.md":
                let functionID = components[0]
                if Identifier.reserved.contains(functionID) {
                    decoded.diagnostics.append(Diagnostic(.error, at: file.start, "function id '\(functionID)' is reserved for the site's own pages"))
                }
                guard let document = document(functionID) else { break }
                decoded.page = .function(Function.decode(id: functionID, document, into: &decoded.diagnostics))
            case 3 where components[1] == "services" || components[1] == "rules":
                decoded.functionFolder = components[0]
                guard Identifier.isValid(components[0]) else {
                    decoded.diagnostics.append(Diagnostic(.error, at: file.start, "function id '\(components[0])' is not valid: \(Self.idRule)"))
                    break
                }
                guard let document = document(id) else { break }
                let key = ItemKey(function: components[0], id: id)
                if components[1] == "services" {
                    decoded.page = .service(Service.decode(key: key, document, into: &decoded.diagnostics))
                } else {
                    decoded.page = .rule(Rule.decode(key: key, document, into: &decoded.diagnostics))
                }
            default:
                decoded.diagnostics.append(Diagnostic(
                    .error, at: file.start,
                    "Markdown file outside the catalogue layout: expected <function>/index.md, <function>/services/<id>.md, <function>/rules/<id>.md, journeys/<id>.md or pages/<id>.md"))
            }
            return decoded
        }

        static let idRule = "ids are lowercase letters, digits and hyphens (a-z, 0-9, -)"

        private static func document(
            _ file: SourceFile, id: String, documents: [String: (FrontMatterDocument, [Diagnostic])], into diagnostics: inout [Diagnostic]
        ) -> FrontMatterDocument? {
            guard Identifier.isValid(id) else {
                diagnostics.append(Diagnostic(.error, at: file.start, "id '\(id)' (from the file or folder name) is not valid: \(Self.idRule)"))
                return nil
            }
            let document: FrontMatterDocument
            if let (parsed, problems) = documents[file.relativePath] {
                document = parsed
                diagnostics += problems
            } else {
                document = FrontMatterDocument.parse(file, into: &diagnostics)
            }
            return document.fields == nil ? nil : document
        }
    }
}
