import Synchronization
import Dispatch
import Foundation
import FacetsBundledContent
import Testing
@testable import FacetsCore

@Suite("Search index built in the background")
struct BackgroundSearchIndexTests {
    static let vault = Vault(origin: "bundled", files: BundledContent.files.map { SourceFile(path: $0.path, text: $0.text) })

    @Test("It answers as an index built in place, and says when it is ready")
    func sameAnswers() {
        let direct = SearchIndex(vault: Self.vault)
        let background = BackgroundSearchIndex(vault: Self.vault)
        for text in ["silo", "denmark", "mission oriented", "anticip", "zzzz"] {
            let query = SearchQuery(text)
            #expect(background.index.search(query, vault: Self.vault) == direct.search(query, vault: Self.vault), "\(text)")
        }
        #expect(background.isReady)
        #expect(!direct.search(SearchQuery("silo"), vault: Self.vault).isEmpty, "the comparison is not between two empty answers")
    }

    @Test("Making one starts nothing; start() builds it on another thread")
    func startsOnlyWhenAsked() {
        let background = BackgroundSearchIndex(vault: Self.vault)
        Thread.sleep(forTimeInterval: 0.2)
        #expect(!background.isReady, "nothing was built before start()")
        background.start()
        background.start()
        let deadline = Date().addingTimeInterval(30)
        while !background.isReady, Date() < deadline { Thread.sleep(forTimeInterval: 0.01) }
        #expect(background.isReady, "start() built it without anyone asking for the index")
    }

    @Test("Many threads asking at once, before it is done, all get it")
    func concurrentWaiters() {
        let vault = Vault(
            origin: "generated",
            files: (0..<3_000).map { number in
                SourceFile(path: "note_\(number).md", text: "---\ntitle: Note \(number)\n---\nword\(number % 97) and [[note_\(number / 2)]]\n")
            })
        let background = BackgroundSearchIndex(vault: vault)
        background.start()
        let counts = Mutex<[Int]>([])
        DispatchQueue.concurrentPerform(iterations: 8) { _ in
            let hits = background.index.search(SearchQuery("word5"), vault: vault)
            counts.withLock { $0.append(hits.count) }
        }
        let seen = counts.withLock { $0 }
        #expect(seen.count == 8)
        #expect(Set(seen).count == 1 && (seen.first ?? 0) > 0, "\(seen)")
    }
}

@Suite("Search index structure")
struct SearchIndexStructureTests {
    @Test("The one- and two-character prefix sets hold exactly the notes of the terms with that prefix")
    func shortPrefixes() {
        let files =
            BundledContent.files.map { SourceFile(path: $0.path, text: $0.text) } + [
                SourceFile(path: "odd.md", text: "a ab abc b ba éa é 9 99x 日本 日 z")
            ]
        let vault = Vault(origin: "test", files: files)
        let index = SearchIndex(vault: vault)
        var expected: [String: Bitset] = [:]
        for (k, term) in index.terms.enumerated() {
            var prefix = ""
            for scalar in term.unicodeScalars.prefix(2) {
                prefix.unicodeScalars.append(scalar)
                var bits = expected[prefix] ?? Bitset(count: vault.notes.count)
                for note in index.postings[k] { bits.insert(Int(note)) }
                expected[prefix] = bits
            }
        }
        #expect(index.shortPrefixes.count == expected.count)
        #expect(index.shortPrefixes == expected)
        #expect(index.shortPrefixes["日"] != nil && index.shortPrefixes["ab"] != nil)
    }

    @Test("what follows a background build runs off the caller's thread, also when the build had started already")
    func nextRunsOffTheCaller() {
        let build = BackgroundBuild { 42 }
        let caller = pthread_self()
        let onCaller = Mutex<[Bool]>([])
        let done = DispatchSemaphore(value: 0)
        for _ in 0..<2 {
            build.start(then: {
                let same = pthread_equal(pthread_self(), caller) != 0
                onCaller.withLock { $0.append(same) }
                done.signal()
            })
        }
        done.wait()
        done.wait()
        #expect(onCaller.withLock { $0 } == [false, false])
        #expect(build.value == 42)
    }
}
