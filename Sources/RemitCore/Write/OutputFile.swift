import Foundation

/// One file of the generated site, by its path relative to the output folder.
public struct OutputFile: Sendable {
    public enum Contents: Sendable {
        case data(Data)
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
        if case .data(let data) = contents { return data.count }
        return 0
    }

    public static func text(_ path: String, _ text: String) -> OutputFile {
        OutputFile(path: path, contents: .data(Data(text.utf8)))
    }
}

extension Data {
    /// Writes the bytes with plain `open`/`write`/`close`. Foundation's
    /// `write(to:)` fsyncs every file on Linux, 13% of a 10,000-page build;
    /// the site is swapped in whole afterwards, so a crash midway loses only
    /// the staging folder, never the previous site.
    func writeWithoutSync(to url: URL) throws {
        let descriptor = open(url.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        defer { close(descriptor) }
        try withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Foundation.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
                }
                offset += written
            }
        }
    }
}
