import FacetsBundledContent
import Foundation
import Testing
@testable import FacetsCore

/// The index is built from notes' raw bytes with a byte-keyed table; it must hold exactly the words a
/// reader of the decoded text would find, note by note.
@Suite("Search index built from bytes")
struct SearchIndexBuildTests {
    /// The reference: a text's words found one text at a time, as strings in a set.
    static func terms<S: StringProtocol>(of text: S, into terms: inout Set<String>) {
        var sink = TermSet(terms: terms)
        var copy = String(text)
        copy.withUTF8 { SearchTokenizer.scan($0, into: &sink) }
        terms = sink.terms
    }

    /// Words of bytes as the tokenizer finds them when fed the bytes directly.
    static func rawWords(_ bytes: [UInt8]) -> Set<String> {
        var sink = TermSet(terms: [])
        bytes.withUnsafeBufferPointer { SearchTokenizer.scan($0, into: &sink) }
        return sink.terms
    }

    /// Words of the same bytes decoded first (invalid UTF-8 becomes U+FFFD).
    static func decodedWords(_ bytes: [UInt8]) -> Set<String> {
        var terms = Set<String>()
        Self.terms(of: String(decoding: bytes, as: UTF8.self), into: &terms)
        return terms
    }

    static let pieces: [[UInt8]] = [
        Array("word ".utf8), Array("Café ".utf8), Array("naïve".utf8), Array("日本語".utf8), Array(" 12 ".utf8),
        Array("123".utf8), Array("<b>".utf8), Array("</i>".utf8), Array("ÉCOLE".utf8), Array("x".utf8),
        [0xE2, 0x82], [0xE2, 0x82, 0xAC], [0xC3], [0x80], [0xFF], [0xED, 0xA0, 0x80], [0xF0, 0x9F, 0x98], [0xF4, 0x90, 0x80, 0x80],
        [0xE0, 0x80, 0x80], [0xC0, 0xAF], [0xF0, 0x9F, 0x98, 0x80], Array(String(repeating: "long", count: 17).utf8), Array("\n".utf8),
    ]

    @Test("Random bytes, valid or not: the words of the raw bytes are the words of the decoded text")
    func rawEqualsDecoded() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<5_000 {
            var bytes: [UInt8] = []
            for _ in 0..<Int.random(in: 0...12, using: &generator) {
                if Bool.random(using: &generator) {
                    bytes += Self.pieces.randomElement(using: &generator)!
                } else {
                    bytes.append(UInt8.random(in: 0...255, using: &generator))
                }
            }
            #expect(Self.rawWords(bytes) == Self.decodedWords(bytes), "\(bytes)")
        }
    }

    @Test("Ill-formed stretches are cut where Swift's decoding cuts them")
    func maximalSubparts() {
        #expect(Self.rawWords([0x61, 0xE2, 0x82, 0x62]) == ["a", "b"], "a truncated sequence does not swallow the b")
        #expect(Self.rawWords([0x61, 0xE2, 0x82, 0xAC, 0x62]) == ["a", "b"], "the euro sign is no letter")
        #expect(Self.rawWords(Array("caf".utf8) + [0xC3, 0xA9]) == ["cafe"])
        #expect(Self.rawWords([0xED, 0xA0, 0x80, 0x61]) == ["a"], "a surrogate's bytes are ill-formed")
    }

    @Test("The index of a vault holds, per word, exactly the notes whose title, aliases or body hold it")
    func indexMatchesReference() {
        var files = BundledContent.files.map { SourceFile(path: $0.path, text: $0.text) }
        var generator = SystemRandomNumberGenerator()
        for number in 0..<300 {
            var bytes = Array("---\ntitle: Note \(number) Über\naliases: [Alias\(number % 7)]\n---\n".utf8)
            for _ in 0..<Int.random(in: 0...20, using: &generator) { bytes += Self.pieces.randomElement(using: &generator)! }
            files.append(SourceFile(path: "n\(number).md", bytes: bytes))
        }
        let vault = Vault(origin: "test", files: files)
        let index = SearchIndex(vault: vault)

        var expected: [String: [UInt32]] = [:]
        for (position, note) in vault.notes.enumerated() {
            var terms = Set<String>()
            Self.terms(of: note.title, into: &terms)
            for alias in note.aliases { Self.terms(of: alias, into: &terms) }
            Self.terms(of: note.readBody(), into: &terms)
            for term in terms { expected[term, default: []].append(UInt32(position)) }
        }
        #expect(index.terms.count == expected.count)
        #expect(index.terms == expected.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
        for (k, term) in index.terms.enumerated() where index.postings[k] != expected[term] {
            Issue.record("\(term): \(index.postings[k]) != \(expected[term] ?? [])")
        }
        #expect(index.terms.contains("alias3") && index.terms.contains("uber"))
    }
}
