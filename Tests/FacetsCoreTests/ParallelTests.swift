import Foundation
import Synchronization
import Testing
@testable import FacetsCore

/// The one helper the load's parallel loops write their results through.
@Suite("Parallel")
struct ParallelTests {
    @Test("map gives every index's result in index order", arguments: [0, 1, 2, 3, 1000])
    func mapKeepsOrder(count: Int) {
        #expect(Parallel.map(count: count) { $0 * $0 } == (0..<count).map { $0 * $0 })
        let strings = Parallel.map(count: count) { String(repeating: "x", count: $0 % 50) }
        #expect(strings == (0..<count).map { String(repeating: "x", count: $0 % 50) }, "reference-counted results")
    }

    @Test("map with per-worker state runs each index once and makes a state per worker at most", arguments: [0, 1, 7, 5000])
    func perWorkerMap(count: Int) {
        let states = Count(), calls = Count()
        let results = Parallel.map(
            count: count,
            perWorker: { () -> Int in
                states.add()
            }
        ) { _, index -> String? in
            _ = calls.add()
            return index % 3 == 0 ? nil : "\(index)"
        }
        #expect(results == (0..<count).map { $0 % 3 == 0 ? nil : "\($0)" })
        #expect(calls.value == count)
        #expect(states.value <= max(1, min(count, ProcessInfo.processInfo.activeProcessorCount)))
    }

    @Test("both runs the two halves and returns them in order")
    func bothHalves() {
        let (numbers, text) = Parallel.both({ Array(0..<100) }, { "second" })
        #expect(numbers == Array(0..<100) && text == "second")
    }

    /// A counter the workers share.
    final class Count: Sendable {
        private let count = Atomic<Int>(0)
        func add() -> Int { count.wrappingAdd(1, ordering: .relaxed).oldValue }
        var value: Int { count.load(ordering: .relaxed) }
    }
}
