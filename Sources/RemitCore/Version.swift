import Markdown

/// The one place Remit's version is written. `remit --version` prints it, and
/// `make dist` names the tarball and the .deb after it (it asks the binary).
public enum RemitVersion {
    public static let number = "0.1.0"

    /// What `remit --version` prints: Remit's version, then the cmark-gfm it is linked with.
    public static var text: String { "remit \(number)\ncmark-gfm \(MarkdownRenderer.libraryVersion)" }
}
