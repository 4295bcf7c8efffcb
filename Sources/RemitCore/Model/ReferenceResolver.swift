/// Resolves every id editors wrote (`rules`, `applies_to`, `supersedes`,
/// `go_to`, journey steps) against the catalogue, in one pass over hash maps,
/// and records the links both ways.
struct ReferenceResolver {
    let catalogue: Catalogue
    let drafts: Set<ItemKey>

    /// What the services' and rules' references resolved to, and the
    /// problems found on the way: the same while no service's or rule's key,
    /// publication or references changed (`CatalogueBuilder` keeps it).
    struct Resolved: Sendable {
        /// Without the journeys, which are resolved every time (there are few).
        var relations: Relations
        var diagnostics: [Diagnostic]
    }

    /// - Parameter last: the last build's resolution, when it still holds.
    func resolve(_ catalogue: inout Catalogue, reusing last: Resolved? = nil, into diagnostics: inout [Diagnostic]) -> Resolved {
        let resolved = last ?? resolveServicesAndRules()
        diagnostics += resolved.diagnostics
        var relations = resolved.relations
        for index in catalogue.functions.indices {
            let function = catalogue.functions[index]
            for item in function.doesNotProvide.indices {
                guard let goTo = function.doesNotProvide[item].goTo else { continue }
                catalogue.functions[index].doesNotProvide[item].target = resolveHandoff(goTo, within: function.id, into: &diagnostics)
            }
        }
        for index in catalogue.journeys.indices {
            let journey = catalogue.journeys[index]
            for step in journey.steps.indices {
                let reference = journey.steps[step].service
                guard reference.value.contains("/") else {
                    diagnostics.append(Diagnostic(.error, at: reference.location, "journey step '\(reference.value)' must name its function: 'function/service'"))
                    continue
                }
                if let key = resolveService(reference, within: "", field: "steps", into: &diagnostics) {
                    catalogue.journeys[index].steps[step].serviceKey = key
                    relations.journeysByService[key, default: []].append(journey.id)
                }
            }
        }
        relations.journeysByService = relations.journeysByService.mapValues { Array(Set($0)).sorted() }
        catalogue.relations = relations
        return resolved
    }

    private func resolveServicesAndRules() -> Resolved {
        var diagnostics: [Diagnostic] = []
        var relations = Relations()
        for service in catalogue.sortedServices {
            for reference in service.ruleReferences {
                if let rule = resolveRule(reference, within: service.key.function, into: &diagnostics) {
                    relations.link(service: service.key, rule: rule)
                }
            }
        }
        for rule in catalogue.sortedRules {
            for reference in rule.appliesToReferences {
                if let service = resolveService(reference, within: rule.key.function, field: "applies_to", into: &diagnostics) {
                    relations.link(service: service, rule: rule.key)
                }
            }
            if let reference = rule.supersedesReference,
                let old = resolveRule(reference, within: rule.key.function, into: &diagnostics)
            {
                if old == rule.key {
                    diagnostics.append(Diagnostic(.error, at: reference.location, "rule '\(rule.key)' cannot supersede itself"))
                } else if let other = relations.supersededBy[old] {
                    diagnostics.append(Diagnostic(.error, at: reference.location, "rule '\(old)' is already superseded by '\(other)'"))
                } else {
                    relations.supersedes[rule.key] = old
                    relations.supersededBy[old] = rule.key
                }
            }
        }
        reportSupersessionCycles(relations, into: &diagnostics)
        relations.rulesByService = relations.rulesByService.mapValues { $0.sorted() }
        relations.servicesByRule = relations.servicesByRule.mapValues { $0.sorted() }
        return Resolved(relations: relations, diagnostics: diagnostics)
    }

    private func resolveRule(_ reference: Located<String>, within function: String, into diagnostics: inout [Diagnostic]) -> ItemKey? {
        guard let key = ItemKey(reference: reference.value, within: function) else {
            diagnostics.append(Diagnostic(.error, at: reference.location, "'\(reference.value)' is not a rule id: use 'id' or 'function/id'"))
            return nil
        }
        if catalogue.rules[key] != nil { return key }
        if drafts.contains(key) {
            diagnostics.append(Diagnostic(.error, at: reference.location, "rule '\(key)' is a draft and is not published; remove the reference or publish the rule"))
            return nil
        }
        diagnostics.append(unknown("rule", reference, key, within: function, known: catalogue.rules.keys))
        return nil
    }

    private func resolveService(_ reference: Located<String>, within function: String, field: String, into diagnostics: inout [Diagnostic]) -> ItemKey? {
        guard let key = ItemKey(reference: reference.value, within: function) else {
            diagnostics.append(Diagnostic(.error, at: reference.location, "'\(reference.value)' in '\(field)' is not a service id: use 'id' or 'function/id'"))
            return nil
        }
        if catalogue.services[key] != nil { return key }
        diagnostics.append(unknown("service", reference, key, within: function, known: catalogue.services.keys))
        return nil
    }

    /// "unknown rule 'x'", with the closest id of that function or a note that
    /// the function itself does not exist.
    private func unknown(
        _ kind: String, _ reference: Located<String>, _ key: ItemKey, within function: String, known: some Collection<ItemKey>
    ) -> Diagnostic {
        var message = "unknown \(kind) '\(reference.value)'"
        let candidates = known.filter { $0.function == key.function }.map(\.id)
        if let suggestion = Spelling.closest(to: key.id, among: candidates) {
            message += "; did you mean '\(key.function == function ? suggestion : key.function + "/" + suggestion)'?"
        } else if catalogue.function(key.function) == nil {
            message += " (there is no function '\(key.function)')"
        }
        return Diagnostic(.error, at: reference.location, message)
    }

    /// `go_to` names a function, a service of this function, or `function/service`.
    private func resolveHandoff(_ reference: Located<String>, within function: String, into diagnostics: inout [Diagnostic]) -> Handoff.Target? {
        if !reference.value.contains("/") {
            if catalogue.services[ItemKey(function: function, id: reference.value)] != nil {
                return .service(ItemKey(function: function, id: reference.value))
            }
            if catalogue.function(reference.value) != nil { return .function(reference.value) }
            var message = "unknown function or service '\(reference.value)' in 'go_to'"
            if let suggestion = Spelling.closest(to: reference.value, among: catalogue.functions.map(\.id)) {
                message += "; did you mean '\(suggestion)'?"
            }
            diagnostics.append(Diagnostic(.error, at: reference.location, message))
            return nil
        }
        return resolveService(reference, within: function, field: "go_to", into: &diagnostics).map { .service($0) }
    }

    private func reportSupersessionCycles(_ relations: Relations, into diagnostics: inout [Diagnostic]) {
        var reported: Set<ItemKey> = []
        for start in relations.supersedes.keys.sorted() where !reported.contains(start) {
            var seen: [ItemKey] = [start]
            var current = start
            while let next = relations.supersedes[current] {
                if next == start {
                    reported.formUnion(seen)
                    let location = catalogue.rules[start]?.supersedesReference?.location ?? SourceLocation(path: "", line: 1, column: 1)
                    diagnostics.append(Diagnostic(.error, at: location, "supersession cycle: \((seen + [start]).map(\.description).joined(separator: " → "))"))
                    break
                }
                if seen.contains(next) { break }
                seen.append(next)
                current = next
            }
        }
    }
}
