import Dispatch
import Foundation

extension Array where Element: Sendable {
    /// `transform` applied to every element on up to `workers` threads, the results in the
    /// elements' order. One worker (or one element) maps in place on the calling thread.
    ///
    /// - Complexity: O(n) calls of `transform`, spread over `workers` threads.
    public func parallelMap<R: Sendable>(workers: Int, _ transform: @Sendable (Element) -> R) -> [R] {
        guard count > 1, workers > 1 else { return map(transform) }
        let results = ResultSlots<R>(count: count)
        let chunks = Swift.min(workers * 4, count)
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            var index = chunk
            while index < count {
                results.set(index, transform(self[index]))
                index += chunks
            }
        }
        return results.values()
    }
}

/// Slots written by parallel workers, each index exactly once.
private final class ResultSlots<R: Sendable>: @unchecked Sendable {
    private var slots: [R?]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: R) {
        lock.lock()
        slots[index] = value
        lock.unlock()
    }

    func values() -> [R] {
        lock.lock()
        defer { lock.unlock() }
        return slots.map { $0! }
    }
}

/// Per-chunk results of concurrent workers, each slot written by exactly one worker: what a
/// `DispatchQueue.concurrentPerform` over chunks fills, read once the workers are done.
public final class ChunkSlots<Element: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [[Element]]

    public init(count: Int) { slots = Array(repeating: [], count: count) }

    public func set(_ index: Int, _ values: [Element]) {
        lock.lock()
        slots[index] = values
        lock.unlock()
    }

    public func values() -> [[Element]] {
        lock.lock()
        defer { lock.unlock() }
        return slots
    }
}
