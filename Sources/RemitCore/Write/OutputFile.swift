import Foundation

/// One file of the generated site, by its path relative to the output folder.
public struct OutputFile: Sendable {
    public enum Contents: Sendable {
        case data(Data)
        /// Copied from the content folder when written (attachments can be large).
        case copy(URL)
    }

    public var path: String
    public var contents: Contents

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
