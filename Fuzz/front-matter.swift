// libFuzzer harness for the front-matter target; scripts/fuzz.sh builds and runs it.
// The work and the properties checked are in RemitCore's FuzzEntryPoints.frontMatter,
// which Tests/RemitCoreTests/FuzzRegressionTests.swift replays on every input
// saved in Tests/Fuzz/regressions/front-matter/.
import Foundation
import RemitCore

let entry = FuzzEntryPoints(content: URL(fileURLWithPath: ProcessInfo.processInfo.environment["REMIT_FUZZ_CONTENT"] ?? "content"))

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    fuzz(data, size, entry.frontMatter)
}
