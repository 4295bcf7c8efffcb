extension CatalogueJSON {
    /// Each entry made from the catalogue: one item at a time, so that a
    /// rebuild makes only the entries an edit reaches.
    struct Entries {
        let factory: ViewFactory
        var serviceKeys: [ItemKey] { factory.catalogue.serviceKeys }
        var ruleKeys: [ItemKey] { factory.catalogue.ruleKeys }

        init(_ factory: ViewFactory) {
            self.factory = factory
        }

        private func link(_ route: Route) -> String { factory.base.absolute(route.path) }

        var site: Site {
            let config = factory.catalogue.config
            return Site(
                title: config.title, organisation: config.organisation, base_url: factory.base.absolute(""),
                business_days: config.calendar.workingWeekdays.map(\.rawValue), holidays: config.holidays.sorted().map(\.description))
        }

        func function(_ function: Function) -> FunctionEntry {
            FunctionEntry(
                id: function.id, title: function.title, summary: function.summary.value, owner: function.owner,
                url: link(.function(function.id)), provides: function.provides, does_not_provide: function.doesNotProvide.map(\.what),
                services: factory.catalogue.serviceKeys(of: function.id).map(\.description),
                rules: factory.catalogue.ruleKeys(of: function.id).map(\.description))
        }

        func service(_ key: ItemKey) -> ServiceEntry {
            let service = factory.catalogue.services[key]!
            return ServiceEntry(
                id: key.id, function: key.function, title: service.title, summary: service.summary.value,
                url: link(.service(key)), turnaround: Duration(service.turnaround),
                input_by: service.inputBy.map { InputByEntry(text: $0.description, duration: Duration($0.duration), event: $0.event) },
                deadlines: service.deadlines.map { DatedText(date: $0.date.description, text: $0.what) },
                request: service.request.flatMap { URLPolicy.href($0.href) }, you_provide: service.youProvide,
                rules: (factory.catalogue.relations.rulesByService[key] ?? []).map(\.description), tags: service.tags,
                performance: factory.performance.services[key].map(PerformanceEntry.init))
        }

        func rule(_ key: ItemKey) -> RuleEntry {
            let rule = factory.catalogue.rules[key]!
            let relations = factory.catalogue.relations
            return RuleEntry(
                id: key.id, function: key.function, title: rule.title, summary: rule.summary.value,
                status: rule.status.rawValue, url: link(.rule(key)), effective: rule.effective?.value.description,
                review_by: rule.reviewBy?.value.description, consult_until: rule.consultUntil?.description,
                overdue_for_review: ReviewSchedule.isOverdue(rule, today: factory.today), owner: rule.owner,
                applies_to: (relations.servicesByRule[key] ?? []).map(\.description),
                supersedes: relations.supersedes[key]?.description,
                superseded_by: relations.supersededBy[key]?.description,
                changes: rule.changes.map { DatedText(date: $0.date.description, text: $0.summary) })
        }

        func journey(_ journey: Journey) -> JourneyEntry {
            let keys = journey.steps.compactMap(\.serviceKey)
            let total = DurationTotal(keys.compactMap { factory.catalogue.services[$0]?.turnaround })
            return JourneyEntry(
                id: journey.id, title: journey.title, summary: journey.summary.value, url: link(.journey(journey.id)),
                steps: keys.map(\.description),
                total: Duration(BusinessDuration(minimum: total.minimum, maximum: total.maximum, unit: total.unit, text: total.text)))
        }
    }
}
