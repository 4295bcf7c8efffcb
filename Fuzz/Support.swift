// Shared by every harness in Fuzz/ (scripts/fuzz.sh compiles it with each).
import Foundation

/// Runs one libFuzzer input through `check`, which returns the properties the
/// input broke; any makes the process abort, so libFuzzer saves the input.
func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int, _ check: ([UInt8]) -> [String]) -> CInt {
    let input = size == 0 ? [] : Array(UnsafeBufferPointer(start: data, count: size))
    let broken = check(input)
    if !broken.isEmpty {
        FileHandle.standardError.write(Data(("property broken:\n" + broken.joined(separator: "\n") + "\n").utf8))
        abort()
    }
    return 0
}
