import Foundation

/// One file of the generated site, by its path relative to the output folder.
public struct OutputFile: Sendable {
    public enum Contents: Sendable {
        case data(Data)
        /// A page or feed as made: written from the string's own UTF-8,
        /// never copied into a `Data` first (catalogue.json is over 100 MB at
        /// 100,000 pages, and every page was copied once more for nothing).
        case text(String)
        /// Copied from the content folder when written (attachments can be large).
        case copy(URL)
        /// In `remit serve`: the file the last build wrote here stands as it is.
        case unchanged
    }

    public var path: String
    public var contents: Contents
    /// A page's fingerprint (its view's), used instead of hashing its bytes.
    public var knownFingerprint: Int?

    public init(path: String, contents: Contents) {
        self.path = path
        self.contents = contents
    }

    /// Size of generated contents; 0 for a copied attachment.
    public var byteCount: Int {
        switch contents {
        case .data(let data): data.count
        case .text(let text): text.utf8.count
        case .copy, .unchanged: 0
        }
    }

    public static func text(_ path: String, _ text: String) -> OutputFile {
        OutputFile(path: path, contents: .text(text))
    }
}

extension OutputFile.Contents {
    /// The bytes of generated contents; nil for a copy or a file that stands.
    func withBytes<Result>(_ body: (UnsafeRawBufferPointer) throws -> Result) rethrows -> Result? {
        switch self {
        case .data(let data): return try data.withUnsafeBytes(body)
        case .text(var text): return try text.withUTF8 { try body(UnsafeRawBufferPointer($0)) }
        case .copy, .unchanged: return nil
        }
    }

    /// Generated contents as `Data` (for the few callers that need one): a
    /// `Data` as it is, a text copied; nil for a copy or a file that stands.
    var data: Data? {
        switch self {
        case .data(let data): data
        case .text(let text): Data(text.utf8)
        case .copy, .unchanged: nil
        }
    }
}

extension Data {
    func writeWithoutSync(to url: URL) throws {
        try withUnsafeBytes { try writeBytesWithoutSync($0, to: url) }
    }
}

/// Writes the bytes with plain `open`/`write`/`close`. Foundation's
/// `write(to:)` fsyncs every file on Linux, 13% of a 10,000-page build;
/// the site is swapped in whole afterwards, so a crash midway loses only
/// the staging folder, never the previous site.
func writeBytesWithoutSync(_ buffer: UnsafeRawBufferPointer, to url: URL) throws {
    let descriptor = open(url.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
    defer { close(descriptor) }
    var offset = 0
    // An empty file has no base address, and nothing to write.
    while offset < buffer.count {
        let written = Foundation.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
        if written < 0 {
            if errno == EINTR { continue }
            throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
        }
        offset += written
    }
}
