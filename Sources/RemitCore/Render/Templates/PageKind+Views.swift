extension PageKind {
    /// What the page's template receives: checked against every template by
    /// `TemplateCheck`, and the type `ViewFactory` builds for the kind.
    var contextType: any TemplateView.Type {
        switch self {
        case .function: PageContext<FunctionPageView>.self
        case .service: PageContext<ServicePageView>.self
        case .rule: PageContext<RulePageView>.self
        case .journey: PageContext<JourneyPageView>.self
        case .freePage: PageContext<FreePageView>.self
        case .home: PageContext<HomePageView>.self
        case .glossary: PageContext<GlossaryPageView>.self
        case .aToZ: PageContext<AToZPageView>.self
        case .deadlines: PageContext<DeadlinesPageView>.self
        case .changes: PageContext<ChangesPageView>.self
        case .review: PageContext<ReviewPageView>.self
        case .performance: PageContext<PerformancePageView>.self
        case .tags: PageContext<TagsPageView>.self
        case .tag: PageContext<TagPageView>.self
        case .search, .notFound: PageContext<TitleOnlyView>.self
        }
    }
}
