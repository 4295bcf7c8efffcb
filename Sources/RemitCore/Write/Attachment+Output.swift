extension Attachment {
    /// Copied from disk when the site is written; bytes read from git are written as they are.
    var outputFile: OutputFile {
        switch bytes {
        case .file(let url): OutputFile(path: relativePath, contents: .copy(url))
        case .data(let data): OutputFile(path: relativePath, contents: .data(data))
        }
    }
}
