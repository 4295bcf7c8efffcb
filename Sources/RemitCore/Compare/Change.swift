/// One thing that changes for clients between two catalogues, in their terms:
/// what kind of change, to what (`function/id`), which field, from what to what,
/// and where it is written. Computed by `CatalogueDiff`; formatted by
/// `DiffReport` as Markdown, JSON or text.
public struct Change: Sendable, Hashable {
    /// What the change is about; it decides how the id reads and where the page is.
    public enum Subject: String, Sendable, Hashable, CaseIterable {
        case function, service, rule, journey, page, glossary, settings
    }

    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case serviceAdded = "service-added", serviceRemoved = "service-removed"
        case turnaroundChanged = "turnaround-changed", inputByChanged = "input-by-changed"
        case deadlineAdded = "deadline-added", deadlineMoved = "deadline-moved", deadlineRemoved = "deadline-removed"
        case requestChanged = "request-changed"
        case youProvideAdded = "you-provide-added", youProvideRemoved = "you-provide-removed"

        case ruleAdded = "rule-added", ruleRemoved = "rule-removed"
        case statusChanged = "status-changed", effectiveMoved = "effective-moved"
        case consultationOpened = "consultation-opened", consultationExtended = "consultation-extended"
        case consultationShortened = "consultation-shortened", consultationClosed = "consultation-closed"
        case summaryChanged = "summary-changed", appliesToChanged = "applies-to-changed"

        case functionAdded = "function-added", functionRemoved = "function-removed"
        case providesAdded = "provides-added", providesRemoved = "provides-removed"
        case doesNotProvideAdded = "does-not-provide-added", doesNotProvideRemoved = "does-not-provide-removed"
        case contactChanged = "contact-changed"

        case journeyAdded = "journey-added", journeyRemoved = "journey-removed"
        case journeyStepsChanged = "journey-steps-changed", journeyTotalChanged = "journey-total-changed"

        case pageAdded = "page-added", pageRemoved = "page-removed"
        case termAdded = "term-added", termRemoved = "term-removed"
        case holidaysChanged = "holidays-changed", businessDaysChanged = "business-days-changed"

        /// Any page's title: shown on other pages too.
        case titleChanged = "title-changed"
        /// Body prose, compared word by word: rewrapping is no change.
        case wordingChanged = "wording-changed"

        /// Something new for clients, or something gone.
        public var isAddition: Bool { rawValue.hasSuffix("-added") }
        public var isRemoval: Bool { rawValue.hasSuffix("-removed") }
    }

    /// For durations: whether clients wait (or must act) longer than before.
    public enum Direction: String, Sendable, Hashable {
        case longer, shorter
        /// Written differently, as long as before (`5 business days` → `1 week`).
        case sameLength = "same length"
    }

    /// A value as it reads on the site: a text, or a list (holidays, `applies_to`).
    public enum Value: Sendable, Hashable, CustomStringConvertible {
        case text(String)
        case list([String])

        public var description: String {
            switch self {
            case .text(let text): text
            case .list(let items): items.isEmpty ? "none" : items.joined(separator: ", ")
            }
        }
    }

    public var subject: Subject
    public var kind: Kind
    /// `function/id` for services and rules, the id for a function,
    /// `journeys/id`, `pages/id`, `glossary/term`, `catalogue/<setting>`.
    public var id: String
    /// The function it belongs to, for grouping; nil for catalogue-wide changes.
    public var function: String?
    /// The title it has (its old one, if it was removed).
    public var title: String
    /// The front-matter field (`turnaround`, `contact.email`), or `body`.
    public var field: String
    public var old: Value?
    public var new: Value?
    /// Where it is written: in HEAD's file, or BASE's for something removed.
    public var location: SourceLocation?
    /// Its page in HEAD's site; nil for something removed.
    public var route: Route?
    public var direction: Direction?
    /// A plain remark: what a setting moves, or a summary of the words changed.
    public var note: String?
    /// For a journey's total: the changes to its steps that moved it.
    public var causes: [Change] = []

    public init(
        _ kind: Kind, _ subject: Subject, id: String, function: String?, title: String, field: String,
        old: Value? = nil, new: Value? = nil, location: SourceLocation? = nil, route: Route? = nil,
        direction: Direction? = nil, note: String? = nil, causes: [Change] = []
    ) {
        self.kind = kind
        self.subject = subject
        self.id = id
        self.function = function
        self.title = title
        self.field = field
        self.old = old
        self.new = new
        self.location = location
        self.route = route
        self.direction = direction
        self.note = note
        self.causes = causes
    }
}

extension Change.Value {
    static func text(_ value: String?) -> Self? { value.map(Self.text) }
}
