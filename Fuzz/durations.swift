// libFuzzer harness for the durations target; scripts/fuzz.sh builds and runs it.
// The work and the properties checked are in RemitCore's FuzzEntryPoints.durations,
// which Tests/RemitCoreTests/FuzzRegressionTests.swift replays on every input
// saved in Tests/Fuzz/regressions/durations/.
import Foundation
import RemitCore

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    fuzz(data, size, FuzzEntryPoints.durations)
}
