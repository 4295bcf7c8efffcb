import RemitCore
import Synchronization

/// Which of a rebuild's diagnostics `remit serve` prints. Errors always: they
/// stop the build. A warning once, when it first appears: a big catalogue's
/// standing warnings (129 overdue reviews at 10,000 pages) were read back
/// from their files and printed after every save, a quarter of the work of
/// a body edit and a wall of text hiding the one new warning.
public final class WarningsShown: Sendable {
    /// What to print now, and how many warnings were held back as already shown.
    public struct Selection: Sendable, Equatable {
        public var shown: [Diagnostic]
        public var repeated: Int
    }

    private let lastBuild = Mutex<Set<Diagnostic>>([])

    public init() {}

    /// The diagnostics to print for a build that reported `diagnostics`.
    /// A warning fixed and then brought back is shown again.
    public func select(_ diagnostics: [Diagnostic]) -> Selection {
        lastBuild.withLock { last in
            let shown = diagnostics.filter { $0.severity == .error || !last.contains($0) }
            last = Set(diagnostics.filter { $0.severity == .warning })
            return Selection(shown: shown, repeated: diagnostics.count - shown.count)
        }
    }
}
