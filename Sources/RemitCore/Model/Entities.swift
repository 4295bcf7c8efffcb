/// The Markdown part of a page and where it sits in its file.
public struct PageSource: Sendable {
    public var file: SourceFile
    /// Part of `file.text`, not a copy of it: the bodies were a tenth of a 100,000-page build's memory.
    public var body: Substring
    /// File line of the body's first line; Markdown locations are offset by it.
    public var bodyFirstLine: Int
}

public struct Contact: Sendable, Hashable {
    public var email: String?
    /// `mailto:` and the address, checked by `URLPolicy`; nil if it was refused.
    public var emailHref: String?
    public var phone: String?
    public var channel: String?
    public var hours: String?
}

/// Something a function does not do, and who does.
public struct Handoff: Sendable {
    public enum Target: Sendable, Hashable {
        case function(String)
        case service(ItemKey)
    }

    public var what: String
    public var goTo: Located<String>?
    /// Set when the catalogue is assembled; nil when there is no `go_to`.
    public var target: Target?
}

public struct Deadline: Sendable, Hashable {
    public var date: LocalDate
    public var what: String
}

public struct ChangeEntry: Sendable, Hashable {
    public var date: LocalDate
    public var summary: String
}

/// How a client asks for a service.
public enum RequestChannel: Sendable, Hashable {
    case url(String)
    case email(String)

    public var href: String {
        switch self {
        case .url(let url): url
        case .email(let address): "mailto:" + address
        }
    }

    public var label: String {
        switch self {
        case .url(let url): url
        case .email(let address): address
        }
    }
}

public struct Function: Sendable {
    public var id: String
    public var title: String
    public var summary: Located<String>
    public var owner: String?
    public var contact: Contact?
    public var provides: [String]
    public var doesNotProvide: [Handoff]
    public var source: PageSource
}

public struct Service: Sendable {
    public var key: ItemKey
    public var title: String
    public var titleLocation: SourceLocation
    public var summary: Located<String>
    public var turnaround: BusinessDuration
    /// Where `turnaround` is written: a promise the requests do not keep is reported there.
    public var turnaroundLocation: SourceLocation
    public var inputBy: InputBy?
    public var deadlines: [Deadline]
    public var request: RequestChannel?
    public var youProvide: [String]
    public var ruleReferences: [Located<String>]
    public var tags: [String]
    public var source: PageSource
}

public struct Rule: Sendable {
    public var key: ItemKey
    public var title: String
    public var summary: Located<String>
    public var status: RuleStatus
    public var consultUntil: LocalDate?
    public var effective: Located<LocalDate>?
    public var reviewBy: Located<LocalDate>?
    public var owner: String?
    public var appliesToReferences: [Located<String>]
    public var supersedesReference: Located<String>?
    public var fullPolicy: Located<String>?
    public var exceptions: String?
    public var changes: [ChangeEntry]
    public var source: PageSource
}

public struct JourneyStep: Sendable {
    public var service: Located<String>
    public var note: String?
    /// Set when the catalogue is assembled.
    public var serviceKey: ItemKey?
}

public struct Journey: Sendable {
    public var id: String
    public var title: String
    public var summary: Located<String>
    public var steps: [JourneyStep]
    public var source: PageSource
}

public struct FreePage: Sendable {
    public var id: String
    public var title: String
    public var summary: Located<String>?
    public var source: PageSource
}

public struct GlossaryEntry: Sendable {
    public var term: String
    public var meaning: String
    public var aka: [String]
}

public struct TerminologyRule: Sendable, Hashable {
    public var avoid: String
    public var use: String
}
