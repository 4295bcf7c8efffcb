import Foundation
@testable import RemitCore
import Testing

/// A feed written in pieces (`OutputFile.Contents.pieces`) is the same file,
/// with the same fingerprints, as its text written whole.
@Suite struct TextPiecesTests {
    @Test func shortTextsGatherIntoPiecesAndAMadeTextStandsAlone() {
        var pieces = TextPieces()
        let line = String(repeating: "x", count: 999) + "\n"
        for _ in 0..<200 { pieces.append(line) }
        let entry = String(repeating: "entry ", count: 10)
        pieces.appendPiece(entry)
        pieces.append("tail\n")
        let finished = pieces.finished
        #expect(finished.joined() == String(repeating: line, count: 200) + entry + "tail\n")
        #expect(pieces.joined == finished.joined())
        // 200 KB of short lines: a few pieces of 64 KiB or more, not 200.
        let gathered = finished.prefix { $0 != entry }
        #expect(gathered.count == 4)
        #expect(gathered.dropLast().allSatisfy { $0.utf8.count >= 1 << 16 })
        #expect(finished.suffix(2) == [entry, "tail\n"])
    }

    @Test func piecesAreWrittenAndFingerprintedAsTheirJoin() async throws {
        let parts = ["{\n  \"a\" : ", "\"Straße\"", "", ",\n  \"b\" : [\n    1\n  ]\n}\n"]
        let whole = parts.joined()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pieces-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let written = folder.appendingPathComponent("catalogue.json")
        try OutputFile.Contents.pieces(parts).writeWithoutSync(to: written)
        #expect(try Data(contentsOf: written) == Data(whole.utf8))

        let split = OutputFile(path: "catalogue.json", contents: .pieces(parts))
        let joined = OutputFile.text("catalogue.json", whole)
        #expect(split.byteCount == whole.utf8.count)
        #expect(split.contents.data == Data(whole.utf8))
        #expect(split.fingerprint == joined.fingerprint)
        #expect(split.fingerprint != OutputFile.text("catalogue.json", whole + " ").fingerprint)
        // `remit diff` folds a page's white space, across pieces too.
        let page = await SiteFingerprint([OutputFile(path: "a/index.html", contents: .pieces(["<p>one  \n", "\n two</p>"]))])
        let same = await SiteFingerprint([OutputFile.text("a/index.html", "<p>one two</p>")])
        let other = await SiteFingerprint([OutputFile.text("a/index.html", "<p>one tw</p>")])
        #expect(page.changed(comparedTo: same).isEmpty)
        #expect(page.changed(comparedTo: other) == ["a/index.html"])
    }
}
