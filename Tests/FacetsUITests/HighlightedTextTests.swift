@testable import FacetsUI
import Testing

/// Cutting a hit's text to a column so that its matched letters stay in view.
@Suite("Highlighted text cut to a width")
struct HighlightedTextTests {
    /// The cells as text, the matched ones, and the width used.
    static func read(_ spans: [Span]) -> (text: String, matched: String, width: Int) {
        let text = spans.map(\.text).joined()
        let matched = spans.filter { $0.role == .match }.map(\.text).joined()
        return (text, matched, DisplayWidth.of(text))
    }

    static func marks(of word: String, in text: String) -> Set<Int> {
        let characters = Array(text), needle = Array(word)
        for start in 0...(characters.count - needle.count) where Array(characters[start..<start + needle.count]) == needle {
            return Set(start..<start + needle.count)
        }
        return []
    }

    @Test("Text that fits is drawn whole and padded")
    func fits() {
        let cut = Self.read(HighlightedText.spans("Silo mentality", width: 20, marked: [0, 1, 2, 3]))
        #expect(cut.text == "Silo mentality      ")
        #expect(cut.matched == "Silo")
    }

    @Test("A match inside the head keeps the plain cut at the end")
    func matchInHead() {
        let cut = Self.read(HighlightedText.spans("Collaboration across silos", width: 12, marked: [0, 1, 2]))
        #expect(cut.text == "Collaborati…")
        #expect(cut.matched == "Col")
    }

    @Test("A match past the cut: the head, an ellipsis, then the matched word")
    func middleCut() {
        let title = "Collaboration across silos"
        let cut = Self.read(HighlightedText.spans(title, width: 19, marked: Self.marks(of: "silo", in: title)))
        #expect(cut.text == "Collaboration…silos")
        #expect(cut.matched == "silo")
    }

    @Test("A match in the middle of a long text: an ellipsis on both sides of its word")
    func bothSides() {
        let text = "Public servants rarely test prototypes with citizens before launch"
        let cut = Self.read(HighlightedText.spans(text, width: 30, marked: Self.marks(of: "prototype", in: text)))
        #expect(cut.width == 30)
        #expect(cut.matched == "prototype")
        #expect(cut.text.hasPrefix("Public"))
        #expect(cut.text.hasSuffix("…"))
        #expect(cut.text.filter { $0 == "…" }.count == 2, "\(cut.text)")
    }

    @Test("Marks wider than the column: the start of the match is shown, never more than the width")
    func marksTooWide() {
        let text = "A title with averyveryverylongmatchedword in it"
        let cut = Self.read(HighlightedText.spans(text, width: 10, marked: Self.marks(of: "averyveryverylongmatchedword", in: text)))
        #expect(cut.width == 10)
        #expect(!cut.matched.isEmpty, "some matched letters are in view: \(cut.text)")
    }

    @Test("Wide characters count two columns; random texts, marks and widths never overflow")
    func neverWider() {
        var generator = SystemRandomNumberGenerator()
        let alphabet: [Character] = ["a", "b", " ", "界", "é", "-", "silo".first!, "o"]
        for _ in 0..<2_000 {
            let length = Int.random(in: 0...40, using: &generator)
            let text = String((0..<length).map { _ in alphabet.randomElement(using: &generator)! })
            let width = Int.random(in: 1...30, using: &generator)
            var marked = Set<Int>()
            if length > 0 {
                let start = Int.random(in: 0..<length, using: &generator)
                marked = Set(start..<min(length, start + Int.random(in: 1...6, using: &generator)))
            }
            let cut = Self.read(HighlightedText.spans(text, width: width, marked: marked))
            #expect(cut.width <= max(width, 1), "\(text.debugDescription) at \(width): \(cut.text.debugDescription)")
            if DisplayWidth.of(text) <= width { #expect(cut.text.hasPrefix(text)) }
        }
    }
}
