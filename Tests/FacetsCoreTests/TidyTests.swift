import Foundation
import Testing
@testable import FacetsCore

/// `Vault.tidy` was rewritten as one pass (five Foundation replacements per call made notes with many
/// backlinks slow); it must still say what the replacements said.
@Suite("Tidy statements")
struct TidyTests {
    /// The former implementation, kept as the reference.
    static func reference(_ text: String) -> String {
        var out = text.split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
        for mark in [" .", " ,", " ;", " :", " )"] { out = out.replacingOccurrences(of: mark, with: String(mark.dropFirst())) }
        while let first = out.first, ".,;:)".contains(first) {
            out.removeFirst()
            out = out.trimmed
        }
        return out.trimmed
    }

    @Test(
        "examples",
        arguments: [
            ("  a   b\t\tc  ", "a b c"),
            ("said it .", "said it."),
            ("first , second ; third : fourth )", "first, second; third: fourth)"),
            (". , ; leading marks", "leading marks"),
            ("\n. kept after a newline", ". kept after a newline"),
            ("x \n . y", "x \n. y"),
            ("", ""),
            (" . ", ""),
        ])
    func examples(input: String, expected: String) {
        #expect(Vault.tidy(input) == expected)
        #expect(Self.reference(input) == expected)
    }

    @Test("random strings of spaces, marks, newlines and words: the same as the reference")
    func random() {
        let pieces = [" ", "  ", "\t", "\n", ".", ",", ";", ":", ")", "(", "a", "word", "é", "\u{A0}", "日本", " .", ". ", "!"]
        var state: UInt64 = 99
        for round in 0..<3000 {
            var text = ""
            state = state &* 6364136223846793005 &+ 1442695040888963407
            for _ in 0..<Int(state >> 60) + 1 {
                state = state &* 6364136223846793005 &+ 1442695040888963407
                text += pieces[Int((state >> 33) % UInt64(pieces.count))]
            }
            #expect(Vault.tidy(text) == Self.reference(text), "round \(round): \(text.debugDescription)")
        }
    }
}
