import Mustache

// swift-mustache looks up each template variable by reflection (`Mirror`) on every
// value of the context stack, which took about half of a 10,000-page build.
// Views answer by name instead. `TemplateLookupTests` walks every view of
// real builds and checks each stored property answers here with its value,
// so a field added to a view but not listed below fails a test.

extension MonthGroup: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "name": self.name
        case "id": self.id
        case "items": self.items
        default: nil
        }
    }
}

extension DeadlineItemView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "date": self.date
        case "what": self.what
        case "service": self.service
        case "function": self.function
        default: nil
        }
    }
}

extension ChangeItemView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "date": self.date
        case "isTakingEffect": self.isTakingEffect
        case "summary": self.summary
        case "rule": self.rule
        case "busyWeek": self.busyWeek
        default: nil
        }
    }
}

extension DeadlinesPageView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "upcoming": self.upcoming
        case "past": self.past
        case "calendarURL": self.calendarURL
        default: nil
        }
    }
}

extension ChangesPageView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "upcoming": self.upcoming
        case "recent": self.recent
        case "busyWeeks": self.busyWeeks
        case "limit": self.limit
        case "recentDays": self.recentDays
        case "feedURL": self.feedURL
        default: nil
        }
    }
}

extension ChangesPageView.BusyWeekView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "label": self.label
        case "rules": self.rules
        default: nil
        }
    }
}

extension ReviewPageView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "overdue": self.overdue
        case "dueSoon": self.dueSoon
        case "horizonDays": self.horizonDays
        case "today": self.today
        default: nil
        }
    }
}

extension ReviewPageView.FunctionGroup: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "function": self.function
        case "owners": self.owners
        default: nil
        }
    }
}

extension ReviewPageView.OwnerGroup: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "owner": self.owner
        case "items": self.items
        default: nil
        }
    }
}

extension ReviewPageView.ItemView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "rule": self.rule
        case "reviewBy": self.reviewBy
        case "status": self.status
        default: nil
        }
    }
}

extension LinkView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "title": self.title
        case "url": self.url
        default: nil
        }
    }
}

extension DateView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "iso": self.iso
        case "text": self.text
        default: nil
        }
    }
}

extension SiteView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "title": self.title
        case "organisation": self.organisation
        case "base": self.base
        case "functions": self.functions
        case "offline": self.offline
        default: nil
        }
    }
}

extension PageMeta: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "title": self.title
        case "description": self.description
        case "breadcrumbs": self.breadcrumbs
        case "editURL": self.editURL
        case "section": self.section
        case "scripts": self.scripts
        case "lastUpdated": self.lastUpdated
        default: nil
        }
    }
}

extension PageContext: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "site": self.site
        case "meta": self.meta
        case "page": self.page
        default: nil
        }
    }
}

extension RuleSummaryView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "title": self.title
        case "url": self.url
        case "whyURL": self.whyURL
        case "summary": self.summary
        case "status": self.status
        case "function": self.function
        default: nil
        }
    }
}

extension StatusView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "label": self.label
        case "name": self.name
        case "isNotInForce": self.isNotInForce
        default: nil
        }
    }
}

extension ServiceSummaryView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "title": self.title
        case "url": self.url
        case "summary": self.summary
        case "turnaround": self.turnaround
        case "inputBy": self.inputBy
        case "function": self.function
        default: nil
        }
    }
}

extension FunctionPageView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "title": self.title
        case "summary": self.summary
        case "owner": self.owner
        case "contact": self.contact
        case "provides": self.provides
        case "doesNotProvide": self.doesNotProvide
        case "services": self.services
        case "rules": self.rules
        case "bodyHTML": self.bodyHTML
        default: nil
        }
    }
}

extension FunctionPageView.HandoffView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "what": self.what
        case "goTo": self.goTo
        default: nil
        }
    }
}

extension FunctionPageView.ContactView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "email": self.email
        case "emailHref": self.emailHref
        case "phone": self.phone
        case "channel": self.channel
        case "hours": self.hours
        default: nil
        }
    }
}

extension HomePageView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "functions": self.functions
        case "journeys": self.journeys
        case "pages": self.pages
        case "nextDeadlines": self.nextDeadlines
        case "comingChanges": self.comingChanges
        case "changeWindowDays": self.changeWindowDays
        default: nil
        }
    }
}

extension HomePageView.FunctionCard: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "title": self.title
        case "url": self.url
        case "summary": self.summary
        case "counts": self.counts
        default: nil
        }
    }
}

extension SummaryLink: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "title": self.title
        case "url": self.url
        case "summary": self.summary
        default: nil
        }
    }
}

extension GlossaryPageView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "entries": self.entries
        default: nil
        }
    }
}

extension GlossaryPageView.EntryView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "term": self.term
        case "id": self.id
        case "meaning": self.meaning
        case "aka": self.aka
        default: nil
        }
    }
}

extension AToZPageView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "groups": self.groups
        default: nil
        }
    }
}

extension AToZPageView.Group: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "letter": self.letter
        case "id": self.id
        case "items": self.items
        default: nil
        }
    }
}

extension AToZPageView.Item: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "title": self.title
        case "url": self.url
        case "kind": self.kind
        default: nil
        }
    }
}

extension FreePageView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "title": self.title
        case "summary": self.summary
        case "bodyHTML": self.bodyHTML
        default: nil
        }
    }
}

extension TitleOnlyView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "title": self.title
        default: nil
        }
    }
}

extension JourneyPageView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "title": self.title
        case "summary": self.summary
        case "steps": self.steps
        case "total": self.total
        case "planner": self.planner
        case "bodyHTML": self.bodyHTML
        default: nil
        }
    }
}

extension JourneyPageView.StepView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "number": self.number
        case "service": self.service
        case "function": self.function
        case "turnaround": self.turnaround
        case "inputBy": self.inputBy
        case "note": self.note
        default: nil
        }
    }
}

extension PlannerView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "sentence": self.sentence
        case "question": self.question
        case "isJourney": self.isJourney
        case "businessDays": self.businessDays
        case "holidays": self.holidays
        case "steps": self.steps
        case "inputBy": self.inputBy
        default: nil
        }
    }
}

extension RulePageView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "title": self.title
        case "summary": self.summary
        case "function": self.function
        case "status": self.status
        case "isProposed": self.isProposed
        case "consultUntil": self.consultUntil
        case "effective": self.effective
        case "takesEffectLater": self.takesEffectLater
        case "reviewBy": self.reviewBy
        case "isOverdueForReview": self.isOverdueForReview
        case "owner": self.owner
        case "appliesTo": self.appliesTo
        case "supersedes": self.supersedes
        case "supersededBy": self.supersededBy
        case "fullPolicy": self.fullPolicy
        case "exceptions": self.exceptions
        case "changes": self.changes
        case "feedbackURL": self.feedbackURL
        case "bodyHTML": self.bodyHTML
        default: nil
        }
    }
}

extension RulePageView.ChangeView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "date": self.date
        case "summary": self.summary
        default: nil
        }
    }
}

extension ServicePageView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "title": self.title
        case "summary": self.summary
        case "function": self.function
        case "turnaround": self.turnaround
        case "inputBy": self.inputBy
        case "deadlines": self.deadlines
        case "request": self.request
        case "youProvide": self.youProvide
        case "rules": self.rules
        case "journeys": self.journeys
        case "tags": self.tags
        case "planner": self.planner
        case "bodyHTML": self.bodyHTML
        default: nil
        }
    }
}

extension ServicePageView.DeadlineView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "date": self.date
        case "what": self.what
        case "isPast": self.isPast
        default: nil
        }
    }
}

extension ServicePageView.RequestView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "href": self.href
        case "label": self.label
        case "isEmail": self.isEmail
        default: nil
        }
    }
}

extension TagsPageView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "tags": self.tags
        default: nil
        }
    }
}

extension TagsPageView.Item: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "name": self.name
        case "url": self.url
        case "count": self.count
        default: nil
        }
    }
}

extension TagPageView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "name": self.name
        case "services": self.services
        case "allTagsURL": self.allTagsURL
        default: nil
        }
    }
}
