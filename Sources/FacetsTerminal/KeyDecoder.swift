import CNcurses
import FacetsUI

/// Maps what `wget_wch` returns to keys.
enum KeyDecoder {
    static func decode(status: Int32, code: UInt32) -> Key? {
        if status == KEY_CODE_YES { return functionKey(Int32(bitPattern: code)) }
        guard status == OK else { return nil }
        switch code {
        case 10, 13: return .enter
        case 9: return .tab
        case 27: return .escape
        case 127, 8: return .backspace
        case 1...26: return .control(Character(Unicode.Scalar(code + 96) ?? "?"))
        case 0, 28...31: return nil
        default:
            guard let scalar = Unicode.Scalar(code) else { return nil }
            // C1 controls and the like are not keys anyone typed.
            if scalar.value >= 0x80 && scalar.value < 0xA0 { return nil }
            return .character(Character(scalar))
        }
    }

    static func functionKey(_ code: Int32) -> Key? {
        switch code {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_PPAGE: return .pageUp
        case KEY_NPAGE: return .pageDown
        case KEY_HOME: return .home
        case KEY_END: return .end
        case KEY_ENTER: return .enter
        case KEY_BACKSPACE: return .backspace
        case KEY_DC: return .delete
        case KEY_BTAB: return .backTab
        default:
            for n in 1...12 where code == facets_key_f(Int32(n)) { return .function(n) }
            return nil
        }
    }
}
