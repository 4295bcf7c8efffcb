import Foundation

/// `remit diff --format json`: the whole comparison, nothing cut. The shape
/// (documented in the README) is `version` 1; it changes only if a field is
/// renamed or removed. Every key is always present, `null` when not set.
extension DiffReport {
    public static let jsonVersion = 1

    struct JSONReport: Encodable {
        var version: Int
        var summary: String
        var compared: Bool
        var base: JSONSide
        var head: JSONSide
        var changes: [JSONChange]
        var warnings: [DiagnosticFormatter.JSONEntry]
        var pages_affected: JSONPages
    }

    struct JSONSide: Encodable {
        var revision: String?
        var commit: String?
        var errors: [DiagnosticFormatter.JSONEntry]

        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(revision, forKey: .revision)
            try container.encode(commit, forKey: .commit)
            try container.encode(errors, forKey: .errors)
        }

        enum CodingKeys: String, CodingKey { case revision, commit, errors }
    }

    struct JSONPages: Encodable {
        var count: Int
        var urls: [String]
    }

    struct JSONChange: Encodable {
        var change: Change
        var url: String?

        enum CodingKeys: String, CodingKey {
            case kind, subject, id, function, title, field, old, new, direction, note, file, line, url, causes
        }

        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(change.kind.rawValue, forKey: .kind)
            try container.encode(change.subject.rawValue, forKey: .subject)
            try container.encode(change.id, forKey: .id)
            try container.encode(change.function, forKey: .function)
            try container.encode(change.title, forKey: .title)
            try container.encode(change.field, forKey: .field)
            try container.encode(change.old.map(JSONValue.init), forKey: .old)
            try container.encode(change.new.map(JSONValue.init), forKey: .new)
            try container.encode(change.direction?.rawValue, forKey: .direction)
            try container.encode(change.note, forKey: .note)
            try container.encode(change.location?.path, forKey: .file)
            try container.encode(change.location?.line, forKey: .line)
            try container.encode(url, forKey: .url)
            try container.encode(change.causes.map { JSONChange(change: $0, url: nil) }, forKey: .causes)
        }
    }

    /// A text as a string, a list as an array of strings.
    struct JSONValue: Encodable {
        var value: Change.Value

        init(_ value: Change.Value) { self.value = value }

        func encode(to encoder: Encoder) throws {
            var container = encoder.singleValueContainer()
            switch value {
            case .text(let text): try container.encode(text)
            case .list(let items): try container.encode(items)
            }
        }
    }

    public func json() -> String {
        let report = JSONReport(
            version: Self.jsonVersion, summary: summary, compared: diff.compared,
            base: JSONSide(revision: diff.base.revision, commit: diff.base.commit, errors: diff.base.errors.map(DiagnosticFormatter.JSONEntry.init)),
            head: JSONSide(revision: diff.head.revision, commit: diff.head.commit, errors: diff.head.errors.map(DiagnosticFormatter.JSONEntry.init)),
            changes: diff.changes.map { change in
                JSONChange(change: change, url: change.route.map(address))
            },
            warnings: diff.warnings.map(DiagnosticFormatter.JSONEntry.init),
            pages_affected: JSONPages(count: diff.pagesAffected.count, urls: diff.pagesAffected.map(address(ofFile:))))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(report)) ?? Data("{}".utf8), as: UTF8.self) + "\n"
    }
}
