import Foundation

extension Array where Element: Sendable {
    /// `map`, on every core, in order. Each lane takes every n-th element and
    /// writes only its own slots, so no lock is needed.
    func mapOnEveryCore<T: Sendable>(_ transform: @Sendable (Element) -> T) -> [T] {
        let lanes = Swift.min(Swift.max(ProcessInfo.processInfo.activeProcessorCount, 1), Swift.max(count, 1))
        return [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            nonisolated(unsafe) let slots = buffer
            DispatchQueue.concurrentPerform(iterations: lanes) { lane in
                for index in stride(from: lane, to: count, by: lanes) {
                    (slots.baseAddress! + index).initialize(to: transform(self[index]))
                }
            }
            initialized = count
        }
    }
}
