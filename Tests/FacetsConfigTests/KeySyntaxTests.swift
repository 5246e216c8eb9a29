import FacetsConfig
import FacetsUI
import Testing

@Suite("Key names in config files")
struct KeySyntaxTests {
    static func key(_ name: String) -> Key? {
        if case .success(let key) = KeySyntax.parse(name) { return key }
        return nil
    }

    static func failure(_ name: String) -> String? {
        if case .failure(let error) = KeySyntax.parse(name) { return error.message }
        return nil
    }

    @Test("Names from the README's list")
    func names() {
        let expected: [(String, Key)] = [
            ("j", .character("j")), ("G", .character("G")), ("?", .character("?")), ("é", .character("é")),
            ("ctrl-d", .control("d")), ("Ctrl-D", .control("d")), ("enter", .enter), ("Return", .enter), ("tab", .tab),
            ("shift-tab", .backTab), ("pgdn", .pageDown), ("PageUp", .pageUp), ("f1", .function(1)), ("F12", .function(12)),
            ("space", .character(" ")), ("esc", .escape), ("escape", .escape), ("left", .left), ("backspace", .backspace),
            ("del", .delete), ("home", .home), ("end", .end),
        ]
        for (name, key) in expected { #expect(Self.key(name) == key, "\(name)") }
    }

    @Test("Every default key has a name that reads back as itself")
    func roundTrip() {
        for row in ActionTable.rows {
            for key in row.keys {
                let name = KeySyntax.name(key)
                #expect(name.flatMap(Self.key) == key, "\(key) → \(name ?? "nil")")
            }
        }
    }

    @Test("Unknown names get a clear message")
    func unknown() {
        #expect(Self.failure("pagdn")?.contains("did you mean \"pgdn\"") == true)
        #expect(Self.failure("ctrl+d")?.contains("did you mean \"ctrl-d\"") == true)
        #expect(Self.failure("ctrl-i")?.contains("\"tab\"") == true, "Ctrl-I arrives as Tab")
        #expect(Self.failure("ctrl-12")?.contains("one letter") == true)
        #expect(Self.failure("f13")?.contains("f1 to f12") == true)
        #expect(Self.failure("")?.contains("empty") == true)
        #expect(Self.failure(" ")?.contains("space") == true)
        #expect(Self.failure("\u{7}") != nil)
        #expect(Self.failure("hyperdrive")?.contains("enter, tab") == true, "lists the names when nothing is near")
    }
}
