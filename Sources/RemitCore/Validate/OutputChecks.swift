/// Two things may not be written to one path (an attachment named like a page,
/// `hr/index.html` beside `hr/index.md`).
enum OutputChecks {
    static func check(_ files: [OutputFile], into diagnostics: inout [Diagnostic]) {
        var seen: Set<String> = []
        for file in files where !seen.insert(file.path).inserted {
            var path = file.path
            if case .copy(let source) = file.contents {
                path = source.deletingLastPathComponent().lastPathComponent + "/" + source.lastPathComponent
            }
            diagnostics.append(Diagnostic(.error, at: SourceLocation(path: path, line: 1, column: 1), "two files would be written to \(file.path) in the site"))
        }
    }
}

import Foundation
