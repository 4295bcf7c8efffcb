// libFuzzer harness for the url-policy target; scripts/fuzz.sh builds and runs it.
// The work and the properties checked are in RemitCore's FuzzEntryPoints.urlPolicy,
// which Tests/RemitCoreTests/FuzzRegressionTests.swift replays on every input
// saved in Tests/Fuzz/regressions/url-policy/.
import Foundation
import RemitCore

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    fuzz(data, size, FuzzEntryPoints.urlPolicy)
}
