/// Two things may not be written to one path (an attachment named like a page).
enum OutputChecks {
    static func check(_ files: [OutputFile], catalogue: Catalogue, into diagnostics: inout [Diagnostic]) {
        var seen: Set<String> = []
        for file in files where !seen.insert(file.path).inserted {
            let source = catalogue.attachments.first { $0.relativePath == file.path }
            let location = SourceLocation(path: source.map { "content/" + $0.relativePath } ?? file.path, line: 1, column: 1)
            diagnostics.append(Diagnostic(.error, at: location, "two files would be written to \(file.path)"))
        }
    }
}
