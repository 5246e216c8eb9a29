import Dispatch
import Foundation
import Synchronization

/// Work spread over every core, results gathered in index order. The one place where threads write
/// into shared memory: each index is written once, by one thread, into an array made for the results,
/// so callers need no locks and no `@unchecked Sendable` wrappers of their own.
enum Parallel {
    /// `transform(index)` for every index below `count`, on all cores (GCD hands out the indexes).
    static func map<T: Sendable>(count: Int, _ transform: @Sendable (Int) -> T) -> [T] {
        guard count > 1 else { return count == 1 ? [transform(0)] : [] }
        return [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            let slots = Slots(buffer)
            DispatchQueue.concurrentPerform(iterations: count) { index in
                slots.initialize(index, to: transform(index))
            }
            initialized = count
        }
    }

    /// `transform(state, index)` for every index below `count`, on one worker per core. Each worker
    /// makes its `state` once (buffers it reuses from index to index) and takes the next index when it
    /// is free, so a slow item (a large file) holds up one worker only.
    static func map<T: Sendable, State>(
        count: Int, perWorker makeState: @Sendable () -> State,
        _ transform: @Sendable (State, Int) -> T
    ) -> [T] {
        let workers = max(1, min(count, ProcessInfo.processInfo.activeProcessorCount))
        let next = Counter()
        return [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            let slots = Slots(buffer)
            DispatchQueue.concurrentPerform(iterations: workers) { _ in
                let state = makeState()
                while let index = next.take(below: count) {
                    slots.initialize(index, to: transform(state, index))
                }
            }
            initialized = count
        }
    }

    /// `first()` and `second()` side by side.
    static func both<A: Sendable, B: Sendable>(_ first: @Sendable () -> A, _ second: @Sendable () -> B) -> (A, B) {
        let halves = map(count: 2) { half -> Either<A, B> in half == 0 ? .first(first()) : .second(second()) }
        guard case .first(let a) = halves[0], case .second(let b) = halves[1] else {
            preconditionFailure("Parallel.both: halves out of order")
        }
        return (a, b)
    }

    private enum Either<A: Sendable, B: Sendable>: Sendable {
        case first(A)
        case second(B)
    }

    /// The results' memory, written at distinct indexes from the workers: sound because every index is
    /// initialized exactly once and read only after `concurrentPerform` returns.
    private struct Slots<T>: @unchecked Sendable {
        let buffer: UnsafeMutableBufferPointer<T>
        init(_ buffer: UnsafeMutableBufferPointer<T>) { self.buffer = buffer }
        func initialize(_ index: Int, to value: consuming T) { buffer.initializeElement(at: index, to: value) }
    }

    /// Hands out 0, 1, 2, … to whichever worker asks next.
    private final class Counter: Sendable {
        private let next = Atomic<Int>(0)
        func take(below limit: Int) -> Int? {
            let index = next.wrappingAdd(1, ordering: .relaxed).oldValue
            return index < limit ? index : nil
        }
    }
}
