/// A one-off build lets the pages' Markdown go once every check has read it:
/// rendering reads a page's file for its paths alone, and the text was a
/// fifth of a 100,000-page build's memory (538 MB), kept through rendering.
extension PageSource {
    /// The same page with its file's paths and no text.
    var withoutText: PageSource {
        PageSource(file: SourceFile(relativePath: file.relativePath, displayPath: file.displayPath, text: ""), body: "", bodyFirstLine: bodyFirstLine)
    }
}

extension Catalogue {
    /// Every page's source without its text (data files keep theirs: they are few and small).
    var withoutPageText: Catalogue {
        var catalogue = self
        for index in catalogue.functions.indices { catalogue.functions[index].source = functions[index].source.withoutText }
        catalogue.services = services.mapValues { service in
            var service = service
            service.source = service.source.withoutText
            return service
        }
        catalogue.rules = rules.mapValues { rule in
            var rule = rule
            rule.source = rule.source.withoutText
            return rule
        }
        for index in catalogue.journeys.indices { catalogue.journeys[index].source = journeys[index].source.withoutText }
        for index in catalogue.pages.indices { catalogue.pages[index].source = pages[index].source.withoutText }
        return catalogue
    }
}

extension SiteMap {
    var withoutPageText: SiteMap {
        var map = self
        map.bySourcePath = bySourcePath.mapValues { entry in
            var entry = entry
            entry.source = entry.source.withoutText
            return entry
        }
        return map
    }
}

extension CheckedSite {
    /// What rendering needs of the site once it is checked, without the pages' text.
    /// The jobs keep theirs for the functions, journeys and free pages they
    /// make (a page kind's job holds its page; services and rules, nearly
    /// every page, are held by key).
    var withoutPageText: CheckedSite {
        var site = self
        site.catalogue = catalogue.withoutPageText
        site.siteMap = siteMap.withoutPageText
        site.factory.replacePages(catalogue: site.catalogue, siteMap: site.siteMap, bodies: factory.bodies)
        return site
    }
}
