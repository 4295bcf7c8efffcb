import Foundation
import Mustache
import Testing
@testable import RemitCore

/// Every view answers every one of its stored properties by name, with the
/// same value reflection finds: the hand-written lookups in
/// `TemplateLookup.swift` cannot fall behind the views.
@Suite struct TemplateLookupTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("EndToEndTests/Fixtures")

    static func views(of fixture: String) async -> [Any] {
        let options = BuildOptions(
            contentDirectory: fixtures.appendingPathComponent("\(fixture)/content"),
            outputDirectory: FileManager.default.temporaryDirectory.appendingPathComponent("unused"),
            today: LocalDate(iso: "2026-11-29")!)
        let checked = await Pipeline.check(options)
        let catalogue = checked.catalogue
        let factory = ViewFactory(catalogue: catalogue, siteMap: checked.siteMap, bodies: checked.bodies, today: options.today)
        var views: [Any] = [
            factory.homePage(), factory.glossaryPage(), factory.aToZPage(), factory.deadlinesPage(), factory.changesPage(),
            factory.reviewPage(), factory.performancePage(), factory.tagsPage(), factory.searchPage(), factory.notFoundPage(),
        ]
        views += catalogue.functions.map(factory.functionPage)
        views += catalogue.services.values.map(factory.servicePage)
        views += catalogue.rules.values.map(factory.rulePage)
        views += catalogue.journeys.map(factory.journeyPage)
        views += catalogue.pages.map(factory.freePage)
        views += factory.tagIndex.tags.map(factory.tagPage)
        return views
    }

    static func unwrap(_ value: Any) -> Any? {
        let mirror = Mirror(reflecting: value)
        guard mirror.displayStyle == .optional else { return value }
        return mirror.children.first.map { $0.value }
    }

    /// Walks a view tree; returns the number of properties checked.
    static func walk(_ value: Any, path: String) -> Int {
        // Text a template shows as it is (`HTMLText`): a leaf, like a string.
        if value is MustacheCustomRenderable { return 0 }
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .collection:
            return mirror.children.enumerated().reduce(0) { $0 + walk($1.element.value, path: "\(path)[\($1.offset)]") }
        case .optional:
            return mirror.children.first.map { walk($0.value, path: path) } ?? 0
        case .struct:
            guard let parent = value as? MustacheParent else {
                Issue.record("\(type(of: value)) at \(path) answers only by reflection; add it to TemplateLookup.swift")
                return 0
            }
            var checked = 0
            for child in mirror.children {
                // An underscored property is a view's own cache (`SiteView._hashed`), not something a template reads.
                guard let label = child.label, !label.hasPrefix("_") else { continue }
                let expected = unwrap(child.value)
                let answered = parent.child(named: label)
                #expect((answered == nil) == (expected == nil), "\(type(of: value)).\(label) at \(path)")
                if let expected, let answered {
                    #expect(String(describing: answered) == String(describing: expected), "\(type(of: value)).\(label) at \(path)")
                    checked += 1 + walk(expected, path: path + "." + label)
                }
            }
            #expect(parent.child(named: "no-such-field") == nil)
            return checked
        default:
            return 0
        }
    }

    @Test(arguments: ["unseen", "calendar"])
    func everyViewPropertyAnswersByName(fixture: String) async {
        let views = await Self.views(of: fixture)
        let checked = views.enumerated().reduce(0) { $0 + Self.walk($1.element, path: "view \($1.offset)") }
        #expect(checked > 500)
    }
}
