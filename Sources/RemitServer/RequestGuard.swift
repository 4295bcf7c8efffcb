import Foundation
import HTTPTypes

/// What the preview server answers before it looks at a path.
///
/// - Only `Host` values naming this machine (`localhost`, `127.0.0.1`,
///   `[::1]`, with or without the port) or one the user allowed: a page on
///   another site that rebinds its own host name to 127.0.0.1 would otherwise
///   read the preview and its diagnostics (webpack-dev-server and Vite refuse
///   the same way).
/// - Only GET and HEAD: the preview has nothing to change.
public struct RequestGuard: Sendable {
    public enum Verdict: Equatable, Sendable {
        case allowed
        case misdirected
        case methodNotAllowed
    }

    static let loopbackHosts: Set<String> = ["localhost", "127.0.0.1", "[::1]"]
    /// Host names (lowercased), without a port.
    let hosts: Set<String>

    public init(allowedHosts: [String] = []) {
        hosts = Self.loopbackHosts.union(allowedHosts.map { Self.split($0).host })
    }

    public func check(method: HTTPRequest.Method, host: String?, port: Int) -> Verdict {
        guard let host, !host.isEmpty else { return .misdirected }
        let (name, hostPort) = Self.split(host)
        guard hosts.contains(name), hostPort == nil || hostPort == port else { return .misdirected }
        guard method == .get || method == .head else { return .methodNotAllowed }
        return .allowed
    }

    /// `Example.ORG:4000` → ("example.org", 4000); `[::1]:4000` → ("[::1]", 4000).
    static func split(_ host: String) -> (host: String, port: Int?) {
        let text = host.lowercased()
        let portStart = text.hasPrefix("[") ? text.range(of: "]:")?.upperBound : text.lastIndex(of: ":").map { text.index(after: $0) }
        guard let portStart else { return (text, nil) }
        let name = String(text[..<text.index(portStart, offsetBy: -1)])
        return (name, Int(text[portStart...]) ?? -1)
    }
}
