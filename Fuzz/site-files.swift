// libFuzzer harness for the site-files target (remit serve's path resolution,
// RemitServer's SiteFiles); scripts/fuzz.sh builds and runs it. The input is a
// request path as Hummingbird hands it over (`request.uri.path`). RemitCore
// cannot see RemitServer, so the properties are checked here:
// - a file served is a regular file inside the site, symbolic links resolved;
// - a redirect goes to a path on this host: it starts with one '/', has no
//   backslash right after it, no control character and no scheme.
import Foundation
import RemitServer

/// A built site with a page, a folder without index.html, odd file names, a
/// secret beside the site and symbolic links leading out of it (as in
/// Tests/RemitServerTests/SiteFilesTests.swift).
let sites: [SiteFiles] = {
    let fm = FileManager.default
    let root = fm.temporaryDirectory.appendingPathComponent("remit-fuzz-site-\(getpid())")
    let site = root.appendingPathComponent("public")
    try? fm.removeItem(at: root)
    for folder in ["hr/services/x", "search", "empty", "a b", "é"] {
        try! fm.createDirectory(at: site.appendingPathComponent(folder), withIntermediateDirectories: true)
    }
    for file in ["index.html", "hr/services/x/index.html", "remit.css", "search/index.js", "a b/index.html", "é/index.html", "100%.txt"] {
        try! Data("x".utf8).write(to: site.appendingPathComponent(file))
    }
    try! Data("secret".utf8).write(to: root.appendingPathComponent("secret.txt"))
    try? fm.createSymbolicLink(atPath: site.appendingPathComponent("leak.txt").path, withDestinationPath: root.appendingPathComponent("secret.txt").path)
    try? fm.createSymbolicLink(atPath: site.appendingPathComponent("up").path, withDestinationPath: root.path)
    try? fm.createSymbolicLink(atPath: site.appendingPathComponent("inside").path, withDestinationPath: site.appendingPathComponent("hr").path)
    atexit { try? FileManager.default.removeItem(atPath: FileManager.default.temporaryDirectory.appendingPathComponent("remit-fuzz-site-\(getpid())").path) }
    return [SiteFiles(root: site, basePath: "/"), SiteFiles(root: site, basePath: "/services/")]
}()

func broken(_ path: String, _ files: SiteFiles) -> String? {
    switch files.resolve(path) {
    case .file(let url):
        var isDirectory: ObjCBool = false
        let real = url.resolvingSymlinksInPath().path
        guard real.hasPrefix(files.root.path + "/") else { return "served \(real), outside \(files.root.path)" }
        guard FileManager.default.fileExists(atPath: real, isDirectory: &isDirectory), !isDirectory.boolValue else { return "served \(real), not a file" }
        guard url.path == real else { return "served \(url.path) through a symbolic link" }
    case .redirect(let location):
        let scalars = Array(location.unicodeScalars)
        guard scalars.first == "/", scalars.dropFirst().first.map({ $0 != "/" && $0 != "\\" }) ?? true else { return "redirected to another host: \(location)" }
        guard !scalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) else { return "redirect with a control character: \(location.debugDescription)" }
    case .notFound, .refused:
        break
    }
    return nil
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    fuzz(data, size) { input in
        let path = String(decoding: input, as: UTF8.self)
        return sites.compactMap { files in broken(path, files).map { "base \(files.basePath), path \(path.debugDescription): \($0)" } }
    }
}
