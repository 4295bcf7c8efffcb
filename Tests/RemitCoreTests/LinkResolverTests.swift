import Testing
@testable import RemitCore

@Suite struct LinkResolverTests {
    @Test func joinNormalisesAndRefusesToClimbOut() {
        #expect(LinkResolver.join("hr/services/x.md", "../rules/y.md") == "hr/rules/y.md")
        #expect(LinkResolver.join("hr/services/x.md", "./z.md") == "hr/services/z.md")
        #expect(LinkResolver.join("hr/services/x.md", "../../legal/index.md") == "legal/index.md")
        #expect(LinkResolver.join("hr/index.md", "../../etc/passwd") == nil)
        #expect(LinkResolver.join("hr/index.md", "/finance/index.md") == "finance/index.md")
    }
}

@Suite struct URLPolicyTests {
    /// Every value here runs script or loads another origin's content in a
    /// browser, once the browser's own clean-up (WHATWG) has run.
    static let hostile = [
        "javascript:alert(1)", "JAVASCRIPT:alert(1)", "java\tscript:alert(1)", "java\nscript:alert(1)",
        "\u{1}javascript:alert(document.domain)", " \u{1F}javascript:alert(1)", "javascript\u{0}:alert(1)",
        "\u{7F}javascript:alert(1)", "https://ok.example/\u{85}x", "data:text/html;base64,PHNjcmlwdD4=", "vbscript:x", "file:///etc/passwd",
    ]

    @Test(arguments: hostile)
    func hostileURLsAreRefused(url: String) {
        #expect(throws: URLPolicy.Refusal.self) { try URLPolicy.check(url).get() }
        #expect(URLPolicy.href(url) == nil)
    }

    @Test func schemesAreFoundAsBrowsersFindThem() throws {
        #expect(URLPolicy.scheme(of: "HTTPS://x.example") == "https")
        #expect(URLPolicy.scheme(of: "../rules/x.md") == nil)
        #expect(URLPolicy.scheme(of: "a/b:c.md") == nil)
        #expect(URLPolicy.scheme(of: "1abc:x") == nil)
        #expect(try URLPolicy.check("  https://x.example/a\tb  ").get() == .init(url: "https://x.example/ab", scheme: "https"))
    }

    @Test func whatURLsMayNotHoldIsPercentEncoded() throws {
        #expect(try URLPolicy.check("mailto:team@x.example?subject=Feedback on Leave").get().url == "mailto:team@x.example?subject=Feedback%20on%20Leave")
        #expect(try URLPolicy.check(#"https://x.example/a"b<c>\d"#).get().url == "https://x.example/a%22b%3Cc%3E%5Cd")
        #expect(try URLPolicy.check("https://x.example/a%20b").get().url == "https://x.example/a%20b")
    }

    @Test func httpNeedsAHost() {
        #expect(URLPolicy.href("https:evil.example") == nil)
        #expect(URLPolicy.href("https:///evil.example") == nil)
        #expect(URLPolicy.href("https://ok.example/") == "https://ok.example/")
    }

    @Test func emailAddresses() throws {
        #expect(try URLPolicy.mailto("team@x.example").get() == "mailto:team@x.example")
        for bad in ["team", "a@b@c", "a b@c", "x@y?cc=z", "javascript:x@y", "a@\u{1}b"] {
            #expect(throws: URLPolicy.Refusal.self, "\(bad)") { try URLPolicy.mailto(bad).get() }
        }
    }

    @Test func baseURLsThatNameAnotherHostOrHoldControlsAreRefused() throws {
        for bad in ["//evil.example/", "https://evil.example//x/", "/a/\u{0}/", "https://in\u{1}tra.example/", "/a b/", "javascript:alert(1)", "https://x.example/a/../b/", "https://ev il.example/"] {
            #expect(throws: URLPolicy.Refusal.self, "\(bad)") { try BaseURL.parse(bad).get() }
        }
        let base = try BaseURL.parse("HTTPS://Intranet.example:8443/services").get()
        #expect(base.path == "/services/")
        #expect(base.origin == "https://Intranet.example:8443")
    }
}
