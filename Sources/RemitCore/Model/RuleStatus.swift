/// Where a rule is in its life. Drafts are never published; a proposed rule is
/// published as a consultation so clients can shape it before it applies.
public enum RuleStatus: String, CaseIterable, Sendable, Hashable {
    case draft, proposed, active, superseded, retired

    public var isPublished: Bool { self != .draft }

    public var label: String {
        switch self {
        case .draft: "Draft"
        case .proposed: "Proposed — have your say"
        case .active: "In force"
        case .superseded: "Superseded"
        case .retired: "Retired"
        }
    }
}
