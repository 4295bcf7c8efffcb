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

/// Lets go of `value` on another thread. Freeing a big build's values took a
/// fiftieth of it, on one core after everything else was done; a command
/// that exits next need not wait for it at all.
func releaseInBackground(_ value: consuming some Sendable) {
    Task.detached(priority: .background) { withExtendedLifetime(value) {} }
}
