/// Checks on the assembled catalogue that need more than one file's fields
/// (a rule's body is `PageChecks`').
enum ContentChecks {
    static func check(_ catalogue: Catalogue, resolver: LinkResolver, into diagnostics: inout [Diagnostic]) {
        for rule in catalogue.sortedRules {
            if let policy = rule.fullPolicy {
                switch resolver.resolve(policy.value, from: rule.source.file.relativePath) {
                case .broken(let reason), .forbidden(let reason):
                    diagnostics.append(Diagnostic(.error, at: policy.location, "'full_policy': \(reason)"))
                case .empty:
                    diagnostics.append(Diagnostic(.error, at: policy.location, "'full_policy' is empty: give the policy document's URL or path"))
                default:
                    break
                }
            }
            if rule.status == .superseded, catalogue.relations.supersededBy[rule.key] == nil {
                diagnostics.append(Diagnostic(
                    .error, at: rule.summary.location,
                    "rule '\(rule.key)' is superseded, but no rule says 'supersedes: \(rule.key.id)'"))
            }
        }
    }
}
