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

    @Test func schemesAreFoundEvenWhenObfuscated() {
        #expect(LinkResolver.scheme(of: "javascript:alert(1)") == "javascript")
        #expect(LinkResolver.scheme(of: "JaVaScRiPt:alert(1)") == "javascript")
        #expect(LinkResolver.scheme(of: "java\tscript:alert(1)") == "javascript")
        #expect(LinkResolver.scheme(of: " data:text/html,x") == "data")
        #expect(LinkResolver.scheme(of: "../rules/x.md") == nil)
        #expect(LinkResolver.scheme(of: "a/b:c.md") == nil)
        #expect(SafeURL.href("javascript:alert(1)") == nil)
        #expect(SafeURL.href("https://example.org") == "https://example.org")
    }
}
