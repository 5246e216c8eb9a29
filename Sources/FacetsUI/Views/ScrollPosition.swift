/// Where a scrolled list starts so its cursor stays in view: one rule for every view.
public enum ScrollPosition {
    public static func keeping(_ scroll: Int, cursor: Int, visible: Int, count: Int) -> Int {
        guard visible > 0 else { return max(0, cursor) }
        var s = scroll
        if cursor < s { s = cursor }
        if cursor >= s + visible { s = cursor - visible + 1 }
        return max(0, min(s, max(0, count - visible)))
    }

    /// A list's cursor moved onto a row that exists, and the scroll that keeps it in view.
    public static func clamped(cursor: Int, scroll: Int, visible: Int, count: Int) -> (cursor: Int, scroll: Int) {
        let row = max(0, min(cursor, count - 1))
        return (row, keeping(scroll, cursor: row, visible: visible, count: count))
    }
}
