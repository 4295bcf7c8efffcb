import Foundation

/// The CI recipes of `examples/ci/`, compiled into the binary so
/// `remit init --ci` works without a checkout of Remit. The files in
/// `Init/Recipes/` are symbolic links to `examples/ci/`, the one copy of each
/// recipe; SwiftPM embeds what they point to (`.embedInCode`, Package.swift).
public enum CIRecipe: String, CaseIterable, Sendable {
    case github, gitlab, shell

    /// The recipe's file in `examples/ci/`.
    public var exampleFile: String {
        switch self {
        case .github: "github-actions.yml"
        case .gitlab: "gitlab-ci.yml"
        case .shell: "publish.sh"
        }
    }

    /// Where `remit init --ci` writes it, relative to the catalogue's root.
    public var destination: String {
        switch self {
        case .github: ".github/workflows/remit.yml"
        case .gitlab: ".gitlab-ci.yml"
        case .shell: "publish.sh"
        }
    }

    public var executable: Bool { self == .shell }

    public var contents: Data {
        switch self {
        case .github: Data(PackageResources.github_actions_yml)
        case .gitlab: Data(PackageResources.gitlab_ci_yml)
        case .shell: Data(PackageResources.publish_sh)
        }
    }
}
