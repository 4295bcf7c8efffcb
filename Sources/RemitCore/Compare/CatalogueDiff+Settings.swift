extension CatalogueDiff {
    /// Glossary terms added or removed (terms compared without regard to case).
    static func glossary(_ old: Catalogue, _ new: Catalogue) -> [Change] {
        let key: (GlossaryEntry) -> String = { Prose.normalised($0.term).lowercased() }
        let (_, removed, added) = pair(
            Dictionary(old.glossary.map { (key($0), $0) }, uniquingKeysWith: { a, _ in a }),
            Dictionary(new.glossary.map { (key($0), $0) }, uniquingKeysWith: { a, _ in a }))
        let oldFile = dataFile(old, "glossary")
        let newFile = dataFile(new, "glossary")
        let newFields = newFile.map { FieldLocator($0, frontMatter: false) }
        var changes = added.map { entry in
            Change(
                .termAdded, .glossary, id: "glossary/\(entry.term)", function: nil, title: entry.term, field: "term",
                new: .text(entry.meaning), location: newFields.map { listItem($0, newFile!, entry.term) }, route: .glossary)
        }
        let oldFields = oldFile.map { FieldLocator($0, frontMatter: false) }
        changes += removed.map { entry in
            Change(
                .termRemoved, .glossary, id: "glossary/\(entry.term)", function: nil, title: entry.term, field: "term",
                old: .text(entry.meaning), location: oldFields.map { listItem($0, oldFile!, entry.term) })
        }
        return changes
    }

    /// `business_days` and `holidays`: every computed date moves with them.
    static func settings(_ old: Catalogue, _ new: Catalogue) -> [Change] {
        var changes: [Change] = []
        let file = dataFile(new, "catalogue") ?? dataFile(old, "catalogue")
        let fields = file.map { FieldLocator($0, frontMatter: false) }
        let effect = "every date Remit computes from it moves: turnarounds, input-by dates, the ask-by planner and journey start dates"
        let days: (SiteConfig) -> [String] = { config in Weekday.allCases.filter(config.businessDays.contains).map(\.rawValue) }
        if days(old.config) != days(new.config) {
            changes.append(Change(
                .businessDaysChanged, .settings, id: "catalogue/business_days", function: nil, title: "Working days", field: "business_days",
                old: .list(days(old.config)), new: .list(days(new.config)), location: fields?.field("business_days"),
                note: "the working week changed, so " + effect))
        }
        let holidays: (SiteConfig) -> [String] = { $0.holidays.sorted().map(\.description) }
        if holidays(old.config) != holidays(new.config) {
            let (gone, added) = listDifference(holidays(old.config), holidays(new.config))
            let detail = [added.isEmpty ? nil : "\(added.joined(separator: ", ")) added", gone.isEmpty ? nil : "\(gone.joined(separator: ", ")) removed"]
                .compactMap { $0 }.joined(separator: "; ")
            changes.append(Change(
                .holidaysChanged, .settings, id: "catalogue/holidays", function: nil, title: "Holidays", field: "holidays",
                old: .list(holidays(old.config)), new: .list(holidays(new.config)), location: fields?.field("holidays"),
                note: "\(detail): " + effect))
        }
        return changes
    }

    /// `catalogue.yml` or `.yaml`, `glossary.yml` or `.yaml`.
    private static func dataFile(_ catalogue: Catalogue, _ name: String) -> SourceFile? {
        catalogue.dataFiles.first { $0.relativePath == name + ".yml" || $0.relativePath == name + ".yaml" }
    }

    /// A glossary entry's line: the list item whose `term` is `term`.
    private static func listItem(_ fields: FieldLocator, _ file: SourceFile, _ term: String) -> SourceLocation {
        fields.rootItem(key: "term", text: term) ?? file.start
    }
}
