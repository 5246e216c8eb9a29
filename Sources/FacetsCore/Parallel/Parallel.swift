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

    /// `first()` on this thread and `second()` on a thread of its own, side by side. Its own thread, not
    /// a dispatch worker: a `concurrentPerform` inside a worker's job runs on that one thread, so steps
    /// that split themselves again (the link graph beside the talks) would run one after the other.
    static func both<A: Sendable, B: Sendable>(_ first: @Sendable () -> A, _ second: @Sendable () -> B) -> (A, B) {
        withoutActuallyEscaping(second) { second in
            let made = Made<B>()
            guard let thread = ThreadWork.start({ made.value = second() }) else { return (first(), second()) }
            let a = first()
            pthread_join(thread, nil)
            guard let b = made.value.take() else { preconditionFailure("Parallel.both: joined without a result") }
            return (a, b)
        }
    }

    /// What a joined thread made: written by it, read after `pthread_join`, which orders the two.
    private final class Made<T: Sendable>: @unchecked Sendable {
        var value: T?
    }

    /// Work on a thread of its own (pthreads: joined, so the work is done and released when `both` returns).
    private final class ThreadWork: @unchecked Sendable {
        private let work: @Sendable () -> Void

        private init(_ work: @escaping @Sendable () -> Void) { self.work = work }

        /// The thread running `work`, or nil when none could be made (then nothing runs).
        static func start(_ work: @escaping @Sendable () -> Void) -> pthread_t? {
            var attributes = pthread_attr_t()
            pthread_attr_init(&attributes)
            defer { pthread_attr_destroy(&attributes) }
            pthread_attr_setstacksize(&attributes, 8 << 20)
            var thread = pthread_t()
            let context = Unmanaged.passRetained(ThreadWork(work)).toOpaque()
            let status = pthread_create(
                &thread, &attributes,
                { context in
                    guard let context else { return nil }
                    Unmanaged<ThreadWork>.fromOpaque(context).takeRetainedValue().work()
                    return nil
                }, context)
            guard status == 0 else {
                Unmanaged<ThreadWork>.fromOpaque(context).release()
                return nil
            }
            return thread
        }
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
