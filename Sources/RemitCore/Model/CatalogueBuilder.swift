/// Turns the loaded content folder into a `Catalogue`: classifies files by
/// where they sit, decodes each, then resolves every id across functions.
public enum CatalogueBuilder {
    /// - Parameter documents: the Markdown files already split and decoded
    ///   (`FrontMatterDocument.parseAll`); a file missing from it is parsed here.
    public static func build(_ folder: ContentFolder, documents: [String: (FrontMatterDocument, [Diagnostic])] = [:], into diagnostics: inout [Diagnostic]) -> Catalogue {
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

        var parts = Parts(documents: documents)
        for file in folder.markdown {
            parts.add(file, into: &diagnostics)
        }
        for function in parts.functionIDsWithoutIndex.sorted() {
            let location = SourceLocation(path: folder.directory.lastPathComponent + "/" + function + "/index.md", line: 1, column: 1)
            diagnostics.append(Diagnostic(.error, at: location, "function folder '\(function)' has services or rules but no index.md"))
        }

        var catalogue = Catalogue(
            config: config,
            functions: parts.functions.sorted { $0.id < $1.id },
            services: Dictionary(parts.services.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first }),
            rules: Dictionary(parts.rules.filter { $0.status.isPublished }.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first }),
            journeys: parts.journeys.sorted { $0.id < $1.id },
            pages: parts.pages.sorted { $0.id < $1.id },
            glossary: glossary.sorted { $0.term.lowercased() < $1.term.lowercased() },
            attachments: folder.attachments,
            relations: Relations(),
            requests: requestLogs(folder, functions: parts.functionIDs, columns: config.requestColumns, into: &diagnostics))
        catalogue.dataFiles = folder.yaml
        let drafts = Set(parts.rules.filter { !$0.status.isPublished }.map(\.key))
        ReferenceResolver(catalogue: catalogue, drafts: drafts).resolve(&catalogue, into: &diagnostics)
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

    /// Decoded files, before cross-references are resolved.
    private struct Parts {
        let documents: [String: (FrontMatterDocument, [Diagnostic])]
        var functions: [Function] = []
        var services: [Service] = []
        var rules: [Rule] = []
        var journeys: [Journey] = []
        var pages: [FreePage] = []
        var functionIDs: Set<String> = []
        var referencedFunctionFolders: Set<String> = []

        var functionIDsWithoutIndex: Set<String> { referencedFunctionFolders.subtracting(functionIDs) }

        mutating func add(_ file: SourceFile, into diagnostics: inout [Diagnostic]) {
            let components = file.relativePath.split(separator: "/").map(String.init)
            let name = components.last!.dropLast(3)  // ".md"
            let id = String(name)
            switch components.count {
            case 2 where components[0] == "journeys":
                guard let document = decode(file, id: id, into: &diagnostics) else { return }
                journeys.append(Journey.decode(id: id, document, into: &diagnostics))
            case 2 where components[0] == "pages":
                if Identifier.reserved.contains(id) {
                    diagnostics.append(Diagnostic(.error, at: file.start, "free page id '\(id)' is reserved for the site's own pages"))
                }
                guard let document = decode(file, id: id, into: &diagnostics) else { return }
                pages.append(FreePage.decode(id: id, document, into: &diagnostics))
            case 2 where components[1] == "index.md":
                let functionID = components[0]
                if Identifier.reserved.contains(functionID) {
                    diagnostics.append(Diagnostic(.error, at: file.start, "function id '\(functionID)' is reserved for the site's own pages"))
                }
                guard let document = decode(file, id: functionID, into: &diagnostics) else { return }
                functionIDs.insert(functionID)
                functions.append(Function.decode(id: functionID, document, into: &diagnostics))
            case 3 where components[1] == "services" || components[1] == "rules":
                referencedFunctionFolders.insert(components[0])
                guard Identifier.isValid(components[0]) else {
                    diagnostics.append(Diagnostic(.error, at: file.start, "function id '\(components[0])' is not valid: \(Self.idRule)"))
                    return
                }
                guard let document = decode(file, id: id, into: &diagnostics) else { return }
                let key = ItemKey(function: components[0], id: id)
                if components[1] == "services" {
                    services.append(Service.decode(key: key, document, into: &diagnostics))
                } else {
                    rules.append(Rule.decode(key: key, document, into: &diagnostics))
                }
            default:
                diagnostics.append(Diagnostic(
                    .error, at: file.start,
                    "Markdown file outside the catalogue layout: expected <function>/index.md, <function>/services/<id>.md, <function>/rules/<id>.md, journeys/<id>.md or pages/<id>.md"))
            }
        }

        static let idRule = "ids are lowercase letters, digits and hyphens (a-z, 0-9, -)"

        private func decode(_ file: SourceFile, id: String, into diagnostics: inout [Diagnostic]) -> FrontMatterDocument? {
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
