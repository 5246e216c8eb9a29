import Testing
@testable import FacetsCore

/// The debounce rule, fed with instants: a pause makes a batch due, a stream of edits is bounded by
/// `maxDelay`, a bulk change waits for its pause, and lost events mark the batch.
@Suite("Change debouncer")
struct ChangeDebouncerTests {
    let start = ContinuousClock.now
    func at(_ milliseconds: Int) -> ContinuousClock.Instant { start + .milliseconds(milliseconds) }
    func change(_ path: String) -> [FileChange] { [FileChange(path: path, kind: .modified)] }

    @Test("many writes close together are one batch, due once they pause")
    func coalesces() {
        var debouncer = ChangeDebouncer(quiet: .milliseconds(200), maxDelay: .milliseconds(800))
        #expect(debouncer.deadline == nil)
        for k in 0..<50 { debouncer.add(change("n\(k % 10).md"), at: at(k * 2)) }
        #expect(debouncer.take(at: at(150)) == nil, "not due while the writes go on")
        #expect(debouncer.deadline == at(98 + 200))
        let batch = debouncer.take(at: at(298))
        #expect(batch?.paths == Set((0..<10).map { "n\($0).md" }))
        #expect(batch?.lost == false)
        #expect(debouncer.deadline == nil && debouncer.take(at: at(5000)) == nil, "taken once")
    }

    @Test("a file written without pause still shows, maxDelay after the first write")
    func boundedLatency() {
        var debouncer = ChangeDebouncer(quiet: .milliseconds(200), maxDelay: .milliseconds(800))
        var due: ContinuousClock.Instant?
        for k in 0..<100 {
            let now = at(k * 100)
            if debouncer.take(at: now) != nil, due == nil { due = now }
            debouncer.add(change("log.md"), at: now)
        }
        #expect(due == at(800))
    }

    @Test("a bulk change (a checkout) waits for its pause rather than maxDelay, up to maxBulkDelay")
    func bulkWaits() {
        var debouncer = ChangeDebouncer(quiet: .milliseconds(200), maxDelay: .milliseconds(800), bulk: 100, maxBulkDelay: .seconds(10))
        // 10,000 files over three seconds, never pausing 200 ms.
        for k in 0..<10_000 { debouncer.add(change("f\(k).md"), at: at(k * 3 / 10)) }
        #expect(debouncer.take(at: at(2000)) == nil, "not cut at maxDelay")
        #expect(debouncer.take(at: at(3199))?.paths.count == 10_000, "one batch once the checkout paused")

        var endless = ChangeDebouncer(quiet: .milliseconds(200), maxDelay: .milliseconds(800), bulk: 100, maxBulkDelay: .seconds(10))
        for k in 0..<20_000 { endless.add(change("g\(k).md"), at: at(k)) }
        #expect(endless.deadline == at(10_000), "a bulk change that never pauses is still shown")
    }

    @Test("lost events mark the batch, which is then due as a bulk one")
    func lostEvents() {
        var debouncer = ChangeDebouncer(quiet: .milliseconds(200), maxDelay: .milliseconds(800))
        debouncer.add([FileChange(path: "", kind: .lost, isFolder: true)], at: at(0))
        let batch = debouncer.take(at: at(200))
        #expect(batch?.lost == true)
        #expect(batch?.paths.isEmpty == true)
    }
}
