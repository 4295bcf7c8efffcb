import Foundation
import Hummingbird
import RemitCore

/// `remit serve`: builds the site, serves it on 127.0.0.1 under `base_url`'s
/// path, rebuilds when content or templates change and reloads open tabs. A
/// failed build leaves the last good site served and shows its diagnostics,
/// in the terminal and over the page.
public struct PreviewServer: Sendable {
    public var options: BuildOptions
    public var port: Int
    /// Writes a build's diagnostics and summary (the CLI prints them), with
    /// how much of the last build the cache let it reuse.
    public var log: @Sendable (BuildReport, BuildCache, Duration) -> Void
    /// Called with the bound port and the site's path once the server listens.
    public var onListening: @Sendable (Int, String) -> Void
    /// Today for each rebuild, so a server left running past midnight moves
    /// with the calendar; nil keeps `options.today` (`--today`, `SOURCE_DATE_EPOCH`).
    public var today: (@Sendable () -> LocalDate)?
    /// Host names besides this machine's that may reach the preview (`--allow-host`).
    public var allowedHosts: [String] = []
    /// A connection with no request in progress, or a request whose headers
    /// never finish, is closed after this long.
    public var idleTimeout: Duration = .seconds(30)

    public init(options: BuildOptions, port: Int, log: @escaping @Sendable (BuildReport, BuildCache, Duration) -> Void, onListening: @escaping @Sendable (Int, String) -> Void) {
        self.options = options
        self.port = port
        self.log = log
        self.onListening = onListening
        self.today = nil
    }

    public func run() async throws {
        let hub = ReloadHub()
        let cache = CacheBox()
        var folders = [options.contentDirectory]
        if let templates = options.templatesDirectory { folders.append(templates) }
        // Watching starts before the first build: a save made while it runs,
        // or as soon as the server says it is listening, causes a rebuild.
        let watching = ContentWatcher(folders: folders)
        let started = watching.start()
        // The site's path is read from the first build; a changed base_url needs a restart.
        let basePath = await rebuild(hub: hub, cache: cache).basePath ?? "/"
        let files = SiteFiles(root: options.outputDirectory, basePath: basePath)

        // One catch-all route: a literal route under the base path would shadow
        // the catch-all for every other path below it in Hummingbird's trie.
        let router = Router(options: .autoGenerateHeadEndpoints)
        let responder: @Sendable (Request, BasicRequestContext) async throws -> Response = { request, _ in
            if request.uri.path == basePath + LiveReloadScript.eventsPath {
                return Self.events(hub: hub, request: request)
            }
            if request.uri.path == basePath + LiveReloadScript.path {
                return Self.bytes(Data(LiveReloadScript.source(basePath: basePath).utf8), type: "text/javascript; charset=utf-8")
            }
            return Self.serve(files.resolve(request.uri.path), files: files, build: await hub.generation)
        }
        router.get("/", use: responder)
        router.get("**", use: responder)
        let routes = router.buildResponder()
        let guardrail = RequestGuard(allowedHosts: allowedHosts)
        let boundPort = PortBox()
        let guarded = CallbackResponder<BasicRequestContext> { request, context in
            switch guardrail.check(method: request.method, host: request.head.authority, port: await boundPort.port) {
            case .allowed: return try await routes.respond(to: request, context: context)
            case .misdirected: return Self.plain(.misdirectedRequest, "Invalid Host header: this preview answers only on localhost (see --allow-host).\n")
            case .methodNotAllowed:
                var response = Self.plain(.methodNotAllowed, "Method not allowed: the preview only answers GET and HEAD.\n")
                response.headers[.allow] = "GET, HEAD"
                return response
            }
        }

        let onListening = self.onListening
        let app = Application(
            responder: guarded,
            server: .http1(configuration: .init(idleTimeout: .init(idleTimeout))),
            configuration: .init(address: .hostname("127.0.0.1", port: port), serverName: "remit"),
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? 0
                await boundPort.set(port)
                onListening(port, basePath)
            })
        let watcher = Task {
            await watching.watch(started) { paths in await rebuild(hub: hub, cache: cache, changed: paths) }
        }
        defer { watcher.cancel() }
        try await app.runService()
    }

    /// The port the server got (with `--port 0`, known only once it listens).
    actor PortBox {
        var port = 0
        func set(_ value: Int) { port = value }
    }

    static func plain(_ status: HTTPResponse.Status, _ text: String) -> Response {
        Response(status: status, headers: [.contentType: "text/plain; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    /// Holds what one build leaves for the next; the watcher builds one at a time.
    actor CacheBox {
        var cache = BuildCache()

        func build(_ options: BuildOptions, changed: [String]?) async -> (BuildReport, BuildCache) {
            // Taken out while the build runs, so the build's changes do not copy it.
            var current = cache
            cache = BuildCache()
            let report = await Pipeline.build(options, cache: &current, changed: changed)
            cache = current
            return (report, current)
        }
    }

    /// Builds, logs, and tells the open tabs; a failed build leaves the last good site in place.
    /// - Parameter changed: what the watcher saw change (nil: the first build, or unknown).
    @discardableResult
    func rebuild(hub: ReloadHub, cache: CacheBox, changed: [String]? = nil) async -> BuildReport {
        let clock = ContinuousClock()
        let started = clock.now
        var current = options
        if let today { current.today = today() }
        let (report, used) = await cache.build(current, changed: changed)
        log(report, used, clock.now - started)
        if let failure = report.environmentError {
            await hub.failed(failure + "\n")
        } else if report.wroteSite {
            await hub.reload()
        } else {
            let lines = SourceLineReader(contentDirectory: options.contentDirectory, templatesDirectory: options.templatesDirectory)
            await hub.failed(DiagnosticFormatter(format: .text).format(report.diagnostics, sourceLine: lines.line))
        }
        return report
    }

    /// A listening failure in one plain line: SwiftNIO's errors end with
    /// "(errno: 98)", which names the cause better than its wording.
    public static func describe(_ error: Error) -> String {
        let text = String(describing: error)
        if let range = text.range(of: "errno: "), let code = Int32(text[range.upperBound...].prefix(while: \.isNumber)) {
            return String(cString: strerror(code))
        }
        return text
    }

    static func serve(_ resolution: SiteFiles.Resolution, files: SiteFiles, build: Int) -> Response {
        switch resolution {
        case .file(let url):
            guard let data = FileManager.default.contents(atPath: url.path) else { return notFound(files, build: build) }
            return bytes(injectingReload(data, path: url.path, basePath: files.basePath, build: build), type: MediaTypes.type(forPath: url.path))
        case .redirect(let location):
            return Response(status: .movedPermanently, headers: [.location: location])
        case .notFound:
            return notFound(files, build: build)
        case .refused:
            return Response(status: .badRequest, headers: [.contentType: "text/plain; charset=utf-8"],
                            body: .init(byteBuffer: ByteBuffer(string: "Bad request: this path leaves the site.\n")))
        }
    }

    static func notFound(_ files: SiteFiles, build: Int) -> Response {
        let page = files.root.appendingPathComponent("404.html")
        // Before the first good build there is no 404 page; this one still
        // shows the build's errors and reloads once they are fixed.
        let data = FileManager.default.contents(atPath: page.path)
            ?? Data("<!DOCTYPE html><html lang=\"en\"><title>Not built yet</title><body><p>No site has been built yet.</p></body></html>".utf8)
        var response = bytes(injectingReload(data, path: "404.html", basePath: files.basePath, build: build), type: "text/html; charset=utf-8")
        response.status = .notFound
        return response
    }

    static func bytes(_ data: Data, type: String) -> Response {
        Response(status: .ok, headers: [.contentType: type, .cacheControl: "no-store"], body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// HTML pages get the live-reload script just before `</body>`, marked
    /// with the build they come from.
    static func injectingReload(_ data: Data, path: String, basePath: String, build: Int) -> Data {
        guard path.hasSuffix(".html"), let html = String(data: data, encoding: .utf8),
            let end = html.range(of: "</body>", options: .backwards)
        else { return data }
        return Data((html[..<end.lowerBound] + LiveReloadScript.tag(basePath: basePath, build: build) + "\n" + html[end.lowerBound...]).utf8)
    }

    /// The live-reload stream of one tab. A closed tab is dropped as soon as
    /// its connection closes (Hummingbird's inbound-close handler), not at the
    /// next broadcast: until then its socket would sit in CLOSE_WAIT, and a
    /// few hundred closed tabs use up the process's file descriptors.
    static func events(hub: ReloadHub, request: Request) -> Response {
        Response(
            status: .ok,
            headers: [.contentType: "text/event-stream", .cacheControl: "no-store"],
            body: ResponseBody { writer in
                let (id, stream) = await hub.subscribe()
                do {
                    try await request.body.consumeWithInboundCloseHandler { _ in
                        // Tells the browser to retry quickly if the server restarts.
                        try await writer.write(ByteBuffer(string: "retry: 500\n\n"))
                        for await message in stream.cancelOnGracefulShutdown() {
                            try await writer.write(ByteBuffer(string: message))
                        }
                    } onInboundClosed: {
                        Task { await hub.unsubscribe(id) }
                    }
                } catch {
                    await hub.unsubscribe(id)
                    throw error
                }
                await hub.unsubscribe(id)
                try await writer.finish(nil)
            })
    }
}
