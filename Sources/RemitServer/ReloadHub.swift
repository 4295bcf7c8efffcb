import Foundation

/// The open browser tabs, each listening on server-sent events: told to reload
/// after a good build, or shown the diagnostics after a failed one.
actor ReloadHub {
    private var clients: [UUID: AsyncStream<String>.Continuation] = [:]
    /// The last build's failure, told to tabs opened while it lasts.
    private var lastFailure: String?

    func subscribe() -> (UUID, AsyncStream<String>) {
        let (stream, continuation) = AsyncStream.makeStream(of: String.self, bufferingPolicy: .bufferingNewest(8))
        let id = UUID()
        clients[id] = continuation
        if let lastFailure { continuation.yield(lastFailure) }
        return (id, stream)
    }

    func unsubscribe(_ id: UUID) {
        clients.removeValue(forKey: id)?.finish()
    }

    /// One server-sent event: `event: <name>` and the data, one `data:` line per line.
    func send(_ event: String, _ data: String = "") {
        let lines = data.split(separator: "\n", omittingEmptySubsequences: false).map { "data: \($0)" }
        let message = "event: \(event)\n" + (lines.isEmpty ? "data:\n" : lines.joined(separator: "\n") + "\n") + "\n"
        lastFailure = event == "failed" ? message : nil
        for client in clients.values { client.yield(message) }
    }
}
