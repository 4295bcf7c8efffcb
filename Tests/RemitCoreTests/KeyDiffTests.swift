import PropertyBased
import Testing
@testable import RemitCore

/// `KeyDiff`, the shortest edit script behind redlines, against the standard library's.
@Suite struct KeyDiffTests {
    /// What is left of `old` after the removals, and of `new` after the insertions.
    static func kept(_ diff: KeyDiff, _ old: [UInt64], _ new: [UInt64]) -> ([UInt64], [UInt64]) {
        (old.indices.filter { !diff.removed[$0] }.map { old[$0] }, new.indices.filter { !diff.inserted[$0] }.map { new[$0] })
    }

    /// Few distinct values, so the sequences share runs and differ in places, as edited texts do.
    @Test func findsAShortestScriptAsTheStandardLibraryDoes() async {
        await propertyCheck(count: 400, input: Gen.uint64(in: 0...3).array(of: 0...40), Gen.uint64(in: 0...3).array(of: 0...40)) { old, new in
            let diff = KeyDiff(old: old[...], new: new[...])
            let (keptOld, keptNew) = Self.kept(diff, old, new)
            // What remains of both is one common subsequence…
            #expect(keptOld == keptNew, "\(old) → \(new)")
            // …and it is a longest one: the script is as short as the standard library's.
            let edits = diff.removed.filter { $0 }.count + diff.inserted.filter { $0 }.count
            #expect(edits == new.difference(from: old).count, "\(old) → \(new)")
            #expect(diff.removed.count == old.count + 1 && diff.inserted.count == new.count + 1 && diff.removed.last == false)
        }
    }

    /// Past `limit` differences it hands over to the standard library: still a shortest script.
    @Test func longScriptsAreLeftToTheStandardLibrary() {
        let old = (0..<400).map { UInt64($0) }
        let new = (0..<400).map { UInt64($0 + 1000) }
        let diff = KeyDiff(old: old[...], new: new[...])
        #expect(diff.removed.filter { $0 }.count == 400 && diff.inserted.filter { $0 }.count == 400)
        let interleaved = (0..<600).map { UInt64($0 % 2 == 0 ? $0 : $0 + 5000) }
        let half = (0..<600).map { UInt64($0) }
        let second = KeyDiff(old: half[...], new: interleaved[...])
        let (a, b) = Self.kept(second, half, interleaved)
        #expect(a == b && a.count == 300)
    }

    /// Slices are read from their start: offsets are the slice's own.
    @Test func slicesCountFromTheirStart() {
        let old: [UInt64] = [9, 9, 1, 2, 3]
        let new: [UInt64] = [9, 9, 1, 4, 3]
        let diff = KeyDiff(old: old[2...], new: new[2...])
        #expect(diff.removed == [false, true, false, false] && diff.inserted == [false, true, false, false])
    }
}
