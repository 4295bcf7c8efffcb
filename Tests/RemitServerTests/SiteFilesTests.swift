import Foundation
import Testing
@testable import RemitServer

@Suite struct SiteFilesTests {
    /// A built site under /services/ with a page, an asset, a secret beside the
    /// site and symbolic links pointing out of it.
    static func site() throws -> (URL, SiteFiles) {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("remit-serve-\(UUID())")
        let site = root.appendingPathComponent("public")
        try FileManager.default.createDirectory(at: site.appendingPathComponent("hr/services/x"), withIntermediateDirectories: true)
        try "<html><body>home</body></html>".write(to: site.appendingPathComponent("index.html"), atomically: true, encoding: .utf8)
        try "<html><body>x</body></html>".write(to: site.appendingPathComponent("hr/services/x/index.html"), atomically: true, encoding: .utf8)
        try "body{}".write(to: site.appendingPathComponent("remit.css"), atomically: true, encoding: .utf8)
        try "secret".write(to: root.appendingPathComponent("secret.txt"), atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: site.appendingPathComponent("leak.txt").path, withDestinationPath: root.appendingPathComponent("secret.txt").path)
        try FileManager.default.createSymbolicLink(atPath: site.appendingPathComponent("up").path, withDestinationPath: root.path)
        return (root, SiteFiles(root: site, basePath: "/services/"))
    }

    @Test func servesPagesFoldersAndAssetsUnderTheBasePath() throws {
        let (root, files) = try Self.site()
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(files.resolve("/services/") == .file(files.root.appendingPathComponent("index.html")))
        #expect(files.resolve("/services/hr/services/x/?q=1") == .file(files.root.appendingPathComponent("hr/services/x/index.html")))
        #expect(files.resolve("/services/remit.css") == .file(files.root.appendingPathComponent("remit.css")))
        #expect(files.resolve("/services/hr/services/x") == .redirect("/services/hr/services/x/"))
        #expect(files.resolve("/") == .redirect("/services/"))
        #expect(files.resolve("/services") == .redirect("/services/"))
        #expect(files.resolve("/services/nope/") == .notFound)
        #expect(files.resolve("/other/") == .notFound)
    }

    @Test(arguments: [
        "/services/../secret.txt", "/services/%2e%2e/secret.txt", "/services/%2E%2E/secret.txt",
        "/services/hr/%2e%2e/%2e%2e/secret.txt", "/services/..%2fsecret.txt", "/services/%2e%2e%2fsecret.txt",
        "/services/..%5csecret.txt", "/services/hr\\..\\..\\secret.txt", "/services/./remit.css",
        "/services/leak.txt", "/services/up/secret.txt", "/services/%00index.html", "/services/%zz",
        "/services/hr/services/x/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd", "/../../etc/passwd",
        "//services/hr", "/services//hr", "/%2F/evil.example/",
    ])
    func refusesEveryWayOut(path: String) throws {
        let (root, files) = try Self.site()
        defer { try? FileManager.default.removeItem(at: root) }
        let resolution = files.resolve(path)
        #expect(resolution == .refused || resolution == .notFound, "\(path) → \(resolution)")
        if case .file = resolution { Issue.record("\(path) was served") }
        if case .redirect = resolution { Issue.record("\(path) was redirected") }
    }

    @Test func everyTabHearsTheBuildItIsOnAndTheLastFailure() async {
        let hub = ReloadHub()
        await hub.reload()
        await hub.failed("content/x.md:1:1: error: broken")
        let (_, stream) = await hub.subscribe()
        var iterator = stream.makeAsyncIterator()
        #expect(await iterator.next() == "event: hello\ndata: 1\n\n")
        #expect(await iterator.next() == "event: failed\ndata: content/x.md:1:1: error: broken\n\n")
        await hub.reload()
        #expect(await iterator.next() == "event: reload\ndata: 2\n\n")
    }

    @Test func contentTypes() {
        #expect(MediaTypes.type(forPath: "/a/index.html") == "text/html; charset=utf-8")
        #expect(MediaTypes.type(forPath: "/deadlines.ics") == "text/calendar; charset=utf-8")
        #expect(MediaTypes.type(forPath: "/changes.atom") == "application/atom+xml")
        #expect(MediaTypes.type(forPath: "/forms/A.PDF") == "application/pdf")
        #expect(MediaTypes.type(forPath: "/search/index.js") == "text/javascript; charset=utf-8")
        #expect(MediaTypes.type(forPath: "/noextension") == "application/octet-stream")
    }

    @Test func pagesGetTheReloadScriptAndNothingElseDoes() {
        let page = PreviewServer.injectingReload(Data("<html><body>x</body></html>".utf8), path: "/a/index.html", basePath: "/s/", build: 3)
        #expect(String(decoding: page, as: UTF8.self) == "<html><body>x<script src=\"/s/__remit/live.js\" data-remit-build=\"3\" defer></script>\n</body></html>")
        let css = Data("body{}".utf8)
        #expect(PreviewServer.injectingReload(css, path: "/a.css", basePath: "/", build: 3) == css)
    }
}
