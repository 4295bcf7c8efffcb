import Foundation

/// The open browser tabs, each listening on server-sent events: told to reload
/// after a good build, or shown the diagnostics after a failed one.
///
/// Browsers allow about six connections per host, so hidden tabs close their
/// stream and reconnect when shown again. Each connection first hears which
/// build is being served (`hello`), so a tab that missed a build while hidden
/// reloads then.
actor ReloadHub {
    private var clients: [UUID: AsyncStream<String>.Continuation] = [:]
    /// The last build's failure, told to tabs opened while it lasts.
    private var lastFailure: String?
    /// Counts good builds; pages are served marked with it.
    private(set) var generation = 0

    func subscribe() -> (UUID, AsyncStream<String>) {
        let (stream, continuation) = AsyncStream.makeStream(of: String.self, bufferingPolicy: .bufferingNewest(8))
        let id = UUID()
        clients[id] = continuation
        continuation.yield(Self.message("hello", String(generation)))
        if let lastFailure { continuation.yield(lastFailure) }
        return (id, stream)
    }

    func unsubscribe(_ id: UUID) {
        clients.removeValue(forKey: id)?.finish()
    }

    /// After a good build: every tab reloads.
    func reload() {
        generation += 1
        lastFailure = nil
        broadcast(Self.message("reload", String(generation)))
    }

    /// After a failed build: every tab shows the diagnostics.
    func failed(_ diagnostics: String) {
        let message = Self.message("failed", diagnostics)
        lastFailure = message
        broadcast(message)
    }

    private func broadcast(_ message: String) {
        for client in clients.values { client.yield(message) }
    }

    /// One server-sent event: `event: <name>` and the data, one `data:` line per line.
    static func message(_ event: String, _ data: String) -> String {
        let lines = data.split(separator: "\n", omittingEmptySubsequences: false).map { "data: \($0)" }
        return "event: \(event)\n" + lines.joined(separator: "\n") + "\n\n"
    }
}
