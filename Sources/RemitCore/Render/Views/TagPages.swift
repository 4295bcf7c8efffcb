import Foundation
import Mustache

/// Services by tag. Tags that differ only in case or punctuation share a page.
struct TagIndex: Sendable {
    struct Tag: Sendable {
        var name: String
        var slug: String
        var services: [ItemKey]
    }

    /// Sorted by slug.
    var tags: [Tag]

    init(_ catalogue: Catalogue) {
        var bySlug: [String: Tag] = [:]
        // Services share their tags: each is folded into a slug once (folding was most of this).
        var slugs: [String: String] = [:]
        for service in catalogue.sortedServices {
            for name in service.tags {
                let slug = slugs[name] ?? Self.slug(name)
                slugs[name] = slug
                if bySlug[slug] == nil { bySlug[slug] = Tag(name: name, slug: slug, services: []) }
                if bySlug[slug]?.services.last != service.key { bySlug[slug]?.services.append(service.key) }
            }
        }
        tags = bySlug.values.sorted { $0.slug < $1.slug }
    }

    /// `Pay & Reward` → `pay-reward`; letters outside ASCII lose their accents.
    static func slug(_ name: String) -> String {
        let folded = name.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).lowercased()
        var slug = ""
        for scalar in folded.unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                slug.unicodeScalars.append(scalar)
            } else if !slug.isEmpty, !slug.hasSuffix("-") {
                slug += "-"
            }
        }
        while slug.hasSuffix("-") { slug.removeLast() }
        // A tag of symbols only still needs an address of its own.
        return slug.isEmpty ? "tag-" + name.unicodeScalars.map { String($0.value, radix: 16) }.joined(separator: "-") : slug
    }
}

struct TagsPageView: Sendable, Hashable {
    struct Item: Sendable, Hashable {
        var name: String
        var url: String
        var count: Int
    }

    var tags: [Item]
}

struct TagPageView: Sendable, Hashable {
    var name: String
    var services: [ServiceSummaryView]
    var allTagsURL: String
}

extension ViewFactory {
    func tagsPage() -> PageContext<TagsPageView> {
        PageContext(
            site: site,
            meta: meta("Tags", description: "Services by keyword.", source: nil, crumbs: []),
            page: TagsPageView(tags: tagIndex.tags.map { .init(name: $0.name, url: url(.tag($0.slug)), count: $0.services.count) }))
    }

    func tagPage(_ tag: TagIndex.Tag) -> PageContext<TagPageView> {
        PageContext(
            site: site,
            meta: meta("Tag: \(tag.name)", description: "Services tagged \(tag.name).", source: nil,
                       crumbs: [LinkView(title: "Tags", url: url(.tags))]),
            page: TagPageView(name: tag.name, services: tag.services.compactMap(serviceSummary), allTagsURL: url(.tags)))
    }
}

// Template lookups by name: see `PageContext` for why.

extension TagsPageView: TemplateView {
    static let templateKeys: [String: PartialKeyPath<TagsPageView> & Sendable] = [
        "tags": \.tags,
    ]
}

extension TagsPageView.Item: TemplateView {
    static let templateKeys: [String: PartialKeyPath<TagsPageView.Item> & Sendable] = [
        "name": \.name,
        "url": \.url,
        "count": \.count,
    ]
}

extension TagPageView: TemplateView {
    static let templateKeys: [String: PartialKeyPath<TagPageView> & Sendable] = [
        "name": \.name,
        "services": \.services,
        "allTagsURL": \.allTagsURL,
    ]
}
