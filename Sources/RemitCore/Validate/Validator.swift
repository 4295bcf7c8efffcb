/// Every check that needs the whole catalogue, run after the model is built
/// and the Markdown bodies are parsed (anchors are known only then).
public enum Validator {
    public static func validate(_ catalogue: Catalogue, bodies: [String: RenderedBody], resolver: LinkResolver, today: LocalDate) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        ContentChecks.check(catalogue, bodies: bodies, resolver: resolver, into: &diagnostics)
        LinkChecks.check(bodies, into: &diagnostics)
        EditorialChecks.check(catalogue, today: today, into: &diagnostics)
        RequestChecks.check(catalogue, today: today, into: &diagnostics)
        return diagnostics
    }
}
