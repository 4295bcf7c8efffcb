import ArgumentParser
import Foundation
import RemitCore

struct New: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Write a new file with every field stubbed and commented; never overwrites.")

    @Argument(help: "What to create: function, service, rule or journey.")
    var kind: Scaffold.Kind

    @Argument(help: "The new id: lowercase letters, digits and hyphens.")
    var id: String

    @Option(help: "The function a service or rule belongs to.")
    var function: String?

    @Option(help: "Folder of Markdown and YAML content.")
    var content: String = "content"

    func validate() throws {
        guard Identifier.isValid(id) else { throw ValidationError("'\(id)' is not a valid id: use lowercase a-z, 0-9 and hyphens") }
        if kind == .service || kind == .rule {
            guard let function else { throw ValidationError("a \(kind.rawValue) needs --function FUNCTION") }
            guard Identifier.isValid(function) else { throw ValidationError("'\(function)' is not a valid function id") }
        }
        if kind == .function, Identifier.reserved.contains(id) {
            throw ValidationError("'\(id)' is reserved for the site's own pages")
        }
    }

    func run() throws {
        let relative = Scaffold.path(kind: kind, id: id, function: function)
        let url = URL(fileURLWithPath: content).appendingPathComponent(relative)
        guard !FileManager.default.fileExists(atPath: url.path) else {
            throw ValidationError("\(content)/\(relative) already exists; not overwriting it")
        }
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Scaffold.stub(kind: kind, id: id, function: function).write(to: url, atomically: true, encoding: .utf8)
        print("created \(content)/\(relative)")
    }
}

extension Scaffold.Kind: ExpressibleByArgument {}

struct Schema: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Write JSON Schema files for catalogue.yml, glossary.yml and each kind's front matter.")

    @Option(help: "Folder the schema files are written to.")
    var output: String = "schema"

    func run() throws {
        let folder = URL(fileURLWithPath: output, isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for (name, json) in JSONSchemaWriter.schemas().sorted(by: { $0.key < $1.key }) {
            try json.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
            print("wrote \(output)/\(name)")
        }
    }
}
