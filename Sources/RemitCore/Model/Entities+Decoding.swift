/// Each kind's front matter decoded into its typed value. Invalid values are
/// reported and replaced by neutral ones: a catalogue with errors is never rendered.
extension FieldReader {
    mutating func requiredText(_ name: String) -> Located<String> {
        text(name) ?? Located("", at: location)
    }

    fileprivate static func subfields(_ schema: KindSchema, _ name: String) -> [FieldSchema] {
        switch schema.field(name)?.type {
        case .object(let fields), .list(.object(let fields)), .list(.textOrObject(let fields)): fields
        default: []
        }
    }
}

extension Function {
    static func decode(id: String, _ document: FrontMatterDocument, into diagnostics: inout [Diagnostic]) -> Function {
        let schema = KindSchema.function
        var reader = FieldReader(document.fields!, fields: schema.fields, context: "a function's front matter")
        var contact: Contact?
        if var fields = reader.object("contact", fields: FieldReader.subfields(schema, "contact")) {
            contact = Contact(
                email: fields.text("email")?.value, emailHref: fields.mailto("email")?.value, phone: fields.text("phone")?.value,
                channel: fields.url("channel", absolute: true)?.value, hours: fields.text("hours")?.value)
            reader.absorb(fields)
        }
        var handoffs: [Handoff] = []
        for item in reader.list("does_not_provide") {
            if let text = item.scalar {
                handoffs.append(Handoff(what: text, goTo: nil, target: nil))
                continue
            }
            var fields = FieldReader(item, fields: FieldReader.subfields(schema, "does_not_provide"), context: "an item of 'does_not_provide'")
            handoffs.append(Handoff(what: fields.text("what")?.value ?? "", goTo: fields.text("go_to"), target: nil))
            reader.absorb(fields)
        }
        let function = Function(
            id: id,
            title: reader.requiredText("title").value,
            summary: reader.requiredText("summary"),
            owner: reader.text("owner")?.value,
            contact: contact,
            provides: reader.texts("provides").map(\.value),
            doesNotProvide: handoffs,
            source: document.pageSource)
        diagnostics += reader.diagnostics
        return function
    }
}

extension Service {
    static func decode(key: ItemKey, _ document: FrontMatterDocument, into diagnostics: inout [Diagnostic]) -> Service {
        var reader = FieldReader(document.fields!, fields: KindSchema.service.fields, context: "a service's front matter")
        var deadlines: [Deadline] = []
        for var item in reader.objects("deadlines", fields: FieldReader.subfields(.service, "deadlines")) {
            if let date = item.date("date"), let what = item.text("what") {
                deadlines.append(Deadline(date: date.value, what: what.value))
            }
            reader.absorb(item)
        }
        var request: RequestChannel?
        if let raw = reader.text("request") {
            request = RequestChannel(parsing: raw.value)
            if request == nil {
                reader.report(raw.location, "'request' must be an http(s) URL or an email address, found '\(raw.value)'")
            }
        }
        let title = reader.requiredText("title")
        let turnaround = reader.duration("turnaround")
        let service = Service(
            key: key,
            title: title.value,
            titleLocation: title.location,
            summary: reader.requiredText("summary"),
            turnaround: turnaround?.value ?? BusinessDuration(minimum: 0, maximum: 0, unit: .businessDays, text: ""),
            turnaroundLocation: turnaround?.location ?? reader.keyLocation("turnaround") ?? reader.location,
            inputBy: reader.inputBy("input_by")?.value,
            deadlines: deadlines.sorted { ($0.date, $0.what) < ($1.date, $1.what) },
            request: request,
            youProvide: reader.texts("you_provide").map(\.value),
            ruleReferences: reader.texts("rules"),
            tags: reader.texts("tags").map(\.value),
            source: document.pageSource)
        diagnostics += reader.diagnostics
        return service
    }
}

extension RequestChannel {
    /// Through `URLPolicy`, like every URL: an http(s) or `mailto:` URL, or a
    /// bare email address.
    init?(parsing raw: String) {
        switch URLPolicy.check(raw) {
        case .success(let checked) where checked.scheme == "http" || checked.scheme == "https":
            self = .url(checked.url)
        case .success(let checked) where checked.scheme == "mailto":
            let address = String(checked.url.dropFirst("mailto:".count))
            if case .success = URLPolicy.mailto(address) { self = .email(address) } else { self = .url(checked.url) }
        case .success(let checked) where checked.scheme == nil:
            guard case .success = URLPolicy.mailto(checked.url) else { return nil }
            self = .email(checked.url)
        default:
            return nil
        }
    }
}

extension Rule {
    static func decode(key: ItemKey, _ document: FrontMatterDocument, into diagnostics: inout [Diagnostic]) -> Rule {
        var reader = FieldReader(document.fields!, fields: KindSchema.rule.fields, context: "a rule's front matter")
        var status = RuleStatus.active
        if let raw = reader.text("status") {
            if let parsed = RuleStatus(rawValue: raw.value) {
                status = parsed
            } else {
                reader.report(raw.location, "'status' must be one of \(RuleStatus.allCases.map(\.rawValue).joined(separator: ", ")), found '\(raw.value)'")
            }
        }
        var changes: [ChangeEntry] = []
        for var item in reader.objects("changes", fields: FieldReader.subfields(.rule, "changes")) {
            if let date = item.date("date"), let summary = item.text("summary") {
                changes.append(ChangeEntry(date: date.value, summary: summary.value))
            }
            reader.absorb(item)
        }
        let rule = Rule(
            key: key,
            title: reader.requiredText("title").value,
            summary: reader.requiredText("summary"),
            status: status,
            consultUntil: reader.date("consult_until")?.value,
            effective: reader.date("effective"),
            reviewBy: reader.date("review_by"),
            owner: reader.text("owner")?.value,
            appliesToReferences: reader.texts("applies_to"),
            supersedesReference: reader.text("supersedes"),
            fullPolicy: reader.text("full_policy"),
            exceptions: reader.text("exceptions")?.value,
            changes: changes.sorted { ($0.date, $0.summary) > ($1.date, $1.summary) },
            source: document.pageSource)
        diagnostics += reader.diagnostics
        return rule
    }
}

extension Journey {
    static func decode(id: String, _ document: FrontMatterDocument, into diagnostics: inout [Diagnostic]) -> Journey {
        var reader = FieldReader(document.fields!, fields: KindSchema.journey.fields, context: "a journey's front matter")
        var steps: [JourneyStep] = []
        for var item in reader.objects("steps", fields: FieldReader.subfields(.journey, "steps")) {
            if let service = item.text("service") {
                steps.append(JourneyStep(service: service, note: item.text("note")?.value, serviceKey: nil))
            }
            reader.absorb(item)
        }
        if steps.isEmpty, reader.node("steps") != nil {
            reader.report(reader.keyLocation("steps")!, "'steps' must list at least one service")
        }
        let journey = Journey(
            id: id, title: reader.requiredText("title").value, summary: reader.requiredText("summary"),
            steps: steps, source: document.pageSource)
        diagnostics += reader.diagnostics
        return journey
    }
}

extension FreePage {
    static func decode(id: String, _ document: FrontMatterDocument, into diagnostics: inout [Diagnostic]) -> FreePage {
        var reader = FieldReader(document.fields!, fields: KindSchema.page.fields, context: "a page's front matter")
        let page = FreePage(
            id: id, title: reader.requiredText("title").value, summary: reader.text("summary"), source: document.pageSource)
        diagnostics += reader.diagnostics
        return page
    }
}

extension GlossaryEntry {
    static func decodeList(_ node: YAMLNode, into diagnostics: inout [Diagnostic]) -> [GlossaryEntry] {
        guard case .sequence(let items) = node.value else {
            diagnostics.append(Diagnostic(.error, at: node.location, "glossary.yml must be a list of {term, meaning, aka} entries, found \(node.kindDescription)"))
            return []
        }
        return items.compactMap { item in
            var reader = FieldReader(item, fields: KindSchema.glossaryEntry, context: "a glossary entry")
            defer { diagnostics += reader.diagnostics }
            guard let term = reader.text("term"), let meaning = reader.text("meaning") else { return nil }
            return GlossaryEntry(term: term.value, meaning: meaning.value, aka: reader.texts("aka").map(\.value))
        }
    }
}

extension FrontMatterDocument {
    var pageSource: PageSource { PageSource(file: file, body: body, bodyFirstLine: bodyFirstLine) }
}
