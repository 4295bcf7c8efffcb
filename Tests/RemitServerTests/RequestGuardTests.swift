import HTTPTypes
import RemitServer
import Testing

@Suite struct RequestGuardTests {
    let guardrail = RequestGuard(allowedHosts: ["Preview.LAN"])

    @Test(arguments: ["localhost:4000", "127.0.0.1:4000", "[::1]:4000", "LOCALHOST", "preview.lan:4000", "preview.lan"])
    func thisMachineAndAllowedHostsAreAnswered(host: String) {
        #expect(guardrail.check(method: .get, host: host, port: 4000) == .allowed)
        #expect(guardrail.check(method: .head, host: host, port: 4000) == .allowed)
    }

    /// DNS rebinding: a page on another site whose name now points at 127.0.0.1.
    @Test(arguments: ["evil.example", "evil.example:4000", "localhost:4001", "127.0.0.1.evil.example:4000", "[::1]x", "", "localhost:"])
    func otherHostsAreMisdirected(host: String) {
        #expect(guardrail.check(method: .get, host: host, port: 4000) == .misdirected)
    }

    @Test func aMissingHostIsMisdirectedAndWritesAreNotAllowed() {
        #expect(guardrail.check(method: .get, host: nil, port: 4000) == .misdirected)
        for method in [HTTPRequest.Method.post, .put, .delete, .patch, .options] {
            #expect(guardrail.check(method: method, host: "localhost:4000", port: 4000) == .methodNotAllowed)
        }
    }
}
