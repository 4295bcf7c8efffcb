/// Stub files for `remit new`, written from the same schema the checker reads:
/// every field, each with a one-line comment on what it is for.
public enum Scaffold {
    public enum Kind: String, CaseIterable, Sendable {
        case function, service, rule, journey
    }

    /// Path relative to the content folder.
    public static func path(kind: Kind, id: String, function: String?) -> String {
        switch kind {
        case .function: "\(id)/index.md"
        case .service: "\(function ?? "FUNCTION")/services/\(id).md"
        case .rule: "\(function ?? "FUNCTION")/rules/\(id).md"
        case .journey: "journeys/\(id).md"
        }
    }

    public static func stub(kind: Kind, id: String, function: String?) -> String {
        let schema: KindSchema = switch kind {
        case .function: .function
        case .service: .service
        case .rule: .rule
        case .journey: .journey
        }
        var lines = ["---"]
        for field in schema.fields {
            lines.append("# \(field.help)\(field.required ? " (required)" : "")")
            lines += value(for: field, kind: kind, function: function).map { $0 }
        }
        lines.append("---")
        lines.append(body(kind))
        return lines.joined(separator: "\n") + "\n"
    }

    private static func value(for field: FieldSchema, kind: Kind, function: String?) -> [String] {
        let name = field.name
        switch (kind, name) {
        case (_, "title"): return ["title: \"TODO: a title clients recognise\""]
        case (_, "summary"): return ["summary: \"TODO: one or two sentences, at most 40 words\""]
        case (.function, "provides"): return ["provides:", "  - \"TODO: something the team does for clients\""]
        case (.function, "contact"):
            return ["contact:", "  email: team@example.org", "  phone:", "  channel:", "  hours: \"TODO: e.g. 9am to 5pm, Monday to Friday\""]
        case (.function, "does_not_provide"):
            return ["does_not_provide:", "  - \"TODO: something clients handle themselves\""]
        case (.service, "turnaround"): return ["turnaround: 3-5 business days"]
        case (.service, "input_by"): return ["input_by: 5 business days before the start date"]
        case (.journey, "steps"):
            return ["steps:", "  - service: \(function ?? "FUNCTION")/SERVICE-ID", "    note: \"TODO: what this step is for\""]
        case (.rule, "status"): return ["status: draft"]
        default:
            switch field.type {
            case .list: return ["\(name): []"]
            default: return ["\(name):"]
            }
        }
    }

    private static func body(_ kind: Kind) -> String {
        switch kind {
        case .function: "TODO: introduce the team.\n\n## Scope\n\nTODO: what is in and out of scope."
        case .service: "TODO: what the service is.\n\n## How to request\n\nTODO: how to ask, step by step."
        case .rule: "TODO: the rule in a paragraph.\n\n## Why this rule exists\n\nTODO: the risk, law, incident or cost it prevents.\n\n## What happens if it is not followed\n\nTODO"
        case .journey: "TODO: when a client takes this journey.\n\n## Before you start\n\nTODO"
        }
    }
}
