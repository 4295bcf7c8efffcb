import Foundation
import PropertyBased
import RemitCore
import Testing

/// Random sequences of edits, additions, deletions and renames, built one
/// after another with one `BuildCache` as `remit serve` does: after every
/// step the output is byte for byte what a clean build of the same files
/// gives. The edits reach titles, bodies, turnarounds, rule status, dates,
/// catalogue.yml, a template and an attachment.
@Suite struct IncrementalPropertyTests {
    enum Edit: CaseIterable, Sendable {
        case retitleService, editBody, lengthenTurnaround, retireRule, moveEffectiveDate, addHoliday
        case editTemplate, editAttachment, addService, deleteService, renameService, moveDeadline
        // Body edits with more to them: a heading added (the short way,
        // `BodyEdit`, checks links to its page again), a link to such a
        // heading, a rule's "why" renamed (the full way), and a link broken,
        // then mended.
        case addHeading, linkToStep, renameWhy, breakRuleLink
        // Front matter shown on other pages (`FrontMatterEdit`): a rule's and
        // a journey's titles, references added and dropped both ways, and a
        // function's title, which every page's header shows.
        case retitleRule, toggleAppliesTo, toggleServiceRules, retitleJourney, retitleFunction
        // A tag taken off and put back (the tag pages list the services they
        // have), and a reference to a rule that does not exist (an error the
        // resolution of references must find again, then drop).
        case toggleTag, referToMissingRule

        /// Makes the edit, and returns the paths it changed, as the watcher names them.
        @discardableResult
        func apply(to site: FixtureSite, step: Int) throws -> [String] {
            let content = site.content
            var changed: [String] = []
            func edit(_ path: String, _ change: (String) -> String) throws {
                let url = content.appendingPathComponent(path)
                changed.append(url.path)
                guard let text = try? String(contentsOf: url, encoding: .utf8) else { return }
                try change(text).write(to: url, atomically: true, encoding: .utf8)
            }
            func toggle(_ path: String, _ line: String) throws {
                try edit(path) { $0.contains(line) ? $0.replacingOccurrences(of: line, with: "") : $0 + line }
            }
            switch self {
            case .retitleService:
                try edit("finance/services/invoices.md") { $0.replacing(#/title: .*/#, with: "title: Paying an invoice \(step)") }
            case .editBody:
                try edit("people/services/onboarding.md") { $0 + "\nStep \(step): bring your [badge](../rules/dress-code.md).\n" }
            case .addHeading:
                try edit("people/services/onboarding.md") { $0 + "\n## Step \(step)\n\nAsk for a desk.\n" }
            case .renameWhy:
                try edit("people/rules/dress-code.md") {
                    $0.contains("exists at all") ? $0.replacingOccurrences(of: "exists at all", with: "exists") : $0.replacingOccurrences(of: "exists", with: "exists at all")
                }
            case .linkToStep:
                try toggle("people/rules/dress-code.md", "\nSee [step 1](../services/onboarding.md#step-1).\n")
            case .breakRuleLink:
                try toggle("people/rules/dress-code.md", "\nSee [the policy](missing-policy.md).\n")
            case .lengthenTurnaround:
                try edit("finance/services/invoices.md") { $0.replacing(#/turnaround: .*/#, with: "turnaround: \(step + 1) business days") }
            case .retireRule:
                try edit("people/rules/dress-code.md") {
                    $0.contains("status:") ? $0.replacingOccurrences(of: "status: retired\n", with: "") : $0.replacingOccurrences(of: "title:", with: "status: retired\ntitle:")
                }
            case .moveEffectiveDate:
                try edit("people/rules/dress-code.md") { $0.replacing(#/effective: .*/#, with: "effective: 2026-12-\(10 + step % 15)") }
            case .addHoliday:
                try edit("catalogue.yml") { $0.replacing(#/holidays: \[/#, with: "holidays: [2026-12-\(10 + step % 15), ") }
            case .editTemplate:
                let templates = site.root.appendingPathComponent("templates")
                changed.append(templates.appendingPathComponent("404.mustache").path)
                try FileManager.default.createDirectory(at: templates, withIntermediateDirectories: true)
                try "{{<layout}}{{$content}}<h1>{{page.title}}</h1><p>Lost, \(step).</p>{{/content}}{{/layout}}\n"
                    .write(to: templates.appendingPathComponent("404.mustache"), atomically: true, encoding: .utf8)
            case .editAttachment:
                let url = content.appendingPathComponent("finance/forms/claim.txt")
                changed += [url.deletingLastPathComponent().path, url.path]
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try "Claim form, version \(step)\n".write(to: url, atomically: true, encoding: .utf8)
            case .addService:
                changed.append(content.appendingPathComponent("finance/services/petty-cash.md").path)
                try "---\ntitle: Petty cash \(step)\nsummary: Small amounts, paid at once.\nturnaround: same day\ntags: [payments]\n---\nAsk at the desk.\n"
                    .write(to: content.appendingPathComponent("finance/services/petty-cash.md"), atomically: true, encoding: .utf8)
            case .deleteService:
                changed.append(content.appendingPathComponent("finance/services/petty-cash.md").path)
                try? FileManager.default.removeItem(at: content.appendingPathComponent("finance/services/petty-cash.md"))
            case .renameService:
                let from = content.appendingPathComponent("finance/services/petty-cash.md")
                let to = content.appendingPathComponent("finance/services/cash-advances.md")
                changed += [from.path, to.path]
                if FileManager.default.fileExists(atPath: from.path) {
                    try? FileManager.default.removeItem(at: to)
                    try FileManager.default.moveItem(at: from, to: to)
                } else if FileManager.default.fileExists(atPath: to.path) {
                    try FileManager.default.moveItem(at: to, to: from)
                }
            case .retitleRule:
                try edit("finance/rules/po-before-invoice.md") { $0.replacing(#/title: .*/#, with: "title: Order first \(step)") }
            case .toggleAppliesTo:
                try edit("finance/rules/three-quotes.md") {
                    $0.contains("applies_to:") ? $0.replacingOccurrences(of: "applies_to: [budget-bids]\n", with: "")
                        : $0.replacingOccurrences(of: "status: active\n", with: "status: active\napplies_to: [budget-bids]\n")
                }
            case .toggleServiceRules:
                try edit("people/services/onboarding.md") {
                    $0.contains("rules:") ? $0.replacingOccurrences(of: "rules: [dress-code]\n", with: "")
                        : $0.replacingOccurrences(of: "tags: [starters]\n", with: "tags: [starters]\nrules: [dress-code]\n")
                }
            case .retitleJourney:
                try edit("journeys/joining.md") { $0.replacing(#/title: .*/#, with: "title: Starting here \(step)") }
            case .retitleFunction:
                try edit("finance/index.md") { $0.replacing(#/title: .*/#, with: "title: Finance \(step)") }
            case .toggleTag:
                try edit("finance/services/invoices.md") {
                    $0.contains("tags: [Budget, payments]") ? $0.replacingOccurrences(of: "tags: [Budget, payments]", with: "tags: [payments]")
                        : $0.replacingOccurrences(of: "tags: [payments]", with: "tags: [Budget, payments]")
                }
            case .referToMissingRule:
                try edit("finance/services/invoices.md") {
                    $0.contains("rules: [no-such-rule]\n") ? $0.replacingOccurrences(of: "rules: [no-such-rule]\n", with: "")
                        : $0.replacingOccurrences(of: "turnaround:", with: "rules: [no-such-rule]\nturnaround:")
                }
            case .moveDeadline:
                try edit("finance/services/invoices.md") { $0.replacing(#/date: 2026-12-\d\d/#, with: "date: 2026-12-\(10 + step % 15)") }
            }
            return changed
        }
    }

    func options(_ site: FixtureSite, output: URL) -> BuildOptions {
        BuildOptions(contentDirectory: site.content, templatesDirectory: site.root.appendingPathComponent("templates"),
                     outputDirectory: output, today: LocalDate(iso: "2026-11-29")!)
    }

    /// Every file under `folder` with its bytes.
    static func snapshot(_ folder: URL) throws -> [String: Data] {
        var result: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey])!
        for case let url as URL in enumerator where (try url.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true {
            result[String(url.path.dropFirst(folder.path.count))] = try Data(contentsOf: url)
        }
        return result
    }

    @Test func incrementalBuildsEqualCleanBuildsAfterEveryEdit() async throws {
        let steps = Gen.int(in: 0...(Edit.allCases.count - 1)).array(of: 3...6)
        await propertyCheck(count: 16, input: steps) { choices in
            do {
                let site = try FixtureSite(copying: "calendar")
                defer { site.remove() }
                var cache = BuildCache()
                let incremental = site.root.appendingPathComponent("incremental")
                #expect(await Pipeline.build(options(site, output: incremental), cache: &cache).wroteSite)
                for (step, choice) in choices.enumerated() {
                    let edit = Edit.allCases[choice]
                    let changed = try edit.apply(to: site, step: step)
                    let clean = site.root.appendingPathComponent("clean-\(step)")
                    let reference = await Pipeline.build(options(site, output: clean))
                    let report = await Pipeline.build(options(site, output: incremental), cache: &cache, changed: changed)
                    #expect(report.wroteSite == reference.wroteSite, "step \(step) \(edit): \(report.diagnostics)")
                    #expect(report.diagnostics == reference.diagnostics, "step \(step) \(edit)")
                    guard reference.wroteSite else { continue }
                    let expected = try Self.snapshot(clean)
                    let actual = try Self.snapshot(incremental)
                    #expect(Set(actual.keys) == Set(expected.keys), "step \(step) \(edit): files differ")
                    for (path, data) in expected where actual[path] != data {
                        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n")
                        let got = String(decoding: actual[path] ?? Data(), as: UTF8.self).split(separator: "\n")
                        let first = zip(lines, got).first { $0 != $1 }.map { "clean: \($0.0.prefix(300))\nincremental: \($0.1.prefix(300))" } ?? "lengths differ"
                        Issue.record("edits \(choices.map { Edit.allCases[$0] }), step \(step) \(edit) (bodies only: \(cache.rebuiltBodiesOnly)): \(path) differs from a clean build\n\(first)")
                    }
                    try FileManager.default.removeItem(at: clean)
                }
            } catch {
                Issue.record("\(error)")
            }
        }
    }

    /// The check can fail: an edit reaches the pages that show what it changed,
    /// and no others are rendered again.
    @Test func aTitleEditRendersThePagesThatShowItAndNoOthers() async throws {
        let site = try FixtureSite(copying: "calendar")
        defer { site.remove() }
        var cache = BuildCache()
        #expect(await Pipeline.build(options(site, output: site.output), cache: &cache).wroteSite)
        let all = cache.pagesRendered
        #expect(await Pipeline.build(options(site, output: site.output), cache: &cache).wroteSite)
        #expect(cache.pagesRendered == 0)
        try Edit.editBody.apply(to: site, step: 1)
        #expect(await Pipeline.build(options(site, output: site.output), cache: &cache).wroteSite)
        #expect(cache.pagesRendered == 1)
        #expect(cache.sourcesChanged == ["content/people/services/onboarding.md"])
        try Edit.retitleService.apply(to: site, step: 2)
        #expect(await Pipeline.build(options(site, output: site.output), cache: &cache).wroteSite)
        #expect(cache.pagesRendered > 1 && cache.pagesRendered < all, "\(cache.pagesRendered) of \(all)")
    }
}
