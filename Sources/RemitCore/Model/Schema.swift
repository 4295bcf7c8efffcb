/// What each kind of file may contain. The model decoder, the checker's
/// "unknown field" and "did you mean" messages, and `remit schema` all read
/// these tables, so the contract is written down once.
public indirect enum FieldType: Sendable {
    case text
    case integer
    /// A whole number no smaller than this.
    case integerAtLeast(Int)
    case date
    case duration
    case inputBy
    case url
    /// An https URL or an email address.
    case urlOrEmail
    case id
    /// `id` within the function or `function/id` across functions.
    case reference
    case weekday
    case status
    case list(FieldType)
    case object([FieldSchema])
    /// A plain string, or an object with the given fields (`does_not_provide` items).
    case textOrObject([FieldSchema])
}

public struct FieldSchema: Sendable {
    public var name: String
    public var type: FieldType
    public var required: Bool
    public var help: String

    public init(_ name: String, _ type: FieldType, required: Bool = false, _ help: String) {
        self.name = name
        self.type = type
        self.required = required
        self.help = help
    }
}

public struct KindSchema: Sendable {
    public var kind: String
    public var fields: [FieldSchema]

    public func field(_ name: String) -> FieldSchema? { fields.first { $0.name == name } }
}

extension KindSchema {
    static let contact: [FieldSchema] = [
        FieldSchema("email", .text, "Email address of the team"),
        FieldSchema("phone", .text, "Phone number"),
        FieldSchema("channel", .url, "URL of the service desk or request form"),
        FieldSchema("hours", .text, "When the team answers"),
    ]

    public static let catalogue = KindSchema(kind: "catalogue", fields: [
        FieldSchema("title", .text, required: true, "Site title"),
        FieldSchema("organisation", .text, required: true, "Organisation name"),
        FieldSchema("base_url", .url, "Where the site is served; may include a sub-path (default /)"),
        FieldSchema("edit_url", .text, "Pattern for 'Suggest an edit' links; {path} is the file's path in the repository"),
        FieldSchema("feedback", .text, "Pattern for 'Give feedback' links (mailto: or https:); {title} and {url} are substituted"),
        FieldSchema("business_days", .list(.weekday), "Working weekdays (default mon–fri)"),
        FieldSchema("holidays", .list(.date), "Dates (YYYY-MM-DD) that are not business days"),
        FieldSchema("summary_word_limit", .integer, "Longest summary before a warning (default 40)"),
        FieldSchema("change_limit_per_week", .integer, "More rule changes than this in one ISO week is a warning (default 3)"),
        FieldSchema("terminology", .list(.object([
            FieldSchema("avoid", .text, required: true, "Phrase to avoid"),
            FieldSchema("use", .text, required: true, "Phrase to use instead"),
        ])), "Phrases to avoid, each with the one to use"),
        FieldSchema("request_columns", .object([
            FieldSchema("service", .text, "Column holding the service's id (default service)"),
            FieldSchema("received", .text, "Column holding the date the request arrived (default received)"),
            FieldSchema("completed", .text, "Column holding the date it was done, empty while open (default completed)"),
            FieldSchema("paused", .text, "Column holding the business days spent waiting for the client (default paused)"),
        ]), "The service desk export's own names for the columns of <function>/requests.csv"),
        FieldSchema("performance_window_days", .integerAtLeast(1), "Completed requests of this many calendar days up to today are measured (default 90)"),
        FieldSchema("performance_min_requests", .integerAtLeast(SiteConfig.performanceMinRequestsFloor), "Fewer completed requests than this: no figures are shown (default 10, at least 5)"),
    ])

    public static let function = KindSchema(kind: "function", fields: [
        FieldSchema("title", .text, required: true, "Name of the function, e.g. Human Resources"),
        FieldSchema("summary", .text, required: true, "One or two sentences"),
        FieldSchema("owner", .text, "Accountable role"),
        FieldSchema("contact", .object(contact), "How to reach the team"),
        FieldSchema("provides", .list(.text), required: true, "What the function does for its clients"),
        FieldSchema("does_not_provide", .list(.textOrObject([
            FieldSchema("what", .text, required: true, "What stays with the client or goes elsewhere"),
            FieldSchema("go_to", .reference, "Function id or function/service that handles it"),
        ])), "What the function does not do, and who does"),
    ])

    public static let service = KindSchema(kind: "service", fields: [
        FieldSchema("title", .text, required: true, "Name of the service"),
        FieldSchema("summary", .text, required: true, "One or two sentences"),
        FieldSchema("turnaround", .duration, required: true, "Approximate time to deliver, e.g. 3-5 business days"),
        FieldSchema("input_by", .inputBy, "When the client must act: '<duration> before <event>'"),
        FieldSchema("deadlines", .list(.object([
            FieldSchema("date", .date, required: true, "YYYY-MM-DD"),
            FieldSchema("what", .text, required: true, "What is due"),
        ])), "Fixed dates"),
        FieldSchema("request", .urlOrEmail, "How to ask: a URL or an email address"),
        FieldSchema("you_provide", .list(.text), "Checklist of what the client sends with the request"),
        FieldSchema("rules", .list(.reference), "Rules that apply to this service"),
        FieldSchema("tags", .list(.text), "Free keywords"),
    ])

    public static let rule = KindSchema(kind: "rule", fields: [
        FieldSchema("title", .text, required: true, "Name of the rule"),
        FieldSchema("summary", .text, required: true, "The succinct policy statement"),
        FieldSchema("status", .status, "draft, proposed, active, superseded or retired (default active)"),
        FieldSchema("consult_until", .date, "For a proposed rule: last day for feedback"),
        FieldSchema("effective", .date, "Date the rule takes effect"),
        FieldSchema("review_by", .date, "Date by which the owner must review it"),
        FieldSchema("owner", .text, "Accountable role"),
        FieldSchema("applies_to", .list(.reference), "Services this rule governs"),
        FieldSchema("supersedes", .reference, "The rule this one replaces"),
        FieldSchema("full_policy", .text, "URL or relative path of the full policy document"),
        FieldSchema("exceptions", .text, "How to ask for an exception"),
        FieldSchema("changes", .list(.object([
            FieldSchema("date", .date, required: true, "YYYY-MM-DD"),
            FieldSchema("summary", .text, required: true, "What changed"),
        ])), "History of changes"),
    ])

    public static let journey = KindSchema(kind: "journey", fields: [
        FieldSchema("title", .text, required: true, "Name of the journey"),
        FieldSchema("summary", .text, required: true, "One or two sentences"),
        FieldSchema("steps", .list(.object([
            FieldSchema("service", .reference, required: true, "function/service id"),
            FieldSchema("note", .text, "What this step is for"),
        ])), required: true, "The services, in order"),
    ])

    public static let page = KindSchema(kind: "page", fields: [
        FieldSchema("title", .text, required: true, "Page title"),
        FieldSchema("summary", .text, "One or two sentences"),
    ])

    public static let glossaryEntry: [FieldSchema] = [
        FieldSchema("term", .text, required: true, "The term or acronym"),
        FieldSchema("meaning", .text, required: true, "What it means"),
        FieldSchema("aka", .list(.text), "Other names, used as search synonyms"),
    ]

    public static let all: [KindSchema] = [.catalogue, .function, .service, .rule, .journey, .page]
}
