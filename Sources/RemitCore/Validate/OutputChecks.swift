/// Two things may not be written to one path (an attachment named like a page,
/// `hr/index.html` beside `hr/index.md`), and attachments stay out of the
/// folders the build writes itself. Checked on the planned files, before any
/// page is rendered, so `remit check` finds it too.
enum OutputChecks {
    /// A file the build will write, and where it comes from, for the message.
    struct PlannedFile: Sendable {
        var path: String
        /// A content file's path (`content/hr/index.html`), or nil for a generated file.
        var source: String?
    }

    /// The search index's files are named by their count, the announced
    /// changes' by month; no attachment may sit among them.
    static let generatedFolders = ["search/", AnnouncedChanges.folder]

    static func check(_ files: [PlannedFile], into diagnostics: inout [Diagnostic]) {
        var seen: [String: PlannedFile] = [:]
        for file in files {
            let location = SourceLocation(path: file.source ?? file.path, line: 1, column: 1)
            if file.source != nil, let folder = generatedFolders.first(where: file.path.hasPrefix) {
                diagnostics.append(Diagnostic(.error, at: location, "the site's \(folder) folder is written by the build; move this file elsewhere"))
            }
            // Two generated pages on one path come from two pages on one address
            // or a reserved id, reported where they are written.
            if let other = seen[file.path], file.source != nil || other.source != nil {
                let origins = [other, file].map { $0.source ?? "the generated \($0.path)" }.joined(separator: " and ")
                diagnostics.append(Diagnostic(.error, at: location, "two files would be written to \(file.path) in the site: \(origins)"))
            } else if seen[file.path] == nil {
                seen[file.path] = file
            }
        }
    }
}
