import Foundation

/// The theme in the repository's `templates/` folder, compiled into the binary so
/// `remit build` works in a folder that has only `content/`. The `encodedFiles`
/// table is generated at build time by the EmbedTheme plugin (Plugins/EmbedTheme).
public enum DefaultTheme {
    /// Every file of the theme by its path relative to `templates/`.
    public static let files: [String: Data] = encodedFiles.mapValues { encoded in
        guard let data = Data(base64Encoded: encoded) else {
            preconditionFailure("remit-embed-theme wrote invalid base64")
        }
        return data
    }
}
