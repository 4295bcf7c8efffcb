import Foundation
internal import Yams

/// Parses YAML text with Yams into `YAMLNode`s whose locations are in the file:
/// `firstLine` is the file line where the YAML text starts.
struct YAMLReader {
    var file: SourceFile
    var firstLine: Int

    /// Limits that keep hostile input (deep nesting, alias bombs) from hanging the build.
    static let maxDepth = 64
    static let maxNodes = 100_000

    enum Failure: Error {
        case syntax(SourceLocation, String)
    }

    /// Made once: Yams builds a new constructor, and reads the environment
    /// for the encoding, on every call otherwise (a tenth of reading old
    /// versions' front matter). It is only read while composing.
    nonisolated(unsafe) static let constructor = Constructor.default

    /// No tag rules: Remit reads every scalar as text (`FieldReader` types it),
    /// so resolving tags served only Yams' duplicate-key check, which ran seven
    /// regular expressions on every key of every mapping: a tenth of
    /// `remit check`. Keys are compared as the text Remit reads them as, so
    /// `1:` and `"1":` in one mapping are duplicates too.
    nonisolated(unsafe) static let resolver = Resolver.basic

    func read(_ yaml: String) -> Result<YAMLNode?, Failure> {
        if let problem = nestingProblem(yaml) { return .failure(problem) }
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml, Self.resolver, Self.constructor, .utf8)
        } catch let error as YamlError {
            return .failure(translate(error, yaml: yaml))
        } catch {
            return .failure(.syntax(file.location(line: firstLine, column: 1), "invalid YAML: \(error)"))
        }
        guard let root else { return .success(nil) }
        var budget = Self.maxNodes
        do {
            return .success(try convert(root, depth: 0, budget: &budget))
        } catch let failure as Failure {
            return .failure(failure)
        } catch {
            return .failure(.syntax(file.location(line: firstLine, column: 1), "\(error)"))
        }
    }

    private func location(_ mark: Mark?) -> SourceLocation {
        guard let mark else { return file.location(line: firstLine, column: 1) }
        return file.location(line: mark.line + firstLine - 1, column: mark.column)
    }

    private func convert(_ node: Node, depth: Int, budget: inout Int) throws -> YAMLNode {
        budget -= 1
        guard budget >= 0 else {
            throw Failure.syntax(location(node.mark), "YAML is too large once its aliases are expanded (over \(Self.maxNodes) values)")
        }
        guard depth <= Self.maxDepth else {
            throw Failure.syntax(location(node.mark), "YAML is nested more than \(Self.maxDepth) levels deep")
        }
        switch node {
        case .scalar(let scalar):
            let isNull = scalar.style == .plain && ["", "~", "null", "Null", "NULL"].contains(scalar.string)
            return YAMLNode(value: isNull ? .null : .scalar(scalar.string), location: location(node.mark))
        case .sequence(let sequence):
            var items: [YAMLNode] = []
            for item in sequence { items.append(try convert(item, depth: depth + 1, budget: &budget)) }
            return YAMLNode(value: .sequence(items), location: location(node.mark))
        case .mapping(let mapping):
            var entries: [YAMLEntry] = []
            for (key, value) in mapping {
                let keyText = key.string ?? "\(key)"
                entries.append(YAMLEntry(
                    key: keyText, keyLocation: location(key.mark),
                    value: try convert(value, depth: depth + 1, budget: &budget)))
            }
            return YAMLNode(value: .mapping(entries), location: location(node.mark))
        case .alias(let alias):
            throw Failure.syntax(location(alias.mark), "unresolved YAML alias")
        }
    }

    private func translate(_ error: YamlError, yaml: String) -> Failure {
        switch error {
        case .scanner(let context, let problem, let mark, _),
            .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            let detail = context.map { "\(problem) \($0.text)" } ?? problem
            return .syntax(location(mark), "invalid YAML: \(detail)")
        case .reader(let problem, let offset, _, _):
            let prefix = yaml.utf8.prefix(offset ?? 0)
            let line = prefix.filter { $0 == 0x0A }.count + 1
            let column = prefix.reversed().prefix { $0 != 0x0A }.count + 1
            return .syntax(file.location(line: line + firstLine - 1, column: column), "invalid YAML: \(problem)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            return .syntax(location(context.mark), "duplicate key \(duplicates.joined(separator: ", "))")
        default:
            return .syntax(file.location(line: firstLine, column: 1), "invalid YAML: \(error)")
        }
    }

    /// Yams composes recursively; refuse flow nesting deep enough to exhaust the stack.
    private func nestingProblem(_ yaml: String) -> Failure? {
        var depth = 0
        var line = firstLine
        var column = 0
        for byte in yaml.utf8 {
            column += 1
            switch byte {
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                depth += 1
                if depth > Self.maxDepth {
                    return .syntax(file.location(line: line, column: column), "YAML is nested more than \(Self.maxDepth) levels deep")
                }
            case UInt8(ascii: "]"), UInt8(ascii: "}"): depth = max(0, depth - 1)
            case 0x0A: line += 1; column = 0
            default: break
            }
        }
        return nil
    }
}
