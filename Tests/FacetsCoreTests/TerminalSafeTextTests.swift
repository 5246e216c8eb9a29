import Foundation
import Testing
@testable import FacetsCore

@Suite("Terminal-safe text")
struct TerminalSafeTextTests {
    @Test(
        "escape sequences become visible placeholders",
        arguments: [
            ("\u{1B}", "␛"),
            ("clear\u{1B}[2J screen", "clear␛[2J screen"),
            ("\u{1B}]52;c;aGVsbG8=\u{07}", "␛]52;c;aGVsbG8=␇"),
            ("\u{1B}]0;title\u{1B}\\", "␛]0;title␛\\"),
            ("a\u{9B}2Jb", "a<U+9B>2Jb"),
            ("\u{9D}52;c;x\u{9C}", "<U+9D>52;c;x<U+9C>"),
            ("del\u{7F}", "del␡"),
            ("bell\u{07}", "bell␇"),
            ("nul\u{00}", "nul␀"),
            ("cr\rlf", "cr␍lf"),
            ("tab\there", "tab here"),
            ("line\nbreak", "line break"),
        ])
    func controls(input: String, expected: String) {
        #expect(TerminalSafeText.sanitize(input) == expected)
        #expect(TerminalSafeText.needsSanitizing(input))
    }

    @Test(
        "bidi overrides and zero-width characters become placeholders",
        arguments: [
            ("\u{202E}txet", "<U+202E>txet"),
            ("a\u{202A}b\u{202C}", "a<U+202A>b<U+202C>"),
            ("\u{2066}x\u{2069}", "<U+2066>x<U+2069>"),
            ("zero\u{200B}width", "zero<U+200B>width"),
            ("join\u{200D}er", "join<U+200D>er"),
            ("\u{200E}\u{200F}", "<U+200E><U+200F>"),
            ("word\u{2060}joiner", "word<U+2060>joiner"),
            ("\u{FEFF}bom", "<U+FEFF>bom"),
            ("soft\u{00AD}hyphen", "soft<U+AD>hyphen"),
            ("arabic\u{061C}mark", "arabic<U+61C>mark"),
        ])
    func invisibles(input: String, expected: String) {
        #expect(TerminalSafeText.sanitize(input) == expected)
    }

    @Test(
        "ordinary text, accents, CJK and emoji are untouched",
        arguments: [
            "Government innovation strategies",
            "Café, naïve, Ærø, Łódź — “quotes” … ‘single’",
            "日本語のテキスト and 한국어",
            "emoji 💡🇪🇺👩🏽‍💻 stay",  // the ZWJ inside an emoji sequence is still a zero-width joiner: see below
            "math: a_b * c ≤ 3 → ∞",
            "",
        ])
    func untouched(text: String) {
        if text.unicodeScalars.contains("\u{200D}") {
            // Zero-width joiners are replaced even inside emoji: safe, if less pretty.
            #expect(!TerminalSafeText.sanitize(text).unicodeScalars.contains("\u{200D}"))
        } else {
            #expect(!TerminalSafeText.needsSanitizing(text))
            #expect(TerminalSafeText.sanitize(text) == text)
        }
    }

    @Test("keepNewlines lets line breaks through for multi-line output, nothing else")
    func keepNewlines() {
        #expect(TerminalSafeText.sanitize("a\nb\tc\u{1B}[0m", keepNewlines: true) == "a\nb c␛[0m")
        #expect(TerminalSafeText.sanitize("a\r\nb", keepNewlines: true) == "a␍\nb")
    }

    @Test("no unsafe scalar survives, across the first planes")
    func exhaustive() {
        func unsafe(_ v: UInt32) -> Bool {
            v < 0x20 || v == 0x7F || (0x80..<0xA0).contains(v) || (0x200B...0x200F).contains(v)
                || (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v) || v == 0x2060 || v == 0xFEFF
        }
        var leaks: [String] = []
        for value in Array(UInt32(0)..<0x3000) + [0xFEFF, 0xFFFD, 0x1F4A1] {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let out = TerminalSafeText.sanitize("x\(Character(scalar))y")
            if out.unicodeScalars.contains(where: { unsafe($0.value) }) {
                leaks.append("U+\(String(value, radix: 16)) → \(out.debugDescription)")
            }
            if !unsafe(value) && value != 0x0A && value != 0x09 && value != 0x061C && value != 0x00AD {
                if out != "x\(Character(scalar))y" { leaks.append("U+\(String(value, radix: 16)) changed") }
            }
        }
        #expect(leaks.isEmpty, "\(leaks.prefix(20))")
    }

    @Test("a hostile note's title and text reach the screen inert")
    func hostileNote() {
        let n = note("---\ntitle: \"Evil \\e[2J\\u202Etitle\"\n---\nBody \u{1B}]52;c;cGF5bG9hZA==\u{07} text")
        let title = TerminalSafeText.sanitize(n.title)
        #expect(!title.unicodeScalars.contains("\u{1B}"))
        #expect(!title.unicodeScalars.contains("\u{202E}"))
        #expect(title == "Evil ␛[2J<U+202E>title")
        let body = TerminalSafeText.sanitize(plain(allInlines(n.readBlocks())))
        #expect(body == "Body ␛]52;c;cGF5bG9hZA==␇ text")
    }

    @Test(
        "JSON: strings decode to placeholders, never to controls; newlines and tabs stay escapes",
        arguments: [
            (#"{"t":"a\u001b[2Jb"}"#, #"{"t":"a␛[2Jb"}"#),
            (#"["\u0007","\u007f","\u009b","\b\f\r"]"#, #"["␇","␡","<U+9B>","␈␌␍"]"#),
            ("[\"bidi \u{202E} raw\", \"del \u{7F} c1 \u{9B}\"]", "[\"bidi <U+202E> raw\", \"del ␡ c1 <U+9B>\"]"),
            (#"{"keep":"a\nb\tc \\u001b \" \ud83d\ude00 \u00e9"}"#, #"{"keep":"a\nb\tc \\u001b \" \ud83d\ude00 \u00e9"}"#),
            ("{\n  \"pretty\" : 1\n}", "{\n  \"pretty\" : 1\n}"),
        ])
    func json(input: String, expected: String) throws {
        let output = TerminalSafeText.sanitizeJSON(input)
        #expect(output == expected)
        let decoded = try JSONSerialization.jsonObject(with: Data(output.utf8))
        #expect(!"\(decoded)".unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x7F || $0.value == 0x202E })
    }

    @Test("stripped drops exactly what sanitize replaces")
    func stripped() {
        #expect(TerminalSafeText.stripped("a\u{1B}[2Jb\u{202E}c\u{200B}d\u{9B}e\u{7F}f\tg\nh") == "a[2Jbcdefgh")
        #expect(TerminalSafeText.stripped("plain, accents é and 漢字") == "plain, accents é and 漢字")
    }

    /// The multi-line check runs on sixteen bytes at a time (C, SSE2) before it decides scalar by scalar:
    /// every scalar of the first plane and a few beyond, inside plain text before, across and after a
    /// sixteen-byte step, must be found exactly when it is unsafe and not a newline.
    @Test("the multi-line check agrees with the scalar rule for every scalar at every step position")
    func multiLineCheckAgreesWithScalarRule() {
        let scalars = (0..<0x1_0000).compactMap(Unicode.Scalar.init) + [0x1_F600, 0xE_0001, 0x10_FFFD].compactMap(Unicode.Scalar.init)
        var disagreements: [String] = []
        for scalar in scalars {
            let expected = scalar != "\n" && TerminalSafeText.isUnsafe(scalar)
            for before in [0, 14, 15, 16, 31, 33] {
                let text = String(repeating: "a\n", count: before / 2) + (before % 2 == 1 ? "b" : "") + String(scalar) + "tail"
                if TerminalSafeText.needsSanitizingBesidesNewlines(text) != expected {
                    disagreements.append("U+\(String(scalar.value, radix: 16)) after \(before) bytes")
                }
            }
        }
        #expect(disagreements.isEmpty, "\(disagreements.prefix(10))")
        #expect(!TerminalSafeText.needsSanitizingBesidesNewlines(String(repeating: "plain line\n", count: 100)))
    }
}
