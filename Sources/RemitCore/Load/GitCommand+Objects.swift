import Foundation

extension GitCommand {
    /// Every object's bytes from one `git cat-file --batch`: each answer is
    /// `<object> <type> <size>\n<bytes>\n`, or `<object> missing\n` (left out).
    /// nil when git cannot run or answers something else.
    func objects(_ ids: [String]) -> [String: Data]? {
        guard !ids.isEmpty else { return [:] }
        let input = Data(ids.map { $0 + "\n" }.joined().utf8)
        guard let output = run(["cat-file", "--batch"], input: input), output.succeeded else { return nil }
        let bytes = output.standardOutput
        var objects: [String: Data] = [:]
        var index = bytes.startIndex
        while index < bytes.endIndex {
            guard let newline = bytes[index...].firstIndex(of: 0x0A) else { break }
            let header = String(decoding: bytes[index..<newline], as: UTF8.self).split(separator: " ")
            index = bytes.index(after: newline)
            if header.count == 2, header[1] == "missing" { continue }
            guard header.count == 3, let size = Int(header[2]), bytes.distance(from: index, to: bytes.endIndex) >= size else { return nil }
            let end = bytes.index(index, offsetBy: size)
            // A slice of the answer, not a copy: the objects of a build are hundreds of megabytes.
            objects[String(header[0])] = bytes[index..<end]
            index = end < bytes.endIndex ? bytes.index(after: end) : end
        }
        return objects
    }
}
