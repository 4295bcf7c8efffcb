/// Checks on the assembled catalogue that need more than one file's fields.
enum ContentChecks {
    static let whyHeading = "why this rule exists"

    static func check(_ catalogue: Catalogue, bodies: [String: RenderedBody], into diagnostics: inout [Diagnostic]) {
        for rule in catalogue.rules.values.sorted(by: { $0.key < $1.key }) {
            let headings = bodies[rule.source.file.relativePath]?.headings ?? []
            if !headings.contains(where: { $0.level == 2 && $0.text.lowercased() == whyHeading }) {
                diagnostics.append(Diagnostic(
                    .error, at: rule.source.file.location(line: rule.source.bodyFirstLine, column: 1),
                    "rule '\(rule.key)' has no '## Why this rule exists' section: say why the rule exists"))
            }
            if let policy = rule.fullPolicy {
                checkPolicyLink(policy, of: rule, catalogue: catalogue, into: &diagnostics)
            }
            if rule.status == .superseded, catalogue.relations.supersededBy[rule.key] == nil {
                diagnostics.append(Diagnostic(
                    .error, at: rule.summary.location,
                    "rule '\(rule.key)' is superseded, but no rule says 'supersedes: \(rule.key.id)'"))
            }
        }
    }

    /// `full_policy` is a URL or a path to an attachment, relative to the rule's file.
    private static func checkPolicyLink(_ policy: Located<String>, of rule: Rule, catalogue: Catalogue, into diagnostics: inout [Diagnostic]) {
        if let scheme = LinkResolver.scheme(of: policy.value) {
            if !LinkResolver.allowedSchemes.contains(scheme) {
                diagnostics.append(Diagnostic(.error, at: policy.location, "'\(scheme):' links are not allowed in 'full_policy'; use http(s)"))
            }
            return
        }
        guard let path = LinkResolver.join(rule.source.file.relativePath, policy.value),
            catalogue.attachments.contains(where: { $0.relativePath == path })
        else {
            diagnostics.append(Diagnostic(.error, at: policy.location, "'full_policy' file '\(policy.value)' not found in the content folder"))
            return
        }
    }
}
