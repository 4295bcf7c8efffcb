import Foundation

/// JSON Schema (draft-07, what YAML language servers read) for `catalogue.yml`,
/// `glossary.yml` and each kind's front matter, generated from `KindSchema`.
public enum JSONSchemaWriter {
    /// File name → schema JSON, sorted keys, stable across runs.
    public static func schemas() -> [String: String] {
        var result: [String: String] = [:]
        for kind in KindSchema.all {
            result["\(kind.kind).schema.json"] = render(object(kind.fields, title: "Remit \(kind.kind)"))
        }
        result["glossary.schema.json"] = render([
            "$schema": "http://json-schema.org/draft-07/schema#",
            "title": "Remit glossary",
            "type": "array",
            "items": object(KindSchema.glossaryEntry, title: nil),
        ])
        return result
    }

    static let durationPattern =
        #"^(same day|next business day|\d+(\s*(-|–|to)\s*\d+)?\s+(hours?|business days?|working days?|calendar days?|days?|weeks?))$"#

    static func object(_ fields: [FieldSchema], title: String?) -> [String: Any] {
        var schema: [String: Any] = [
            "type": "object",
            "additionalProperties": false,
            "properties": Dictionary(uniqueKeysWithValues: fields.map { field -> (String, Any) in
                var property = type(field.type)
                property["description"] = field.help
                return (field.name, property)
            }),
        ]
        let required = fields.filter(\.required).map(\.name)
        if !required.isEmpty { schema["required"] = required }
        if let title {
            schema["$schema"] = "http://json-schema.org/draft-07/schema#"
            schema["title"] = title
        }
        return schema
    }

    static func type(_ type: FieldType) -> [String: Any] {
        switch type {
        case .text, .url: return ["type": "string"]
        case .urlOrEmail: return ["type": "string", "pattern": #"^(https?://\S+|mailto:\S+|[^\s@:]+@[^\s@]+)$"#]
        case .integer: return ["type": "integer", "minimum": 0]
        case .integerAtLeast(let minimum): return ["type": "integer", "minimum": minimum]
        case .date: return ["type": "string", "pattern": #"^\d{4}-\d{2}-\d{2}$"#, "format": "date"]
        case .duration: return ["type": "string", "pattern": durationPattern]
        case .inputBy:
            return ["type": "string", "pattern": "^" + durationPattern.dropFirst().dropLast() + " before .+$"]
        case .id: return ["type": "string", "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$"]
        case .reference: return ["type": "string", "pattern": "^([a-z0-9]+(-[a-z0-9]+)*/)?[a-z0-9]+(-[a-z0-9]+)*$"]
        case .weekday: return ["type": "string", "enum": Weekday.allCases.map(\.rawValue)]
        case .status: return ["type": "string", "enum": RuleStatus.allCases.map(\.rawValue)]
        case .list(let item): return ["type": "array", "items": self.type(item)]
        case .object(let fields): return object(fields, title: nil)
        case .textOrObject(let fields): return ["oneOf": [["type": "string"], object(fields, title: nil)]]
        }
    }

    static func render(_ value: [String: Any]) -> String {
        let data = (try? JSONSerialization.data(withJSONObject: value, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])) ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
