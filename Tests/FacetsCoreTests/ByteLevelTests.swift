import Testing
@testable import FacetsCore

/// The byte-level shortcuts the loader takes must agree with what Swift's own decoding would say.
@Suite("Byte-level loading")
struct ByteLevelTests {
    /// A small deterministic generator, so a failure names a seed that reproduces it.
    struct SplitMix: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    /// Mostly ASCII with runs of lead and continuation bytes, which is where validators go wrong.
    static func randomBytes(_ rng: inout SplitMix) -> [UInt8] {
        let pieces: [[UInt8]] = [
            Array("plain text ".utf8), Array("é".utf8), Array("€".utf8), Array("😀".utf8),
            [0xC3], [0xE2, 0x82], [0xF0, 0x9F, 0x98], [0x80], [0xBF], [0xC0, 0x80], [0xED, 0xA0, 0x80],
            [0xF4, 0x90, 0x80, 0x80], [0xFF], [0xF8], Array("[[link]]\n".utf8), Array("12345678".utf8),
        ]
        var out: [UInt8] = []
        for _ in 0..<Int.random(in: 0...24, using: &rng) { out += pieces[Int.random(in: 0..<pieces.count, using: &rng)] }
        return out
    }

    @Test("the first invalid byte is found exactly where Swift's decoding first repairs")
    func validatorAgreesWithSwift() {
        var rng = SplitMix(state: 20261129)
        for round in 0..<5000 {
            let bytes = Self.randomBytes(&rng)
            let ours = bytes.withUnsafeBufferPointer { UTF8Check.firstInvalidOffset($0) }
            let swiftSaysValid = String(validating: bytes, as: UTF8.self) != nil
            #expect((ours == nil) == swiftSaysValid, "round \(round): \(bytes)")
            if let offset = ours {
                // Everything before the offset is valid on its own; the sequence at the offset is not.
                #expect(String(validating: bytes[..<offset], as: UTF8.self) != nil, "round \(round): \(bytes)")
                #expect(String(validating: bytes[..<bytes.count], as: UTF8.self) == nil)
            }
        }
    }

    @Test("an invalid byte after a real U+FFFD is warned on its own line")
    func invalidAfterReplacementCharacter() {
        let note = NoteParser.parse(path: "r.md", bytes: Array("ok \u{FFFD}\nline two\nbad ".utf8) + [0xE2, 0x28, 0xA1])
        #expect(note.diagnostics.map(\.line) == [3])
    }

    @Test("a timestamp keeps the text as written, in every accepted shape")
    func writtenTimeRoundTrip() {
        for written in ["00:07:27", "1:02:03", "7:27", "01:04:15:00", "59:59"] {
            let note = NoteParser.parse(path: "t.md", text: "Claim [\(written)] here.\n")
            #expect(note.timestamps.map(\.written) == [written])
            #expect(note.timestamps.first?.parts == written.split(separator: ":").map { Int($0) ?? -1 })
        }
    }

    @Test("the common anchor and an unusual one give the same reading")
    func canonicalAnchorMatchesGeneralPath() {
        let canonical = NoteParser.parse(path: "a.md", text: #"x <a class="yt-timestamp" data-t="01:17:23">[01:17:23]</a> y"# + "\n")
        let unusual = NoteParser.parse(path: "b.md", text: #"x <a data-t="01:17:23" class="yt-timestamp">[01:17:23]</a> y"# + "\n")
        #expect(canonical.timestamps.map(\.written) == ["01:17:23"])
        #expect(canonical.timestamps == unusual.timestamps)
        // An anchor that never closes on its line is no timestamp, by either path.
        let open = NoteParser.parse(path: "c.md", text: #"x <a class="yt-timestamp" data-t="01:17:23">the moment"# + "\n</a>\n")
        #expect(open.timestamps.isEmpty)
    }

    @Test("a body line is decoded alone, with the same answers as splitting the whole text")
    func bodyLineMatchesSplitting() {
        let text = "---\ntitle: T\n---\nfirst\n\nthird é\nlast"
        let note = NoteParser.parse(path: "l.md", text: text)
        let lines = String(note.readBody()).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for (offset, line) in lines.enumerated() {
            #expect(note.bodyLine(note.bodyFirstLine + offset) == line)
        }
        #expect(note.bodyLine(note.bodyFirstLine + lines.count) == nil)
        #expect(note.bodyLine(note.bodyFirstLine - 1) == nil)
    }
}
