/// URLs written in front matter must not run code when clicked.
enum URLFieldChecks {
    static func check(_ catalogue: Catalogue, into diagnostics: inout [Diagnostic]) {
        for function in catalogue.functions {
            if let channel = function.contact?.channel, SafeURL.href(channel) == nil {
                diagnostics.append(Diagnostic(.error, at: function.summary.location, "contact 'channel' of '\(function.id)' uses a forbidden URL scheme; use http(s)"))
            }
        }
        for pattern in [catalogue.config.editURL, catalogue.config.feedback].compactMap({ $0 }) where SafeURL.href(pattern) == nil {
            diagnostics.append(Diagnostic(
                .error, at: SourceLocation(path: "catalogue.yml", line: 1, column: 1),
                "'\(pattern)' uses a forbidden URL scheme; use http(s) or mailto"))
        }
    }
}
