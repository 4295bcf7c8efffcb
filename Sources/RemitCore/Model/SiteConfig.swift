/// Site-wide settings from `catalogue.yml`.
public struct SiteConfig: Sendable {
    public var title: String
    public var organisation: String
    public var baseURL: BaseURL
    public var editURL: String?
    public var feedback: String?
    public var businessDays: Set<Weekday>
    public var holidays: Set<LocalDate>
    public var summaryWordLimit: Int
    public var changeLimitPerWeek: Int
    public var terminology: [TerminologyRule]
    /// The export's names for the columns of `requests.csv`.
    public var requestColumns = RequestColumns()
    /// Completed requests of this many calendar days up to today are measured.
    public var performanceWindowDays = 90
    /// Fewer completed requests than this in the window: no figures are shown.
    public var performanceMinRequests = 10
    /// The smallest `performance_min_requests` allowed: no figure may describe one or two requests.
    public static let performanceMinRequestsFloor = 5

    /// The working calendar every planned date is counted on.
    public var calendar: BusinessCalendar { BusinessCalendar(businessDays: businessDays, holidays: holidays) }

    public init(title: String, organisation: String, baseURL: BaseURL = BaseURL("/")!) {
        self.title = title
        self.organisation = organisation
        self.baseURL = baseURL
        businessDays = [.mon, .tue, .wed, .thu, .fri]
        holidays = []
        summaryWordLimit = 40
        changeLimitPerWeek = 3
        terminology = []
    }

    static func decode(_ node: YAMLNode, into diagnostics: inout [Diagnostic]) -> SiteConfig {
        var reader = FieldReader(node, fields: KindSchema.catalogue.fields, context: "catalogue.yml")
        var config = SiteConfig(title: reader.text("title")?.value ?? "", organisation: reader.text("organisation")?.value ?? "")
        if let raw = reader.text("base_url") {
            switch BaseURL.parse(raw.value) {
            case .success(let base): config.baseURL = base
            case .failure(let refusal): reader.report(raw.location, "'base_url' \(refusal.reason)")
            }
        }
        config.editURL = reader.urlPattern("edit_url", placeholders: ["{path}"])?.value
        config.feedback = reader.urlPattern("feedback", placeholders: ["{title}", "{url}"])?.value
        if reader.node("business_days") != nil {
            var days = Set<Weekday>()
            for day in reader.texts("business_days") {
                if let weekday = Weekday(rawValue: day.value.lowercased()) {
                    days.insert(weekday)
                } else {
                    reader.report(day.location, "'\(day.value)' is not a weekday; use mon, tue, wed, thu, fri, sat or sun")
                }
            }
            if days.isEmpty, let location = reader.keyLocation("business_days") {
                reader.report(location, "'business_days' must name at least one weekday")
            } else {
                config.businessDays = days
            }
        }
        config.holidays = Set(reader.list("holidays").compactMap { reader.date($0, "holidays")?.value })
        if let limit = reader.integer("summary_word_limit") { config.summaryWordLimit = limit.value }
        if let limit = reader.integer("change_limit_per_week") { config.changeLimitPerWeek = limit.value }
        let termFields = KindSchema.catalogue.field("terminology").flatMap { field -> [FieldSchema]? in
            if case .list(.object(let fields)) = field.type { return fields }
            return nil
        } ?? []
        for var item in reader.objects("terminology", fields: termFields) {
            if let avoid = item.text("avoid"), let use = item.text("use") {
                config.terminology.append(TerminologyRule(avoid: avoid.value, use: use.value))
            }
            reader.absorb(item)
        }
        config.decodePerformance(&reader)
        diagnostics += reader.diagnostics
        return config
    }

    /// `request_columns`, `performance_window_days` and `performance_min_requests`.
    private mutating func decodePerformance(_ reader: inout FieldReader) {
        let columnFields = KindSchema.catalogue.field("request_columns").flatMap { field -> [FieldSchema]? in
            if case .object(let fields) = field.type { return fields }
            return nil
        } ?? []
        if var columns = reader.object("request_columns", fields: columnFields) {
            if let name = columns.text("service") { requestColumns.service = name.value }
            if let name = columns.text("received") { requestColumns.received = name.value }
            if let name = columns.text("completed") { requestColumns.completed = name.value }
            if let name = columns.text("paused") {
                requestColumns.paused = name.value
                requestColumns.pausedIsMapped = true
            }
            reader.absorb(columns)
        }
        if let days = reader.integer("performance_window_days") {
            if days.value >= 1 {
                performanceWindowDays = days.value
            } else {
                reader.report(days.location, "'performance_window_days' must be at least 1")
            }
        }
        if let minimum = reader.integer("performance_min_requests") {
            if minimum.value >= Self.performanceMinRequestsFloor {
                performanceMinRequests = minimum.value
            } else {
                reader.report(
                    minimum.location,
                    "'performance_min_requests' must be at least \(Self.performanceMinRequestsFloor), so that no figure describes one or two requests")
            }
        }
    }
}
