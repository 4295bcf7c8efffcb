import Foundation

/// Each file of a rendered site as one number, equal for equal contents, so
/// two sites can be compared path by path without keeping both in memory.
/// HTML is compared with its runs of white space folded into one space: a
/// paragraph rewrapped in the source renders with other line breaks but reads
/// the same (white space inside `<pre>` is folded too, a known blind spot).
struct SiteFingerprint: Sendable {
    /// By output path (`hr/index.html`, `catalogue.json`).
    let files: [String: Int]
    /// Each page's view fingerprint (`SiteRenderer`'s): equal views render
    /// equal pages, so the other side renders only the pages whose view differs.
    let views: [String: Int]

    /// - Parameter previous: the other side, for the pages `SiteRenderer`
    ///   left `.unchanged` because their view is the same as there.
    init(_ output: [OutputFile], unchangedFrom previous: SiteFingerprint? = nil) async {
        let chunks = stride(from: 0, to: output.count, by: 256).map { Array(output[$0..<min($0 + 256, output.count)]) }
        files = await withTaskGroup(of: [(String, Int)].self) { group in
            for chunk in chunks {
                group.addTask {
                    chunk.compactMap { file in (Self.fingerprint(file) ?? previous?.files[file.path]).map { (file.path, $0) } }
                }
            }
            return await group.reduce(into: [:]) { result, pairs in
                for (path, value) in pairs { result[path] = value }
            }
        }
        views = Dictionary(output.compactMap { file in file.knownFingerprint.map { (file.path, $0) } }, uniquingKeysWith: { a, _ in a })
    }

    /// The output paths whose contents differ, or that only one site has.
    func changed(comparedTo other: SiteFingerprint) -> [String] {
        Set(files.keys).union(other.files.keys).filter { files[$0] != other.files[$0] }.sorted()
    }

    private static func fingerprint(_ file: OutputFile) -> Int? {
        var hasher = Hasher()
        // Not `hasher.combine(data)`: Foundation hashes only a Data's first
        // bytes. A page's bytes are read where they are, a piece at a time.
        var folding = file.path.hasSuffix(".html") ? WhiteSpaceFolding() : nil
        func hash(_ bytes: UnsafeRawBufferPointer) {
            if folding == nil {
                hasher.combine(bytes: bytes)
            } else {
                folding!.fold(bytes).withUnsafeBytes { hasher.combine(bytes: $0) }
            }
        }
        switch file.contents {
        case .data, .text, .pieces:
            file.contents.forEachChunk(hash)
        case .copy(let url):
            guard let data = try? Data(contentsOf: url) else { return nil }
            data.withUnsafeBytes(hash)
        case .unchanged:
            return nil
        }
        return hasher.finalize()
    }

    /// Folds white space across the pieces of one file: a run may span two.
    struct WhiteSpaceFolding {
        private var inSpace = false

        mutating func fold(_ bytes: UnsafeRawBufferPointer) -> [UInt8] {
            var result: [UInt8] = []
            result.reserveCapacity(bytes.count)
            for byte in bytes {
                if byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D {
                    if !inSpace { result.append(0x20) }
                    inSpace = true
                } else {
                    result.append(byte)
                    inSpace = false
                }
            }
            return result
        }
    }
}
