/// Warnings: the catalogue would build, but it would serve clients worse.
/// (Terms to avoid are looked for page by page, in `PageChecks`.)
enum EditorialChecks {
    static func check(_ catalogue: Catalogue, today: LocalDate, into diagnostics: inout [Diagnostic]) {
        let config = catalogue.config
        var summaries: [Located<String>] = catalogue.functions.map(\.summary)
        summaries += catalogue.services.values.map(\.summary) + catalogue.rules.values.map(\.summary)
        summaries += catalogue.journeys.map(\.summary) + catalogue.pages.compactMap(\.summary)
        for summary in summaries {
            let words = Self.wordCount(summary.value)
            if words > config.summaryWordLimit {
                diagnostics.append(Diagnostic(
                    .warning, at: summary.location,
                    "summary has \(words) words; keep it to \(config.summaryWordLimit) (summary_word_limit) so busy clients read it"))
            }
        }
        for rule in catalogue.rules.values where ReviewSchedule.isOverdue(rule, today: today) {
            if let reviewBy = rule.reviewBy {
                diagnostics.append(Diagnostic(
                    .warning, at: reviewBy.location,
                    "rule '\(rule.key)' is overdue for review: review_by was \(reviewBy.value)"))
            }
        }
        checkChangeFatigue(catalogue, today: today, into: &diagnostics)
        checkDuplicateTitles(catalogue, into: &diagnostics)
    }

    /// Words separated by whitespace; ASCII text is counted on its bytes
    /// (walking `Character`s was half of these checks).
    static func wordCount(_ text: String) -> Int {
        guard text.utf8.allSatisfy({ $0 < 0x80 }) else { return text.split(whereSeparator: { $0.isWhitespace }).count }
        var count = 0
        var inWord = false
        for byte in text.utf8 {
            // The ASCII whitespace `Character.isWhitespace` knows: tab to carriage return, and space.
            let space = byte == 0x20 || (0x09...0x0D).contains(byte)
            if !space && !inWord { count += 1 }
            inWord = !space
        }
        return count
    }

    /// Rules taking effect from today on, by ISO week across all functions.
    private static func checkChangeFatigue(_ catalogue: Catalogue, today: LocalDate, into diagnostics: inout [Diagnostic]) {
        let limit = catalogue.config.changeLimitPerWeek
        for (week, events) in ChangeCalendar.busyWeeks(catalogue, today: today) {
            let names = events.map { "\($0.rule) (\($0.date))" }.joined(separator: ", ")
            guard let location = catalogue.rules[events[0].rule]?.effective?.location else { continue }
            diagnostics.append(Diagnostic(
                .warning, at: location,
                "change fatigue: \(events.count) rules take effect in ISO week \(week), more than change_limit_per_week (\(limit)): \(names); stage some of them"))
        }
    }

    private static func checkDuplicateTitles(_ catalogue: Catalogue, into diagnostics: inout [Diagnostic]) {
        for function in catalogue.functions {
            var seen: [String: ItemKey] = [:]
            for key in catalogue.serviceKeys(of: function.id) {
                let service = catalogue.services[key]!
                let title = service.title.lowercased()
                if let first = seen[title] {
                    diagnostics.append(Diagnostic(
                        .warning, at: service.titleLocation,
                        "service title '\(service.title)' is also used by '\(first)' in \(function.id); clients cannot tell them apart"))
                } else {
                    seen[title] = key
                }
            }
        }
    }
}
